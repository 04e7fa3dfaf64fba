"""Encryption at rest for personal data of meldingen (Fernet, AES-128-CBC + HMAC-SHA256).

Keys come from settings.FIELD_ENCRYPTION_KEYS (production: the environment variable of the
same name, comma-separated). The first key encrypts; all keys decrypt, so a new key can be put
in front and `manage.py rotate_encryption_keys` re-encrypts everything with it.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

PREFIX = "enc1:"


@lru_cache(maxsize=1)
def _fernet() -> MultiFernet:
    keys = [k for k in getattr(settings, "FIELD_ENCRYPTION_KEYS", []) if k]
    if not keys:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS is empty: personal data cannot be stored."
        )
    return MultiFernet([Fernet(k) for k in keys])


@receiver(setting_changed)
def _reset(setting, **kwargs):
    if setting == "FIELD_ENCRYPTION_KEYS":
        _fernet.cache_clear()


def encrypt_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return _fernet().decrypt(token)


def rotate_bytes(token: bytes) -> bytes:
    return _fernet().rotate(token)


def encrypt_text(value: str) -> str:
    return PREFIX + encrypt_bytes(value.encode()).decode()


def decrypt_text(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # written before encryption existed; rotation encrypts it
    try:
        return decrypt_bytes(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "Cannot decrypt personal data: its key is not in FIELD_ENCRYPTION_KEYS."
        ) from exc


def rotate_text(stored: str) -> str:
    if not stored:
        return stored
    if not stored.startswith(PREFIX):
        return encrypt_text(stored)
    return PREFIX + rotate_bytes(stored[len(PREFIX) :].encode()).decode()


def generate_key() -> str:
    return Fernet.generate_key().decode()
