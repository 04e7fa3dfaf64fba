"""Settings shared by every environment. No secrets here: see dev/test/production."""

import os
from pathlib import Path

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from core.logs import logging_config

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

# True only where demo accounts and content may be created (never in production).
DEMO_CONTENT_ALLOWED = False

INSTALLED_APPS = [
    "core",
    "accounts",
    "home",
    "protocols",
    "toolkit",
    "meldingen",
    "partners",
    "workflows",
    "reporting",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_prometheus",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First and (but for axes) last: django-prometheus times and counts every request; pages
    # answered from the page cache (home.caching) reach only the first (core.metrics).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.headers.PermissionsPolicyMiddleware",
    "core.headers.ContentSecurityPolicyMiddleware",
    "home.caching.StoredPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "meldingen.api.content_type.JSONOnlyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.caching.PublicPageCacheMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, as django-axes asks: it answers for a login whose failure reached a threshold.
    "axes.middleware.AxesMiddleware",
]
# Browser features no page of the platform uses: off everywhere (core.headers). Empty tuple:
# no origin may use it.
PERMISSIONS_POLICY = {
    feature: ()
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
    )
}
# Public pages: browsers briefly, the CDN/Varnish longer (purged on publish).
PUBLIC_CACHE_MAX_AGE = 60
PUBLIC_CACHE_S_MAXAGE = 3600
# Registration dashboard figures are kept this long (seconds) per organisation and filter.
REGISTRATION_FIGURES_SECONDS = 60
# Public pages kept in the shared cache (home.caching.StoredPageMiddleware), emptied on
# publish. Off (0) unless the cache is shared by every web process (Redis): see production.
PUBLIC_PAGE_CACHE_SECONDS = 0
# Fragments of public pages ({% cache %} in the templates), emptied on publish the same way.
FRAGMENT_CACHE_SECONDS = 0
# What a served address needs (site, route, privacy, organisation: home.routing), kept until
# the next publish the same way. Off (0) unless the cache is shared.
ROUTE_CACHE_SECONDS = 0

ROOT_URLCONF = "veiligbestuur.urls"
WSGI_APPLICATION = "veiligbestuur.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
                "home.caching.fragment_cache",
            ],
        },
    },
]

# The embedded default serves several people at once (two editors autosaving): WAL lets readers
# run beside the one writer, writers start their transaction IMMEDIATE and wait up to 20 s for
# the lock instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "db.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the source language of interface and content; en and fy via wagtail-localize.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("fy", "Frysk"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Melding attachments, evaluation reports: never under MEDIA_URL, no URL at all (url()
    # refuses); served only through permission checks. Production may use S3 for both.
    "private": {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work: django-tasks on the database queue (run `manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# /gereed/ answers 503 when a runnable task has waited longer than this: no worker is running.
TASK_QUEUE_ALERT_SECONDS = 600

# Prometheus at /metrics (core.metrics, docs/metrics.md): only with the bearer token
# METRICS_TOKEN ("": none) or for a connection straight from METRICS_ALLOWED_NETWORKS (here the
# machine itself; production sets both from the environment). Product metrics: these collectors.
METRICS_TOKEN = ""  # nosec B105 - empty: no token accepted; production reads it from the environment
METRICS_ALLOWED_NETWORKS = ["127.0.0.1/32", "::1/128"]
METRICS_COLLECTORS = ["reporting.metrics.ProductCollector"]

# Wagtail
WAGTAIL_SITE_NAME = "Veilig Bestuur"
# The admin page search lists only pages the user may explore (tests/home/test_report_tenancy).
WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS = True
# Links in e-mails; `make demo` sets BASE_URL to the address it serves (scripts/demo.sh).
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Wagtail's database search with Dutch stemming (PostgreSQL "dutch" or Snowball on SQLite).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "toolkit.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# Explicit types: the OS mime database (used as fallback) often lacks the office formats.
WAGTAILDOCS_CONTENT_TYPES = {
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "workflows.finish.finish_workflow"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_PASSWORD_RESET_ENABLED = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Accounts (see accounts/): a second factor for everyone who can see meldingen or use the
# admin; lock-out after failed attempts; sessions end after 30 minutes of inactivity and
# after 10 hours in any case.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
OTP_TOTP_ISSUER = "Veilig Bestuur"
LOGIN_LOCKOUT = {"attempts_per_user": 5, "attempts_per_address": 20, "window": 15 * 60}
# The lock-out runs on django-axes, attempts in the database (accounts.lockout): its backend
# refuses a locked account or address to every caller of authenticate().
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Staff may sign in with their organisation's OpenID Connect provider (accounts.oidc);
    # the providers, clients and role mappings are records in the admin, not settings.
    "accounts.oidc.backend.OrganisationOIDCBackend",
]
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts_oidc_callback"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10  # seconds per request to a provider
OIDC_DISCOVERY_SECONDS = 3600  # a provider's .well-known/openid-configuration is kept this long
OIDC_LEEWAY_SECONDS = 60  # clock difference allowed on an ID token's exp and iat
AXES_HANDLER = "accounts.lockout.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each against its own LOGIN_LOCKOUT limit
AXES_FAILURE_LIMIT = 1  # LockoutHandler.get_failures: the number of limits reached
AXES_COOLOFF_TIME = "accounts.lockout.cool_off"
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"
AXES_USERNAME_CALLABLE = "accounts.lockout.normalised_username"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = False  # accounts.signals clears the account's failures, not the address's
AXES_DISABLE_ACCESS_LOG = True  # no row per successful login kept for ever
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "token"]  # masked in the stored POST data
# Proxies in front of the application that each append to X-Forwarded-For (a load balancer,
# a CDN): the visitor's address for limits and lock-out is read that many entries from the
# right (core.ratelimit.client_ip). 0: the connection's address, the header is ignored.
TRUSTED_PROXY_COUNT = 0
# Idle timeout: a session ends 30 minutes after it was last saved. accounts.middleware saves
# an active session at most once a minute (not on every request: a write and a commit each).
SESSION_COOKIE_AGE = 30 * 60
SESSION_TOUCH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_MAX_LIFETIME = 10 * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Headers. Public pages: no inline script without the request's nonce, no inline style, no
# framing. The Wagtail admin executes inline scripts and styles (checked in a browser with a
# strict policy: the page explorer, editor and user list break), so it gets its own policy.
# No calls to third parties from the admin: no Gravatar, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Encryption at rest of melding personal data (workflows.crypto); first key encrypts.
FIELD_ENCRYPTION_KEYS: list[str] = []

# Melding intake limits.
MELDING_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
MELDING_ATTACHMENT_MAX_FILES = 10
MELDING_RATE_LIMIT = (10, 3600)  # submissions per window (seconds), per user or address

# Caches. "ratelimit" holds the counters of core.ratelimit, apart from the page cache so that
# nothing evicts them; here in the process's memory (one process: runserver). Production needs
# a store every web process shares (RATELIMIT_REDIS_URL, settings.production); tests use the
# database.
# template_fragments ({% cache %}): the default cache, with a page's fragments fetched in one
# round trip (home.fragments).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "template_fragments": {"BACKEND": "home.fragments.PrefetchedFragments"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ratelimit",
    },
}

DEFAULT_FROM_EMAIL = "Veilig Bestuur <noreply@veiligbestuur.invalid>"


# One line per event with its request id, never personal data (core.logs); LOG_FORMAT=json
# gives JSON lines (the production default).
LOGGING = logging_config(os.environ.get("LOG_FORMAT", "text"))
LOGGING["loggers"].update(
    {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    }
)
