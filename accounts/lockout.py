"""Brute-force lock-out: failed attempts counted per user name and per client address in the
cache; past the limit within the window, logging in is refused until the window has passed.

Limits come from settings.LOGIN_LOCKOUT = {"attempts_per_user", "attempts_per_address",
"window"}. Failed second-factor codes count as failed attempts for that user too.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _

from core.ratelimit import client_ip

PREFIX = "login-lockout"


def client_address(request: HttpRequest | None) -> str:
    return client_ip(request) if request is not None else "unknown"


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"{PREFIX}:{kind}:{digest}"


def _keys(request: HttpRequest | None, username: str) -> list[tuple[str, int]]:
    limits = settings.LOGIN_LOCKOUT
    keys = [(_key("address", client_address(request)), limits["attempts_per_address"])]
    if username:
        keys.append((_key("user", username), limits["attempts_per_user"]))
    return keys


def is_locked(request: HttpRequest | None, username: str) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(request, username))


def register_failure(request: HttpRequest | None, username: str) -> None:
    window = settings.LOGIN_LOCKOUT["window"]
    for key, _limit in _keys(request, username):
        if not cache.add(key, 1, window):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, window)


def reset_user(username: str) -> None:
    cache.delete(_key("user", username))


def locked_message() -> str:
    minutes = max(1, settings.LOGIN_LOCKOUT["window"] // 60)
    return _(
        "Te veel mislukte pogingen. Inloggen is tijdelijk geblokkeerd; probeer het over "
        "%(minutes)d minuten opnieuw of neem contact op met de beheerder."
    ) % {"minutes": minutes}
