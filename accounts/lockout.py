"""Brute-force lock-out on django-axes: failed attempts are rows in the database (shared by every
web process), counted per account and per client address (core.ratelimit.client_ip, so behind
the load balancer each visitor has an own count); past either threshold within the window,
logging in is refused until the window has passed since the last failure.

Limits come from settings.LOGIN_LOCKOUT = {"attempts_per_user", "attempts_per_address",
"window"}; the AXES_* settings point here. Failed second-factor codes count as failed attempts
for that user too; a successful login (password, or the code) clears the account's failures.
"""

from __future__ import annotations

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


def _thresholds() -> dict[str, int]:
    """Per axes lock-out parameter (AXES_LOCKOUT_PARAMETERS) its own threshold."""
    limits = settings.LOGIN_LOCKOUT
    return {"username": limits["attempts_per_user"], "ip_address": limits["attempts_per_address"]}


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a threshold of its own per lock-out parameter (axes compares
    one count with one limit): get_failures answers how many parameters have reached their
    threshold, and AXES_FAILURE_LIMIT is 1."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        thresholds = _thresholds()
        counts = self.get_user_attempts(request, credentials)  # in AXES_LOCKOUT_PARAMETERS order
        return sum(
            (attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)
            >= thresholds[parameter]
            for parameter, attempts in zip(settings.AXES_LOCKOUT_PARAMETERS, counts, strict=True)
        )


def cool_off(request: HttpRequest | None = None) -> timedelta:
    """AXES_COOLOFF_TIME: the window of settings.LOGIN_LOCKOUT."""
    return timedelta(seconds=settings.LOGIN_LOCKOUT["window"])


def normalised_username(request: HttpRequest | None, credentials: dict | None = None) -> str:
    """AXES_USERNAME_CALLABLE: the user name as typed, trimmed and case-folded, so variants of
    one name share one count."""
    source = credentials if credentials is not None else request.POST
    return str(source.get("username") or "").strip().lower()


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE, for the request whose failure reached a threshold: the page the
    view answered (the login or code form with its Dutch error) instead of axes' own English
    one. The next attempt meets the lock-out message in the form itself (is_locked). Axes'
    asynchronous middleware passes no response: then the message alone."""
    if isinstance(original_response, HttpResponse):
        return original_response
    return HttpResponse(locked_message(), status=429, content_type="text/plain; charset=utf-8")


def is_locked(request: HttpRequest, username: str) -> bool:
    return AxesProxyHandler.is_locked(request, get_credentials(username))


def register_failure(request: HttpRequest, username: str) -> None:
    """A failed attempt outside Django's authenticate() (a wrong second-factor code)."""
    user_login_failed.send(__name__, credentials=get_credentials(username), request=request)


def reset_user(name: str) -> None:
    """Forget the account's failures (from every address): its owner has logged in."""
    AxesProxyHandler.reset_attempts(username=normalised_username(None, get_credentials(name)))


def locked_message() -> str:
    minutes = max(1, settings.LOGIN_LOCKOUT["window"] // 60)
    return _(
        "Te veel mislukte pogingen. Inloggen is tijdelijk geblokkeerd; probeer het over "
        "%(minutes)d minuten opnieuw of neem contact op met de beheerder."
    ) % {"minutes": minutes}
