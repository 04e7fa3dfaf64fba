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
    from wagtail.blocks import StreamValue

    from .models import ProtocolPage

REQUIRED_MODES = (SectionMode.FIXED, SectionMode.ADAPTABLE)


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
                    "en kan niet worden gewijzigd. Maak je wijziging ongedaan."
                ),
                params={"heading": base.heading},
            )
        elif base.mode in REQUIRED_MODES and own is None:
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


def fixed_section_errors(previous: ProtocolPage, submitted: StreamValue) -> list[ValidationError]:
    """Fixed sections may not be duplicated or moved (the editor hides those controls; this is
    the server's refusal of a crafted POST). Moved: the template sections before a fixed section
    differ from those before it in previous (the protocol before the edit). Own sections may
    move freely around it."""
    if not follows_template(previous):
        return []
    revisions = RevisionSections()
    bases = previous.section_bases or {}
    fixed = {}
    for key, base_revision in bases.items():
        base = revisions.section(base_revision, key)
        if base is not None and base.mode == SectionMode.FIXED:
            fixed[key] = base
    if not fixed:
        return []
    errors: list[ValidationError] = []
    new = sections_of(submitted)
    for key, section in new.items():
        if key in bases:
            continue
        copied = next((f for f in fixed.values() if section.same_content(f)), None)
        if copied is not None:
            errors.append(
                ValidationError(
                    _("De sectie ‘%(heading)s’ is vast en kan niet worden gekopieerd."),
                    params={"heading": copied.heading},
                )
            )
    template_keys = [key for key in sections_of(previous.body) if key in bases and key in new]
    submitted_keys = [key for key in new if key in bases and key in template_keys]
    for key, base in fixed.items():
        if key not in submitted_keys:
            continue
        before = set(template_keys[: template_keys.index(key)])
        after = set(submitted_keys[: submitted_keys.index(key)])
        if before != after:
            errors.append(
                ValidationError(
                    _(
                        "De sectie ‘%(heading)s’ is vast en moet op haar plaats blijven; "
                        "zet de volgorde terug."
                    ),
                    params={"heading": base.heading},
                )
            )
    return errors


def restore_required_sections(
    previous: ProtocolPage, submitted: StreamValue
) -> tuple[StreamValue, list[str]]:
    """Put back the template sections that may not be left out but are missing from submitted:
    each as it was in previous (the protocol before the edit), where it stood among the
    sections still there. Returns the stream and the restored headings (none: submitted as is).

    The editor form shows the restored stream when it refuses the edit, so a refused deletion
    does not leave the section gone from the form.
    """
    if not follows_template(previous):
        return submitted, []
    before = sections_of(previous.body)
    raw = list(submitted.get_prep_value())
    present = {item["id"] for item in raw}
    revisions = RevisionSections()
    restored: list[str] = []
    order = list(before)
    for key, base_revision in (previous.section_bases or {}).items():
        base = revisions.section(base_revision, key)
        if base is None or base.mode not in REQUIRED_MODES or key in present:
            continue
        section = before.get(key) or base
        # After the nearest section that stood before it and is still there.
        position = 0
        for earlier in reversed(order[: order.index(key)] if key in order else []):
            index = next((i for i, item in enumerate(raw) if item["id"] == earlier), None)
            if index is not None:
                position = index + 1
                break
        raw.insert(position, section.as_stream_item())
        present.add(key)
        restored.append(section.heading)
    if not restored:
        return submitted, []
    return submitted.stream_block.to_python(raw), restored
