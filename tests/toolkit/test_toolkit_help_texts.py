"""help_text only where an editor sees the field (house style): none on fields no form shows
(not editable, bookkeeping rows, progress fields outside the progress form)."""

from django.apps import apps

from toolkit.forms import ProgressForm
from toolkit.models import ChecklistProgress, ChecklistProgressChange


def helped(model) -> set[str]:
    return {f.name for f in model._meta.get_fields() if getattr(f, "help_text", "")}


def test_no_help_text_on_fields_no_editor_sees():
    for app_label in ("toolkit", "protocols"):
        for model in apps.get_app_config(app_label).get_models():
            hidden = {
                f.name
                for f in model._meta.concrete_fields
                if not f.editable and f.help_text and f.model is model
            }
            assert not hidden, f"{model.__name__}: {sorted(hidden)}"


def test_progress_help_only_in_the_progress_form():
    assert helped(ChecklistProgress) <= set(ProgressForm._meta.fields)
    assert helped(ChecklistProgressChange) == set()
