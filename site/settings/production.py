"""Production: everything from environment variables; refuses to start without a secret.

See README.md ("Omgevingsvariabelen") for the full list.
"""

import ipaddress
import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.logs import logging_config

from .base import *  # noqa: F403
from .object_storage import object_storage_settings
from .shared_cache import (
    process_cache_settings,
    redis_cache,
    same_redis_database,
    shared_cache_settings,
)
from .whitenoise import with_whitenoise


def env(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Environment variable {name} is required in production.")
    return value or ""


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = False
MIDDLEWARE = with_whitenoise(MIDDLEWARE)  # noqa: F405
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Environment variable ALLOWED_HOSTS is required in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", required=True), conn_max_age=600, conn_health_checks=True
    )
}

FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")
if not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("Environment variable FIELD_ENCRYPTION_KEYS is required.")

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    globals().update(shared_cache_settings(REDIS_URL, int(env("PUBLIC_PAGE_CACHE_SECONDS", "300"))))
else:  # routes and fragments in each process's memory, checked against the database
    globals().update(process_cache_settings(CACHES))  # noqa: F405
# Rate-limit counters (core.ratelimit): shared by every web process and never evicted, so not
# in the page cache's database nor in a process's memory.
RATELIMIT_REDIS_URL = env("RATELIMIT_REDIS_URL")
if not RATELIMIT_REDIS_URL:
    raise ImproperlyConfigured(
        "Environment variable RATELIMIT_REDIS_URL is required in production: a Redis database "
        "for the rate limits that every web process shares and that is never evicted (a Redis "
        "with maxmemory-policy noeviction, e.g. redis://ratelimit-redis:6379/0); see "
        "docs/deployment.md."
    )
if same_redis_database(RATELIMIT_REDIS_URL, REDIS_URL):
    raise ImproperlyConfigured(
        "RATELIMIT_REDIS_URL must not be the page cache's database (REDIS_URL): that one evicts "
        "keys under memory pressure. Use a Redis with maxmemory-policy noeviction; see "
        "docs/deployment.md."
    )
CACHES = {**CACHES, "ratelimit": redis_cache(RATELIMIT_REDIS_URL)}  # noqa: F405

# Prometheus (/metrics, core.metrics; docs/metrics.md). Database and cache metrics through
# django-prometheus's backends: the same drivers, counted. The endpoint answers the bearer token
# METRICS_TOKEN, or a direct connection from METRICS_ALLOWED_NETWORKS (CIDRs, comma-separated;
# never the load balancer's); without either, nobody.
DATABASES["default"]["ENGINE"] = DATABASES["default"]["ENGINE"].replace(
    "django.db.backends.", "django_prometheus.db.backends.", 1
)
CACHES = {
    name: {**cache, "BACKEND": "django_prometheus.cache.backends.redis.RedisCache"}
    if cache["BACKEND"] == "django_redis.cache.RedisCache"
    else cache
    for name, cache in CACHES.items()
}
METRICS_TOKEN = env("METRICS_TOKEN")
if METRICS_TOKEN and len(METRICS_TOKEN) < 32:
    raise ImproperlyConfigured(
        "METRICS_TOKEN must be at least 32 characters, e.g. the output of "
        '`python -c "import secrets; print(secrets.token_urlsafe(32))"`.'
    )
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS")
for _network in METRICS_ALLOWED_NETWORKS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(f"METRICS_ALLOWED_NETWORKS: {exc}") from exc

WAGTAILADMIN_BASE_URL = env("BASE_URL", required=True).rstrip("/")

# Purge the CDN/Varnish on publish (wagtail.contrib.frontend_cache), e.g. http://varnish:80.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "0") == "1"
EMAIL_USE_SSL = env("EMAIL_USE_SSL", "0") == "1"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Uploads: on S3-compatible object storage when its buckets are named (S3_MEDIA_BUCKET,
# S3_ATTACHMENTS_BUCKET; site/settings/object_storage.py), else on the filesystem here.
MEDIA_ROOT = env("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
STORAGES["private"]["OPTIONS"]["location"] = env(  # noqa: F405
    "PRIVATE_MEDIA_ROOT",
    str(PRIVATE_MEDIA_ROOT),  # noqa: F405
)
globals().update(
    object_storage_settings(
        os.environ,
        STORAGES,  # noqa: F405
        {
            "CONTENT_SECURITY_POLICY": CONTENT_SECURITY_POLICY,  # noqa: F405
            "ADMIN_CONTENT_SECURITY_POLICY": ADMIN_CONTENT_SECURITY_POLICY,  # noqa: F405
        },
    )
)
STATIC_ROOT = env("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405

# HTTPS everywhere; TLS is terminated by the load balancer, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The load balancer appends the visitor's address to X-Forwarded-For; one more for a CDN.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "1") == "1"
# The load balancer's health checks may come over plain HTTP (see home.health).
# So may Prometheus, straight to each web process (/metrics, see above).
SECURE_REDIRECT_EXEMPT = [r"^gezond/$", r"^gereed/$", r"^metrics$"]
TASK_QUEUE_ALERT_SECONDS = int(env("TASK_QUEUE_ALERT_SECONDS", "600"))
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# JSON lines with the request id by default; LOG_FORMAT=text for a readable console.
LOGGING = logging_config(env("LOG_FORMAT", "json"), env("LOG_LEVEL", "INFO"))
