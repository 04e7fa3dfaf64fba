"""/favicon.ico, which browsers and feed readers ask for without reading the page: a permanent
redirect to the static icon (hashed name in production, so it is cached for a long time)."""

from __future__ import annotations

from django.templatetags.static import static
from django.views.generic import RedirectView


class FaviconView(RedirectView):
    permanent = True

    def get_redirect_url(self, *args, **kwargs) -> str:
        return static("img/favicon.ico")
