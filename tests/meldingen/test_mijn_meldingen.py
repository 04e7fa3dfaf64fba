"""Mijn meldingen: login required, only own meldingen, the timeline from the history, adding
information later with the intake's attachment checks, never cached, nothing personal logged."""

import logging
import uuid
from pathlib import Path

import pytest

from meldingen.forms import MeldingForm
from meldingen.models import Attachment, MeldingAddition, MeldingHistory
from meldingen.pages import MeldenPage
from meldingen.services import add_information, change_status, submit_melding
from tests.meldingen import test_melding_intake as intake_tests
from tests.meldingen.steps import post_melding
from tests.meldingen.test_melding_intake import EXE, PNG, upload, valid_data

URL = "/mijn-meldingen/"
PARTNER = "Politie basisteam Aadorp"


fresh_rate_limit = intake_tests.fresh_rate_limit


@pytest.fixture
def reporter(make_user):
    return make_user("raadslid-a")


@pytest.fixture
def other_reporter(make_user):
    return make_user("raadslid-b")


def make_melding(org, user, **overrides):
    form = MeldingForm(valid_data(**overrides))
    assert form.is_valid(), form.errors
    return submit_melding(organisation=org, data=form.cleaned_data, reporter=user)


@pytest.mark.django_db
def test_login_required(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/?next=/mijn-meldingen/")


@pytest.mark.django_db
def test_reporter_sees_only_own_meldingen_and_never_cached(
    client, org_a, org_b, reporter, other_reporter
):
    mine = make_melding(org_a, reporter)
    theirs = make_melding(org_b, other_reporter)
    client.force_login(reporter)
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert mine.reference in body and "Gemeente Aadorp" in body
    assert theirs.reference not in body and "Gemeente Beestad" not in body
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_no_meldingen_yet(client, reporter, home_page):
    client.force_login(reporter)
    assert "U heeft nog geen meldingen gedaan" in client.get(URL).content.decode()


@pytest.mark.django_db
def test_timeline_shows_the_history_with_partners_but_not_internal_notes(client, org_a, reporter):
    melding = make_melding(org_a, reporter)
    change_status(melding, "in_behandeling", note="INTERNE NOTITIE triage")
    change_status(melding, "doorgestuurd")
    MeldingHistory.objects.create(melding=melding, action="doorgestuurd", note=PARTNER)
    MeldingHistory.objects.create(melding=melding, action="ontvangen_door_partner", note=PARTNER)
    MeldingHistory.objects.create(melding=melding, action="zaak_gesloten_extern")
    change_status(melding, "afgehandeld")
    client.force_login(reporter)
    page = client.get(f"{URL}{melding.reference}/").content.decode()
    body = page[page.index('<ol class="timeline"') :]
    steps = [
        "Melding ontvangen",
        "In behandeling",
        f"Doorgestuurd naar {PARTNER}",  # the bare status row "Doorgestuurd" is folded in
        f"Ontvangen door {PARTNER}",
        "Zaak gesloten extern",
        "Afgesloten",
    ]
    positions = [body.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "INTERNE NOTITIE" not in page
    assert "Doorgestuurd</span>" not in body
    assert 'aria-current="step"' in body
    # The list shows the latest steps of each melding and how many came before.
    listing = client.get(URL).content.decode()
    assert "Afgesloten" in listing and "3 eerdere stappen" in listing


@pytest.mark.django_db
def test_other_reporter_cannot_see_or_add(client, org_a, reporter, other_reporter):
    melding = make_melding(org_a, reporter)
    client.force_login(other_reporter)
    detail = f"{URL}{melding.reference}/"
    assert client.get(detail).status_code == 404
    assert client.post(detail, {"text": "ik ook"}).status_code == 404
    assert MeldingAddition.objects.count() == 0
    assert not MeldingHistory.objects.filter(action="aanvulling").exists()


@pytest.mark.django_db
def test_add_information_with_attachment(client, org_a, reporter):
    melding = make_melding(org_a, reporter)
    client.force_login(reporter)
    detail = f"{URL}{melding.reference}/"
    data = {"text": "Hij stond gisteren weer voor de deur.", "attachments": [upload("f.png", PNG)]}
    response = client.post(detail, data)
    assert response.status_code == 302 and response["Location"] == detail

    addition = MeldingAddition.objects.get()
    assert addition.melding == melding and addition.author == reporter
    [attachment] = addition.attachments.all()
    assert attachment.melding == melding and attachment.content_type == "image/png"
    history = MeldingHistory.objects.filter(melding=melding).order_by("at", "pk")
    assert [h.action for h in history] == ["ontvangen", "aanvulling"]
    assert history.last().actor == reporter and history.last().note == ""

    body = client.get(detail).content.decode()
    assert "Uw aanvulling is toegevoegd" in body
    assert "Hij stond gisteren weer voor de deur." in body
    assert "U heeft informatie toegevoegd" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": ""}, "Schrijf wat u wilt toevoegen."),
        ({"text": "bewijs", "attachments": [upload("x.pdf", EXE)]}, "is geen toegestaan bestand"),
    ],
)
def test_invalid_addition_gives_dutch_errors_and_keeps_text(client, org_a, reporter, data, message):
    melding = make_melding(org_a, reporter)
    client.force_login(reporter)
    response = client.post(f"{URL}{melding.reference}/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and "Controleer uw aanvulling" in body
    assert 'aria-invalid="true"' in body
    if data["text"]:
        assert data["text"] in body
    assert MeldingAddition.objects.count() == 0
    assert Attachment.objects.count() == 0


@pytest.mark.django_db
def test_additions_are_rate_limited(client, org_a, reporter, settings):
    settings.MELDING_RATE_LIMIT = (1, 3600)
    melding = make_melding(org_a, reporter)
    client.force_login(reporter)
    detail = f"{URL}{melding.reference}/"
    assert client.post(detail, {"text": "een"}).status_code == 302
    response = client.post(detail, {"text": "twee keer"})
    assert response.status_code == 429 and "twee keer" in response.content.decode()
    assert MeldingAddition.objects.count() == 1


@pytest.mark.django_db
def test_personal_data_not_in_logs(client, org_a, reporter, caplog):
    marker = f"MARKER-{uuid.uuid4().hex}"
    caplog.set_level(logging.DEBUG)
    melding = make_melding(org_a, reporter)
    client.force_login(reporter)
    detail = f"{URL}{melding.reference}/"
    client.post(
        detail, {"text": f"aanvulling {marker}", "attachments": [upload(f"{marker}.png", PNG)]}
    )
    client.post(detail, {"text": f"fout {marker}", "attachments": [upload("x.pdf", EXE)]})
    assert marker in MeldingAddition.objects.get().text
    assert marker not in caplog.text
    assert all(marker not in h.note for h in MeldingHistory.objects.all())


@pytest.mark.django_db
def test_page_renders_for_a_screenshot(client, org_a, reporter):
    """Renders a realistic page and keeps the HTML in var/ to look at in a browser."""
    page = MeldenPage(title="Melden", slug="melden")
    org_a.add_child(instance=page)
    melding = make_melding(org_a, reporter)
    change_status(melding, "in_behandeling")
    MeldingHistory.objects.create(melding=melding, action="doorgestuurd", note=PARTNER)
    make_melding(org_a, reporter, kinds=["verbaal"])
    client.force_login(reporter)
    out = Path(__file__).resolve().parents[2] / "var"
    out.mkdir(exist_ok=True)
    for name, url in [("mijn-meldingen", URL), ("mijn-melding", f"{URL}{melding.reference}/")]:
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert '<html lang="nl">' in body and 'href="#inhoud"' in body
        (out / f"{name}.html").write_text(body)


@pytest.mark.django_db
def test_melden_page_and_confirmation_link_to_mijn_meldingen(client, org_a, reporter):
    page = MeldenPage(title="Melden", slug="melden")
    org_a.add_child(instance=page)
    page.save_revision().publish()
    client.force_login(reporter)
    assert f'href="{URL}"' in client.get(page.url).content.decode()
    response = post_melding(client, page, valid_data(), follow=True)
    reference = MeldenPage.objects.get().organisation.meldingen.get().reference
    assert f'href="{URL}{reference}/"' in response.content.decode()


@pytest.mark.django_db
def test_addition_and_its_history_row_are_one_transaction(org_a, reporter, monkeypatch):
    melding = make_melding(org_a, reporter)

    def history_fails(**kwargs):
        raise RuntimeError("history unavailable")

    monkeypatch.setattr(MeldingHistory.objects, "create", history_fails)
    with pytest.raises(RuntimeError):
        add_information(melding, author=reporter, text="tekst", attachments=[])
    assert MeldingAddition.objects.count() == 0
