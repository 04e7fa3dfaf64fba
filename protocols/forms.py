"""The editor form of an organisation protocol: a refused edit keeps the required sections."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError

from .validation import fixed_section_errors, restore_required_sections


class ProtocolPageForm(WagtailAdminPageForm):
    """Sections the template requires but the submitted body lacks (deleted in the editor, or a
    crafted POST) are put back and the edit is refused with a message naming them; the form
    shown again contains them, so nothing stays lost from the form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.restored_body = None
        self.restored_headings: list[str] = []
        self.fixed_errors: list[ValidationError] = []
        field = self.fields.get("body")
        if field is not None:
            # The bound form is shown again with what was posted; after a restore, with the
            # restored stream instead. Only this form's copy of the field is changed.
            bound_data = field.bound_data
            field.bound_data = lambda data, initial: (
                self.restored_body if self.restored_body is not None else bound_data(data, initial)
            )

    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        if body is not None and self.instance.pk:
            # self.instance is still the protocol as it was before this edit.
            self.fixed_errors = fixed_section_errors(self.instance, body)
            restored, headings = restore_required_sections(self.instance, body)
            if headings:
                cleaned_data["body"] = self.restored_body = restored
                self.restored_headings = headings
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        if not self.restored_headings and not self.fixed_errors:
            return
        block_errors = {}
        non_block_errors = self.fixed_errors + [
            ValidationError(
                _(
                    "De sectie ‘%(heading)s’ uit het sjabloon mag niet worden weggelaten; "
                    "ze is teruggezet. Sla opnieuw op."
                ),
                params={"heading": heading},
            )
            for heading in self.restored_headings
        ]
        earlier = self._errors.pop("body", None)
        for error in earlier.as_data() if earlier else []:
            if isinstance(error, StreamBlockValidationError):
                block_errors.update(error.block_errors)
                non_block_errors.extend(error.non_block_errors.as_data())
            else:
                non_block_errors.append(error)
        self.add_error(
            "body",
            StreamBlockValidationError(
                block_errors=block_errors, non_block_errors=non_block_errors
            ),
        )
