"""The shared-cache configuration of production (Redis): one definition for production, the
benchmark and the production smoke test, so what is tested is what runs."""


def shared_cache_settings(redis_url: str, page_seconds: int = 300) -> dict:
    """Settings that turn on the Redis cache and every cache layer that needs it shared."""
    return {
        "CACHES": {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": redis_url,
                "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
            }
        },
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
        "PUBLIC_PAGE_CACHE_SECONDS": page_seconds,
        "FRAGMENT_CACHE_SECONDS": 3600,
        "ROUTE_CACHE_SECONDS": 3600,
    }
