"""What a reporter typed in earlier steps of the intake form, kept between steps in their
session until they send the melding or stop. Encrypted (core.crypto): the session store holds
no readable personal data; after DRAFT_SECONDS an unfinished draft is dropped."""

from __future__ import annotations

import json
import time

from django.core.exceptions import ImproperlyConfigured

from core.crypto import decrypt_text, encrypt_text

SESSION_KEY = "melding_draft"
DRAFT_SECONDS = 60 * 60


def load(request, page) -> dict[str, list[str]]:
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("page") != page.pk:
        return {}
    if time.time() - stored.get("saved", 0) > DRAFT_SECONDS:
        clear(request)
        return {}
    try:
        return json.loads(decrypt_text(stored["data"]))
    except (ImproperlyConfigured, ValueError, KeyError):  # key rotated away, damaged
        clear(request)
        return {}


def save(request, page, data: dict[str, list[str]]) -> None:
    """Replaces the draft (one per session: a draft for another page is dropped)."""
    request.session[SESSION_KEY] = {
        "page": page.pk,
        "saved": time.time(),
        "data": encrypt_text(json.dumps(data)),
    }


def clear(request) -> None:
    request.session.pop(SESSION_KEY, None)
