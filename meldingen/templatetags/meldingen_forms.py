"""Template filters for the stepped intake form."""

from __future__ import annotations

from django import template

from meldingen.form_widgets import kind

register = template.Library()


@register.filter
def widget_kind(bound_field) -> str:
    return kind(bound_field.field)
