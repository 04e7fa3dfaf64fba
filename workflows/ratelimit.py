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
    cache.add(cache_key, 0, timeout=window + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, timeout=window + 5)
        count = 1
    return count <= limit
