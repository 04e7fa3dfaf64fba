"""The client's address behind proxies, and a fixed-window rate limit whose counters live in
CACHES["ratelimit"]: a store of their own, so page-cache pressure never evicts them, shared by
every web process (production: a Redis database with maxmemory-policy noeviction)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import caches


def client_ip(request) -> str:
    """The visitor's address for limits and lock-out. Behind settings.TRUSTED_PROXY_COUNT
    proxies that each append the address they received from to X-Forwarded-For, it is the
    entry that many places from the right (what the outermost trusted proxy saw); anything to
    its left was sent by the client and is ignored. Without trusted proxies (0), or when the
    header has fewer entries than proxies, it is the connection's own address: a direct client
    cannot choose its address by sending the header."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(scope: str, key: str) -> bool:
    """Count one hit; False when the limit of settings.MELDING_RATE_LIMIT is exceeded."""
    limit, window = settings.MELDING_RATE_LIMIT
    bucket = int(time.time() // window)
    cache_key = f"ratelimit:{scope}:{key}:{bucket}"
    cache = caches["ratelimit"]
    try:
        count = cache.incr(cache_key)  # one round trip for all but the window's first hit
    except ValueError:  # the window's first hit
        if cache.add(cache_key, 1, timeout=window + 5):
            count = 1
        else:  # another request created it in between
            try:
                count = cache.incr(cache_key)
            except ValueError:  # and it expired in between: count this hit alone
                count = 1
    return count <= limit
