"""Login forms with the brute-force lock-out, and the second-factor code form."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from . import lockout


class LockoutMixin:
    """Refuse a locked user name or address before the password is even checked, with the
    Dutch lock-out message (axes' backend refuses too, for any other caller of authenticate)."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if lockout.is_locked(self.request, username):
            raise ValidationError(lockout.locked_message(), code="locked")
        return super().clean()


class PublicLoginForm(LockoutMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw."),
    }


class AdminLoginForm(LockoutMixin, WagtailLoginForm):
    """Wagtail admin login (WAGTAILADMIN_USER_LOGIN_FORM)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's field has no label, so the form showed the field name "Password".
        self.fields["password"].label = _("Password")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=_("De code van zes cijfers uit uw authenticator-app, of een herstelcode."),
        error_messages={"required": _("Vul de code in.")},
    )

    def clean_token(self) -> str:
        return "".join(self.cleaned_data["token"].split()).lower()
