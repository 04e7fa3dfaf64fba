"""A melding with personal data in every place it can be (personal data row, attachment file,
addition, typed remarks, routing note, partner feedback, the reporter's account links), and the
check that an erasure (on request or by the retention purge) left none of it and kept the
anonymous facts."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry, Revision, WorkflowState

from core.audit import verify
from core.models import AuditAction, AuditEvent
from meldingen.models import (
    Attachment,
    AvoidanceSignal,
    Melding,
    MeldingAddition,
    MeldingBehaviour,
    MeldingHistory,
    MeldingPersonalData,
)
from meldingen.services import add_information
from partners.models import FeedbackKind, Notice, PartnerFeedback, RoutingDecision
from partners.services import add_feedback
from reporting.models import PurgeRecord
from tests import factories
from tests.meldingen.test_melding_intake import PNG


@dataclass
class Full:
    melding: Melding
    marker: str
    reporter: object
    partner_user: object
    files: list[tuple[object, str]]  # (storage, name) of the stored attachment files


@pytest.fixture
def full_melding(org_a, coordinator_a, make_user) -> Full:
    marker = f"GEHEIM-{uuid.uuid4().hex[:12]}"
    reporter = make_user("melder-a")
    partner_user = make_user("politie-a")
    police = factories.partner(
        org_a, factories.partner_kinds()["politie"], "Politie A", "p@example.test", partner_user
    )
    melding = factories.melding(
        org_a,
        reporter=reporter,
        name=f"Naam {marker}",
        description=f"Verhaal {marker}",
        witnesses=f"Getuige {marker}",
        avoidance=["bijeenkomsten"],
    )
    upload = io.BytesIO(PNG)
    upload.name, upload.size = f"{marker}.png", len(PNG)
    add_information(
        melding,
        author=reporter,
        text=f"Aanvulling {marker}",
        attachments=[(upload, "image/png", "0" * 64)],
    )
    factories.triage_and_route(melding, coordinator_a, [police], marker)
    add_feedback(
        melding.notices.get(), actor=partner_user, kind=FeedbackKind.OTHER, text=f"Zaak {marker}"
    )
    files = [(a.file.storage, a.file.name) for a in Attachment.objects.filter(melding=melding)]
    assert files and all(storage.exists(name) for storage, name in files)
    return Full(melding, marker, reporter, partner_user, files)


def assert_erased(full: Full, reason_kind: str, actor_name: str) -> PurgeRecord:
    """Everything personal is gone, the anonymous facts stay, and it is recorded and audited."""
    melding, reporter = full.melding, full.reporter
    melding.refresh_from_db()
    # Gone: personal data, addition, attachment (row and file), typed texts.
    assert not MeldingPersonalData.objects.filter(melding=melding).exists()
    assert not MeldingAddition.objects.filter(melding=melding).exists()
    assert not Attachment.objects.filter(melding=melding).exists()
    assert not any(storage.exists(name) for storage, name in full.files)
    assert not MeldingHistory.objects.filter(melding=melding).exclude(comment="").exists()
    assert RoutingDecision.objects.get(melding=melding).note == ""
    assert PartnerFeedback.objects.get(notice__melding=melding).text == ""
    # Gone: every link from what stays to the reporter's account.
    assert melding.reporter_id is None
    assert not MeldingHistory.objects.filter(melding=melding, actor=reporter).exists()
    assert not AvoidanceSignal.objects.filter(registered_by=reporter).exists()
    for revision in Revision.objects.for_instance(melding):
        assert revision.content["reporter"] is None and revision.user_id != reporter.pk
    assert not WorkflowState.objects.for_instance(melding).filter(requested_by=reporter).exists()
    assert not ModelLogEntry.objects.for_instance(melding).filter(user_id=reporter.pk).exists()
    assert get_user_model().objects.filter(pk=reporter.pk).exists()  # the account itself stays
    # Kept: the melding and its anonymous facts for the figures.
    assert MeldingBehaviour.objects.filter(melding=melding).exists()
    assert Notice.objects.filter(melding=melding).count() == 1
    assert AvoidanceSignal.objects.filter(melding=melding, kind="bijeenkomsten").exists()
    assert MeldingHistory.objects.filter(melding=melding, action="doorgestuurd").exists()
    # Recorded: the deletion record, a history row and one audit event without personal data.
    record = PurgeRecord.objects.get(melding=melding)
    assert record.reason_kind == reason_kind and record.personal_data_removed
    assert (record.attachments_removed, record.additions_removed, record.texts_removed) == (
        1,
        1,
        3,  # triage remark, routing note, feedback text
    )
    assert MeldingHistory.objects.filter(melding=melding, action="gewist").exists()
    event = AuditEvent.objects.get(reference=melding.reference, action=AuditAction.PURGE)
    assert (event.actor_name, event.detail) == (actor_name, reason_kind)
    trail = str(list(AuditEvent.objects.values()))
    assert full.marker not in trail and reporter.username not in trail
    assert verify() == []
    return record
