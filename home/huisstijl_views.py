"""The huisstijl stylesheet of an organisation (or the national one): design tokens and
@font-face rules as an ordinary same-origin stylesheet, so no inline style is needed (CSP)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .huisstijl import cached_huisstijl, tokens_css
from .models import OrganisationPage

YEAR = 365 * 24 * 3600
STALE_SECONDS = 300  # an outdated version in the URL: serve the current style, briefly


@require_safe
def huisstijl_css(request: HttpRequest, key: str, version: str) -> HttpResponse:
    organisation = None
    if key != "landelijk":
        organisation = OrganisationPage.objects.filter(pk=int(key)).first()
        if organisation is None:
            raise Http404
    huisstijl = cached_huisstijl(request, organisation)
    response = HttpResponse(
        tokens_css(huisstijl, f"{settings.STATIC_URL}vendor/fonts/"),
        content_type="text/css; charset=utf-8",
    )
    if version == huisstijl.version:
        patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=STALE_SECONDS)
    return response
