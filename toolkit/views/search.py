"""Site search over all public pages of the current language: toolkit, Stappenplan, Checklist,
protocols, ... Dutch words are stemmed (toolkit.search_backend)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from toolkit.search_snippets import snippet

PAGE_SIZE = 20


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(query, operator="and"), PAGE_SIZE)
        results = paginator.get_page(request.GET.get("pagina"))
        for result in results:
            result.snippet = snippet(result, query)
    return TemplateResponse(request, "toolkit/search.html", {"query": query, "results": results})
