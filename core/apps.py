from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Infrastructure without domain: encrypted fields, the audit chain, client address and
    rate limits, health checks."""

    name = "core"
    verbose_name = _("Basisvoorzieningen")

    def ready(self):
        from core import richtext_threads, signals  # noqa: F401

        richtext_threads.install()
