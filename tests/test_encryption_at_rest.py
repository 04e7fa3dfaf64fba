"""Personal data of meldingen is encrypted at rest: the database and the file store hold no
plaintext; keys can be rotated."""

import io
import uuid

import pytest
from django.core.management import call_command
from django.db import connection

from workflows import crypto
from workflows.models import Attachment, MeldingPersonalData
from workflows.services import submit_melding

from .test_melding_intake import PNG

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

    for table in ("workflows_meldingpersonaldata", "workflows_attachment"):
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


def test_key_rotation(settings, melding_with_marker):
    melding, marker = melding_with_marker
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    before = raw("SELECT description FROM workflows_meldingpersonaldata")[0][0]
    new_key = crypto.generate_key()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("rotate_encryption_keys")
    after = raw("SELECT description FROM workflows_meldingpersonaldata")[0][0]
    assert after != before

    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone
    personal = MeldingPersonalData.objects.get(melding=melding)
    assert personal.description == f"Verhaal {marker}"
    attachment = Attachment.objects.get(melding=melding)
    with attachment.file.open("rb") as handle:
        assert crypto.decrypt_bytes(handle.read()).startswith(PNG[:8])


def test_production_refuses_to_start_without_encryption_key():
    from .test_demo import production_env
    from .test_settings import run

    env = production_env()
    del env["FIELD_ENCRYPTION_KEYS"]
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0 and "FIELD_ENCRYPTION_KEYS" in result.stderr
