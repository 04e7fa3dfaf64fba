"""Background tasks of the checklist (django-tasks) and the daily sweep that enqueues them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import CALENDAR_RECURRENCES, ChecklistProgress, ProgressStatus, Recurrence
from .progress import update_progress


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
        or not progress.has_calendar
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


def process_due_items(today: datetime.date | None = None) -> dict[str, int]:
    """Reopen recurring items whose time has come and remind owners of items now due.

    Quarterly and yearly items come back counted from their completion, per-term items at the
    next start of the organisation's term; items done per event or per incident have no
    calendar, so they are neither reopened nor reminded. Run daily (`manage.py checklist_due`);
    safe to run more often: every due date is reminded once. Reminders are sent by a background
    task after the transaction commits.
    """
    today = today or timezone.localdate()
    reopened = reminded = 0
    with transaction.atomic():
        finished = ChecklistProgress.objects.filter(
            status=ProgressStatus.DONE, item__recurrence__in=CALENDAR_RECURRENCES
        ).select_related("item", "organisation")
        for progress in finished:
            repeat_on = progress.repeat_on
            if repeat_on is not None and repeat_on <= today:
                update_progress(
                    progress,
                    None,
                    reason=_("Terugkerend punt: opnieuw aan de beurt"),
                    today=today,
                    status=ProgressStatus.NOT_STARTED,
                    due_date=repeat_on,
                )
                reopened += 1
        due = ChecklistProgress.objects.filter(
            status__in=[ProgressStatus.NOT_STARTED, ProgressStatus.IN_PROGRESS],
            due_date__lte=today,
            reminded_on__isnull=True,
            owner__isnull=False,
        ).exclude(owner__email="")
        due = due.exclude(item__recurrence__in=[Recurrence.PER_EVENT, Recurrence.PER_INCIDENT])
        for progress_id in list(due.values_list("pk", flat=True)):
            ChecklistProgress.objects.filter(pk=progress_id).update(reminded_on=today)
            transaction.on_commit(
                lambda pk=progress_id: send_progress_reminder.enqueue(progress_id=pk)
            )
            reminded += 1
    return {"reopened": reopened, "reminded": reminded}


@task()
def process_due_items_task() -> dict[str, int]:
    """Daily sweep as a task, for schedulers that enqueue tasks rather than run commands."""
    return process_due_items()
