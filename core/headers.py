"""Response headers every page gets: Permissions-Policy switches off the browser features the
platform never uses (settings.PERMISSIONS_POLICY), so injected or third-party content cannot
reach a camera, microphone or location either."""

from __future__ import annotations

from django.conf import settings


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
