from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Figures, dashboards, exports, yearly evaluation, retention and erasure."""

    name = "reporting"
    verbose_name = _("Registratie en evaluatie")

    def ready(self):
        """Tenancy of the organisation's records: its veiligheidscoördinatoren (home.tenancy),
        by their role alone, as for the meldingen the records are about. The erasure itself
        (reporting.erasure) writes PurgeRecord; nobody adds or changes one by hand."""
        from wagtail.permissions import register_permission_policy

        from home.tenancy import OrganisationRolePermissionPolicy, Role
        from reporting.models import EvaluationReport, PurgeRecord, RetentionPolicy

        for model, actions in [
            (RetentionPolicy, ("view", "add", "change")),
            (EvaluationReport, ("view", "add")),  # a new save is a new version
            (PurgeRecord, ("view",)),
        ]:
            register_permission_policy(
                model, OrganisationRolePermissionPolicy(model, Role.COORDINATOR, actions)
            )
