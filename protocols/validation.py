"""Server-side rules of a derived protocol: fixed sections unchanged, required ones present.

Called by ProtocolPage.clean() and save(), so it takes the page and never imports the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlockValidationError

from .blocks import SectionMode
from .section_content import RevisionSections, follows_template, sections_of

if TYPE_CHECKING:
    from .models import ProtocolPage


def validate_protocol(protocol: ProtocolPage) -> None:
    """Raise ValidationError (in Dutch) when fixed sections are changed or required ones dropped.

    Runs in the page form (model clean) and on every save, so a crafted POST is refused too.
    Translations are checked by wagtail-localize's own workflow, not against the Dutch template.
    """
    if not follows_template(protocol):
        return
    body = sections_of(protocol.body)
    order = [item["id"] for item in protocol.body.raw_data]
    revisions = RevisionSections()
    block_errors: dict[int, ValidationError] = {}
    missing: list[ValidationError] = []
    for key, base_revision in (protocol.section_bases or {}).items():
        base = revisions.section(base_revision, key)
        if base is None:
            continue
        own = body.get(key)
        if base.mode == SectionMode.FIXED and own is not None and not own.same_content(base):
            block_errors[order.index(key)] = ValidationError(
                _(
                    "De sectie ‘%(heading)s’ is vast: de tekst komt uit het landelijke sjabloon "
                    "en kan niet worden gewijzigd. Maak uw wijziging ongedaan."
                ),
                params={"heading": base.heading},
            )
        elif base.mode in (SectionMode.FIXED, SectionMode.ADAPTABLE) and own is None:
            missing.append(
                ValidationError(
                    _("De sectie ‘%(heading)s’ uit het sjabloon mag niet worden weggelaten."),
                    params={"heading": base.heading},
                )
            )
    if block_errors or missing:
        raise ValidationError(
            {
                "body": StreamBlockValidationError(
                    block_errors=block_errors, non_block_errors=missing
                )
            }
        )
