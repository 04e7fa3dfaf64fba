"""Erasing the personal data of one melding. The retention purge (.retention) and the early
erasure on request of a data subject (reporting.views.erasure) both call erase_personal_data,
so both wipe exactly the same:

- the personal data row, the attachments (rows and files) and the reporter's additions;
- free texts people typed about the melding: moderation remarks, the routing note, the text
  of partner feedback, the police number of the aangifte, the justification of measures and
  the outcome of objections, nazorg notes and the reporter's answers, evaluation lessons;
- the link to the reporter's account (on the melding, its history, revisions, workflow and
  log entries, avoidance signals), so what stays cannot be traced back to the reporter.

The melding with its anonymous facts, its kinds, its history without free text and its
notices stay for the figures. A PurgeRecord, a history row and a "gewist" audit event (with the
reference and the reason category only) record that it happened.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision, WorkflowState

from core import audit
from core.models import AuditAction
from meldingen.models import (
    Aangifte,
    AvoidanceSignal,
    HistoryAction,
    IncidentEvaluation,
    Measure,
    Melding,
    MeldingAddition,
    MeldingPersonalData,
    NazorgContact,
)
from meldingen.services import record_history
from partners.models import PartnerFeedback, RoutingDecision
from reporting.models import PurgeReason, PurgeRecord


class AlreadyErased(Exception):
    pass


def erasure_of(melding: Melding) -> PurgeRecord | None:
    """The deletion record of melding, if its personal data has been erased (read fresh)."""
    return PurgeRecord.objects.filter(melding=melding).first()


def _remove_attachments(melding: Melding) -> int:
    attachments = list(melding.attachments.all())
    for attachment in attachments:
        name, storage = attachment.file.name, attachment.file.storage
        attachment.delete()
        # Files go only once the rows are gone for good.
        transaction.on_commit(lambda s=storage, n=name: s.delete(n) if n else None)
    return len(attachments)


def _clear_free_texts(melding: Melding) -> int:
    """Texts people typed; the records themselves (dates, choices) stay for the figures."""
    return (
        melding.history.exclude(comment="").update(comment="")
        + RoutingDecision.objects.filter(melding=melding).exclude(note="").update(note="")
        + PartnerFeedback.objects.filter(notice__melding=melding).exclude(text="").update(text="")
        + Aangifte.objects.filter(melding=melding)
        .exclude(police_number="")
        .update(police_number="")
        + Measure.objects.filter(melding=melding)
        .exclude(justification="", objection_outcome="")
        .update(justification="", objection_outcome="")
        + NazorgContact.objects.filter(melding=melding)
        .exclude(note="", reporter_answer="")
        .update(note="", reporter_answer="")
        + IncidentEvaluation.objects.filter(melding=melding).exclude(lessons="").update(lessons="")
    )


def _unlink_reporter(melding: Melding, now: datetime.datetime) -> None:
    reporter_id = melding.reporter_id
    if reporter_id is None:
        return
    Melding.objects.filter(pk=melding.pk).update(reporter=None, updated_at=now)
    melding.history.filter(actor_id=reporter_id).update(actor=None)
    AvoidanceSignal.objects.filter(melding=melding, registered_by_id=reporter_id).update(
        registered_by=None
    )
    WorkflowState.objects.for_instance(melding).filter(requested_by_id=reporter_id).update(
        requested_by=None
    )
    ModelLogEntry.objects.for_instance(melding).filter(user_id=reporter_id).update(user=None)
    for revision in Revision.objects.for_instance(melding):
        revision.content["reporter"] = None
        if revision.user_id == reporter_id:
            revision.user = None
        revision.save(update_fields=["content", "user"])


@transaction.atomic
def erase_personal_data(
    melding: Melding,
    *,
    reason_kind: str,
    actor=None,
    reason: str = "",
    now: datetime.datetime | None = None,
    closed_at: datetime.datetime | None = None,
    years: int | None = None,
) -> PurgeRecord:
    """Erase the personal data of melding and record it; raises AlreadyErased the second time.

    reason_kind is a PurgeReason. The retention purge passes closed_at and years; an erasure
    on request passes the actor and the reason they gave (stored encrypted, never audited).
    """
    now = now or timezone.now()
    locked = Melding.objects.select_for_update().get(pk=melding.pk)
    if PurgeRecord.objects.filter(melding=locked).exists():
        raise AlreadyErased(locked.reference)
    personal = MeldingPersonalData.objects.filter(melding=locked).delete()[0]
    additions = MeldingAddition.objects.filter(melding=locked)
    addition_count = additions.count()
    additions.delete()
    attachment_count = _remove_attachments(locked)
    text_count = _clear_free_texts(locked)
    _unlink_reporter(locked, now)
    record_history(locked, actor, HistoryAction.ERASED, note=str(PurgeReason(reason_kind).label))
    record = PurgeRecord.objects.create(
        melding=locked,
        organisation_id=locked.organisation_id,
        reference=locked.reference,
        reason_kind=reason_kind,
        reason=reason,
        purged_by=actor,
        closed_at=closed_at,
        retention_years=years,
        purged_at=now,
        personal_data_removed=bool(personal),
        attachments_removed=attachment_count,
        additions_removed=addition_count,
        texts_removed=text_count,
    )
    audit.record(actor, AuditAction.PURGE, melding=locked, detail=reason_kind)
    return record
