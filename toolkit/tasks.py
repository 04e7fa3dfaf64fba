"""Background tasks of the checklist (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import ChecklistProgress, ProgressStatus


@task()
def send_progress_reminder(progress_id: int) -> bool:
    """E-mail the owner that a checklist item is due; False when there is nothing to remind."""
    progress = (
        ChecklistProgress.objects.select_related("item", "owner", "organisation")
        .filter(pk=progress_id)
        .first()
    )
    if (
        progress is None
        or progress.owner is None
        or not progress.owner.email
        or progress.status in (ProgressStatus.DONE, ProgressStatus.NOT_APPLICABLE)
    ):
        return False
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("toolkit_progress_edit", args=[progress.organisation_id, progress.item_id])
        context = {"progress": progress, "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path}
        send_mail(
            subject=_("Checklist Veilig Bestuur: %(item)s is aan de beurt")
            % {"item": progress.item.text},
            message=render_to_string("toolkit/email/reminder.txt", context),
            from_email=None,
            recipient_list=[progress.owner.email],
        )
    return True


@task()
def process_due_items_task() -> dict[str, int]:
    """Daily sweep as a task, for schedulers that enqueue tasks rather than run commands."""
    from .progress import process_due_items

    return process_due_items()
