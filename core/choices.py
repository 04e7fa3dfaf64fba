"""Choice lists that are the same in every form, shared by the form's copies: Django deep-copies
a form's fields for every form (and django-filter its filters for every filterset), and with
them every lazily translated choice."""

from __future__ import annotations

from django import forms
from django.utils.choices import BaseChoiceIterator


class FixedChoices(BaseChoiceIterator):
    """A choice list every copy of a field or filter shares (copying returns itself)."""

    def __init__(self, choices):
        self._choices = tuple(choices)

    def __iter__(self):
        return iter(self._choices)

    def __len__(self) -> int:
        return len(self._choices)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def share_fixed_choices(form_class) -> None:
    """Every choice field of form_class with a fixed list shares it from now on."""
    for field in form_class.base_fields.values():
        if isinstance(field, forms.ChoiceField) and field.choices:
            field.choices = FixedChoices(field.choices)
