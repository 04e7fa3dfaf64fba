"""Serving public URLs with what an earlier request found out about them, from the shared cache.

Wagtail finds the Site (1 query), the home page in the active language (2), walks the page
tree (2 queries per level) and reads the view restrictions of the page and its ancestors (2)
on every request, and the page's organisation for its header (1). For an address served
before, serve() below sets all of these, and the page itself, from one cache entry: a known
address needs no query.

An entry counts only in the page-cache generation it was made in (home.caching), which every
publish, unpublish, move, delete, privacy change and Site change renews after commit: the
fragments and the full-page cache already depend on exactly that. What a page shows only
changes by publishing it (a draft changes nothing public), so the page as published is stored
with the route. The generation and the entry come in one round trip. The page is still asked
to route (which checks it is live) on use; an entry that does not fit is a miss and falls back
to Wagtail's walk. Restoring a database behind the same Redis needs the cache emptied
(docs/operations.md), as for every other cached page.
"""

from __future__ import annotations

import pickle  # only our own cache entries, written by this module  # nosec B403

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.template.response import SimpleTemplateResponse
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from . import fragments
from .caching import generation_for, generation_with
from .models import OrganisationPage
from .page_facts import forget, tell

# What unpickling an entry written by another release can raise; such an entry is a miss.
UNREADABLE = (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError)


def serve(request, path: str):
    """wagtail.views.serve, with the site, route and privacy of a known address preset."""
    if not settings.ROUTE_CACHE_SECONDS:  # a cache not shared by every process
        return wagtail_views.serve(request, path)
    key, fragments_key = _key(request, path), _fragments_key(request)
    try:
        generation, found = generation_with(request, key, fragments_key)
    except UNREADABLE:  # e.g. pickled by a release whose classes have changed
        generation, found = generation_for(request), {}
    listed = found.get(fragments_key)
    fetch = fragments.begin(listed)  # the fragments this address used last time, at once
    if not _preset(request, found.get(key), generation):
        _remember(request, key, path, generation)
    response = wagtail_views.serve(request, path)  # with the route and facts set on the request
    if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
        response.add_post_render_callback(
            lambda rendered: _note_fragments(rendered, fragments_key, listed, fetch.asked)
        )
    return response


def _note_fragments(response, key: str, listed, asked: list) -> None:
    """Note which fragments the address used, for the next request's single fetch."""
    if response.status_code == 200 and asked and asked != listed:
        cache.set(key, asked, settings.ROUTE_CACHE_SECONDS)


def with_known_facts(page, request):
    """page, told its view restrictions and organisation from the shared cache (when the route
    cache is on): Wagtail's privacy check and OrganisationPage.for_page then need no queries.
    Which restrictions apply is stored until the next privacy change, move or publish; the
    restrictions themselves are read fresh (their groups and passwords may change)."""
    if settings.ROUTE_CACHE_SECONDS:
        _apply(page, _facts(page, request))
    return page


def _facts(page, request) -> dict:
    key = f"pagefacts:{generation_for(request)}:{page.pk}"
    try:
        facts = cache.get(key)
    except UNREADABLE:
        facts = None
    if not _valid_facts(facts):
        forget(page)  # Wagtail's own lookups, not stored answers
        restrictions = page.get_view_restrictions().values_list("pk", flat=True)
        organisation = OrganisationPage.for_page(page)
        facts = {
            "restrictions": list(restrictions),
            # The tenant shown in the title, header and footer (its own publish renews this),
            # stored bare: never the routed instance itself with its facts attached.
            "organisation": _bare(organisation),
        }
        cache.set(key, facts, settings.ROUTE_CACHE_SECONDS)
    return facts


def _valid_facts(facts) -> bool:
    """Anything else (another release's format, a damaged entry) counts as unknown: never as
    "no restrictions"."""
    return (
        isinstance(facts, dict)
        and set(facts) == {"restrictions", "organisation"}
        and isinstance(facts["restrictions"], list)
        and all(type(pk) is int for pk in facts["restrictions"])
        and (facts["organisation"] is None or isinstance(facts["organisation"], OrganisationPage))
    )


def _apply(page, facts: dict) -> None:
    # Wagtail's privacy hook (and the API) ask the page; home.page_facts gives the stored answer.
    tell(page, facts["restrictions"], facts["organisation"])


def _bare(instance):
    """A copy of a model instance with its field values only: no cached relations, no facts
    told, nothing another request attached. What the cache stores is plain data."""
    if instance is None:
        return None
    names = [f.attname for f in instance._meta.concrete_fields]
    return type(instance).from_db(
        instance._state.db, names, [getattr(instance, name) for name in names]
    )


def _address(request) -> str:
    return f"{request.get_host()}:{request.get_port()}:{translation.get_language()}"


def _key(request, path: str) -> str:
    return f"pageroute:{_address(request)}:{path}"


def _fragments_key(request) -> str:
    return f"pagefragments:{_address(request)}:{request.get_full_path()}"


def _preset(request, entry, generation) -> bool:
    """Set what Wagtail's serve would look up; False when there is no entry for this
    generation or it does not fit (any more)."""
    try:
        if entry["generation"] != generation:
            return False
        site, root_paths, page, locale, facts = (
            entry["site"],
            entry["site_root_paths"],
            entry["page"],
            entry["locale"],
            entry["facts"],
        )
    except (KeyError, TypeError):  # none, or written by another version
        return False
    if not isinstance(site, Site) or not _valid_facts(facts):
        return False
    if not isinstance(page, Page) or not isinstance(locale, Locale) or page.locale_id != locale.pk:
        return False
    page.locale = locale  # the template reads it
    try:
        route = page.route(request, [])  # checks the page is live
    except Http404:
        return False
    _apply(page, facts)
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths  # for page URLs
    request._wagtail_route_for_request = route
    return True


def _remember(request, key: str, path: str, generation) -> None:
    """Walk the path as Wagtail would (its result stays on the request for serve), tell the
    page its facts, and store the entry if the whole path was page slugs (not a sub-route such
    as a protocol's pdf/)."""
    route = Page.route_for_request(request, path)
    if route is None:  # no site or no such page: serve answers 404
        return
    page, site = route[0], request._wagtail_site
    facts = _facts(page, request)
    _apply(page, facts)
    if page.url_path != site.root_page.localized.url_path + path:
        return
    entry = {
        "generation": generation,
        "site": _bare(site),  # its root_page may be the routed page itself
        "site_root_paths": Site.get_site_root_paths(),
        # As published: only a publish (which renews the generation) changes what it shows.
        "page": _bare(page),
        "locale": _bare(page.locale),
        "facts": facts,
    }
    cache.set(key, entry, settings.ROUTE_CACHE_SECONDS)
