"""Model fields whose values are encrypted in the database (workflows.crypto)."""

from __future__ import annotations

import json

from django.apps import apps
from django.db import models

from core import crypto


class EncryptedTextField(models.TextField):
    """Text encrypted at rest; empty stays empty. Not searchable or sortable in SQL."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt_text(value)


class EncryptedJSONField(models.TextField):
    """A JSON value encrypted at rest (stored as encrypted text)."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return {}
        return json.loads(crypto.decrypt_text(value))

    def to_python(self, value):
        if isinstance(value, str):
            return json.loads(value) if value else {}
        return value

    def get_prep_value(self, value):
        return crypto.encrypt_text(json.dumps(value if value is not None else {}))

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj))


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with encrypted fields, with their names (for key rotation)."""
    found = []
    for model in apps.get_models():
        names = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, EncryptedTextField | EncryptedJSONField)
        ]
        if names:
            found.append((model, names))
    return found
