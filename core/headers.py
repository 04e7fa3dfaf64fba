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

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
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
