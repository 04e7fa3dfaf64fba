"""Test settings: PostgreSQL at DATABASE_URL when reachable, otherwise SQLite with a warning.

REQUIRE_POSTGRES=1 turns an unreachable PostgreSQL into an error (CI sets it).
"""

import os
import sys

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import VAR_DIR

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/veiligbestuur"


def _postgres_reachable(url: str) -> str | None:
    """Return None when PostgreSQL answers at url, else the reason it does not."""
    import psycopg

    cfg = dj_database_url.parse(url)
    try:
        psycopg.connect(
            host=cfg["HOST"] or None,
            port=cfg["PORT"] or None,
            user=cfg["USER"] or None,
            password=cfg["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return None


DATABASE_URL = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
_require = os.environ.get("REQUIRE_POSTGRES") == "1"
if DATABASE_URL.startswith(("postgres://", "postgresql://")):
    _problem = _postgres_reachable(DATABASE_URL)
else:
    _problem = f"DATABASE_URL is not a PostgreSQL URL: {DATABASE_URL}"

if _problem is None:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
    # A test database of this run's own: two runs on one machine never collide.
    _base = DATABASES["default"]["NAME"]
    DATABASES["default"]["TEST"] = {"NAME": f"test_{_base}_{os.getpid()}"}
    TEST_DATABASE_VENDOR = "postgresql"
elif _require:
    raise ImproperlyConfigured(f"REQUIRE_POSTGRES=1 but PostgreSQL is unreachable: {_problem}")
else:
    print(
        f"\nWAARSCHUWING: PostgreSQL niet bereikbaar ({_problem}); tests draaien op SQLite.\n"
        "Zet REQUIRE_POSTGRES=1 om dit als fout te behandelen.\n",
        file=sys.stderr,
    )
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    if os.environ.get("VB_SQLITE_TEST_FILE"):
        # An already migrated file as the test database (with pytest --reuse-db).
        DATABASES["default"]["TEST"] = {"NAME": os.environ["VB_SQLITE_TEST_FILE"]}
    TEST_DATABASE_VENDOR = "sqlite"

DEBUG = False
DEMO_CONTENT_ALLOWED = True
REGISTRATION_FIGURES_SECONDS = 0  # fresh in every request; one test turns it on
SECRET_KEY = "test-only-insecure-key"  # noqa: S105 - tests  # nosec B105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# A worker subprocess started by the delivery tests uses the real queue and a loopback SMTP.
if os.environ.get("TEST_WORKER_SMTP_PORT"):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "127.0.0.1"
    EMAIL_PORT = int(os.environ["TEST_WORKER_SMTP_PORT"])
# Files per test process (pytest-xdist worker; the servers and workers a test starts inherit
# the variable): a test that compares the files before and after sees only its own.
_FILES = f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
MEDIA_ROOT = VAR_DIR / _FILES / "media"
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / _FILES / "private", "base_url": None},
    },
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Rate-limit counters in the database cache table, created with the test database: every test
# starts without counters (its transaction rolls back), and the server processes a test starts
# share them. Production uses Redis (settings.production).
CACHES = {
    **CACHES,  # noqa: F405
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "test_ratelimit",
    },
}

FIELD_ENCRYPTION_KEYS = [
    "dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24="
]  # not a secret: test data only

# `manage.py lintmigrations` (CI, make lint) reads the SQL PostgreSQL would run: new migrations
# must be safe while the previous release still serves (docs/deployment.md, "Migraties zonder
# onderbreking").
INSTALLED_APPS = [*INSTALLED_APPS, "django_migration_linter"]  # noqa: F405
MIGRATION_LINTER_OPTIONS = {
    "no_cache": True,
    # Known exceptions, each with its reason (docs/deployment.md):
    "ignore_name": [
        # The checklist's recurrence changed from months to kinds (issue 23). The previous
        # release misreads the new values: its checklist screens may fail for the minutes of a
        # rollout. Accepted: no melding path reads the checklist. Not a pattern to repeat.
        "0004_recurrence_and_own_items",
        # A unique constraint on the national checklist (a few dozen rows): the lock is brief,
        # and the previous release never writes duplicates.
        "0006_checklist_item_constraints",
    ],
}
