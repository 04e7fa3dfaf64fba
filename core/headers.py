"""Response headers every page gets.

- Content-Security-Policy through django-csp: settings.CONTENT_SECURITY_POLICY on public pages
  and the API, with a fresh nonce in every answer (also one served from the page cache);
  settings.ADMIN_CONTENT_SECURITY_POLICY under the Wagtail admin, which needs inline scripts
  and styles (a nonce there would switch 'unsafe-inline' off, so it gets none).
- Permissions-Policy switches off the browser features the platform never uses
  (settings.PERMISSIONS_POLICY), so injected or third-party content cannot reach a camera,
  microphone or location either.
"""

from __future__ import annotations

from functools import lru_cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy, default_config
from django.conf import settings
from django.urls import reverse

# Stands for the nonce in the public policy built once (django-csp builds it per answer,
# about a third of the time of a page served from the page cache).
_NONCE_MARK = "VBNONCEMARK"
_PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


@lru_cache(maxsize=4)
def _admin_prefix(urlconf: str) -> str:
    return reverse("wagtailadmin_home", urlconf=urlconf)


_built: list = [None, ""]  # the settings' policy it was built from, and the header


def _public_policy() -> str:
    current = settings.CONTENT_SECURITY_POLICY
    if _built[0] is not current:  # first answer, or a test changed the setting
        _built[:] = [current, build_policy(nonce=_NONCE_MARK)]
    return _built[1]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        """The common answer (public, no per-view policy, no report-only policy) gets the
        policy built once with its own nonce put in; anything else goes through django-csp."""
        if (
            HEADER in response
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
            or any(hasattr(response, name) for name in _PER_RESPONSE)
            or request.path.startswith(_admin_prefix(settings.ROOT_URLCONF))
        ):
            return super().process_response(request, response)
        response[HEADER] = _public_policy().replace(_NONCE_MARK, str(request.csp_nonce))
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path.startswith(reverse("wagtailadmin_home")):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            parts.nonce = None
        elif parts.nonce is None:
            parts.nonce = str(request.csp_nonce)  # every public answer gets its own
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.value)
        return response
