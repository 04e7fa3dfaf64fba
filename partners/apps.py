from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Ketenpartners: kinds, partners, routing rules and decisions, notices, the inbox."""

    name = "partners"
    verbose_name = _("Ketenpartners")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.tenancy import OrganisationPermissionPolicy
        from partners.models import Partner, RoutingRule

        register_permission_policy(Partner, OrganisationPermissionPolicy(Partner))
        register_permission_policy(
            RoutingRule, OrganisationPermissionPolicy(RoutingRule, national_rows=True)
        )
