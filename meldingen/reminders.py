"""Reminders to the organisation's coordinators when a case needs attention (issue: "the
melding as a closed loop"): no aangifte recorded 2 working days after a punishable incident
where the reporter wanted one; no reaction to a known perpetrator 48 hours after the melding;
a nazorg contact due; a routed case quiet for weeks; information added to a closed case. Each
is sent once (Reminder rows), as a history row and an e-mail naming only the reference."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import CharField, Exists, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from core import worktime
from meldingen.casework import office_hours
from meldingen.models import (
    AangifteStatus,
    CaseSettings,
    HistoryAction,
    Melding,
    MeldingAddition,
    MeldingHistory,
    NazorgContact,
    PerpetratorKnown,
    Reminder,
    ReminderKind,
    Status,
    Wish,
)
from meldingen.models.choices import PUNISHABLE_KINDS
from meldingen.notifications import render_mail
from meldingen.services import record_history
from meldingen.status import CLOSED_STATUSES

MEASURE_WITHIN = datetime.timedelta(hours=48)
# History rows that are not activity on the case.
NOT_ACTIVITY = [HistoryAction.REMINDER, HistoryAction.DEADLINE_PASSED]


@dataclass(frozen=True)
class Due:
    melding: Melding
    kind: ReminderKind
    key: str = ""


def _open_meldingen():
    return Melding.objects.exclude(status__in=CLOSED_STATUSES).filter(purge_record__isnull=True)


def _sent(kind: ReminderKind) -> Q:
    return Q(reminders__kind=kind)


def _not_reminded(kind: ReminderKind) -> Exists:
    """For a queryset of NazorgContact or MeldingAddition: no reminder of kind names this row
    (Reminder.key holds its primary key)."""
    return ~Exists(
        Reminder.objects.filter(
            melding=OuterRef("melding"), kind=kind, key=Cast(OuterRef("pk"), CharField())
        )
    )


def aangifte_due(now: datetime.datetime) -> Iterator[Due]:
    candidates = (
        _open_meldingen()
        .filter(behaviours__kind__in=PUNISHABLE_KINDS)
        .exclude(aangifte__status__in=[AangifteStatus.FILED, AangifteStatus.NOT_FILED])
        .exclude(_sent(ReminderKind.AANGIFTE))
        .filter(occurred_at__lte=now - datetime.timedelta(days=2))
        .select_related("organisation")
        .distinct()
    )
    hours_of = {}  # per organisation, read once per run
    for melding in candidates:
        if Wish.AANGIFTE not in melding.wishes:  # JSON containment is not portable to SQLite
            continue
        if melding.organisation_id not in hours_of:
            hours_of[melding.organisation_id] = office_hours(melding.organisation)
        due = worktime.add_working_days(melding.occurred_at, 2, hours_of[melding.organisation_id])
        if due <= now:
            yield Due(melding, ReminderKind.AANGIFTE)


def measure_due(now: datetime.datetime) -> Iterator[Due]:
    candidates = (
        _open_meldingen()
        .filter(perpetrator_known=PerpetratorKnown.YES, created_at__lte=now - MEASURE_WITHIN)
        .filter(measures__isnull=True)
        .exclude(_sent(ReminderKind.MEASURE))
        .select_related("organisation")
    )
    for melding in candidates:
        yield Due(melding, ReminderKind.MEASURE)


def nazorg_due(now: datetime.datetime) -> Iterator[Due]:
    """One reminder per contact: other contacts' reminders do not count."""
    contacts = (
        NazorgContact.objects.filter(
            due_on__lte=timezone.localdate(now),
            done_on__isnull=True,
            melding__in=_open_meldingen(),
        )
        .filter(_not_reminded(ReminderKind.NAZORG))
        .select_related("melding__organisation")
    )
    for contact in contacts:
        yield Due(contact.melding, ReminderKind.NAZORG, str(contact.pk))


def inactive_due(now: datetime.datetime) -> Iterator[Due]:
    weeks_of = dict(CaseSettings.objects.values_list("organisation_id", "inactivity_weeks"))
    default = CaseSettings._meta.get_field("inactivity_weeks").default
    # The database leaves out what is quiet for less than the shortest period of any
    # organisation; the organisation's own period is checked below.
    shortest = min([default, *weeks_of.values()])
    routed = (
        _open_meldingen()
        .filter(status=Status.ROUTED)
        .annotate(last_activity=Max("history__at", filter=~Q(history__action__in=NOT_ACTIVITY)))
        .filter(last_activity__lte=now - datetime.timedelta(weeks=shortest))
        .select_related("organisation")
    )
    for melding in routed:
        weeks = weeks_of.get(melding.organisation_id, default)
        if melding.last_activity <= now - datetime.timedelta(weeks=weeks):
            key = melding.last_activity.isoformat()[:40]
            if not melding.reminders.filter(kind=ReminderKind.INACTIVE, key=key).exists():
                yield Due(melding, ReminderKind.INACTIVE, key)


def late_addition_due(now: datetime.datetime) -> Iterator[Due]:
    """Information added to a closed melding after its last closing: it may be a new incident,
    so the coordinator decides whether to reopen it."""
    last_closed = (
        MeldingHistory.objects.filter(melding=OuterRef("melding"), to_status=Status.CLOSED)
        .order_by("-at")
        .values("at")[:1]
    )
    additions = (
        MeldingAddition.objects.filter(
            melding__status__in=CLOSED_STATUSES, melding__purge_record__isnull=True
        )
        .annotate(closed_at=Subquery(last_closed))
        .filter(created_at__gt=F("closed_at"))
        .filter(_not_reminded(ReminderKind.LATE_ADDITION))
        .select_related("melding__organisation")
    )
    for addition in additions:
        yield Due(addition.melding, ReminderKind.LATE_ADDITION, str(addition.pk))


CHECKS = (aangifte_due, measure_due, nazorg_due, inactive_due, late_addition_due)


def due_reminders(now: datetime.datetime) -> list[Due]:
    return [due for check in CHECKS for due in check(now)]


def remind(due: Due) -> Reminder | None:
    """Record the reminder once and queue its e-mail in the same transaction."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(melding=due.melding, kind=due.kind, key=due.key)
            record_history(due.melding, None, HistoryAction.REMINDER, note=str(due.kind.label))
            send_reminder.enqueue(reminder.pk)
    except IntegrityError:  # sent meanwhile by another run
        return None
    return reminder


def send_due(now: datetime.datetime) -> int:
    """Send every reminder due at now; returns how many."""
    return sum(1 for due in due_reminders(now) if remind(due))


@task()
def send_reminders() -> int:
    """Send every reminder that is due now. Queued every minute by run_periodic."""
    return send_due(timezone.now())


@task()
def send_reminder(reminder_id: int) -> None:
    reminder = Reminder.objects.select_related("melding__organisation").get(pk=reminder_id)
    melding = reminder.melding
    recipients = list(
        get_user_model()
        .objects.filter(groups=melding.organisation.coordinators_group_id, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    context = {
        "reference": melding.reference,
        "reason": reminder.get_kind_display(),
        "url": settings.WAGTAILADMIN_BASE_URL + reverse("melding_detail", args=[melding.pk]),
    }
    subject, body = render_mail("meldingen/email/reminder", context)
    send_mail(subject, body, None, recipients)
