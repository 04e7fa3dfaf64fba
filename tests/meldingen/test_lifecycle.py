"""The whole loop of a melding through real URLs only, as each role takes it: intake by web form
and by API -> triage -> routing -> delivery by a real database-queue worker to a loopback SMTP
server -> the partner opens, downloads the evidence, acknowledges and answers -> the reporter
adds information and reads the answer -> the coordinator sees both, records aangifte, a measure
and nazorg, closes -> two years later the purge removes the personal data, the anonymous figures
remain and the audit trail verifies. The database is only used to arrange people and partners
and to look at the outcome."""

from __future__ import annotations

import base64
import datetime
import io
import json
import re
import subprocess

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import APIToken

from core.models import AuditAction, AuditEvent
from meldingen.models import (
    Aangifte,
    Measure,
    MeasureStep,
    Melding,
    MeldingPersonalData,
    Status,
)
from meldingen.pages import MeldenPage
from partners.models import Notice
from partners.setup import ensure_national_routing
from reporting.figures import figures
from reporting.models import PurgeRecord
from tests import factories
from tests.meldingen.steps import post_melding
from tests.partners.test_notice_delivery import ROOT, WORKER, worker_env
from tests.smtp import SMTPServer, free_port

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
STORY = "Na de raadsvergadering wachtte een man mij op en zei dat hij wist waar ik woon."
FOLLOW_UP = "Vanavond stond dezelfde man weer voor mijn deur."
ANSWER = "Uw aangifte is opgenomen onder nummer 2026-4411; de wijkagent belt u morgen."


@pytest.fixture
def smtp(settings):
    server = SMTPServer(free_port())
    server.start()
    yield server
    server.stop()


def run_worker(smtp) -> None:
    """One pass of a real db_worker process over the queue."""
    result = subprocess.run(
        WORKER, cwd=ROOT, env=worker_env(smtp), capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr


def mails_to(smtp, address: str) -> list:
    return [m["message"] for m in smtp.messages if address in m["to"]]


def body_of(message) -> str:
    part = message.get_payload(decode=True) if not message.is_multipart() else None
    return (part or message.get_payload(0).get_payload(decode=True)).decode()


def csrf_free_post(client, url, data, **extra):
    response = client.post(url, data, **extra)
    assert response.status_code in (200, 302), (url, response.status_code)
    return response


@pytest.mark.django_db(transaction=True)
def test_a_melding_goes_round_the_whole_loop(
    client, org_a, coordinator_a, make_user, smtp, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("the worker subprocess needs a shared PostgreSQL test database")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # Arrange: the national rules, the organisation's police and its meldpunt, the people.
    kinds = ensure_national_routing()
    police_user = make_user("wijkagent")
    police = factories.partner(
        org_a, kinds["politie"], "Politie basisteam Aadorp", "politie@example.test", police_user
    )
    reporter = make_user("raadslid-a")
    reporter.first_name, reporter.last_name = "Rika", "Raadslid"
    reporter.save()
    melden = MeldenPage(title="Melden", slug="melden")
    org_a.add_child(instance=melden)
    melden.save_revision().publish()

    # 1. Intake by the web form, with a photo and consent for the police only.
    client.force_login(reporter)
    photo = io.BytesIO(PNG)
    photo.name = "deur.png"
    response = post_melding(
        client,
        melden,
        {
            "kinds": ["bedreiging"],
            "occurred_at": (timezone.localtime() - datetime.timedelta(hours=3)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "place": "buiten",
            "channel": "persoon",
            "description": STORY,
            "related_to_office": "ja",
            "perpetrator_known": "ja",
            "perpetrator_type": "persoon",
            "aangifte_made": "nee",
            "wishes": ["aangifte", "steun"],
            "support": ["gesprek"],
            "worried_about_home": "on",
            "consent_kinds": ["politie"],
            "reporter_role": "raadslid",
            "name": "Rika Raadslid",
            "email": "rika@example.test",
            "attachments": [photo],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    melding = Melding.objects.get()
    assert melding.consent_kinds == ["politie"] and melding.worried_about_home

    # 2. Intake by the API (the meldapp), with the reporter's token.
    token = APIToken.create_token(user=reporter, name="app")[1]
    api = client.post(
        f"/api/meldpunten/{melden.pk}/meldingen",
        json.dumps(
            {
                "kinds": ["verbaal"],
                "occurred_at": timezone.now().isoformat(),
                "place": "vergadering",
                "channel": "persoon",
                "description": "Uitgescholden tijdens de inspraak.",
                "related_to_office": "ja",
                "perpetrator_known": "nee",
                "perpetrator_type": "onbekend",
                "wishes": ["registratie"],
                "reporter_role": "raadslid",
            }
        ),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert api.status_code == 201, api.content
    assert Melding.objects.count() == 2

    # The worker starts moderation and confirms both to the reporter.
    run_worker(smtp)
    # (the web form's address, and the account's for the API)
    assert len(mails_to(smtp, "rika@example.test")) == 1
    assert len(mails_to(smtp, reporter.email)) == 1

    # 3. The coordinator triages and routes, as proposed by the national rules.
    client.force_login(coordinator_a)
    case_url = f"/admin/meldingen/{melding.pk}/"
    csrf_free_post(
        client,
        f"{case_url}triage/",
        {"kinds": ["bedreiging"], "severity": "bedreiging", "note": "Ernstig, dader bekend."},
    )
    routing = client.get(f"{case_url}routering/").content.decode()
    assert police.name in routing
    csrf_free_post(
        client,
        f"{case_url}routering/",
        {"partners": [police.pk], "note": "Politie vraagt VPT-code aan."},
    )
    melding.refresh_from_db()
    assert melding.status == Status.ROUTED
    assert melding.nazorg.count() == 3  # same day, a week, a month

    # 4. Delivery by the worker to the police, without the story in the e-mail.
    run_worker(smtp)
    notice = Notice.objects.get(melding=melding, partner=police)
    assert notice.status == "verzonden"
    (message,) = mails_to(smtp, "politie@example.test")
    notice_url = re.search(r"https?://\S+/partner/berichten/\d+/", body_of(message)).group(0)
    assert STORY not in body_of(message)

    # 5. The police open the case, download the photo, acknowledge and answer the reporter.
    client.force_login(police_user)
    path = notice_url.split("://", 1)[1].split("/", 1)[1]
    page = client.get(f"/{path}").content.decode()
    assert STORY in page
    download = re.search(r'href="(/partner/berichten/\d+/bijlagen/\d+/)"', page).group(1)
    file = client.get(download)
    assert file.status_code == 200 and file.content == PNG
    csrf_free_post(client, f"/partner/berichten/{notice.pk}/ontvangst/", {})
    csrf_free_post(
        client,
        f"/partner/berichten/{notice.pk}/terugkoppeling/",
        {"kind": "zaaknummer", "text": ANSWER, "for_reporter": "on"},
    )
    assert AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, actor=police_user).exists()

    # 6. The reporter reads the answer and adds information; the police hear of it.
    client.force_login(reporter)
    mine = client.get(f"/mijn-meldingen/{melding.reference}/").content.decode()
    assert ANSWER in mine
    csrf_free_post(client, f"/mijn-meldingen/{melding.reference}/", {"text": FOLLOW_UP})
    run_worker(smtp)
    assert any("Nieuwe informatie" in m["Subject"] for m in mails_to(smtp, "politie@example.test"))
    client.force_login(police_user)
    assert FOLLOW_UP in client.get(f"/partner/berichten/{notice.pk}/").content.decode()

    # 7. The coordinator sees both on the case page and records aangifte, measure, nazorg.
    client.force_login(coordinator_a)
    case = client.get(case_url).content.decode()
    for text in (FOLLOW_UP, ANSWER, "Politie vraagt VPT-code aan.", "Ernstig, dader bekend."):
        assert text in case
    for code in ("ontvangen_door_partner", "in_behandeling -&gt;", ">None<", ">True<"):
        assert code not in case
    today = timezone.localdate().isoformat()
    csrf_free_post(
        client,
        f"{case_url}aangifte/",
        {
            "filer": "organisatie",
            "domicile": "werkadres",
            "status": "gedaan",
            "vpt_requested": "on",
            "police_number": "2026-4411",
            "filed_on": today,
        },
    )
    csrf_free_post(
        client,
        f"{case_url}maatregel/",
        {
            "step": MeasureStep.objects.get(code="ordegesprek").pk,
            "decided_by_role": "burgemeester",
            "decided_by_name": "Burgemeester van Aadorp",
            "decided_on": today,
            "justification": "Wachtte de raadslid op na een eerdere waarschuwing.",
            "told_on": today,
        },
    )
    first_contact = melding.nazorg.order_by("due_on").first()
    csrf_free_post(
        client,
        f"/admin/meldingen/nazorg/{first_contact.pk}/",
        {"done_on": today, "outcome": "slachtofferhulp", "note": "Gebeld."},
    )
    csrf_free_post(
        client,
        f"{case_url}afsluiten/",
        {"outcome": "maatregel", "note": "Ordegesprek gevoerd; aangifte loopt."},
    )
    melding.refresh_from_db()
    assert melding.status == Status.CLOSED and melding.outcome == "maatregel"
    assert Aangifte.objects.get(melding=melding).police_number == "2026-4411"
    assert Measure.objects.filter(melding=melding).count() == 1
    case = client.get(case_url).content.decode()
    assert "Afgehandeld met een maatregel tegen de dader" in case

    # 8. Two years and a day later the purge removes the personal data; figures remain.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2 * 365 + 2)):
        call_command("purge_personal_data")
    record = PurgeRecord.objects.get(melding=melding)
    assert record.personal_data_removed and record.attachments_removed == 1
    assert not MeldingPersonalData.objects.filter(melding=melding).exists()
    assert Aangifte.objects.get(melding=melding).police_number == ""
    assert Measure.objects.get(melding=melding).justification == ""
    counted = figures(Melding.objects.filter(organisation=org_a), None, None)
    assert counted.total == 2 and counted.closed == 1
    assert [r.count for r in counted.measures_by_step if r.key == "ordegesprek"] == [1]
    call_command("verify_audit")
    client.force_login(coordinator_a)
    case = client.get(case_url).content.decode()
    assert STORY not in case and FOLLOW_UP not in case and ANSWER not in case
