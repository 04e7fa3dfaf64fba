"""A fixed-window rate limit on the shared cache (Redis in production)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    # Behind the load balancer REMOTE_ADDR is set from X-Forwarded-For by the proxy layer.
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(scope: str, key: str) -> bool:
    """Count one hit; False when the limit of settings.MELDING_RATE_LIMIT is exceeded."""
    limit, window = settings.MELDING_RATE_LIMIT
    bucket = int(time.time() // window)
    cache_key = f"ratelimit:{scope}:{key}:{bucket}"
    try:
        count = cache.incr(cache_key)  # one round trip for all but the window's first hit
    except ValueError:  # the window's first hit (or its key was evicted)
        if cache.add(cache_key, 1, timeout=window + 5):
            count = 1
        else:  # another request created it in between
            try:
                count = cache.incr(cache_key)
            except ValueError:  # and it was evicted again: count this hit alone
                count = 1
    return count <= limit
