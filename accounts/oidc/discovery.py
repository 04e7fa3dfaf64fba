"""A provider's endpoints from its issuer's .well-known/openid-configuration, kept in the
shared cache for a while."""

from __future__ import annotations

import requests
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from ..models import secure_enough

REQUIRED = ("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint")


def configuration(issuer: str) -> dict:
    """The provider's metadata; raises ImproperlyConfigured when it cannot be used."""
    issuer = issuer.rstrip("/")
    key = f"accounts.oidc.discovery:{issuer}"
    found = cache.get(key)
    if found is not None:
        return found
    if not secure_enough(issuer):
        raise ImproperlyConfigured(f"Issuer {issuer} is not https.")
    response = requests.get(
        f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT
    )
    response.raise_for_status()
    found = response.json()
    if str(found.get("issuer", "")).rstrip("/") != issuer:
        raise ImproperlyConfigured(f"Discovery of {issuer} names another issuer.")
    missing = [name for name in REQUIRED if not found.get(name)]
    if missing or not all(secure_enough(found[name]) for name in REQUIRED):
        raise ImproperlyConfigured(f"Discovery of {issuer}: missing or insecure {missing}.")
    cache.set(key, found, settings.OIDC_DISCOVERY_SECONDS)
    return found
