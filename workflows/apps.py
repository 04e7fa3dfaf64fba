from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """Wagtail workflow glue: the melding moderation task types and their screens."""

    name = "workflows"
    verbose_name = _("Moderatie van meldingen")

    def ready(self):
        from workflows.engine import connect

        connect()
