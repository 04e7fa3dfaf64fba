"""Hostile input: script payloads in every text field of the intake (web form and API), the
addition, partner feedback and the partner name come out escaped on every page that shows
them and never reach an e-mail; hostile uploads are refused in Dutch and nothing is stored."""

from __future__ import annotations

import base64
import io
import json
import zipfile

import pytest
from django.core import mail
from django.core.files.storage import storages
from wagtail.models import APIToken

from meldingen.models import Attachment, Melding
from tests import factories
from tests.meldingen.steps import post_melding
from tests.meldingen.test_melding_intake import EXE, PDF, PNG, upload, valid_data

pytestmark = pytest.mark.django_db(transaction=True)

# Per field a payload that closes an attribute, opens a script and an event handler; tagged so
# each field can be found back. Short fields (phone: 30) get the script part only.
FIELDS = {
    "description": "de",
    "perpetrator_description": "pd",
    "witnesses": "wi",
    "impact": "im",
    "police_reference": "pr",
    "on_behalf_of": "ob",
    "name": "na",
    "phone": "ph",
}


def script(tag: str) -> str:
    return f"<script>{tag}</script>"


def payload(tag: str) -> str:
    return f"\"'><img src=x onerror=alert('{tag}')>{script(tag)}"


def escaped(tag: str) -> str:
    return f"&lt;script&gt;{tag}&lt;/script&gt;"


def hostile_fields() -> dict[str, str]:
    data = {field: payload(tag) for field, tag in FIELDS.items()}
    data["phone"] = script("ph")
    data["email"] = f'"{script("em")}"@example.test'  # a valid quoted local part
    return data


def assert_no_raw_markup(body: str) -> None:
    """No payload became markup: no bare <script>, no <img src=x ...> element."""
    assert "<script>" not in body, body[body.find("<script>") - 300 :][:600]
    assert "<img src=x" not in body, body[body.find("<img src=x") - 300 :][:600]


@pytest.fixture
def world(org_a, coordinator_a, make_user):
    kinds = factories.partner_kinds()
    factories.national_rules(kinds)
    page = factories.melden_page(org_a)
    page.extra_questions = [
        (
            "question",
            {
                "label": "Commissie",
                "help_text": "",
                "answer_type": "text",
                "options": "",
                "required": False,
            },
        )
    ]
    page.save_revision().publish()
    police_user = make_user("politie-a")
    police = factories.partner(
        org_a, kinds["politie"], f"Politie {script('pn')}", "p@example.test", police_user
    )
    reporter = make_user("raadslid-a")
    return {"page": page, "police": police, "police_user": police_user, "reporter": reporter}


def submit_web(client, world) -> Melding:
    page = world["page"]
    extra = f"extra_{page.extra_questions[0].id}"
    client.force_login(world["reporter"])
    data = valid_data(**hostile_fields(), consent_kinds=["politie"], **{extra: payload("ex")})
    data["attachments"] = [upload(f"{payload('fn')}.png", PNG)]
    response = post_melding(client, page, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert_no_raw_markup(confirmation.content.decode())
    return Melding.objects.get()


def submit_api(client, world) -> Melding:
    token = APIToken.create_token(user=world["reporter"], name="app")[1]
    data = valid_data(**hostile_fields(), occurred_at="2026-11-20T21:15:00+01:00")
    extra = f"extra_{world['page'].extra_questions[0].id}"
    data.update(consent_kinds=["politie"], extra_answers={extra: payload("ex")})
    data["attachments"] = [
        {"name": f"{payload('fn')}.png", "content_base64": base64.b64encode(PNG).decode()}
    ]
    response = client.post(
        f"/api/meldpunten/{world['page'].pk}/meldingen",
        json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(world["reporter"])
    return Melding.objects.get()


@pytest.mark.parametrize("submit", [submit_web, submit_api], ids=["webformulier", "api"])
def test_payloads_are_escaped_everywhere_and_absent_from_mail(
    client, world, coordinator_a, submit, django_capture_on_commit_callbacks
):
    melding = submit(client, world)
    personal = melding.personal
    assert personal.description == payload("de")  # stored as typed, escaped on output

    # The reporter adds information afterwards.
    mine_url = f"/mijn-meldingen/{melding.reference}/"
    assert client.post(mine_url, {"text": payload("ad")}).status_code == 302

    # Coordinator triages and routes; the partner opens the notice and gives feedback.
    client.force_login(coordinator_a)
    admin_url = f"/admin/meldingen/{melding.pk}/"
    client.post(f"{admin_url}triage/", {"kinds": ["bedreiging"], "severity": "bedreiging"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{admin_url}routering/", {"partners": [world["police"].pk]})
    notice = melding.notices.get(partner=world["police"])
    client.force_login(world["police_user"])
    partner_url = f"/partner/berichten/{notice.pk}/"
    feedback = client.post(
        f"{partner_url}terugkoppeling/", {"kind": "anders", "text": payload("fb")}
    )
    assert feedback.status_code == 302

    pages = {
        "partner inbox": client.get("/partner/"),
        "partner detail": client.get(partner_url),
    }
    client.force_login(coordinator_a)
    pages["admin listing"] = client.get("/admin/meldingen/")
    pages["admin detail"] = client.get(admin_url)
    client.force_login(world["reporter"])
    pages["mijn meldingen"] = client.get("/mijn-meldingen/")
    pages["mijn melding"] = client.get(mine_url)

    for name, response in pages.items():
        assert response.status_code == 200, name
        assert_no_raw_markup(response.content.decode())

    admin = pages["admin detail"].content.decode()
    # Shown escaped where the page shows the field (the admin detail does not show the police
    # reference, additions or partner feedback; the partner sees the narrative and feedback).
    shown = [t for t in FIELDS.values() if t != "pr"] + ["em", "ex", "pn"]
    assert [t for t in shown if escaped(t) not in admin] == []
    partner_detail = pages["partner detail"].content.decode()
    assert escaped("de") in partner_detail and escaped("fb") in partner_detail
    assert escaped("pn") in partner_detail
    assert escaped("ad") in pages["mijn melding"].content.decode()

    assert mail.outbox, "confirmation and notice were sent"
    for message in mail.outbox:
        assert message.content_subtype == "plain" and not getattr(message, "alternatives", [])
        text = message.subject + message.body
        for tag in [*FIELDS.values(), "em", "ex", "ad", "fb", "fn"]:
            assert script(tag) not in text and escaped(tag) not in text, tag


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("leeg.txt", b"\0" * (20 * 1024 * 1024))  # 20 MB of zeros, ~20 kB packed
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
GIF_JS = b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=1;alert(1);//" + b"\x00" * 32
PDF_HTML = PDF.replace(b"%%EOF", b"<html><body><script>alert(1)</script></body></html>\n%%EOF")
PDF_JS = PDF.replace(b"1 0 obj<<>>", b"1 0 obj<</S/JavaScript/JS(app.alert(1))>>")
PDF_HIDDEN_JS = PDF.replace(b"1 0 obj<<>>", b"1 0 obj<</S/JavaScrip#74/JS 5 0 R>>")
PNG_HTML = PNG + b"<html><script>alert(1)</script></html>"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64

NOT_ALLOWED = "is geen toegestaan bestand"
ACTIVE = "bevat scripts of verborgen inhoud"
HOSTILE_UPLOADS = [
    ("aangifte.pdf", EXE, NOT_ALLOWED),
    ("foto.jpg", ELF, NOT_ALLOWED),
    ("tekening.svg", SVG, NOT_ALLOWED),
    ("tekening.png", SVG, NOT_ALLOWED),
    ("archief.pdf", zip_bomb(), NOT_ALLOWED),
    ("plaatje.gif", GIF_JS, NOT_ALLOWED),
    ("brief.pdf", PDF_HTML, ACTIVE),
    ("brief2.pdf", PDF_JS, ACTIVE),
    ("brief3.pdf", PDF_HIDDEN_JS, ACTIVE),
    ("scherm.png", PNG_HTML, ACTIVE),
]


def private_files() -> set[str]:
    storage = storages["private"]
    found, stack = set(), [""]
    while stack:
        folder = stack.pop()
        if not storage.exists(folder or "."):
            continue
        dirs, files = storage.listdir(folder or ".")
        found.update(f"{folder}/{f}" for f in files)
        stack.extend(f"{folder}/{d}".lstrip("/") for d in dirs)
    return found


@pytest.mark.parametrize("name, content, message", HOSTILE_UPLOADS, ids=lambda v: str(v)[:12])
def test_hostile_upload_refused_in_dutch_nothing_stored(client, world, name, content, message):
    before = private_files()
    client.force_login(world["reporter"])
    response = post_melding(client, world["page"], valid_data(attachments=[upload(name, content)]))
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and name in body
    assert "Na de raadsvergadering" in body  # what was typed is kept
    assert Melding.objects.count() == 0 and Attachment.objects.count() == 0
    assert private_files() == before


def test_oversize_upload_refused(client, world, settings):
    settings.MELDING_ATTACHMENT_MAX_BYTES = 4 * 1024
    client.force_login(world["reporter"])
    response = post_melding(
        client, world["page"], valid_data(attachments=[upload("groot.pdf", PDF + b"0" * 8192)])
    )
    assert response.status_code == 400 and "is te groot" in response.content.decode()
    assert Melding.objects.count() == 0 and Attachment.objects.count() == 0


def test_hostile_upload_through_the_api(client, world):
    token = APIToken.create_token(user=world["reporter"], name="app")[1]
    data = valid_data(occurred_at="2026-11-20T21:15:00+01:00", consent_kinds=["politie"])
    data["attachments"] = [
        {"name": "brief.pdf", "content_base64": base64.b64encode(PDF_JS).decode()}
    ]
    response = client.post(
        f"/api/meldpunten/{world['page'].pk}/meldingen",
        json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400
    assert ACTIVE in response.json()["errors"]["attachments"][0]
    assert Melding.objects.count() == 0 and Attachment.objects.count() == 0


def test_ordinary_pdf_and_png_still_accepted(client, world):
    client.force_login(world["reporter"])
    files = [upload("brief.pdf", PDF), upload("scherm.png", PNG)]
    assert post_melding(client, world["page"], valid_data(attachments=files)).status_code == 302
    assert Attachment.objects.count() == 2
