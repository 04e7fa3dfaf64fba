"""Builders for the toolkit tests (plain functions; the fixtures live in the test modules)."""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.models import Page

from toolkit.checklist import load_audiences
from toolkit.models import Audience, ToolkitIndexPage, ToolkitResourcePage


def publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def toolkit_index(parent: Page, title: str = "Toolkit") -> ToolkitIndexPage:
    return publish_child(parent, ToolkitIndexPage(title=title, slug="toolkit"))


def resource(
    parent: ToolkitIndexPage,
    title: str,
    *,
    kind: str = "leidraad",
    audiences: Iterable[str] = (),
    moments: Iterable[str] = ("voor",),
    summary: str = "Een hulpmiddel.",
    body: str = "",
    external_url: str = "",
) -> ToolkitResourcePage:
    load_audiences()
    moments = set(moments)
    page = ToolkitResourcePage(
        title=title,
        kind=kind,
        summary=summary,
        body=body,
        external_url=external_url,
        for_before="voor" in moments,
        for_during="tijdens" in moments,
        for_after="na" in moments,
    )
    page.audiences.set(Audience.objects.filter(slug__in=list(audiences)))
    return publish_child(parent, page)
