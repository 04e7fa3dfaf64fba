from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Toolkit Veilig Bestuur")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.tenancy import OrganisationRolePermissionPolicy

        from . import signals
        from .models import ChecklistProgress

        # Every member of the organisation (any role) sees and keeps its checklist progress;
        # national editors, members of none, do not. Records are created by toolkit.progress.
        register_permission_policy(
            ChecklistProgress, OrganisationRolePermissionPolicy(ChecklistProgress, role=None)
        )
        signals.connect()
