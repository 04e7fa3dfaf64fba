"""The one door for writes to a melding: every change writes its history row in the same
transaction (Signalen's pattern)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, crypto
from .engine import begin_moderation, current_task_state
from .models import (
    Attachment,
    AuditAction,
    Melding,
    MeldingAddition,
    MeldingBehaviour,
    MeldingHistory,
    MeldingPersonalData,
    Notice,
    NoticeStatus,
    PartnerFeedback,
    RoutingDecision,
)
from .models.choices import Status, severity_for
from .notifications import send_confirmation
from .status import INITIAL, TransitionError, check_transition

PERSONAL_FIELDS = [
    "name",
    "email",
    "phone",
    "on_behalf_of",
    "description",
    "perpetrator_description",
    "witnesses",
    "impact",
    "police_reference",
]
YES_NO = {"ja": True, "nee": False}


def _store_attachments(melding: Melding, attachments) -> list[Attachment]:
    """Save checked (upload, content_type, sha256) triples in private storage."""
    stored = []
    for upload, content_type, sha256 in attachments:
        attachment = Attachment(
            melding=melding,
            original_name=upload.name[:255],
            content_type=content_type,
            size=upload.size,
            sha256=sha256,
        )
        upload.seek(0)
        attachment.file.save("upload", ContentFile(crypto.encrypt_bytes(upload.read())), save=False)
        attachment.save()
        stored.append(attachment)
    return stored


def _record_avoidance(melding: Melding, kinds: list[str], reporter) -> None:
    """Avoidance signals the office holder gave with the melding (anonymous figures)."""
    from .registration.models import AvoidanceSignal

    AvoidanceSignal.objects.bulk_create(
        [
            AvoidanceSignal(
                organisation=melding.organisation,
                melding=melding,
                kind=kind,
                reporter_role=melding.reporter_role,
                observed_on=timezone.localdate(),
                registered_by=melding.reporter,
            )
            for kind in dict.fromkeys(kinds)
        ]
    )


def _audit_status(actor, melding: Melding, old: str, new: str) -> None:
    audit.record(actor, AuditAction.STATUS, melding=melding, detail=f"{old or '-'} -> {new}")


@transaction.atomic
def submit_melding(
    *, organisation, data: dict, reporter=None, attachments=(), extra_answers=None
) -> Melding:
    """Store a new melding with its personal data and attachments; returns it committed-ready.

    data holds the cleaned fields of MeldingForm (or the API); attachments are
    (upload, content_type, sha256) triples that passed workflows.attachments.check_uploads.
    """
    kinds = list(dict.fromkeys(data["kinds"]))
    melding = Melding.objects.create(
        organisation=organisation,
        status=INITIAL,
        reporter=reporter if reporter and reporter.is_authenticated else None,
        reporter_role=data["reporter_role"],
        on_behalf=bool(data.get("on_behalf_of")),
        occurred_at=data["occurred_at"],
        place=data["place"],
        channel=data["channel"],
        severity=severity_for(kinds),
        acute_danger=bool(data.get("acute_danger")),
        urgent=bool(data.get("acute_danger")),
        related_to_office=YES_NO.get(data.get("related_to_office")),
        perpetrator_known=data["perpetrator_known"],
        repeated=bool(data.get("repeated")),
        police_involved=bool(data.get("police_involved")),
        wishes=list(data["wishes"]),
        targets=list(data.get("targets") or []),
        consent_to_share=bool(data.get("consent_to_share")),
    )
    behaviours = MeldingBehaviour.objects.bulk_create(
        [MeldingBehaviour(melding=melding, kind=kind) for kind in kinds]
    )
    MeldingPersonalData.objects.create(
        melding=melding,
        extra_answers=extra_answers or {},
        **{field: data.get(field) or "" for field in PERSONAL_FIELDS},
    )
    _store_attachments(melding, attachments)
    received = MeldingHistory.objects.create(
        melding=melding, actor=melding.reporter, action="ontvangen", to_status=INITIAL
    )
    _record_avoidance(melding, data.get("avoidance") or [], reporter)
    # The workflow starts and the confirmation goes out in a worker: both task rows commit
    # with the melding (outbox), so neither exists without the other.
    begin_moderation.enqueue(melding.pk)
    send_confirmation.enqueue(melding.pk)
    # No actor: the append-only trail cannot be purged, so it never links a reporter to a
    # melding (the history row does, and goes with the personal data).
    _audit_status(None, melding, "", INITIAL)
    # For an answer that shows what was stored without reading it back (stored_as_prefetched).
    melding.just_stored = {"behaviours": behaviours, "history": [received], "additions": []}
    return melding


def stored_as_prefetched(melding: Melding) -> Melding:
    """A melding fresh from submit_melding, with the rows it just stored as its prefetched
    behaviours, history and additions (as prefetch_related_objects sets them), so its timeline
    reads nothing back. Only for an answer right after submitting: later changes to this
    instance's relations would not show."""
    cache = melding.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, rows in melding.just_stored.items():
        queryset = getattr(melding, name).all()
        queryset._result_cache, queryset._prefetch_done = list(rows), True
        cache[name] = queryset
    return melding


@transaction.atomic
def change_status(melding: Melding, new_status: str, *, actor=None, note: str = "") -> Melding:
    """Move a melding to new_status if the transition table allows it; writes history and the
    audit event (from -> to) in the same transaction. The only place a status changes."""
    locked = Melding.objects.select_for_update().get(pk=melding.pk)
    check_transition(locked.status, new_status)
    old = locked.status
    locked.status = new_status
    locked.save(update_fields=["status", "updated_at"])
    MeldingHistory.objects.create(
        melding=locked,
        actor=actor,
        action="status",
        from_status=old,
        to_status=new_status,
        comment=note,
    )
    _audit_status(actor, locked, old, new_status)
    melding.status = new_status
    return locked


def _history(melding, actor, action, note="", comment=""):
    """note: text the system writes; comment: what the person typed (encrypted, erasable)."""
    MeldingHistory.objects.create(
        melding=melding, actor=actor, action=action, note=note, comment=comment
    )


def _approve_task(melding: Melding, task_class, user) -> None:
    """Approve the current task. No comment goes to Wagtail: its task states and log entries
    are neither encrypted nor erased, so the person's note stays in MeldingHistory.comment."""
    task_state = current_task_state(melding)
    if task_state is None or not isinstance(task_state.task.specific, task_class):
        raise TransitionError(_("Deze stap is voor deze melding nu niet aan de orde."))
    task_state.approve(user=user)


@transaction.atomic
def triage(
    melding: Melding, *, actor, severity: str, urgent: bool, kinds: list[str], note: str = ""
) -> Melding:
    """Record the coordinator's triage (corrections included) and complete the triage task."""
    from .models.tasks import TriageTask

    locked = Melding.objects.select_for_update().get(pk=melding.pk)
    changes = []
    if severity != locked.severity:
        changes.append(f"ernst {locked.severity} -> {severity}")
    if urgent != locked.urgent:
        changes.append("spoed aan" if urgent else "spoed uit")
    old_kinds = set(locked.kinds)
    if set(kinds) != old_kinds:
        changes.append("soorten gedrag aangepast")
        locked.behaviours.exclude(kind__in=kinds).delete()
        MeldingBehaviour.objects.bulk_create(
            [MeldingBehaviour(melding=locked, kind=k) for k in kinds if k not in old_kinds]
        )
    locked.severity, locked.urgent = severity, urgent
    locked.save(update_fields=["severity", "urgent", "updated_at"])
    _history(locked, actor, "triage", note="; ".join(changes), comment=note)
    if locked.status == Status.RECEIVED:
        change_status(locked, Status.IN_TRIAGE, actor=actor)
    _approve_task(locked, TriageTask, actor)
    return locked


@transaction.atomic
def complete_step(melding: Melding, *, actor, note: str = "") -> None:
    """Finish an organisation's extra workflow step."""
    from .models.tasks import ExtraStepTask

    task_state = current_task_state(melding)
    name = task_state.task.name if task_state else ""
    _history(melding, actor, "extra_stap", note=name, comment=note)
    _approve_task(melding, ExtraStepTask, actor)


@transaction.atomic
def route(melding: Melding, *, actor, proposals, note: str = "") -> RoutingDecision:
    """Confirm routing: the decision, one notice per partner and the history, in one
    transaction (the outbox); delivery is enqueued after commit."""
    from .delivery import deadline_for, deliver_notice
    from .models.tasks import RoutingTask
    from .rules import shareable

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
    _history(locked, actor, "doorgestuurd", note=names)
    change_status(locked, Status.ROUTED, actor=actor)
    _approve_task(locked, RoutingTask, actor)
    for notice in notices:
        transaction.on_commit(lambda pk=notice.pk: deliver_notice.enqueue(pk))
    return decision


def record_opened(notice: Notice, *, actor) -> None:
    """First opening by the partner: recorded once, visible to the organisation and reporter."""
    updated = Notice.objects.filter(pk=notice.pk, opened_at__isnull=True).update(
        opened_at=timezone.now()
    )
    if updated:
        _history(notice.melding, actor, "geopend_door_partner", note=str(notice.partner))


@transaction.atomic
def acknowledge(notice: Notice, *, actor) -> Notice:
    locked = Notice.objects.select_for_update().select_related("partner").get(pk=notice.pk)
    if locked.acknowledged_at is None:
        locked.acknowledged_at = timezone.now()
        locked.acknowledged_by = actor
        locked.status = NoticeStatus.ACKNOWLEDGED
        locked.save(update_fields=["acknowledged_at", "acknowledged_by", "status"])
        _history(locked.melding, actor, "ontvangen_door_partner", note=str(locked.partner))
    return locked


@transaction.atomic
def add_feedback(notice: Notice, *, actor, kind: str, text: str = "") -> PartnerFeedback:
    feedback = PartnerFeedback.objects.create(notice=notice, author=actor, kind=kind, text=text)
    _history(
        notice.melding,
        actor,
        "terugkoppeling",
        note=f"{notice.partner}: {feedback.get_kind_display()}",
    )
    return feedback


ADDITION_ACTION = "aanvulling"


@transaction.atomic
def add_information(melding: Melding, *, author, text: str, attachments=()) -> MeldingAddition:
    """Store information the reporter adds later, with its attachments; writes history.

    attachments are triples that passed workflows.attachments.check_uploads. The history row
    carries no text (personal data stays in MeldingAddition).
    """
    locked = Melding.objects.select_for_update().get(pk=melding.pk)
    addition = MeldingAddition.objects.create(melding=locked, author=author, text=text)
    addition.attachments.set(_store_attachments(locked, attachments))
    locked.save(update_fields=["updated_at"])
    MeldingHistory.objects.create(melding=locked, actor=author, action=ADDITION_ACTION)
    return addition
