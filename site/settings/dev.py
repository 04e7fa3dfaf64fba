"""Local development and `make demo`: SQLite, database task queue, e-mail to the console."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
DEMO_CONTENT_ALLOWED = True
SECRET_KEY = "dev-only-insecure-key-not-for-production"  # noqa: S105 - dev  # nosec B105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
VAR_DIR.mkdir(exist_ok=True)

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"

FIELD_ENCRYPTION_KEYS = [
    "ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE="
]  # not a secret: dev data only
