from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeldingenConfig(AppConfig):
    """The melding aggregate: intake, personal data, attachments, history, status, services."""

    name = "meldingen"
    verbose_name = _("Meldingen")

    def import_models(self):
        """Besides meldingen.models, the Melden page model (meldingen.pages): a Wagtail page
        serves requests, so it stands above the services it calls, outside the models package
        they import. Loaded here, while Django registers models; checked by
        tests/meldingen/test_app_contracts.py."""
        super().import_models()
        import_module(f"{self.name}.pages")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.tenancy import OrganisationRolePermissionPolicy, Role
        from meldingen.models import AvoidanceSignal, CaseSettings, Melding

        for model in (Melding, AvoidanceSignal, CaseSettings):
            register_permission_policy(
                model, OrganisationRolePermissionPolicy(model, Role.COORDINATOR)
            )
