from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Toolkit Veilig Bestuur")

    def ready(self):
        from . import signals
        from .setup import grant_national_editor_permissions

        signals.connect()
        post_migrate.connect(grant_national_editor_permissions, sender=self)
