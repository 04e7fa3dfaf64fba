"""API authentication: a per-user bearer token (Wagtail's APIToken: only a keyed hash is
stored; managed with `manage.py api_tokens` or the /api/sleutels endpoints), or the Django
session for same-site use (then a CSRF token is required on writes)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie
from ninja.utils import check_csrf
from wagtail.api.v3.auth import BearerTokenAuth

CSRF_FAILED = _(
    "De CSRF-controle is mislukt. Stuur bij inloggen via de website het CSRF-token mee in de "
    "kop X-CSRFToken, of gebruik een API-sleutel."
)


class SessionAuth(APIKeyCookie):
    """The logged-in session user. Anonymous requests fall through (and get a 401, not a
    CSRF error); a logged-in write without a valid CSRF token gets a 403."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request) -> str | None:
        if not request.user.is_authenticated:
            return None
        if self.csrf and not getattr(request, "_ninja_csrf_exempt", False):
            if check_csrf(request):
                raise HttpError(403, str(CSRF_FAILED))
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key: str | None) -> Any:
        return request.user if request.user.is_authenticated else None


# Bearer first: a presented token decides (an invalid one is never rescued by a session).
AUTH = [BearerTokenAuth(), SessionAuth()]
