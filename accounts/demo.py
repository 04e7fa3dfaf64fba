"""Demo only: every demo account that needs a second factor gets a TOTP device with one fixed,
documented secret (README, "Demo-accounts"), so `make demo` works without enrolling.
load_demo refuses to run without DEMO_CONTENT_ALLOWED, and so does this module."""

from __future__ import annotations

import base64

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django_otp.plugins.otp_totp.models import TOTPDevice

from .policy import requires_second_factor

DEMO_TOTP_SECRET = "VEILIGBESTUURDEMOVEILIGBESTUUR23"  # noqa: S105 - base32, demo only  # nosec B105
DEMO_EMAIL_DOMAIN = "@demo.veiligbestuur.example"


def demo_totp_key() -> str:
    return base64.b32decode(DEMO_TOTP_SECRET).hex()


def ensure_demo_device(user) -> TOTPDevice:
    if not settings.DEMO_CONTENT_ALLOWED:
        raise ImproperlyConfigured("Demo TOTP devices are not allowed in this environment.")
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "demo", "key": demo_totp_key()}
    )
    return device


def load(stdout) -> list[tuple[str, str]]:
    users = get_user_model().objects.filter(email__endswith=DEMO_EMAIL_DOMAIN)
    enrolled = [ensure_demo_device(user) for user in users if requires_second_factor(user)]
    stdout.write(
        f"Tweestapsverificatie voor {len(enrolled)} demo-accounts: geheime sleutel "
        f"{DEMO_TOTP_SECRET} (huidige code: manage.py demo_totp)."
    )
    return []
