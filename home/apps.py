from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home en organisaties")

    def ready(self):
        from django.core.signals import request_started

        from . import admin_sidebar, signals  # noqa: F401
        from .caching import connect_invalidation
        from .fragments import end

        connect_invalidation()
        admin_sidebar.connect()
        request_started.connect(end, dispatch_uid="fragment-fetch-end")
