"""Caching of public pages: anonymous GETs may be cached by a CDN/Varnish (purged on publish
by wagtail.contrib.frontend_cache) and by the shared cache (Redis), which this module keeps
and empties on every publish; per-user pages, forms and the admin never are.

Everything kept counts only within a generation number that every publish renews. With a
shared cache (Redis) the number lives there. Without one (REDIS_URL unset), each web process
keeps routes and fragments in its own memory and reads the number from the database once per
request (CACHE_GENERATION_IN_DATABASE, core.generations): a publish raises it in its own
transaction, so every process sees the new number together with the change."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject

from core.generations import CacheGeneration


def _in_database() -> bool:
    return getattr(settings, "CACHE_GENERATION_IN_DATABASE", False)


PRIVATE_PREFIXES = (
    "/admin/",
    "/partner/",
    "/mijn-meldingen/",
    "/api/",
    "/account/",
    "/django-admin/",
    "/gezond/",  # health checks: never stored, and never dependent on Redis for liveness
    "/gereed/",
    "/metrics",  # for Prometheus only, never stored
)
# Signing in and Mijn meldingen also exist in the translations (/en/account/inloggen/).
PRIVATE_PREFIXES += tuple(
    f"/{code}{prefix}"
    for code, _name in settings.LANGUAGES
    if code != settings.LANGUAGE_CODE
    for prefix in ("/mijn-meldingen/", "/account/")
)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response  # the view decided (never_cache on forms and per-user pages)
        public = (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not request.path.startswith(PRIVATE_PREFIXES)
            and not request.user.is_authenticated
            and not response.cookies
        )
        if public:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PUBLIC_CACHE_MAX_AGE,
                s_maxage=settings.PUBLIC_CACHE_S_MAXAGE,
            )
        else:
            patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        return response


class Generation:
    """A number that every change renewing what is kept under it raises: in the shared cache
    (Redis) at `key`, or without one in the database (core.generations) as `name`."""

    def __init__(self, name: str, key: str):
        self.name = name
        self.key = key

    @staticmethod
    def _fresh() -> int:
        """A lost generation (evicted, Redis restarted) must never come back as an old number:
        what was stored under it before could be stale. Time only goes forward."""
        return time.time_ns()

    def current(self) -> int:
        if _in_database():
            return CacheGeneration.current(self.name)
        generation = cache.get(self.key)
        if generation is None:
            cache.add(self.key, self._fresh(), timeout=None)
            generation = cache.get(self.key)
        return generation

    def with_keys(self, *keys: str) -> tuple[int, dict]:
        """The number and what is stored at keys (the keys found), in one round trip when the
        number lives in the shared cache."""
        if _in_database():
            return self.current(), cache.get_many(keys)
        found = cache.get_many([self.key, *keys])
        generation = found.pop(self.key, None)
        return (self.current() if generation is None else generation), found

    def _raise(self) -> None:
        if _in_database():
            CacheGeneration.bump(self.name)
            return
        try:
            cache.incr(self.key)
        except ValueError:
            cache.add(self.key, self._fresh(), timeout=None)

    def bump(self) -> None:
        """Raised now and, with the number in the shared cache, again after commit: a request
        between the first raise and the commit still read the old rows, and what it stored must
        not outlive the change. (Robust: the change has committed by then; a failing cache must
        not turn it into an error.) A number in the database needs no second raise: it changes
        in the same transaction as the data."""
        self._raise()
        if not _in_database():
            transaction.on_commit(self._raise, robust=True)


PAGES = Generation("pages", "pagecache:generation")
GENERATION_KEY = PAGES.key


def generation_for(request) -> int:
    """The generation for this request, read once (StoredPageMiddleware may have read it)."""
    generation = getattr(request, "cache_generation", None)
    if generation is None:
        generation = request.cache_generation = PAGES.current()
    return generation


def generation_with(request, *keys: str):
    """The generation for this request and what is stored at keys, as a dict of the keys found
    (one round trip for all, the generation included when it has not been read yet)."""
    if getattr(request, "cache_generation", None) is not None:
        return request.cache_generation, cache.get_many(keys)
    request.cache_generation, found = PAGES.with_keys(*keys)
    return request.cache_generation, found


def invalidate_pages(**kwargs) -> None:
    """Every stored page goes stale at once (publishing is rare; a page can show others)."""
    PAGES.bump()


class StoredPageMiddleware:
    """Answers anonymous GETs of public pages from the shared cache before sessions, CSRF,
    authentication and the page itself run. It sits inside the CSP middleware, so every
    answer still gets its own nonce. Only what PublicPageCacheMiddleware marked public is
    stored; anyone with a session cookie always gets a fresh page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or request.path.startswith(PRIVATE_PREFIXES)
        ):
            return self.get_response(request)
        # The page and the generation in one round trip; the page counts only if stored under
        # the current generation. The generation is read once per request; fragments and routes
        # (home.routing) reuse it.
        key = f"pagecache:page:{request.get_host()}:{request.get_full_path()}"
        generation, found = generation_with(request, key)
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            return stored[1]
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in response.get("Cache-Control", "")
        ):
            cache.set(key, (generation, response), seconds)
        return response


def fragment_cache(request) -> dict:
    """Template context for {% cache fragment_seconds "name" ... cache_generation preview %}:
    fragments of public pages (header, footer, protocol text) live until the next publish;
    never in previews, which show unpublished content."""
    preview = bool(getattr(request, "is_preview", False))
    return {
        "fragment_seconds": 0 if preview else settings.FRAGMENT_CACHE_SECONDS,
        "cache_generation": SimpleLazyObject(lambda: generation_for(request)),
        "is_preview": preview,
    }


def connect_invalidation() -> None:
    """Publishing, unpublishing, moving or deleting a page, changing a page's privacy, a
    Site, a document or the national contact settings empties stored pages and fragments (called
    from HomeConfig.ready)."""
    from django.db.models.signals import post_delete, post_migrate, post_save
    from wagtail.documents import get_document_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import ContactSettings

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_pages, dispatch_uid=f"pagecache-{id(signal)}")
    post_delete.connect(invalidate_pages, sender=Page, dispatch_uid="pagecache-page-delete")
    # Data migrations save through historical models, which send no signals to these senders.
    post_migrate.connect(invalidate_pages, dispatch_uid="pagecache-migrate")
    for signal in (post_save, post_delete):
        # A page made private must leave the cache at once.
        # A Site change moves every address (and home.routing stores the Site).
        for sender in (get_document_model(), ContactSettings, PageViewRestriction, Site):
            signal.connect(
                invalidate_pages,
                sender=sender,
                dispatch_uid=f"pagecache-{sender.__name__}-{id(signal)}",
            )
