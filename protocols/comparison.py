"""Per-section comparison of a protocol with the current template (shown in the editor panel,
so below protocols.models)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.admin.compare import get_comparison_class_for_block
from wagtail.models import Page, PageLogEntry

from .blocks import SectionMode
from .section_content import RevisionSections, Section, live_template, protocol_block, sections_of

if TYPE_CHECKING:
    from .models import ProtocolPage, ProtocolTemplatePage


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


def _no_diff(block_type: str, a: Section | None, b: Section | None) -> str:
    return ""


def _render_diff(block_type: str, a: Section | None, b: Section | None) -> SafeString:
    """How a section changed from a to b; a section only on one side is shown whole, with a
    label instead of a diff against an empty section (which read "None")."""
    block = protocol_block(block_type)
    comparison_class = get_comparison_class_for_block(block)
    if a is None or b is None:
        present = b or a
        label = _("Nieuw in het sjabloon") if a is None else _("Vervallen in het sjabloon")
        comparison = comparison_class(block, True, True, present.value, present.value)
        css = "addition" if a is None else "deletion"
        return format_html(
            '<p><strong>{}</strong></p><div class="comparison__child-object protocol-{}">{}</div>',
            label,
            css,
            comparison.htmlvalue(present.value),
        )
    return comparison_class(block, True, True, a.value, b.value).htmldiff()


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


def compare(protocol: ProtocolPage, *, diffs: bool = True) -> Comparison:
    """Per template section: how the template changed since the protocol's base, and how the
    organisation's text differs from that base. diffs=False leaves the (costly) rendered diffs
    out, for the editor's notice and the dashboard, which show states only."""
    _diff = _render_diff if diffs else _no_diff
    template, current = live_template(protocol)
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


def publications_since(template: Page, revision_id: int | None) -> int:
    """How many times the template was published after revision_id."""

    return (
        PageLogEntry.objects.filter(page=template, action="wagtail.publish")
        .filter(revision_id__gt=revision_id or 0)
        .count()
    )
