"""Cache headers: anonymous GETs of public pages may be cached by a CDN/Varnish (purged on
publish by wagtail.contrib.frontend_cache); per-user pages, forms and the admin never are."""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

PRIVATE_PREFIXES = (
    "/admin/",
    "/partner/",
    "/mijn-meldingen/",
    "/api/",
    "/account/",
    "/django-admin/",
)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response  # the view decided (never_cache on forms and per-user pages)
        public = (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not request.path.startswith(PRIVATE_PREFIXES)
            and not request.user.is_authenticated
            and not response.cookies
        )
        if public:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PUBLIC_CACHE_MAX_AGE,
                s_maxage=settings.PUBLIC_CACHE_S_MAXAGE,
            )
        else:
            patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        return response
