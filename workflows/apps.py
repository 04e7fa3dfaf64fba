from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Meldingen")

    def ready(self):
        from . import signals  # noqa: F401
        from .engine import silence_wagtail_mail_for_meldingen

        silence_wagtail_mail_for_meldingen()
