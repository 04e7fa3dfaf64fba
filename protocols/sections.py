"""Template inheritance of protocol sections: derive, validate, compare, adopt, sync.

A derived protocol's sections carry the StreamField block ids of the template sections they come
from. `ProtocolPage.section_bases` records, per template section, the template revision the
organisation's text is based on. Everything that changes that record lives in this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.compare import get_comparison_class_for_block
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Locale, Page, Revision

from home.models import OrganisationPage

from .blocks import RICH_TEXT_FEATURES, SectionMode
from .models import ProtocolPage, ProtocolTemplatePage

PROTOCOL_TITLE = "Agressieprotocol"
PROTOCOL_SLUG = "agressieprotocol"
_BLOCK_KEY_RE = re.compile(r'\s*data-block-key="[^"]*"')


class ProtocolError(Exception):
    """An action on a protocol that cannot be done; the message is shown to the editor."""


class SectionState:
    UNCHANGED = "gelijk"
    CHANGED = "gewijzigd"
    NEW = "nieuw"
    REMOVED = "vervallen"

    BEHIND = {CHANGED, NEW, REMOVED}
    LABELS = {
        UNCHANGED: _("Ongewijzigd in het sjabloon"),
        CHANGED: _("Gewijzigd in het sjabloon"),
        NEW: _("Nieuw in het sjabloon"),
        REMOVED: _("Vervallen in het sjabloon"),
    }


def protocol_block(block_type: str) -> blocks.StructBlock:
    """The derived-protocol block definition for a section type (template sections minus mode)."""
    return ProtocolPage._meta.get_field("body").stream_block.child_blocks[block_type]


def normalize_html(html: str) -> str:
    """Rich text as the editor would save it, without the editor's random block keys."""
    converter = ContentstateConverter(RICH_TEXT_FEATURES)
    html = converter.to_database_format(converter.from_database_format(str(html or "")))
    return _BLOCK_KEY_RE.sub("", html).strip()


def canonical(block: blocks.Block, value: Any) -> Any:
    """A comparable form of a block value: ignores list item ids, editor noise and the mode."""
    if isinstance(block, blocks.StructBlock):
        return {
            name: canonical(child, value.get(name)) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [canonical(block.child_block, item) for item in (value or [])]
    if isinstance(block, blocks.RichTextBlock):
        return normalize_html(getattr(value, "source", value))
    if isinstance(block, blocks.MultipleChoiceBlock):
        return sorted(value or [])
    if isinstance(value, str):
        return value.strip()
    return value


@dataclass
class Section:
    key: str
    block_type: str
    raw: dict  # raw JSON value in the derived-protocol shape (no mode)
    mode: str | None  # template sections only

    @cached_property
    def value(self):
        return protocol_block(self.block_type).to_python(self.raw)

    @cached_property
    def canonical(self) -> Any:
        return canonical(protocol_block(self.block_type), self.value)

    @property
    def heading(self) -> str:
        return self.raw.get("heading", "")

    def same_content(self, other: Section | None) -> bool:
        return (
            other is not None
            and other.block_type == self.block_type
            and other.canonical == self.canonical
        )

    def as_stream_item(self) -> dict:
        return {"type": self.block_type, "value": self.raw, "id": self.key}


def sections_of(stream) -> dict[str, Section]:
    """The sections of a template or protocol body, by block id, in order."""
    result = {}
    for item in stream.raw_data:
        value = dict(item["value"])
        mode = value.pop("mode", None)
        result[item["id"]] = Section(item["id"], item["type"], value, mode)
    return result


class RevisionSections:
    """Loads template revisions on demand, once per instance."""

    def __init__(self):
        self._cache: dict[int, dict[str, Section] | None] = {}

    def get(self, revision_id: int | None) -> dict[str, Section] | None:
        if revision_id is None:
            return None
        revision_id = int(revision_id)
        if revision_id not in self._cache:
            revision = Revision.objects.filter(pk=revision_id).first()
            self._cache[revision_id] = sections_of(revision.as_object().body) if revision else None
        return self._cache[revision_id]

    def section(self, revision_id: int | None, key: str) -> Section | None:
        return (self.get(revision_id) or {}).get(key)


def current_template(locale: Locale) -> ProtocolTemplatePage | None:
    """The published national template in locale."""
    return ProtocolTemplatePage.objects.live().filter(locale=locale).first()


def _live_template(protocol: ProtocolPage) -> tuple[ProtocolTemplatePage, dict[str, Section]]:
    template = ProtocolTemplatePage.objects.get(pk=protocol.template_page_id)
    if not template.live or template.live_revision_id is None:
        raise ProtocolError(_("Het landelijke sjabloon is niet gepubliceerd."))
    return template, sections_of(template.body)


def follows_template(protocol: ProtocolPage) -> bool:
    """True for a protocol in the template's language; translations follow their Dutch source
    through wagtail-localize instead."""
    if not protocol.template_page_id:
        return False
    template_locale = (
        ProtocolTemplatePage.objects.filter(pk=protocol.template_page_id)
        .values_list("locale_id", flat=True)
        .first()
    )
    return template_locale == protocol.locale_id


# -- derive ----------------------------------------------------------------------------------


@transaction.atomic
def derive_protocol(organisation: OrganisationPage, user=None) -> ProtocolPage:
    """Create the organisation's protocol (a draft) from the current published template."""
    organisation = OrganisationPage.objects.select_for_update().get(pk=organisation.pk)
    if ProtocolPage.objects.child_of(organisation).exists():
        raise ProtocolError(_("Deze organisatie heeft al een agressieprotocol."))
    template = current_template(organisation.locale)
    if template is None:
        raise ProtocolError(_("Er is nog geen gepubliceerd landelijk sjabloon."))
    sections = sections_of(template.body)
    protocol = ProtocolPage(
        title=PROTOCOL_TITLE,
        slug=PROTOCOL_SLUG,
        live=False,
        show_in_menus=True,
        owner=user,
        locale=organisation.locale,
        template_page=template,
        intro=(
            f"<p>Afspraken van {escape(organisation.title)} over agressie en intimidatie tegen "
            "politieke ambtsdragers.</p>"
        ),
        body=[section.as_stream_item() for section in sections.values()],
        section_bases=dict.fromkeys(sections, template.live_revision_id),
    )
    organisation.add_child(instance=protocol)
    protocol.save_revision(user=user, log_action=True)
    return protocol


# -- validate --------------------------------------------------------------------------------


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


# -- compare ---------------------------------------------------------------------------------


def _diff(block_type: str, a: Section | None, b: Section | None) -> SafeString:
    block = protocol_block(block_type)
    empty = block.get_default()
    comparison = get_comparison_class_for_block(block)(
        block, a is not None, b is not None, a.value if a else empty, b.value if b else empty
    )
    return comparison.htmldiff()


@dataclass
class SectionComparison:
    key: str
    heading: str
    mode: str | None
    state: str
    present: bool
    own_changed: bool = False
    template_diff: str = ""
    own_diff: str = ""

    @property
    def state_label(self) -> str:
        return SectionState.LABELS[self.state]

    @property
    def mode_label(self) -> str:
        return str(SectionMode(self.mode).label).split(":")[0] if self.mode else _("Eigen sectie")

    @property
    def behind(self) -> bool:
        return self.state in SectionState.BEHIND

    @property
    def can_keep(self) -> bool:
        """Whether the organisation may keep its own version instead of the template's."""
        if self.state == SectionState.REMOVED:
            return True
        if self.mode == SectionMode.FIXED:
            return False
        return self.state == SectionState.CHANGED or (
            self.state == SectionState.NEW and self.mode == SectionMode.OPTIONAL
        )


@dataclass
class Comparison:
    template: ProtocolTemplatePage
    sections: list[SectionComparison] = field(default_factory=list)

    @property
    def behind(self) -> list[SectionComparison]:
        return [s for s in self.sections if s.behind]


def compare(protocol: ProtocolPage) -> Comparison:
    """Per template section: how the template changed since the protocol's base, and how the
    organisation's text differs from that base."""
    template, current = _live_template(protocol)
    body = sections_of(protocol.body)
    bases = protocol.section_bases or {}
    revisions = RevisionSections()
    result = Comparison(template=template)
    for key, now in current.items():
        own = body.get(key)
        if key not in bases:
            result.sections.append(
                SectionComparison(
                    key,
                    now.heading,
                    now.mode,
                    SectionState.NEW,
                    own is not None,
                    template_diff=_diff(now.block_type, None, now),
                )
            )
            continue
        base = revisions.section(bases[key], key)
        changed = base is not None and not now.same_content(base)
        own_changed = own is not None and base is not None and not own.same_content(base)
        result.sections.append(
            SectionComparison(
                key,
                now.heading,
                now.mode,
                SectionState.CHANGED if changed else SectionState.UNCHANGED,
                own is not None,
                own_changed=own_changed,
                template_diff=_diff(now.block_type, base, now) if changed else "",
                own_diff=_diff(own.block_type, base, own) if own_changed else "",
            )
        )
    for key, base_revision in bases.items():
        if key in current:
            continue
        base = revisions.section(base_revision, key)
        if base is None:
            continue
        result.sections.append(
            SectionComparison(
                key,
                base.heading,
                base.mode,
                SectionState.REMOVED,
                key in body,
                template_diff=_diff(base.block_type, base, None),
            )
        )
    return result


# -- adopt and sync --------------------------------------------------------------------------


def _insert_position(body: list[dict], template_order: list[str], key: str) -> int:
    """After the nearest preceding template section present in the body, else at the start."""
    present = [item["id"] for item in body]
    for previous in reversed(template_order[: template_order.index(key)]):
        if previous in present:
            return present.index(previous) + 1
    return 0


def _take_over(body: list[dict], section: Section, template_order: list[str]) -> None:
    for index, item in enumerate(body):
        if item["id"] == section.key:
            body[index] = section.as_stream_item()
            return
    body.insert(_insert_position(body, template_order, section.key), section.as_stream_item())


def apply_template(
    protocol: ProtocolPage, keys: list[str] | None = None, keep_own: bool = False
) -> list[str]:
    """Adopt the current template for the sections keys (all behind sections when None), or
    keep the organisation's own version of them; updates body and section_bases in memory.

    Returns the keys handled.
    """
    template, current = _live_template(protocol)
    comparison = compare(protocol)
    by_key = {s.key: s for s in comparison.sections}
    adopt_all = keys is None
    if adopt_all:
        keys = [s.key for s in comparison.sections]
    body = list(protocol.body.raw_data)
    bases = dict(protocol.section_bases or {})
    order = list(current)
    handled = []
    for key in keys:
        section = by_key.get(key)
        if section is None:
            raise ProtocolError(_("Onbekende sectie."))
        if keep_own and not section.can_keep:
            raise ProtocolError(
                _("De sectie ‘%(heading)s’ is vast; neem de tekst van het sjabloon over.")
                % {"heading": section.heading}
            )
        if section.state == SectionState.REMOVED:
            bases.pop(key)
            if not keep_own:
                body = [item for item in body if item["id"] != key]
        elif (
            section.state == SectionState.UNCHANGED
            or keep_own
            # "adopt all" leaves dropped optional sections out; adopting one brings it back
            or (adopt_all and not section.present and section.mode == SectionMode.OPTIONAL)
        ):
            bases[key] = template.live_revision_id
        else:
            _take_over(body, current[key], order)
            bases[key] = template.live_revision_id
        handled.append(key)
    protocol.body = body
    protocol.section_bases = bases
    return handled


@transaction.atomic
def adopt(
    protocol: ProtocolPage, user, keys: list[str] | None = None, keep_own: bool = False
) -> Revision:
    """apply_template on the latest draft and save it as a new revision (not published)."""
    draft = protocol.get_latest_revision_as_object()
    apply_template(draft, keys, keep_own)
    draft.full_clean()
    return draft.save_revision(user=user, log_action=True)


def sync_fixed_sections(protocol: ProtocolPage) -> bool:
    """Bring fixed sections to the current template (in memory); True when anything changed."""
    template, current = _live_template(protocol)
    body = list(protocol.body.raw_data)
    bases = dict(protocol.section_bases or {})
    revisions = RevisionSections()
    changed = False
    for key, section in current.items():
        if section.mode != SectionMode.FIXED or bases.get(key) == template.live_revision_id:
            continue
        _take_over(body, section, list(current))
        bases[key] = template.live_revision_id
        changed = True
    for key in [k for k in bases if k not in current]:
        base = revisions.section(bases[key], key)
        if base is not None and base.mode == SectionMode.FIXED:
            bases.pop(key)
            body = [item for item in body if item["id"] != key]
            changed = True
    if changed:
        protocol.body = body
        protocol.section_bases = bases
    return changed


def publications_since(template: Page, revision_id: int | None) -> int:
    """How many times the template was published after revision_id."""
    from wagtail.models import PageLogEntry

    return (
        PageLogEntry.objects.filter(page=template, action="wagtail.publish")
        .filter(revision_id__gt=revision_id or 0)
        .count()
    )
