"""NL Design System (Utrecht) classes and aria attributes on the intake form's widgets, so
the templates can print each widget as Django renders it."""

from __future__ import annotations

from django import forms

CHECKBOX = "utrecht-checkbox utrecht-checkbox--html-input"
RADIO = "utrecht-radio-button utrecht-radio-button--html-input"


def kind(field: forms.Field) -> str:
    """checkbox (one box), checkboxes, radios, select, textarea, file or text."""
    widget = field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "text"


CLASSES = {
    "checkbox": CHECKBOX,
    "checkboxes": CHECKBOX,
    "radios": RADIO,
    "select": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "file": "utrecht-textbox utrecht-textbox--html-input",
    "text": "utrecht-textbox utrecht-textbox--html-input",
}


def decorate(form: forms.Form, names: list[str], errors: bool) -> None:
    """Classes on the widgets of names; with errors, aria-invalid and the error message among
    what describes the field. Options of a group are described by their fieldset."""
    for name in names:
        bound = form[name]
        field = form.fields[name]
        widget_kind = kind(field)
        attrs = field.widget.attrs
        attrs["class"] = CLASSES[widget_kind]
        if widget_kind in ("checkboxes", "radios"):
            continue
        described = []
        if field.help_text:
            described.append(f"{bound.auto_id}_helptext")
        if errors and bound.errors:
            described.append(f"{bound.auto_id}_error")
            attrs["aria-invalid"] = "true"
            if widget_kind != "checkbox":
                attrs["class"] += " " + CLASSES[widget_kind].split()[0] + "--invalid"
        if described:
            attrs["aria-describedby"] = " ".join(described)
