"""Signing in with an organisation's own identity provider (OpenID Connect, accounts.oidc):
the provider with its role mapping, the link of a provider's account to a user, and the
device that stands for a second factor the provider asserted."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from core.fields import EncryptedTextField
from home.tenancy import Role

# The roles a provider's claim can grant: home.tenancy.Role by its value (the organisation's
# group field), one person's title each.
ROLE_CHOICES = [
    (Role.EDITOR.value, _("Redacteur")),
    (Role.PUBLISHER.value, _("Publiceerder")),
    (Role.COORDINATOR.value, _("Veiligheidscoördinator")),
]


DEFAULT_MFA_VALUES = "mfa otp hwk swk"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def secure_enough(url: str) -> bool:
    """https, or plain http to a provider on this machine (tests, development)."""
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS)


class IdentityProvider(ClusterableModel):
    """An organisation's OpenID Connect provider: its staff sign in there and get the roles its
    group claim maps to, in that organisation only."""

    organisation = models.ForeignKey(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="identity_providers",
        help_text=_("De rollen uit deze identiteitsprovider gelden alleen in deze organisatie."),
    )
    name = models.CharField(
        _("naam"),
        max_length=100,
        help_text=_("Staat op de knop op de inlogpagina, bijvoorbeeld 'Gemeente Aadorp'."),
    )
    issuer = models.URLField(
        _("issuer"),
        max_length=300,
        help_text=_(
            "De issuer-URL van de provider; de instellingen worden opgehaald van "
            "<issuer>/.well-known/openid-configuration."
        ),
    )
    client_id = models.CharField(_("client-ID"), max_length=200)
    client_secret = EncryptedTextField(
        _("clientgeheim"),
        help_text=_("Versleuteld opgeslagen. Laat leeg bij wijzigen om het huidige te houden."),
    )
    scopes = models.CharField(
        _("scopes"),
        max_length=200,
        default="openid email profile",
        help_text=_("Gescheiden door spaties; 'openid' is altijd nodig."),
    )
    groups_claim = models.CharField(
        _("claim met groepen"),
        max_length=100,
        default="groups",
        help_text=_("De claim (uit het ID-token of de userinfo) met de groepen of rollen."),
    )
    trust_provider_mfa = models.BooleanField(
        _("vertrouw tweestapsverificatie van de provider"),
        default=False,
        help_text=_(
            "Aan: wie bij de provider met meer dan één factor inlogde (zie hieronder), krijgt "
            "hier geen tweede stap meer. Uit: na de provider volgt altijd de code uit de app."
        ),
    )
    mfa_values = models.CharField(
        _("waarden voor tweestapsverificatie"),
        max_length=300,
        default=DEFAULT_MFA_VALUES,
        blank=True,
        help_text=_(
            "amr- of acr-waarden in het ID-token die als tweestapsverificatie tellen, "
            "gescheiden door spaties."
        ),
    )
    active = models.BooleanField(
        _("actief"), default=True, help_text=_("Alleen actieve providers staan op de inlogpagina.")
    )

    class Meta:
        verbose_name = _("identiteitsprovider")
        verbose_name_plural = _("identiteitsproviders")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.issuer = self.issuer.rstrip("/")
        if not secure_enough(self.issuer):
            raise ValidationError({"issuer": _("Gebruik een https-adres.")})
        if "openid" not in self.scopes.split():
            raise ValidationError({"scopes": _("De scope 'openid' ontbreekt.")})
        if self.trust_provider_mfa and not self.mfa_values.split():
            raise ValidationError(
                {"mfa_values": _("Noem ten minste één waarde als je de provider vertrouwt.")}
            )

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        if not self.trust_provider_mfa:  # sessions it verified need the app's code again
            self.mfa_devices.filter(confirmed=True).update(confirmed=False)

    def role_map(self) -> dict[str, set[str]]:
        """Per claim value the roles (group field names) it grants."""
        mapped: dict[str, set[str]] = {}
        for mapping in self.role_mappings.all():
            mapped.setdefault(mapping.claim_value, set()).add(mapping.role)
        return mapped

    def asserts_mfa(self, id_token: dict) -> bool:
        """Whether this provider is trusted for the second factor and the ID token says the user
        signed in with one (amr, or acr, among the configured values)."""
        if not self.trust_provider_mfa:
            return False
        counted = set(self.mfa_values.split())
        amr = id_token.get("amr") or []
        amr = [amr] if isinstance(amr, str) else amr
        return bool(counted.intersection(str(v) for v in amr)) or id_token.get("acr") in counted


class RoleMapping(Orderable):
    """One value of the provider's group claim and the role it grants."""

    provider = ParentalKey(IdentityProvider, related_name="role_mappings", on_delete=models.CASCADE)
    claim_value = models.CharField(
        _("waarde in de claim"),
        max_length=200,
        help_text=_("Bijvoorbeeld de naam of ID van de groep bij de provider."),
    )
    role = models.CharField(_("rol"), max_length=30, choices=ROLE_CHOICES)

    class Meta(Orderable.Meta):
        verbose_name = _("rolkoppeling")
        verbose_name_plural = _("rolkoppelingen")

    def __str__(self) -> str:
        return f"{self.claim_value} → {self.get_role_display()}"


class IdentityLink(models.Model):
    """A user's account at a provider (issuer and subject), linked to one local user."""

    issuer = models.CharField(_("issuer"), max_length=300)
    subject = models.CharField(_("subject"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="identity_links",
    )
    provider = models.ForeignKey(
        IdentityProvider,
        verbose_name=_("identiteitsprovider"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="links",
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("laatst ingelogd"), null=True)

    class Meta:
        verbose_name = _("koppeling met identiteitsprovider")
        verbose_name_plural = _("koppelingen met identiteitsproviders")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="accounts_link_unique_sub")
        ]

    def __str__(self) -> str:
        return f"{self.issuer} {self.subject}"


class ProviderMFADevice(Device):
    """django-otp's verified device for a session whose second factor the provider asserted
    (IdentityProvider.asserts_mfa); it accepts no codes itself."""

    provider = models.ForeignKey(
        IdentityProvider, on_delete=models.CASCADE, related_name="mfa_devices"
    )

    class Meta(Device.Meta):
        verbose_name = _("tweestapsverificatie door identiteitsprovider")
        verbose_name_plural = _("tweestapsverificatie door identiteitsproviders")
        constraints = [
            models.UniqueConstraint(fields=["user", "provider"], name="accounts_mfa_device_unique")
        ]

    def verify_token(self, token) -> bool:
        return False
