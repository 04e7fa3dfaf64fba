from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Ketenpartners: kinds, partners, routing rules and decisions, notices, the inbox."""

    name = "partners"
    verbose_name = _("Ketenpartners")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.provisioning import organisation_provisioned
        from home.tenancy import OrganisationPermissionPolicy
        from meldingen import consent
        from meldingen.signals import information_added
        from partners.models import Partner, RoutingRule
        from partners.rules import external_kinds
        from partners.setup import add_meldpunt_partners

        register_permission_policy(Partner, OrganisationPermissionPolicy(Partner))
        consent.register(external_kinds)
        information_added.connect(_share_new_information, dispatch_uid="partners_share_info")
        organisation_provisioned.connect(
            add_meldpunt_partners, dispatch_uid="partners.ensure_meldpunt_partners"
        )
        register_permission_policy(
            RoutingRule, OrganisationPermissionPolicy(RoutingRule, national_rows=True)
        )


def _share_new_information(sender, melding, **kwargs) -> None:
    from partners.services import share_new_information

    share_new_information(melding)
