"""The one door for writes by and about partners: routing decisions and their notices,
opening, acknowledgement and feedback. Each writes the melding's history in the same
transaction (meldingen.services)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.models import AuditAction
from meldingen.casework import CaseError, plan_nazorg
from meldingen.models import Attachment, HistoryAction, Melding, Status
from meldingen.services import change_status, record_history
from meldingen.status import CLOSED_STATUSES, TransitionError
from partners.delivery import deadline_for, deliver_notice
from partners.models import Notice, NoticeStatus, PartnerFeedback, RoutingDecision
from partners.notifications import send_new_information
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
                deadline_at=deadline_for(p.partner.kind, locked),
            )
            for p in proposals
        ]
    )
    names = ", ".join(str(p.partner) for p in proposals) or _("geen ketenpartners")
    record_history(locked, actor, HistoryAction.ROUTED, note=names)
    change_status(locked, Status.ROUTED, actor=actor)
    plan_nazorg(locked, actor=actor)
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
def add_feedback(
    notice: Notice, *, actor, kind: str, text: str = "", for_reporter: bool = False
) -> PartnerFeedback:
    """The partner's answer; for_reporter shows it in the reporter's Mijn meldingen. Refused
    once the case is closed or its personal data erased: the partner no longer has it."""
    melding = Melding.objects.select_for_update().get(pk=notice.melding_id)
    if melding.erasure is not None:
        raise CaseError(_("De persoonsgegevens van deze melding zijn gewist."))
    if melding.status in CLOSED_STATUSES:
        raise CaseError(
            _(
                "Deze melding is afgesloten; terugkoppeling is niet meer mogelijk. Neem contact "
                "op met de veiligheidscoördinator van de organisatie."
            )
        )
    feedback = PartnerFeedback.objects.create(
        notice=notice, author=actor, kind=kind, text=text.strip(), for_reporter=for_reporter
    )
    # Text for the reporter goes into the history comment too (encrypted, erased with the
    # rest), so Mijn meldingen shows it without reading partner records.
    record_history(
        melding,
        actor,
        HistoryAction.FEEDBACK_TO_REPORTER if for_reporter else HistoryAction.FEEDBACK,
        note=f"{notice.partner}: {feedback.get_kind_display()}",
        comment=feedback.text if for_reporter else "",
    )
    audit.record(actor, AuditAction.FEEDBACK, melding=melding, detail=str(notice.partner))
    return feedback


def evidence_for(notice: Notice):
    """The attachments of the notice's melding (with the reporter's later additions)."""
    return Attachment.objects.filter(melding_id=notice.melding_id).order_by("uploaded_at", "pk")


def share_new_information(melding: Melding) -> list[Notice]:
    """After the reporter added information: tell every partner that has the case and may see
    its evidence (an e-mail with only the reference), and note it in the history. Runs in the
    addition's transaction (meldingen.signals.information_added). A closed case is not
    shared: its coordinator gets a reminder instead (meldingen.reminders)."""
    if melding.status in CLOSED_STATUSES:
        return []
    latest = {}  # one e-mail per partner, about its latest notice
    for notice in melding.notices.select_related("partner__kind").order_by("pk"):
        if notice.status != NoticeStatus.GAVE_UP and shareable(notice.partner, melding):
            latest[notice.partner_id] = notice
    notices = list(latest.values())
    if notices:
        names = ", ".join(str(notice.partner) for notice in notices)
        record_history(melding, None, HistoryAction.NEW_INFORMATION_SENT, note=names)
    for notice in notices:
        transaction.on_commit(lambda pk=notice.pk: send_new_information.enqueue(pk))
    return notices
