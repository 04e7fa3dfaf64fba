"""The one door for writes to a melding: every change writes its history row in the same
transaction (Signalen's pattern)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core import audit, crypto
from core.models import AuditAction
from meldingen.models import (
    Attachment,
    AvoidanceSignal,
    Melding,
    MeldingAddition,
    MeldingBehaviour,
    MeldingHistory,
    MeldingPersonalData,
)
from meldingen.models.choices import HistoryAction, Severity, Status, severity_for
from meldingen.notifications import send_confirmation
from meldingen.signals import information_added, melding_submitted
from meldingen.status import INITIAL, check_transition

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
    "online_links",
    "online_accounts",
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
        consent_kinds=list(dict.fromkeys(data.get("consent_kinds") or [])),
        perpetrator_type=data.get("perpetrator_type") or "",
        online_platform=data.get("online_platform") or "",
        aangifte_made=YES_NO.get(data.get("aangifte_made")),
        support=list(dict.fromkeys(data.get("support") or [])),
        worried_about_home=bool(data.get("worried_about_home")),
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
        melding=melding, actor=melding.reporter, action=HistoryAction.RECEIVED, to_status=INITIAL
    )
    _record_avoidance(melding, data.get("avoidance") or [], reporter)
    # The moderation start (workflows, on this signal) and the confirmation are queued as
    # tasks in this transaction: both rows commit with the melding (outbox), or neither.
    melding_submitted.send(sender=Melding, melding=melding)
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
        action=HistoryAction.STATUS,
        from_status=old,
        to_status=new_status,
        comment=note,
    )
    _audit_status(actor, locked, old, new_status)
    melding.status = new_status
    return locked


def record_history(
    melding: Melding, actor, action: HistoryAction, note: str = "", comment: str = ""
) -> None:
    """note: text the system writes; comment: what the person typed (encrypted, erasable)."""
    MeldingHistory.objects.create(
        melding=melding, actor=actor, action=action, note=note, comment=comment
    )


@transaction.atomic
def record_triage(
    melding: Melding, *, actor, severity: str, urgent: bool, kinds: list[str], note: str = ""
) -> Melding:
    """Record the coordinator's triage (corrections included); returns the locked row."""
    locked = Melding.objects.select_for_update().get(pk=melding.pk)
    changes = []
    if severity != locked.severity:
        old, new = Severity(locked.severity).label, Severity(severity).label
        changes.append(f"ernst {old} → {new}")
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
    record_history(locked, actor, HistoryAction.TRIAGE, note="; ".join(changes), comment=note)
    if locked.status == Status.RECEIVED:
        change_status(locked, Status.IN_TRIAGE, actor=actor)
    return locked


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
    MeldingHistory.objects.create(melding=locked, actor=author, action=HistoryAction.ADDITION)
    information_added.send(sender=Melding, melding=locked, addition=addition)
    return addition
