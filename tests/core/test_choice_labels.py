"""core.choices.display and choice_label give what Django's get_FOO_display gives, in every
language, for stored choices and for values that are no choice."""

import pytest
from django.utils import translation

from core.choices import choice_label, display
from core.models import AuditAction, AuditEvent
from meldingen.models import Melding, Status


def choice_fields(model):
    return [f for f in model._meta.concrete_fields if f.choices]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_display_matches_get_foo_display(language):
    fields = choice_fields(Melding)
    assert len(fields) >= 6
    with translation.override(language):
        for field in fields:
            for value in [v for v, _label in field.flatchoices] + ["geen-keuze", ""]:
                melding = Melding(**{field.attname: value})
                expected = getattr(melding, f"get_{field.name}_display")()
                assert display(melding, field.name) == expected, (field.name, value)


def test_choice_label_follows_the_active_language():
    event = AuditEvent(action=AuditAction.VIEW)
    with translation.override("nl"):
        dutch = choice_label(AuditAction, event.action)
        assert dutch == event.get_action_display()
        assert choice_label(Status, "onbekend") == "onbekend"
    with translation.override("en"):
        english = choice_label(AuditAction, event.action)
        assert english == event.get_action_display() == "Viewed" != dutch
        assert choice_label(Status, Status.CLOSED) == str(Status.CLOSED.label)
