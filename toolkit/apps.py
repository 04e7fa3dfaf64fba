from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Toolkit Veilig Bestuur")

    def ready(self):
        from django.contrib.auth.models import Group

        from . import signals
        from .setup import grant_national_editor_permissions, grant_on_group_created

        signals.connect()
        post_migrate.connect(grant_national_editor_permissions, sender=self)
        post_save.connect(grant_on_group_created, sender=Group, dispatch_uid="toolkit-national")
