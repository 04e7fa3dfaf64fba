"""HTML to an accessible PDF (PDF/UA-1: tagged, fonts embedded) with WeasyPrint.

The HTML is the page as the site renders it, laid out with its print stylesheet (media
"print"). Its stylesheets, fonts and images are read from this site's own static files and
media storage, and from the few views named in PDF_STYLESHEET_VIEWS (such as an organisation's
huisstijl stylesheet); nothing is fetched from the network.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.http import HttpRequest, QueryDict
from django.urls import Resolver404, resolve
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Views whose response a PDF may use as a stylesheet (GET, no user), by URL name.
PDF_STYLESHEET_VIEWS: set[str] = {"huisstijl_css"}


def _response(url: str, body: bytes, content_type: str | None = None) -> URLFetcherResponse:
    content_type = content_type or mimetypes.guess_type(urlsplit(url).path)[0]
    return URLFetcherResponse(
        url, body, {"Content-Type": content_type or "application/octet-stream"}
    )


def _prefix_path(prefix: str, url: str, site: str) -> str | None:
    """The part of url after prefix (STATIC_URL or MEDIA_URL, relative or absolute), if any."""
    if "://" not in prefix:
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != site:
            return None
        url, prefix = parts.path, prefix if prefix.startswith("/") else f"/{prefix}"
    if not url.startswith(prefix):
        return None
    name = unquote(urlsplit(url[len(prefix) :]).path)
    if not name or name.startswith("/") or ".." in name.split("/"):
        return None
    return name


class SiteFetcher(URLFetcher):
    """Serves this site's static files, media and allowed stylesheet views; refuses the rest."""

    def __init__(self, site: str):
        super().__init__(allowed_protocols={"data"})
        self.site = site.rstrip("/")

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if (name := _prefix_path(settings.STATIC_URL, url, self.site)) is not None:
            return _response(url, self._static(name))
        if (name := _prefix_path(settings.MEDIA_URL, url, self.site)) is not None:
            with default_storage.open(name, "rb") as file:
                return _response(url, file.read())
        return self._view(url)

    @staticmethod
    def _static(name: str) -> bytes:
        path = finders.find(name)
        if path:
            with open(path, "rb") as file:
                return file.read()
        with staticfiles_storage.open(name, "rb") as file:  # collected (possibly hashed) names
            return file.read()

    def _view(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.site:
            raise ValueError(f"PDF: {url} is not on this site; not fetched")
        try:
            match = resolve(parts.path)
        except Resolver404 as exc:
            raise ValueError(f"PDF: {url} not found") from exc
        if match.url_name not in PDF_STYLESHEET_VIEWS:
            raise ValueError(f"PDF: {url} is not a stylesheet a PDF may use")
        request = HttpRequest()
        request.method, request.path = "GET", parts.path
        request.path_info, request.GET = parts.path, QueryDict(parts.query)
        request.META = {"SERVER_NAME": parts.hostname or "", "SERVER_PORT": parts.port or 80}
        request.user = AnonymousUser()
        response = match.func(request, *match.args, **match.kwargs)
        if response.status_code != 200:
            raise ValueError(f"PDF: {url} answered {response.status_code}")
        body = b"".join(response) if response.streaming else response.content
        return _response(url, body, response.get("Content-Type", "").split(";")[0] or None)


def html_to_pdf(
    html: str, *, base_url: str, title: str, lang: str, extra_css: Iterable[str] = ()
) -> bytes:
    """The HTML (a whole document) as a tagged PDF/UA-1 with title and language set.
    extra_css: stylesheets of the PDF's own (user origin: they win over the page's stylesheets
    only with !important), with URLs resolved like the page's."""
    site = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    fetcher, fonts = SiteFetcher(site), FontConfiguration()
    stylesheets = [
        CSS(string=css, base_url=base_url, url_fetcher=fetcher, font_config=fonts)
        for css in extra_css
    ]
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        font_config=fonts,
        stylesheets=stylesheets,
        presentational_hints=True,  # width="70%" on table cells, as browsers do
        pdf_variant="pdf/ua-1",
    )
    document.metadata.title = title
    document.metadata.lang = lang
    document.metadata.generator = "Veilig Bestuur"
    return document.write_pdf(pdf_variant="pdf/ua-1")
