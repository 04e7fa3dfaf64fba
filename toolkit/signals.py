"""Keep the Checklist page's search entry in step with the checklist content."""

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


def connect() -> None:
    for model in (ChecklistHeading, ChecklistItem):
        post_save.connect(reindex_checklist_pages, sender=model, dispatch_uid=f"tk-{model}-save")
        post_delete.connect(reindex_checklist_pages, sender=model, dispatch_uid=f"tk-{model}-del")
    # Toolkit listings keep their audiences with the fragments (toolkit.models.listing).
    post_save.connect(invalidate_pages, sender=Audience, dispatch_uid="tk-audience-save")
    post_delete.connect(invalidate_pages, sender=Audience, dispatch_uid="tk-audience-del")
