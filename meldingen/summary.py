"""The last step of the intake form shows everything typed, step by step, with a link to
change each step: the answers as the reporter chose them, in words."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meldingen.forms import MeldingForm


def display(field: forms.Field, value) -> str:
    if isinstance(value, bool):
        return _("Ja") if value else ""
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(field, forms.ChoiceField):
        labels = {str(key): label for key, label in field.choices}
        if isinstance(value, list | tuple):
            return ", ".join(str(labels.get(str(v), v)) for v in value)
        return str(labels.get(str(value), value))
    return str(value)


def summary(form: MeldingForm, steps, url_for: Callable[[int], str]) -> list[dict]:
    """Per step: its number, title, link to change it and the answered fields (label, text)."""
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    result = []
    for number, step in enumerate(steps, start=1):
        rows = []
        for name in step.field_names(form):
            value = data.get(name)
            if value in (None, "", [], False):
                continue
            text = display(form.fields[name], value)
            if text:
                rows.append({"label": form.fields[name].label, "value": text, "name": name})
        result.append({"number": number, "title": step.title, "url": url_for(number), "rows": rows})
    return result
