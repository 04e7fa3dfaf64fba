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
    """Log out a session older than SESSION_MAX_LIFETIME seconds, however active it is (the
    inactivity timeout is SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST)."""

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
        return self.get_response(request)
