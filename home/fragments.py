"""A page's template fragments ({% cache %}) in one round trip to the cache.

Django's cache tag asks CACHES["template_fragments"] for each fragment: a page with a header,
a footer and its own content made one round trip to Redis per fragment. This backend is that
alias. It reads and writes the default cache, but first answers from what this request already
fetched: home.routing asks for the fragment keys the address's last render used (in the same
round trip as its route) and fetches them all at once with begin(). After the render the keys
are noted again when they changed (a publish renews them all).

Only exact keys are answered from the fetch, and every key carries the page-cache generation,
so an answer from it is the answer Redis would give a moment later. A key that was not fetched
goes to the cache as before. The fetch lives for one request: request_started clears it.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

MISSING = object()


@dataclass
class _Fetch:
    fetched: dict = field(default_factory=dict)  # key: value, or MISSING when absent
    asked: list = field(default_factory=list)


_current: ContextVar[_Fetch | None] = ContextVar("fragment_fetch", default=None)


def begin(keys: list | None) -> _Fetch:
    """Fetch keys (the fragments this address used last time) in one round trip; every
    fragment asked for during this request is noted."""
    fetch = _Fetch()
    if keys and isinstance(keys, list) and all(isinstance(key, str) for key in keys):
        found = caches["default"].get_many(keys)
        fetch.fetched = {key: found.get(key, MISSING) for key in keys}
    _current.set(fetch)
    return fetch


def kept(key: str, compute, seconds: int):
    """compute(), kept under key for seconds and fetched with the page's fragments. The key
    must carry the page-cache generation (a publish renews it)."""
    store = caches["template_fragments"]
    found = store.get(key)
    if found is None:
        found = compute()
        store.set(key, found, seconds)
    return found


def end(**kwargs) -> None:
    """No fetch outlives its request (connected to request_started)."""
    _current.set(None)


class PrefetchedFragments(BaseCache):
    """CACHES["template_fragments"]: the default cache, read through this request's fetch."""

    def __init__(self, location, params):
        super().__init__(params)

    @property
    def _cache(self):
        return caches["default"]

    def get(self, key, default=None, version=None):
        fetch = _current.get()
        if fetch is None or version is not None:
            return self._cache.get(key, default, version)
        fetch.asked.append(key)
        if key not in fetch.fetched:
            return self._cache.get(key, default)
        value = fetch.fetched[key]
        return default if value is MISSING else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        fetch = _current.get()
        if fetch is not None and key in fetch.fetched:
            fetch.fetched[key] = value
        self._cache.set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._cache.add(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._cache.touch(key, timeout, version)

    def delete(self, key, version=None):
        fetch = _current.get()
        if fetch is not None:
            fetch.fetched.pop(key, None)
        return self._cache.delete(key, version)

    def clear(self):
        return self._cache.clear()
