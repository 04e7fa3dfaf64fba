"""Second-factor enrolment and verification, shared by the public and the admin login: the
middleware sends a password-authenticated user here before anything else."""

from __future__ import annotations

import django_otp
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import lockout, otp
from .forms import TokenForm

RECOVERY_CODES_SESSION_KEY = "accounts_new_recovery_codes"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return settings.LOGIN_REDIRECT_URL


def _locked(request, form: TokenForm) -> bool:
    if lockout.is_locked(request, request.user.get_username()):
        form.add_error(None, lockout.locked_message())
        return True
    return False


@never_cache
@sensitive_post_parameters("token")
@login_required
def setup(request):
    """Enrol an authenticator app: QR code (inline SVG), text secret, then one code to confirm."""
    if otp.confirmed_totp(request.user):
        return _redirect_to("accounts_otp_verify", request)
    device = otp.pending_totp(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not _locked(request, form):
        allowed, _reason = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["token"]):
            codes = otp.confirm(device)
            django_otp.login(request, device)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            return _redirect_to("accounts_recovery_codes", request)
        lockout.register_failure(request, request.user.get_username())
        form.add_error("token", _wrong_code())
    return TemplateResponse(
        request,
        "accounts/otp_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "secret": otp.base32_secret(device),
            "otpauth_uri": device.config_url,
            "qr_svg": otp.qr_svg(device.config_url),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@sensitive_post_parameters("token")
@login_required
def verify(request):
    """Second step after the password: a code from the app or a recovery code."""
    if not otp.confirmed_totp(request.user):
        return _redirect_to("accounts_otp_setup", request)
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not _locked(request, form):
        device = otp.verify(request.user, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            lockout.reset_user(request.user.get_username())
            return redirect(_next_url(request))
        lockout.register_failure(request, request.user.get_username())
        form.add_error("token", _wrong_code())
    return TemplateResponse(
        request,
        "accounts/otp_verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def recovery_codes(request):
    """Show the recovery codes issued at enrolment, once."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect(_next_url(request))
    return TemplateResponse(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
    )


def _wrong_code() -> str:
    return _("Deze code klopt niet of is verlopen. Probeer het opnieuw.")


def _redirect_to(name: str, request):
    return redirect(f"{reverse(name)}?{urlencode({'next': _next_url(request)})}")
