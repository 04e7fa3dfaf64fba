"""What a toolkit index page lists: its resources (own and unhidden national ones, read once
per page-cache generation and kept with the fragments, see home.caching), narrowed by the
filter form in Python. Only a text search asks the search backend. Without the fragment cache
(or in a preview) everything is read fresh."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from home.caching import generation_for
from home.fragments import kept

from .taxonomy import MOMENT_FIELDS, Audience


def fragment_seconds(request: HttpRequest) -> int:
    """How long a fragment of a toolkit page may be kept: never in a preview."""
    return 0 if getattr(request, "is_preview", False) else settings.FRAGMENT_CACHE_SECONDS


def _kept(request: HttpRequest, name: str, compute):
    """compute(), kept until the next publish (or Audience change) when fragments are cached."""
    seconds = fragment_seconds(request)
    if not seconds:
        return compute()
    return kept(f"toolkit:{generation_for(request)}:{name}", compute, seconds)


def _all_resources(page) -> list:
    resources = list(page.resources().order_by("title").prefetch_related("audiences"))
    local = page.organisation is not None
    for resource in resources:
        resource.is_local = local and resource.path.startswith(page.path)
    return resources


def _matches(resource, data: dict, found: set[int] | None) -> bool:
    if data.get("kind") and resource.kind != data["kind"]:
        return False
    audience = data.get("audience")
    if audience and audience not in {a.slug for a in resource.audiences.all()}:
        return False
    moment = data.get("moment")
    if moment and not getattr(resource, MOMENT_FIELDS[moment]):
        return False
    return found is None or resource.pk in found


def listing(page, request: HttpRequest, filterset_class, resource_model) -> dict:
    """Template context of a ToolkitIndexPage: the filter form (filterset, a
    ResourceFilterSet) and the resources (ToolkitResourcePage) it selects, read only when the
    template's fragment of form and list is not stored. That fragment is kept (list_seconds)
    for every valid choice of kind, audience and moment (list_key), not for a text search.
    The classes come as arguments: toolkit.models.resources imports this module."""
    audiences = _kept(request, "audiences", lambda: list(Audience.objects.all()))
    filterset = filterset_class(
        request.GET or None, queryset=resource_model.objects.none(), audiences=audiences
    )
    valid = not filterset.is_bound or filterset.form.is_valid()
    data = filterset.form.cleaned_data if filterset.is_bound and valid else {}

    def select() -> list:
        resources = _kept(request, f"page:{page.pk}", lambda: _all_resources(page))
        if not data:
            return resources
        found = None
        if data.get("q"):
            matches = resource_model.objects.live().search(data["q"], operator="and")
            found = {match.pk for match in matches}
        return [r for r in resources if _matches(r, data, found)]

    cacheable = valid and not data.get("q")
    return {
        "filterset": filterset,
        "resources": SimpleLazyObject(select),
        "list_seconds": fragment_seconds(request) if cacheable else 0,
        # Bound or not: a form sent with every field empty shows "Alle filters wissen".
        "list_key": "|".join(
            [str(filterset.is_bound)]
            + [data.get(name) or "" for name in ("kind", "audience", "moment")]
        ),
    }
