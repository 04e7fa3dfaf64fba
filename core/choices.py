"""Choice lists that are the same in every form, shared by the form's copies: Django deep-copies
a form's fields for every form (and django-filter its filters for every filterset), and with
them every lazily translated choice. And the label of a stored choice, for lists of rows."""

from __future__ import annotations

from functools import cache

from django import forms
from django.db import models
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language


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


def choice_labels(choices: type[models.Choices] | models.Field) -> dict:
    """Value -> label in the active language, of a Choices class or a model field with fixed
    choices (kept per process and language). For rows: Django's get_FOO_display() hashes every
    label of the field on each call, which translates them all (a listing of 50 meldingen
    translated 700 labels, a case page's audit trail 750)."""
    return _labels(choices, get_language())


@cache
def _labels(choices, language: str | None) -> dict:
    pairs = choices.flatchoices if isinstance(choices, models.Field) else choices.choices
    return {value: str(label) for value, label in pairs}


def choice_label(choices: type[models.Choices] | models.Field, value):
    """The label of value (value itself if it is no choice); see choice_labels."""
    return choice_labels(choices).get(value, value)


def display(instance: models.Model, name: str):
    """instance.get_<name>_display(), translating one label instead of all."""
    field = instance._meta.get_field(name)
    return choice_label(field, getattr(instance, field.attname))
