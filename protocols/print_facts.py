"""What a printed protocol says about itself: version, the template version it is based on,
publication date, and the organisation's huisstijl logo (the colophon on paper and in the PDF)."""

from __future__ import annotations

from wagtail.models import Page, PageLogEntry

from home.huisstijl import cached_huisstijl


def publication_number(page: Page, up_to_revision_id: int | None = None) -> int:
    """How many times the page was published (up to and including a revision): its version."""
    entries = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
    if up_to_revision_id is not None:
        entries = entries.filter(revision_id__lte=up_to_revision_id)
    return entries.count()


def print_facts(request, page: Page, organisation) -> dict:
    """Version, template version and publication date of a protocol (or the template), and the
    organisation's logo for its printed first page."""
    template_page = getattr(page, "template_page", None)
    template_revision_id = getattr(page, "template_revision_id", None)
    return {
        "version": publication_number(page) or None,
        "template_version": (
            publication_number(template_page, template_revision_id) or None
            if template_page is not None and template_revision_id
            else None
        ),
        "published_at": page.last_published_at,
        "logo_url": cached_huisstijl(request, organisation).logo_url,
    }
