"""Benchmarks (`make bench`): production-like (DEBUG off, PostgreSQL, Redis, database queue)
but on loopback over plain HTTP, with a fixed key. Never for real data."""

import os

import dj_database_url

from .base import *  # noqa: F403
from .shared_cache import shared_cache_settings
from .whitenoise import with_whitenoise

DEBUG = False
# The stock Wagtail page beside ours (bench.stockpage), only here: the product's migrations and
# URLs stay as they are.
INSTALLED_APPS = [*INSTALLED_APPS, "bench.stockpage"]  # noqa: F405
ROOT_URLCONF = "bench.stockpage.urls"
MIDDLEWARE = with_whitenoise(MIDDLEWARE)  # noqa: F405
STATIC_ROOT = BASE_DIR / "var" / "bench" / "static"  # noqa: F405
# As in production with Redis; the benchmark measures pages with and without the page cache.
globals().update(
    shared_cache_settings(
        os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
        int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "300")),
    )
)
SECRET_KEY = "bench-only-insecure-key"  # noqa: S105 - bench only  # nosec B105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vb_bench"),
        conn_max_age=600,
    )
}
DEMO_CONTENT_ALLOWED = True  # the national template and toolkit the scale data builds on
FIELD_ENCRYPTION_KEYS = ["YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW8="]  # not a secret
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("BENCH_SMTP_PORT", "2525"))
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8100"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
