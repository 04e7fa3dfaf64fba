"""Keep the Checklist page's search entry and stored pages in step with the checklist content,
and toolkit listings with the audiences."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.search import index

from home.caching import invalidate_pages

from .models import Audience, ChecklistHeading, ChecklistItem, ChecklistPage


def reindex_checklist_pages(**kwargs) -> None:
    if kwargs.get("raw"):
        return
    for page in ChecklistPage.objects.live():
        index.insert_or_update_object(page)


def national_checklist_changed(instance, **kwargs) -> None:
    """The public Checklist page shows the national headings and items (an organisation's own
    items only on its progress screens): a change there empties stored pages and fragments."""
    if not kwargs.get("raw") and getattr(instance, "organisation_id", None) is None:
        invalidate_pages()


def connect() -> None:
    for model in (ChecklistHeading, ChecklistItem):
        post_save.connect(reindex_checklist_pages, sender=model, dispatch_uid=f"tk-{model}-save")
        post_delete.connect(reindex_checklist_pages, sender=model, dispatch_uid=f"tk-{model}-del")
        for signal in (post_save, post_delete):
            signal.connect(
                national_checklist_changed, sender=model, dispatch_uid=f"tk-{model}-{id(signal)}"
            )
    # Toolkit listings keep their audiences with the fragments (toolkit.models.listing).
    post_save.connect(invalidate_pages, sender=Audience, dispatch_uid="tk-audience-save")
    post_delete.connect(invalidate_pages, sender=Audience, dispatch_uid="tk-audience-del")
