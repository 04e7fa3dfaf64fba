"""The site's map: /sitemap.xml and robots.txt for crawlers, /sitemap/ for people. Absolute
URLs come from the request, so they name the address the site is really served at."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

# Not for crawlers: sign-in, the partner inbox, a reporter's own meldingen, the API, the admin.
ROBOTS_DISALLOW = ["/admin/", "/partner/", "/mijn-meldingen/", "/api/", "/account/"]
ROBOTS_DISALLOW += [
    f"/{code}{path}"
    for code, _name in settings.LANGUAGES
    if code != settings.LANGUAGE_CODE
    for path in ("/mijn-meldingen/", "/account/")
]
SITEMAP_PAGE_DEPTH = 3  # levels below the home page shown on /sitemap/


class TranslatedSitemap(Sitemap):
    """Every live public page of the site in every language (translations live in their own
    trees, which Wagtail's default sitemap, limited to the site root's descendants, misses)."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        # Wagtail writes the Site record's hostname and port; a page of the site serving this
        # request gets the request's own scheme and host instead.
        urls = super()._urls(page, protocol, domain)
        if self.request is None:
            return urls
        stored = self.get_wagtail_site().root_url.rstrip("/")
        actual = self.request.build_absolute_uri("/").rstrip("/")
        for url_info in urls:
            location = url_info["location"]
            if location == stored or location.startswith(stored + "/"):
                url_info["location"] = actual + location[len(stored) :]
        return urls


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@dataclass
class Branch:
    page: Page
    children: list[Branch] = field(default_factory=list)


def site_tree(request: HttpRequest) -> Branch | None:
    """The live public pages of the request's site in the active language, a few levels deep."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    home = site.root_page.localized
    pages = (
        home.get_descendants()
        .filter(depth__lte=home.depth + SITEMAP_PAGE_DEPTH)
        .live()
        .public()
        .order_by("path")
        .defer_streamfields()
    )
    root = Branch(home)
    by_path = {home.path: root}
    for page in pages:
        parent = by_path.get(page.path[: -Page.steplen])
        if parent is not None:  # under an unpublished or private page: left out with it
            by_path[page.path] = branch = Branch(page)
            parent.children.append(branch)
    return root


@require_safe
def sitemap_page(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "sitemap.html", {"tree": site_tree(request)})
