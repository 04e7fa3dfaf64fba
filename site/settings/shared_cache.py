"""The shared-cache configuration of production (Redis): one definition for production, the
benchmark and the production smoke test, so what is tested is what runs."""

from urllib.parse import parse_qs, urlsplit


def redis_cache(redis_url: str) -> dict:
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": redis_url,
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }


def same_redis_database(url: str, other: str) -> bool:
    """Whether two redis:// URLs name one database (host, port and database number)."""

    def database(value: str) -> tuple:
        parts = urlsplit(value)
        number = parts.path.strip("/") or parse_qs(parts.query).get("db", ["0"])[0]
        return parts.hostname, parts.port or 6379, int(number or 0)

    return bool(url and other) and database(url) == database(other)


def shared_cache_settings(
    redis_url: str, page_seconds: int = 300, ratelimit_url: str | None = None
) -> dict:
    """Settings that turn on the Redis cache and every cache layer that needs it shared. The
    rate-limit counters go to ratelimit_url (production: a database of its own that is never
    evicted, see settings.production); without it (benchmark, smoke test) to redis_url."""
    return {
        "CACHES": {
            "default": redis_cache(redis_url),
            "template_fragments": {"BACKEND": "home.fragments.PrefetchedFragments"},
            "ratelimit": redis_cache(ratelimit_url or redis_url),
        },
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
        "PUBLIC_PAGE_CACHE_SECONDS": page_seconds,
        "FRAGMENT_CACHE_SECONDS": 3600,
        "ROUTE_CACHE_SECONDS": 3600,
    }


def process_cache_settings(caches: dict, entries: int = 20000) -> dict:
    """Without a shared cache (REDIS_URL unset): routes and fragments in each web process's
    memory, valid within a generation number read from the database once per request
    (home.caching, core.generations). Whole pages are not kept (PUBLIC_PAGE_CACHE_SECONDS 0)."""
    return {
        "CACHES": {
            **caches,
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "pages",
                "OPTIONS": {"MAX_ENTRIES": entries},
            },
        },
        "CACHE_GENERATION_IN_DATABASE": True,
        "FRAGMENT_CACHE_SECONDS": 3600,
        "ROUTE_CACHE_SECONDS": 3600,
    }
