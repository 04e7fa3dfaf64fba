"""Delivering notices to ketenpartners: at most one e-mail per notice in the normal case,
retries with backoff, a sweep that re-enqueues anything pending too long, manual retry."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from core import audit, worktime
from core.models import AuditAction
from meldingen.casework import office_hours
from meldingen.models import HistoryAction, Melding
from meldingen.notifications import render_mail
from meldingen.services import record_history
from partners.models import Notice, NoticeStatus, PartnerKind

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
PENDING = [NoticeStatus.QUEUED, NoticeStatus.FAILED]


def deadline_for(kind: PartnerKind, melding: Melding, start: datetime | None = None) -> datetime:
    """Latest acknowledgement of a notice to a partner of ``kind`` about ``melding``, counted
    from ``start`` (now): an urgent melding gets the kind's urgent hours as clock hours, any
    other its acknowledgement hours as working hours within the office hours of the melding's
    organisation (meldingen.models.CaseSettings), skipping weekends and public holidays."""
    start = start or timezone.now()
    if melding.urgent:
        return worktime.clock_hours(start, kind.urgent_ack_deadline_hours)
    return worktime.add_working_hours(
        start, kind.ack_deadline_hours, office_hours(melding.organisation)
    )


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, ... minutes, at most 6 hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def undeliverable(address: str) -> bool:
    """True for a placeholder address (the reserved top-level domain .invalid, RFC 6761), such
    as provisioning gives the meldpunt partners until the organisation fills in the real one."""
    domain = address.rpartition("@")[2].lower().rstrip(".")
    return domain == "invalid" or domain.endswith(".invalid")


def _message(notice: Notice) -> EmailMessage:
    if undeliverable(notice.partner.notification_email):
        # Recorded as a failed attempt: once the address is filled in, the retry delivers.
        raise ValueError(
            _("Het e-mailadres van %(partner)s is nog niet ingevuld (%(address)s).")
            % {"partner": notice.partner.name, "address": notice.partner.notification_email}
        )
    context = {
        "partner": notice.partner.name,
        "organisation": notice.melding.organisation.title,
        "reference": notice.melding.reference,
        "urgent": notice.melding.urgent,
        "deadline": notice.deadline_at,
        "url": settings.WAGTAILADMIN_BASE_URL + reverse("partner_notice", args=[notice.pk]),
    }
    subject, body = render_mail("partners/email/notice", context)
    domain = settings.WAGTAILADMIN_BASE_URL.split("//")[-1].split(":")[0] or "veiligbestuur"
    return EmailMessage(
        subject,
        body,
        None,
        [notice.partner.notification_email],
        headers={"Message-ID": f"<notice-{notice.pk}@{domain}>"},
    )


@task()
def deliver_notice(notice_id: int) -> str:
    """Claim the notice (so no other worker sends it), send, record the outcome."""
    now = timezone.now()
    with transaction.atomic():
        notice = (
            Notice.objects.select_for_update(skip_locked=True)
            .filter(pk=notice_id, status__in=PENDING)
            .first()
        )
        if notice is None:
            return "niet (meer) te verzenden"
        notice.status = NoticeStatus.SENDING
        notice.attempts += 1
        notice.last_attempt_at = now
        notice.save(update_fields=["status", "attempts", "last_attempt_at"])
    notice = Notice.objects.select_related("partner", "melding__organisation").get(pk=notice_id)
    try:
        _message(notice).send()
    except Exception as exc:  # noqa: BLE001 - any failure must be recorded, never lost
        gave_up = notice.attempts >= MAX_ATTEMPTS
        notice.status = NoticeStatus.GAVE_UP if gave_up else NoticeStatus.FAILED
        notice.last_error = f"{type(exc).__name__}: {exc}"[:1000]
        notice.next_attempt_at = None if gave_up else timezone.now() + backoff(notice.attempts)
        notice.save(update_fields=["status", "last_error", "next_attempt_at"])
        logger.warning("Notice %s delivery failed (attempt %s)", notice.pk, notice.attempts)
        return "mislukt"
    notice.status = NoticeStatus.SENT
    notice.sent_at = timezone.now()
    notice.next_attempt_at = None
    notice.last_error = ""
    notice.save(update_fields=["status", "sent_at", "next_attempt_at", "last_error"])
    return "verzonden"


STALE_SENDING = timedelta(minutes=10)
STALE_QUEUED = timedelta(minutes=5)


def due_notices():
    """Notices that should have been delivered by now: failed and due again, queued for too
    long (a lost task), or stuck in 'sending' (a worker that died mid-delivery)."""
    now = timezone.now()
    return Notice.objects.filter(
        Q(status=NoticeStatus.FAILED, next_attempt_at__lte=now)
        | Q(status=NoticeStatus.QUEUED, created_at__lte=now - STALE_QUEUED)
        | Q(status=NoticeStatus.SENDING, last_attempt_at__lte=now - STALE_SENDING)
    )


@task()
def sweep_notices() -> int:
    """Re-enqueue every due notice; returns how many. Run every minute (see README)."""
    count = 0
    for notice in due_notices().only("pk", "status"):
        if notice.status == NoticeStatus.SENDING:
            Notice.objects.filter(pk=notice.pk, status=NoticeStatus.SENDING).update(
                status=NoticeStatus.FAILED
            )
        deliver_notice.enqueue(notice.pk)
        count += 1
    return count


@transaction.atomic
def retry_by_hand(notice: Notice, *, actor) -> None:
    """The moderator's retry button: makes a failed notice due now; audited with it."""
    updated = Notice.objects.filter(
        pk=notice.pk, status__in=[NoticeStatus.FAILED, NoticeStatus.GAVE_UP]
    ).update(status=NoticeStatus.FAILED, next_attempt_at=timezone.now())
    audit.record(actor, AuditAction.RETRY, melding=notice.melding, detail=str(notice.partner))
    if updated:
        transaction.on_commit(lambda: deliver_notice.enqueue(notice.pk))


@task()
def check_deadlines() -> int:
    """Tell the organisation's veiligheidscoördinatoren once about every notice whose
    acknowledgement deadline passed; returns how many were reported."""
    from partners.notifications import send_deadline_passed

    overdue = Notice.objects.filter(
        acknowledged_at__isnull=True,
        deadline_at__lt=timezone.now(),
        deadline_reported_at__isnull=True,
    ).values_list("pk", flat=True)
    count = 0
    for pk in overdue:
        with transaction.atomic():
            claimed = Notice.objects.filter(pk=pk, deadline_reported_at__isnull=True).update(
                deadline_reported_at=timezone.now()
            )
            if claimed:
                notice = Notice.objects.select_related("melding", "partner").get(pk=pk)
                record_history(
                    notice.melding, None, HistoryAction.DEADLINE_PASSED, note=str(notice.partner)
                )
                transaction.on_commit(lambda pk=pk: send_deadline_passed.enqueue(pk))
                count += 1
    return count
