"""Personal data of meldingen is encrypted at rest: the database and the file store hold no
plaintext, nor do the free texts people type about a melding (moderation remarks, routing
notes, partner feedback) or Wagtail's own workflow tables; keys can be rotated."""

import io
import uuid

import pytest
from django.core.management import call_command
from django.db import connection

from core import crypto
from meldingen.models import Attachment, MeldingHistory, MeldingPersonalData, Status
from meldingen.services import change_status, submit_melding
from partners.models import FeedbackKind, PartnerFeedback, RoutingDecision
from partners.services import add_feedback
from tests import factories
from tests.meldingen.test_melding_intake import PNG

# Every table a free text about a melding could land in, Wagtail's workflow tables included.
FREE_TEXT_TABLES = (
    "meldingen_meldinghistory",
    "partners_routingdecision",
    "partners_partnerfeedback",
    "wagtailcore_taskstate",
    "wagtailcore_modellogentry",
    "wagtailcore_revision",
)

pytestmark = pytest.mark.django_db


def raw(sql, *params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@pytest.fixture
def melding_with_marker(org_a):
    marker = f"GEHEIM-{uuid.uuid4().hex}"
    upload = io.BytesIO(PNG + marker.encode())
    upload.name = f"{marker}.png"
    upload.size = len(upload.getvalue())
    melding = submit_melding(
        organisation=org_a,
        data={
            **factories_data(),
            "description": f"Verhaal {marker}",
            "name": f"Naam {marker}",
            "email": "melder@example.test",
            "witnesses": f"Getuige {marker}",
            "consent_kinds": ["politie"],
        },
        attachments=[(upload, "image/png", "0" * 64)],
        extra_answers={"Vraag": f"Antwoord {marker}"},
    )
    return melding, marker


def factories_data():
    from django.utils import timezone

    return {
        "kinds": ["bedreiging"],
        "occurred_at": timezone.now(),
        "place": "online",
        "channel": "email",
        "related_to_office": "ja",
        "perpetrator_known": "nee",
        "wishes": ["registratie"],
        "reporter_role": "raadslid",
    }


def test_database_and_files_hold_no_plaintext(melding_with_marker):
    melding, marker = melding_with_marker
    personal = MeldingPersonalData.objects.get(melding=melding)
    assert marker in personal.description and marker in personal.extra_answers["Vraag"]

    for table in ("meldingen_meldingpersonaldata", "meldingen_attachment"):
        rows = raw(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
        assert rows and marker not in str(rows)
        assert "enc1:" in str(rows)
    attachment = Attachment.objects.get(melding=melding)
    assert marker in attachment.original_name
    with attachment.file.open("rb") as handle:
        stored = handle.read()
    assert marker.encode() not in stored and not stored.startswith(PNG[:8])
    assert crypto.decrypt_bytes(stored).startswith(PNG[:8])


def test_coordinator_download_is_decrypted(client, melding_with_marker, coordinator_a):
    melding, marker = melding_with_marker
    client.force_login(coordinator_a)
    attachment = Attachment.objects.get(melding=melding)
    response = client.get(f"/admin/meldingen/bijlagen/{attachment.pk}/")
    assert response.status_code == 200
    assert response.content.startswith(PNG[:8]) and response["Content-Type"] == "image/png"


@pytest.fixture
def free_texts(org_a, coordinator_a, make_user, melding_with_marker):
    """The melding moderated, routed, given feedback and closed, each with a typed text."""
    melding, marker = melding_with_marker
    partner_user = make_user("politie-a")
    police = factories.partner(
        org_a, factories.partner_kinds()["politie"], "Politie A", "p@example.test", partner_user
    )
    factories.triage_and_route(melding, coordinator_a, [police], marker)
    add_feedback(
        melding.notices.get(), actor=partner_user, kind=FeedbackKind.OTHER, text=f"Zaak {marker}"
    )
    change_status(melding, Status.CLOSED, actor=coordinator_a, note=f"Gesloten {marker}")
    return melding, marker, partner_user


def test_free_texts_hold_no_plaintext(client, free_texts, coordinator_a):
    melding, marker, partner_user = free_texts
    for table in FREE_TEXT_TABLES:
        rows = raw(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
        assert rows and marker not in str(rows), table
    assert "enc1:" in str(raw("SELECT comment FROM meldingen_meldinghistory"))
    # Readable where they belong: the coordinator's melding page, the partner inbox.
    client.force_login(coordinator_a)
    page = client.get(f"/admin/meldingen/{melding.pk}/").content.decode()
    assert f"Triage {marker}" in page and f"Gesloten {marker}" in page
    assert RoutingDecision.objects.get(melding=melding).note == f"Route {marker}"
    client.force_login(partner_user)
    inbox = client.get(f"/partner/berichten/{melding.notices.get().pk}/").content.decode()
    assert f"Zaak {marker}" in inbox


def test_key_rotation(settings, free_texts):
    melding, marker, _ = free_texts
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    before = raw("SELECT description FROM meldingen_meldingpersonaldata")[0][0]
    new_key = crypto.generate_key()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("rotate_encryption_keys")
    after = raw("SELECT description FROM meldingen_meldingpersonaldata")[0][0]
    assert after != before

    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone
    personal = MeldingPersonalData.objects.get(melding=melding)
    assert personal.description == f"Verhaal {marker}"
    assert MeldingHistory.objects.get(melding=melding, action="triage").comment == (
        f"Triage {marker}"
    )
    assert RoutingDecision.objects.get(melding=melding).note == f"Route {marker}"
    assert PartnerFeedback.objects.get().text == f"Zaak {marker}"
    attachment = Attachment.objects.get(melding=melding)
    with attachment.file.open("rb") as handle:
        assert crypto.decrypt_bytes(handle.read()).startswith(PNG[:8])


def test_production_refuses_to_start_without_encryption_key():
    from tests.home.test_demo import production_env
    from tests.home.test_settings import run

    env = production_env()
    del env["FIELD_ENCRYPTION_KEYS"]
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0 and "FIELD_ENCRYPTION_KEYS" in result.stderr
