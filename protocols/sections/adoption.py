"""Adopt template changes per section or all at once; fixed sections follow on publish."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from ..blocks import SectionMode
from ..comparison import SectionState, compare
from ..models import ProtocolPage
from ..section_content import ProtocolError, RevisionSections, Section, live_template


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
    template, current = live_template(protocol)
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
    template, current = live_template(protocol)
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
