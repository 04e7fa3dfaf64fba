"""The one door for writes by and about partners: routing decisions and their notices,
opening, acknowledgement and feedback. Each writes the melding's history in the same
transaction (meldingen.services)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.models import AuditAction
from meldingen.models import HistoryAction, Melding, Status
from meldingen.services import change_status, record_history
from meldingen.status import TransitionError
from partners.delivery import deadline_for, deliver_notice
from partners.models import Notice, NoticeStatus, PartnerFeedback, RoutingDecision
from partners.rules import shareable


@transaction.atomic
def route(melding: Melding, *, actor, proposals, note: str = "") -> RoutingDecision:
    """Confirm routing: the decision, one notice per partner and the history, in one
    transaction (the outbox); delivery is enqueued after commit."""
    locked = Melding.objects.select_for_update().get(pk=melding.pk)
    for proposal in proposals:
        if proposal.partner.organisation_id != locked.organisation_id:
            raise TransitionError(_("Een ketenpartner hoort niet bij deze organisatie."))
        if not shareable(proposal.partner, locked):
            raise TransitionError(
                _(
                    "%(partner)s is een externe partner en de melder gaf geen toestemming om te "
                    "delen."
                )
                % {"partner": proposal.partner}
            )
    decision = RoutingDecision.objects.create(melding=locked, decided_by=actor, note=note)
    notices = Notice.objects.bulk_create(
        [
            Notice(
                decision=decision,
                melding=locked,
                partner=p.partner,
                rule=p.rule,
                deadline_at=deadline_for(p.partner.kind, locked.urgent),
            )
            for p in proposals
        ]
    )
    names = ", ".join(str(p.partner) for p in proposals) or _("geen ketenpartners")
    record_history(locked, actor, HistoryAction.ROUTED, note=names)
    change_status(locked, Status.ROUTED, actor=actor)
    audit.record(actor, AuditAction.ROUTE, melding=locked, detail=f"{len(proposals)} partners")
    for notice in notices:
        transaction.on_commit(lambda pk=notice.pk: deliver_notice.enqueue(pk))
    return decision


def record_opened(notice: Notice, *, actor) -> None:
    """First opening by the partner: recorded once, visible to the organisation and reporter."""
    updated = Notice.objects.filter(pk=notice.pk, opened_at__isnull=True).update(
        opened_at=timezone.now()
    )
    if updated:
        record_history(
            notice.melding, actor, HistoryAction.OPENED_BY_PARTNER, note=str(notice.partner)
        )


@transaction.atomic
def acknowledge(notice: Notice, *, actor) -> Notice:
    locked = Notice.objects.select_for_update().select_related("partner").get(pk=notice.pk)
    if locked.acknowledged_at is None:
        locked.acknowledged_at = timezone.now()
        locked.acknowledged_by = actor
        locked.status = NoticeStatus.ACKNOWLEDGED
        locked.save(update_fields=["acknowledged_at", "acknowledged_by", "status"])
        record_history(
            locked.melding,
            actor,
            HistoryAction.ACKNOWLEDGED_BY_PARTNER,
            note=str(locked.partner),
        )
        audit.record(
            actor, AuditAction.ACKNOWLEDGE, melding=locked.melding, detail=str(locked.partner)
        )
    return locked


@transaction.atomic
def add_feedback(notice: Notice, *, actor, kind: str, text: str = "") -> PartnerFeedback:
    feedback = PartnerFeedback.objects.create(notice=notice, author=actor, kind=kind, text=text)
    record_history(
        notice.melding,
        actor,
        HistoryAction.FEEDBACK,
        note=f"{notice.partner}: {feedback.get_kind_display()}",
    )
    audit.record(actor, AuditAction.FEEDBACK, melding=notice.melding, detail=str(notice.partner))
    return feedback
