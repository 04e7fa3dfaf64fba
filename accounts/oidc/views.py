"""Start a sign-in at the provider chosen on the login page, and receive its answer."""

from __future__ import annotations

import logging

import django_otp
import requests
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.shortcuts import get_object_or_404, redirect, resolve_url
from django.utils.translation import gettext as _
from django.views.generic import View
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from ..models import IdentityProvider, ProviderMFADevice
from . import discovery
from .backend import PROVIDER_SESSION_KEY, provider_in_session, refusal

logger = logging.getLogger(__name__)


def _unavailable() -> str:
    return _(
        "Inloggen bij je organisatie is nu niet mogelijk. Probeer het later opnieuw of log in "
        "met je gebruikersnaam en wachtwoord."
    )


class AuthenticationRequestView(OIDCAuthenticationRequestView):
    """To the provider's authorization endpoint, with state, nonce and PKCE in the session."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the settings come from the provider, in get()

    def get_settings(self, attr, *args):
        if attr == "OIDC_RP_SCOPES":
            return self.provider.scopes
        return import_from_settings(attr, *args)

    def get(self, request, pk: int):
        self.provider = get_object_or_404(IdentityProvider, pk=pk, active=True)
        try:
            metadata = discovery.configuration(self.provider.issuer)
        except (ImproperlyConfigured, requests.RequestException, ValueError) as exc:
            logger.warning("OIDC discovery of %s failed: %s", self.provider.issuer, exc)
            messages.error(request, _unavailable())
            return redirect("wagtailadmin_login")
        self.OIDC_OP_AUTH_ENDPOINT = metadata["authorization_endpoint"]
        self.OIDC_RP_CLIENT_ID = self.provider.client_id
        request.session[PROVIDER_SESSION_KEY] = self.provider.pk
        return super().get(request)


class AuthenticationCallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: logged in (the second factor too when the provider asserted it
    and is trusted for it), or back to the admin login page with the reason."""

    @property
    def failure_url(self) -> str:
        return resolve_url("wagtailadmin_login")

    @property
    def success_url(self) -> str:
        return self.request.session.get("oidc_login_next") or resolve_url("wagtailadmin_home")

    def get(self, request):
        try:
            return super().get(request)
        except SuspiciousOperation as exc:  # an unknown or reused state
            logger.warning("OIDC callback refused: %s", exc)
            return self.login_failure()

    def login_success(self):
        response = super().login_success()
        provider = provider_in_session(self.request)
        if provider is not None and getattr(self.request, "oidc_mfa", False):
            device, _created = ProviderMFADevice.objects.update_or_create(
                user=self.user,
                provider=provider,
                defaults={"name": provider.name[:64], "confirmed": True},
            )
            django_otp.login(self.request, device)
        return response

    def login_failure(self):
        if self.request.GET.get("error"):
            message = _("Inloggen bij je organisatie is afgebroken.")
        else:
            message = refusal(self.request) or _(
                "Inloggen bij je organisatie is niet gelukt. Probeer het opnieuw of log in met "
                "je gebruikersnaam en wachtwoord."
            )
        messages.error(self.request, message)
        return redirect(self.failure_url)
