"""The one door for writes to a melding: every change writes its history row in the same
transaction (Signalen's pattern)."""

from __future__ import annotations

from django.db import transaction

from .models import (
    Attachment,
    Melding,
    MeldingAddition,
    MeldingBehaviour,
    MeldingHistory,
    MeldingPersonalData,
)
from .models.choices import severity_for
from .status import INITIAL, check_transition

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
        attachment.file.save("upload", upload, save=False)
        attachment.save()
        stored.append(attachment)
    return stored


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
    MeldingBehaviour.objects.bulk_create(
        [MeldingBehaviour(melding=melding, kind=kind) for kind in kinds]
    )
    MeldingPersonalData.objects.create(
        melding=melding,
        extra_answers=extra_answers or {},
        **{field: data.get(field) or "" for field in PERSONAL_FIELDS},
    )
    _store_attachments(melding, attachments)
    MeldingHistory.objects.create(
        melding=melding, actor=melding.reporter, action="ontvangen", to_status=INITIAL
    )
    from .notifications import send_confirmation

    transaction.on_commit(lambda: send_confirmation.enqueue(melding.pk))
    return melding


@transaction.atomic
def change_status(melding: Melding, new_status: str, *, actor=None, note: str = "") -> Melding:
    """Move a melding to new_status if the transition table allows it; writes history."""
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
        note=note,
    )
    melding.status = new_status
    return locked


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
