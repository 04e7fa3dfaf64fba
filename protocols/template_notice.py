"""The notice that the national template changed since a protocol's base: shown in the protocol
editor (protocols.panels) and meant for the admin home as well.

For a dashboard panel: ``template_notice(protocol)`` gives the context, and
``{% include "protocols/admin/template_notice.html" with notice=notice %}`` renders it (nothing
when the protocol is up to date). Below protocols.models: it takes the page instance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse

from .comparison import Comparison, SectionComparison, compare
from .section_content import ProtocolError, follows_template

if TYPE_CHECKING:
    from .models import ProtocolPage

NOTICE_TEMPLATE = "protocols/admin/template_notice.html"


@dataclass
class TemplateNotice:
    protocol_title: str
    behind: list[SectionComparison]
    compare_url: str


def template_notice(protocol: ProtocolPage) -> TemplateNotice | None:
    """The sections in which the live template differs from the protocol's base, with the
    link to compare and adopt; None when the protocol is up to date (or follows no template).

    A few queries per protocol (the template and the base revisions), no rendered diffs.
    """
    if not protocol.pk or not follows_template(protocol):
        return None
    try:
        comparison = compare(protocol, diffs=False)
    except ProtocolError:
        return None
    return notice_from(protocol, comparison)


def notice_from(protocol: ProtocolPage, comparison: Comparison) -> TemplateNotice | None:
    """The notice for a comparison made already (the editor panel has one)."""
    if not comparison.behind:
        return None
    return TemplateNotice(
        protocol_title=protocol.title,
        behind=comparison.behind,
        compare_url=reverse("protocols_compare", args=[protocol.pk]),
    )
