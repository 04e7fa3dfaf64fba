"""Account middleware: second factor required, absolute session lifetime."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .otp import confirmed_totp
from .policy import requires_second_factor
from .signals import SESSION_STARTED_KEY

SESSION_TOUCHED_KEY = "_touched"  # when the session was last saved to keep it alive


class SecondFactorMiddleware:
    """A user who needs a second factor and has not given it this session can only reach the
    enrolment/verification pages and log out; the API answers 403. Needs OTPMiddleware before
    it (request.user.is_verified)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not self._exempt(request.path)
            and requires_second_factor(user)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": _("Tweestapsverificatie vereist.")}, status=403)
            name = "accounts_otp_verify" if confirmed_totp(user) else "accounts_otp_setup"
            return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        open_paths = [
            reverse("accounts_otp_setup"),
            reverse("accounts_otp_verify"),
            reverse("accounts_recovery_codes"),
            reverse("logout"),
            reverse("wagtailadmin_logout"),
            settings.STATIC_URL,
        ]
        return any(path.startswith(p) for p in open_paths)


class SessionLifetimeMiddleware:
    """Log out a session older than SESSION_MAX_LIFETIME seconds, however active it is; end one
    idle for SESSION_COOKIE_AGE. Each request of a session keeps it alive, but the session is
    written (its expiry moved on) at most every SESSION_TOUCH_SECONDS, not on every request: the
    idle timeout is then between SESSION_COOKIE_AGE minus that and SESSION_COOKIE_AGE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = request.session.get(SESSION_STARTED_KEY)
        if (
            request.user.is_authenticated
            and started is not None
            and time.time() - started > settings.SESSION_MAX_LIFETIME
        ):
            logout(request)
            return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
        response = self.get_response(request)
        self._touch(request.session)
        return response

    @staticmethod
    def _touch(session) -> None:
        """Mark an existing session to be saved once its last save is SESSION_TOUCH_SECONDS
        old; never start one (anonymous visitors without a session stay without a cookie)."""
        if session.session_key is None or session.is_empty():
            return
        now = int(time.time())
        if now - session.get(SESSION_TOUCHED_KEY, 0) >= settings.SESSION_TOUCH_SECONDS:
            session[SESSION_TOUCHED_KEY] = now
