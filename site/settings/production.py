"""Production: everything from environment variables; refuses to start without a secret.

See README.md ("Omgevingsvariabelen") for the full list.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .shared_cache import shared_cache_settings


def env(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Environment variable {name} is required in production.")
    return value or ""


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = False
# Static files from the web processes themselves (behind the CDN): no separate file server.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
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
    globals().update(
        shared_cache_settings(REDIS_URL, int(env("PUBLIC_PAGE_CACHE_SECONDS", "300")))
    )

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

MEDIA_ROOT = env("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
STORAGES["private"]["OPTIONS"]["location"] = env(  # noqa: F405
    "PRIVATE_MEDIA_ROOT",
    str(PRIVATE_MEDIA_ROOT),  # noqa: F405
)
STATIC_ROOT = env("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405

# HTTPS everywhere; TLS is terminated by the load balancer, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The load balancer appends the visitor's address to X-Forwarded-For; one more for a CDN.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "1") == "1"
# The load balancer's health checks may come over plain HTTP (see home.health).
SECURE_REDIRECT_EXEMPT = [r"^gezond/$", r"^gereed/$"]
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
