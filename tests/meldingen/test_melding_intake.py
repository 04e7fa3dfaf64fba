"""Melding intake on an organisation's Melden page: validation, attachments, rate limit,
durability, confirmation and privacy."""

import io
import logging
import re
import uuid

import pytest
from django.core import mail
from django.core.cache import cache
from wagtail.models import Revision

from meldingen.models import Attachment, Melding, MeldingHistory
from meldingen.steps import STEPS
from meldingen.views.intake import step_url
from partners.models import PartnerKind
from tests.meldingen.steps import post_melding, step_pages

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def partner_kinds(db) -> list[PartnerKind]:
    """Two external kinds a reporter can consent to, and an internal one that needs none."""
    return [
        PartnerKind.objects.create(code="politie", name="Politie", sort_order=1),
        PartnerKind.objects.create(code="om", name="Openbaar Ministerie", sort_order=2),
        PartnerKind.objects.create(
            code="veiligheidscoordinator", name="Eigen veiligheidscoördinator", internal=True
        ),
    ]


def upload(name, content):
    f = io.BytesIO(content)
    f.name = name
    return f


def valid_data(**overrides):
    data = {
        "kinds": ["bedreiging", "online"],
        "occurred_at": "2026-11-20T21:15",
        "place": "online",
        "channel": "sociale_media",
        "description": "Na de raadsvergadering kreeg ik berichten met een dreigement.",
        "related_to_office": "ja",
        "perpetrator_known": "deels",
        "wishes": ["aangifte", "steun"],
        "reporter_role": "raadslid",
        "name": "Rika Raadslid",
        "email": "rika@example.test",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_logged_in_office_holder_gets_details_filled_in(client, melden, reporter):
    client.force_login(reporter)
    # Name and e-mail are asked in a later step: fill in the earlier ones, not those.
    data = {k: v for k, v in valid_data().items() if k not in ("name", "email")}
    body = client.get(melden.url).content.decode()
    asks = next(
        n for n, step in enumerate(STEPS, 1) if any("email" in g.fields for g in step.groups)
    )
    for number in range(1, asks):
        assert client.post(step_url(melden, number), data).status_code == 302
    body += client.get(step_url(melden, asks)).content.decode()
    assert 'value="raadslid-a@example.test"' in body
    assert "Bel direct 112" in body


@pytest.mark.django_db
def test_account_required_unless_organisation_allows_anonymous(client, melden):
    body = client.get(melden.url).content.decode()
    assert "Log in om een melding te doen" in body and '<form method="post"' not in body
    response = post_melding(client, melden, valid_data())
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]
    assert Melding.objects.count() == 0

    melden.accept_without_account = True
    melden.save_revision().publish()
    response = post_melding(client, melden, valid_data())
    assert response.status_code == 302
    melding = Melding.objects.get()
    assert melding.reporter is None and melding.personal.email == "rika@example.test"


@pytest.mark.django_db
def test_invalid_input_gives_dutch_errors_and_keeps_what_was_typed(client, melden, reporter):
    client.force_login(reporter)
    data = valid_data(kinds=[], occurred_at="gisteren", email="geen-adres")
    response = post_melding(client, melden, data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Kies ten minste één soort gedrag." in body
    assert "Vul een geldige datum en tijd in" in body
    assert 'value="gisteren"' in body  # what was typed in this step is kept
    assert 'aria-invalid="true"' in body
    # The e-mail address is asked in a later step: its error shows there.
    response = post_melding(client, melden, {**data, **valid_data(email="geen-adres")})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Vul een geldig e-mailadres in" in body
    assert 'value="geen-adres"' in body
    assert 'aria-invalid="true"' in body
    assert Melding.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_valid_melding_is_committed_confirmed_and_mailed(client, melden, reporter, partner_kinds):
    client.force_login(reporter)
    data = valid_data(
        consent_kinds=["politie"],
        attachments=[upload("scherm.png", PNG), upload("brief.pdf", PDF)],
    )
    response = post_melding(client, melden, data)
    assert response.status_code == 302

    melding = Melding.objects.get()  # committed: this test runs without a wrapping transaction
    assert melding.organisation_id == melden.get_parent().pk
    assert melding.reporter == reporter
    assert sorted(melding.kinds) == ["bedreiging", "online"]
    assert melding.severity == "bedreiging"
    assert melding.consent_kinds == ["politie"] and melding.consent_to_share is True
    assert melding.status == "ontvangen"
    assert [h.action for h in MeldingHistory.objects.filter(melding=melding)] == ["ontvangen"]
    types = sorted(a.content_type for a in Attachment.objects.filter(melding=melding))
    assert types == ["application/pdf", "image/png"]
    stored = Attachment.objects.filter(melding=melding).first()
    assert "scherm" not in stored.file.name and "brief" not in stored.file.name

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert melding.reference in confirmation.content.decode()
    assert "Bel nu 112" not in confirmation.content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rika@example.test"]
    assert melding.reference in message.subject and melding.reference in message.body


@pytest.mark.django_db
def test_acute_danger_shows_112_first(client, melden, reporter):
    client.force_login(reporter)
    response = post_melding(client, melden, valid_data(acute_danger="on"), follow=True)
    body = response.content.decode()
    assert body.index("Bel nu 112") < body.index("Uw melding is ontvangen")
    assert Melding.objects.get().urgent is True


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, message",
    [
        ("aangifte.pdf", EXE, "is geen toegestaan bestand"),
        ("notitie.txt", b"gewone tekst", "is geen toegestaan bestand"),
        ("groot.png", PNG + b"\x00" * 2048, "is te groot"),
    ],
)
def test_rejected_attachments_store_nothing(
    client, melden, reporter, settings, name, content, message
):
    settings.MELDING_ATTACHMENT_MAX_BYTES = 1024
    client.force_login(reporter)
    response = post_melding(client, melden, valid_data(attachments=[upload(name, content)]))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Melding.objects.count() == 0 and Attachment.objects.count() == 0


@pytest.mark.django_db
def test_too_many_attachments(client, melden, reporter, settings):
    settings.MELDING_ATTACHMENT_MAX_FILES = 2
    client.force_login(reporter)
    files = [upload(f"f{i}.png", PNG) for i in range(3)]
    response = post_melding(client, melden, valid_data(attachments=files))
    assert "maximaal 2 bestanden" in response.content.decode()
    assert Melding.objects.count() == 0


@pytest.mark.django_db
def test_intake_is_rate_limited_and_keeps_text(client, melden, reporter, settings):
    settings.MELDING_RATE_LIMIT = (2, 3600)
    client.force_login(reporter)
    for _ in range(2):
        assert post_melding(client, melden, valid_data()).status_code == 302
    response = post_melding(client, melden, valid_data(description="Derde keer vandaag."))
    assert response.status_code == 429
    body = response.content.decode()
    assert "te veel meldingen" in body and "Derde keer vandaag." in body
    assert Melding.objects.count() == 2


@pytest.mark.django_db
def test_organisation_questions_are_asked_and_stored(client, melden, reporter):
    melden.extra_questions = [
        (
            "question",
            {
                "label": "In welke commissie zit u?",
                "help_text": "",
                "answer_type": "text",
                "options": "",
                "required": True,
            },
        )
    ]
    melden.save_revision().publish()
    client.force_login(reporter)
    field = f"extra_{melden.extra_questions[0].id}"
    response = post_melding(client, melden, valid_data())
    assert response.status_code == 400
    assert "In welke commissie zit u?" in response.content.decode()
    assert post_melding(client, melden, valid_data(**{field: "Ruimte"})).status_code == 302
    assert Melding.objects.get().personal.extra_answers == {"In welke commissie zit u?": "Ruimte"}


@pytest.mark.django_db(transaction=True)
def test_personal_data_never_in_revisions_logs_or_emails(client, melden, reporter, caplog):
    marker = f"MARKER-{uuid.uuid4().hex}"
    caplog.set_level(logging.DEBUG)
    client.force_login(reporter)
    data = valid_data(
        description=f"Bedreiging {marker}",
        perpetrator_description=f"dader {marker}",
        witnesses=f"getuige {marker}",
        impact=f"impact {marker}",
        name=f"Naam {marker}",
        attachments=[upload(f"{marker}.png", PNG)],
    )
    response = post_melding(client, melden, data)
    assert response.status_code == 302
    client.get(response["Location"])

    melding = Melding.objects.get()
    assert marker in melding.personal.description  # stored where it belongs
    assert marker in Attachment.objects.get().original_name
    for revision in Revision.objects.all():
        assert marker not in str(revision.content)
    assert marker not in caplog.text
    assert mail.outbox, "a confirmation e-mail was sent"
    for message in mail.outbox:
        assert marker not in message.subject + message.body + str(message.to)


@pytest.mark.django_db
def test_office_holder_reports_avoidance_with_the_melding(client, melden, reporter):
    from meldingen.models import AvoidanceSignal

    client.force_login(reporter)
    data = valid_data(avoidance=["bijeenkomsten", "niet_herkiesbaar"])
    assert post_melding(client, melden, data).status_code == 302
    melding = Melding.objects.get()
    signals = AvoidanceSignal.objects.filter(melding=melding)
    assert sorted(s.kind for s in signals) == ["bijeenkomsten", "niet_herkiesbaar"]
    assert all(s.organisation_id == melding.organisation_id and not s.by_colleague for s in signals)


def new_questions(**overrides):
    """Answers to the questions about the perpetrator, online behaviour, aangifte, support and
    consent, as the web form posts them."""
    data = {
        "perpetrator_type": "groep",
        "online_platform": "x",
        "online_links": "https://x.example/status/1\nhttps://x.example/status/2",
        "online_accounts": "@dreiger",
        "aangifte_made": "ja",
        "police_reference": "PL0900-2026123456",
        "support": ["gesprek", "beveiliging"],
        "worried_about_home": "on",
        "consent_kinds": ["politie", "om"],
    }
    data.update(overrides)
    return data


def select(body: str, name: str) -> str:
    """The HTML of the <select> named name."""
    start = body.index(f'<select name="{name}"')
    return body[start : body.index("</select>", start)]


@pytest.mark.django_db
def test_form_asks_the_new_questions_in_groups(client, melden, reporter, partner_kinds):
    client.force_login(reporter)
    body = step_pages(client, melden, valid_data())
    for legend in [
        "Als het online gebeurde",
        "De dader",
        "Politie en aangifte",
        "Wat wilt u?",
        "Met wie mag uw melding gedeeld worden?",
    ]:
        assert re.search(f"<legend[^>]*>{re.escape(legend)}", body), legend
    for question in [
        "Op welk platform of in welke app?",
        "Wie of wat is de dader?",
        "Heeft u al aangifte gedaan?",
        "Welke steun wilt u?",
        "Ik maak me zorgen over de veiligheid thuis of van mijn gezin",
    ]:
        assert question in body, question
    # Consent per external partner kind; internal partners always receive it.
    assert 'name="consent_kinds" value="politie"' in body
    assert 'name="consent_kinds" value="om"' in body
    assert 'value="veiligheidscoordinator"' not in body
    assert "andere meldpunten van uw eigen organisatie ontvangen uw melding altijd" in body
    # "Bij mij thuis" is a place, no longer a channel.
    assert 'value="thuis"' not in select(body, "channel")
    assert 'value="thuis"' in select(body, "place") and "Bij mij thuis" in select(body, "place")
    # Required questions keep the required attribute, the new (optional) ones have none.
    assert re.search(r'<select name="place"[^>]* required', body)
    assert '<select name="online_platform"' in body
    assert not re.search(r'<select name="online_platform"[^>]* required', body)


@pytest.mark.django_db
def test_form_without_partner_kinds_says_it_stays_inside(client, melden, reporter):
    client.force_login(reporter)
    body = step_pages(client, melden, valid_data())
    assert 'name="consent_kinds"' not in body
    assert "Uw melding gaat naar de veiligheidscoördinator" in body


@pytest.mark.django_db
def test_new_questions_are_stored(client, melden, reporter, partner_kinds):
    client.force_login(reporter)
    response = post_melding(client, melden, valid_data(**new_questions()))
    assert response.status_code == 302, response.content.decode()
    melding = Melding.objects.get()
    assert melding.perpetrator_type == "groep"
    assert melding.online_platform == "x"
    assert melding.aangifte_made is True
    assert melding.support == ["gesprek", "beveiliging"]
    assert melding.worried_about_home is True
    assert melding.consent_kinds == ["politie", "om"]
    personal = melding.personal
    assert personal.online_links == "https://x.example/status/1\nhttps://x.example/status/2"
    assert personal.online_accounts == "@dreiger"
    assert personal.police_reference == "PL0900-2026123456"


@pytest.mark.django_db
@pytest.mark.parametrize("answer, stored", [("ja", True), ("nee", False), ("onbekend", None)])
def test_aangifte_made_is_yes_no_or_unknown(client, melden, reporter, answer, stored):
    client.force_login(reporter)
    assert post_melding(client, melden, valid_data(aangifte_made=answer)).status_code == 302
    assert Melding.objects.get().aangifte_made is stored


@pytest.mark.django_db
def test_new_questions_are_optional(client, melden, reporter):
    client.force_login(reporter)
    assert post_melding(client, melden, valid_data()).status_code == 302
    melding = Melding.objects.get()
    assert (melding.perpetrator_type, melding.online_platform) == ("", "")
    assert melding.aangifte_made is None and melding.support == []
    assert melding.consent_kinds == [] and melding.consent_to_share is False
    assert melding.worried_about_home is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value, message",
    [
        ("perpetrator_type", "buurman", "'buurman' is geen van de mogelijke antwoorden"),
        ("online_platform", "myspace", "'myspace' is geen van de mogelijke antwoorden"),
        ("aangifte_made", "misschien", "'misschien' is geen van de mogelijke antwoorden"),
        ("support", ["gesprek", "massage"], "'massage' is geen van de mogelijke antwoorden"),
        ("channel", "thuis", "'thuis' is geen van de mogelijke antwoorden"),
        ("consent_kinds", ["politie", "nctv"], "Met 'nctv' kunt u uw melding niet delen"),
        # Internal partners need no consent, so they are not a choice.
        ("consent_kinds", ["veiligheidscoordinator"], "Met 'veiligheidscoordinator' kunt u"),
        ("support", ["geen", "gesprek"], "Kies 'Geen steun nodig' niet samen met"),
    ],
)
def test_bad_answers_give_dutch_errors_and_store_nothing(
    client, melden, reporter, partner_kinds, field, value, message
):
    client.force_login(reporter)
    response = post_melding(client, melden, valid_data(**new_questions(**{field: value})))
    assert response.status_code == 400
    body = response.content.decode().replace("&#x27;", "'")
    assert message in body
    # What was typed is kept: the step with the error and the steps before it show it again.
    # (A later step redirects to the one with the error: it shows nothing.)
    kept = body + "".join(client.get(step_url(melden, n)).content.decode() for n in range(1, 8))
    if field not in ("channel", "perpetrator_type"):  # else the online step was not reached
        assert "@dreiger" in kept
    assert "Na de raadsvergadering kreeg ik berichten met een dreigement." in kept
    assert Melding.objects.count() == 0
