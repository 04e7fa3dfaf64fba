"""Melden without an organisation of one's own: choose the organisation, by name."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from meldingen.entry import grouped, melden_entries


def melden_chooser(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    entries = melden_entries(query)
    context = {"query": query, "groups": grouped(entries), "count": len(entries)}
    return TemplateResponse(request, "meldingen/melden_chooser.html", context)
