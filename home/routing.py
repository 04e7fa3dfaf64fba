"""Routing public URLs through the shared cache: Wagtail walks the page tree one level (two
queries) at a time; a path it has walked before costs one query. An entry is checked when
used (the page must still have that path; the page's own route checks it is live), so a stale
entry never serves another page; it merely falls back to the walk."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Page

ROUTE_SECONDS = 3600


def cached_route(root, request, path_components: list[str], walk):
    """The route of path_components below root (the Site's root page); walk is Wagtail's."""
    if not path_components:
        return walk(request, path_components)
    url_path = root.url_path + "/".join(path_components) + "/"
    key = f"pageroute:{url_path}"
    hit = cache.get(key)
    page = _stored_page(hit, url_path) if hit is not None else None
    if page is not None:
        return page.route(request, [])
    result = walk(request, path_components)
    page = result[0]
    if page.url_path == url_path:  # the whole path was page slugs, not a sub-route
        cache.set(key, (page.pk, page.content_type_id), ROUTE_SECONDS)
    return result


def _stored_page(hit, url_path: str):
    """The page a stored route names, if it still lives at url_path; None otherwise (also for
    an entry that no longer fits this database, e.g. after a restore: then Wagtail walks)."""
    try:
        page_id, content_type_id = hit
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except (ContentType.DoesNotExist, TypeError, ValueError):
        return None
    if model is None or not issubclass(model, Page):
        return None
    # select_related: the template reads the page's locale.
    return model.objects.select_related("locale").filter(pk=page_id, url_path=url_path).first()
