"""The authentication backend: the code from the callback exchanged at the chosen provider,
the ID token verified (signature from the provider's keys, issuer, audience, expiry, nonce),
the user found by issuer and subject or created, and their roles in the provider's
organisation set from the mapped claim."""

from __future__ import annotations

import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from ..models import IdentityLink, IdentityProvider
from . import discovery
from .roles import apply_roles, granted_roles, organisation_of

logger = logging.getLogger(__name__)

PROVIDER_SESSION_KEY = "accounts_oidc_provider"
# Asymmetric algorithms only: the signature must come from the provider's published keys.
SIGNING_ALGORITHMS = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"}


class SignInRefused(Exception):
    """The provider vouched for the person, but this platform does not let them in."""


def provider_in_session(request) -> IdentityProvider | None:
    pk = request.session.get(PROVIDER_SESSION_KEY)
    return IdentityProvider.objects.filter(pk=pk, active=True).first() if pk else None


def refusal(request) -> str | None:
    """Why the last sign-in on this request was refused, for the login page."""
    return getattr(request, "oidc_refusal", None)


class OrganisationOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with every provider setting from the IdentityProvider the
    user chose (in the session) instead of global settings."""

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()
        self.provider: IdentityProvider | None = None
        self.metadata: dict = {}

    def get_settings(self, attr, *args):
        if attr == "OIDC_TOKEN_USE_BASIC_AUTH":
            methods = self.metadata.get("token_endpoint_auth_methods_supported", [])
            return "client_secret_post" not in methods and "client_secret_basic" in methods
        return import_from_settings(attr, *args)

    def _configure(self, provider: IdentityProvider) -> None:
        self.provider = provider
        self.metadata = discovery.configuration(provider.issuer)
        self.OIDC_OP_TOKEN_ENDPOINT = self.metadata["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = self.metadata["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = self.metadata["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request, **kwargs):
        # Only the callback of a sign-in started here passes a nonce; a password login never.
        if request is None or "nonce" not in kwargs or not request.GET.get("code"):
            return None
        provider = provider_in_session(request)
        if provider is None:
            return None
        try:
            self._configure(provider)
            return super().authenticate(request, **kwargs)
        except SignInRefused as exc:
            request.oidc_refusal = str(exc)
        except (
            SuspiciousOperation,
            ImproperlyConfigured,
            requests.RequestException,
            jwt.PyJWTError,
            KeyError,
            ValueError,
        ) as exc:
            logger.warning("OIDC sign-in at %s refused: %s", provider.issuer, exc)
        return None

    def verify_token(self, token, **kwargs) -> dict:
        """The ID token's claims, once signature, issuer, audience, time and nonce are right
        (mozilla-django-oidc itself checks neither audience nor issuer)."""
        if not token:
            raise SuspiciousOperation("No ID token.")
        algorithm = jwt.get_unverified_header(token).get("alg")
        offered = set(self.metadata.get("id_token_signing_alg_values_supported", ["RS256"]))
        if algorithm not in SIGNING_ALGORITHMS & offered:
            raise SuspiciousOperation(f"ID token algorithm {algorithm!r} not accepted.")
        key = self.retrieve_matching_jwk(token)
        claims = jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            audience=self.provider.client_id,
            issuer=self.metadata["issuer"],
            leeway=settings.OIDC_LEEWAY_SECONDS,
            options={"require": ["iss", "sub", "aud", "exp", "iat"]},
        )
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != self.provider.client_id:
            raise SuspiciousOperation("ID token for several audiences without our azp.")
        if claims.get("nonce") != kwargs.get("nonce"):
            raise SuspiciousOperation("ID token nonce does not match.")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        provider = self.provider
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload["sub"]:
            raise SuspiciousOperation("userinfo is about another subject.")
        claims = {**userinfo, **payload}
        organisation = organisation_of(provider)
        roles = granted_roles(provider, claims)
        with transaction.atomic():
            link = (
                IdentityLink.objects.select_for_update()
                .select_related("user")
                .filter(issuer=provider.issuer, subject=payload["sub"])
                .first()
            )
            if link is None:
                user = self.create_user(claims)
                link = IdentityLink(issuer=provider.issuer, subject=payload["sub"], user=user)
            else:
                user = self.update_user(link.user, claims)
            link.provider = provider
            link.last_login_at = timezone.now()
            link.save()
            if not user.is_active:
                raise SignInRefused(
                    _("Je account is uitgeschakeld. Neem contact op met de beheerder.")
                )
            apply_roles(user, organisation, roles)
        if not roles:
            raise SignInRefused(
                _(
                    "Je bent aangemeld bij %(provider)s, maar je hebt daar geen rol voor Veilig "
                    "Bestuur. Vraag je beheerder om je aan de juiste groep toe te voegen."
                )
                % {"provider": provider.name}
            )
        self.request.oidc_mfa = provider.asserts_mfa(payload)
        return user

    def create_user(self, claims: dict):
        """A new account for the provider's user, without a usable password."""
        base = str(claims.get("email") or claims.get("preferred_username") or claims["sub"])[:140]
        username, number = base, 1
        while self.UserModel.objects.filter(username=username).exists():
            number += 1
            username = f"{base}-{number}"
        user = self.UserModel.objects.create_user(username, password=None)
        return self.update_user(user, claims)

    def update_user(self, user, claims: dict):
        """Name and e-mail address as the provider says now."""
        fields = {
            "first_name": str(claims.get("given_name") or "")[:150],
            "last_name": str(claims.get("family_name") or "")[:150],
        }
        if claims.get("email") and claims.get("email_verified", True) is not False:
            fields["email"] = str(claims["email"])[:254]
        changed = [name for name, value in fields.items() if getattr(user, name) != value]
        for name in changed:
            setattr(user, name, fields[name])
        if changed:
            user.save(update_fields=changed)
        return user

    def get_user(self, user_id):
        return ModelBackend.get_user(self, user_id)  # an inactive user is nobody
