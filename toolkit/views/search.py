"""Site search over all public pages of the current language: toolkit, Stappenplan, Checklist,
protocols, ... Dutch words are stemmed (toolkit.search_backend)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale, Page

from toolkit.search_snippets import snippet

PAGE_SIZE = 20


def _results(query: str, number: str):
    pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
    results = Paginator(pages.search(query, operator="and"), PAGE_SIZE).get_page(number)
    for result in results:
        result.snippet = snippet(result, query)
    return results


def search(request: HttpRequest) -> HttpResponse:
    """The results are searched only when the template's fragment for this query, page and
    language is not stored (until the next publish, like the other fragments; the cache's
    LRU bounds the number of queries kept, docs/deployment.md)."""
    query = request.GET.get("q", "").strip()[:200]
    number = request.GET.get("pagina", "1")[:6]
    number = number if number.isdigit() else "1"
    context = {
        "query": query,
        "results": SimpleLazyObject(lambda: _results(query, number)) if query else None,
        "results_key": f"{number}|{query}",
    }
    return TemplateResponse(request, "toolkit/search.html", context)
