"""The identity providers in the Wagtail admin, for the Landelijke redactie only."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusFlagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from home.tenancy import is_national_editor, originals

from ..models import IdentityProvider


class NationalEditorsPolicy(BasePermissionPolicy):
    """Only the Landelijke redactie (and superusers) may see and change the providers: a
    provider decides who gets which role in an organisation."""

    def user_has_permission(self, user, action) -> bool:
        return is_national_editor(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()


class IdentityProviderForm(WagtailAdminModelForm):
    """The secret is never shown again; left empty when editing, the stored one stays."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = originals().order_by("title")
        organisation.widget = forms.Select(choices=organisation.choices)
        secret = self.fields["client_secret"]
        secret.widget = forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"})
        secret.required = not self.instance.pk

    def clean_client_secret(self) -> str:
        return self.cleaned_data.get("client_secret") or self.instance.client_secret


def _callback_help_text() -> str:
    address = settings.WAGTAILADMIN_BASE_URL + reverse("accounts_oidc_callback")
    return str(
        _("Registreer bij de provider dit redirect-adres voor de client: %(address)s")
        % {"address": address}
    )


_callback_help = lazy(_callback_help_text, str)


class IdentityProviderViewSet(ModelViewSet):
    model = IdentityProvider
    icon = "key"
    menu_label = _("Identiteitsproviders")
    add_to_settings_menu = True
    inspect_view_enabled = False
    copy_view_enabled = False
    index_results_template_name = "accounts/admin/listing_results.html"
    list_display = [
        "name",
        "organisation",
        Column("issuer", label=_("Issuer"), sort_key="issuer", classname="vb-break"),
        StatusFlagColumn(
            "trust_provider_mfa",
            label=_("Tweestapsverificatie van provider"),
            true_label=_("Vertrouwd"),
            false_label=_("Eigen code"),
        ),
        StatusFlagColumn("active", label=_("Actief"), true_label=_("Ja"), false_label=_("Nee")),
    ]

    def get_edit_handler(self):
        return ObjectList(
            [
                FieldPanel("organisation"),
                FieldPanel("name"),
                MultiFieldPanel(
                    [
                        HelpPanel(content=_callback_help()),
                        FieldPanel("issuer"),
                        FieldPanel("client_id"),
                        FieldPanel("client_secret"),
                        FieldPanel("scopes"),
                    ],
                    heading=_("Verbinding"),
                ),
                MultiFieldPanel(
                    [
                        FieldPanel("groups_claim"),
                        InlinePanel(
                            "role_mappings",
                            heading=_("Rollen"),
                            label=_("Rolkoppeling"),
                            help_text=_(
                                "Welke waarde in de claim welke rol in de organisatie geeft. "
                                "Wie geen gekoppelde waarde heeft, komt niet binnen; een rol "
                                "die niet meer in de claim staat, vervalt bij de volgende "
                                "keer inloggen."
                            ),
                        ),
                    ],
                    heading=_("Rollen uit de provider"),
                ),
                MultiFieldPanel(
                    [FieldPanel("trust_provider_mfa"), FieldPanel("mfa_values")],
                    heading=_("Tweestapsverificatie"),
                ),
                FieldPanel("active"),
            ],
            base_form_class=IdentityProviderForm,
        ).bind_to_model(IdentityProvider)
