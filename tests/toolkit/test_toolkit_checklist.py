"""The Checklist Veilig Openbaar Bestuur is complete and maintained by national editors."""

import pytest
from django.urls import reverse

from tests.toolkit_helpers import publish_child
from toolkit.checklist import load_checklist
from toolkit.models import ChecklistHeading, ChecklistItem, ChecklistPage

pytestmark = pytest.mark.django_db

# Transcribed from the seed (shared/seeds/001_d898d7071cfd7891.txt); "Beleed" is its typo.
SEED = {
    "voorbereiding": {
        "Beleid vaststellen": [
            "Onderwerp afbakenen, grenzen bepalen en beleid bekrachtigen",
            "Mediabeleid bepalen en woordvoerder(s) aanwijzen",
        ],
        "Preventieve maatregelen (laten) nemen": [
            "Risicoanalyse opstellen: generiek en per beleidsgebied, eventueel per persoon",
            "Communicatie, trainingen en protocollen opzetten",
            "Zonodig actief beveiligen",
        ],
        "Voorbereid zijn op incidenten": [
            "Ketenaafspraken maken met gemeente(n), politie, OM en NCTb",
            "Opvang, nazorg en repressie voorbereiden",
            "Meld- en registratiesystemen op (laten) zetten",
            "Sanctiebeleid bepalen",
        ],
    },
    "uitvoering": {
        "Maatregelen en beleid blijvend uit (laten) voeren": [
            "Voorgenomen maatregelen en protocollen uit laten voeren",
            "Operationele risicoanalyses (laten) uitvoeren",
            "Incidenten intern regelmatig bespreken",
            "Signaleren vermijdingsgedrag bij collega-bestuurders",
        ],
        "Actief communiceren": [
            "Normen blijven uitdragen",
            "Genomen besluiten toelichten en uitleggen aan betrokkenen",
            "In gesprek blijven met ‘lastige’ personen",
        ],
        "Handelen bij incidenten of bedreiging": [
            "Protocollen volgen, opsporing faciliteren en wijzen op de Vertrouwenslijn",
            "Incidenten analyseren, registreren en nabespreken met slachtoffer",
            "Sancties afwegen, bij strafbaar feit aangifte doen en schade verhalen",
        ],
        "Controleren op uitvoering en effectiviteit": [
            "Incidenten systematisch evalueren",
            "Per zittings- of collegetermijn uitgangspunten herijken",
            "Processen controleren en jaarlijks evalueren naar aanleiding van incidenten",
            "Waar nodig beleid en/of maatregelen bijstellen",
        ],
    },
}


@pytest.fixture
def checklist(db):
    load_checklist()  # also loaded by migration 0002; a flushed database needs it again


def structure() -> dict:
    result: dict = {}
    for heading in ChecklistHeading.objects.order_by("phase", "sort_order"):
        items = [i.text for i in heading.items.order_by("sort_order")]
        result.setdefault(heading.phase, {})[heading.title] = items
    return result


def test_every_phase_heading_and_item_of_the_seed_is_present_in_order(checklist):
    actual = structure()
    assert set(actual) == set(SEED)
    for phase, headings in SEED.items():
        assert list(actual[phase]) == list(headings)
        for title, items in headings.items():
            assert actual[phase][title] == items
    assert ChecklistItem.objects.count() == 23


def test_loading_again_adds_nothing(checklist):
    assert load_checklist() == 0
    assert ChecklistItem.objects.count() == 23


def test_recurring_items_from_the_seed_are_marked(checklist):
    recurrence = dict(ChecklistItem.objects.values_list("text", "recurrence"))
    assert recurrence["Incidenten intern regelmatig bespreken"] == "kwartaal"
    assert recurrence["Operationele risicoanalyses (laten) uitvoeren"] == "per_evenement"
    assert recurrence["Incidenten systematisch evalueren"] == "per_incident"
    assert recurrence["Per zittings- of collegetermijn uitgangspunten herijken"] == "termijn"
    assert (
        recurrence["Processen controleren en jaarlijks evalueren naar aanleiding van incidenten"]
        == "jaarlijks"
    )


def test_public_checklist_page_shows_both_phases_and_all_items(client, home_page, checklist):
    page = publish_child(home_page, ChecklistPage(title="Checklist", slug="checklist"))
    html = client.get(page.url).content.decode()
    assert "1. Voorbereiding" in html and "2. Uitvoering – door het jaar heen" in html
    for headings in SEED.values():
        for title, items in headings.items():
            assert title in html
            for item in items:
                assert item in html


def test_national_editors_maintain_the_checklist_organisation_editors_do_not(
    login, national_editor, redacteur_a, checklist
):
    # Granted when setup_platform (the home_page fixture) creates the group.
    heading = ChecklistHeading.objects.get(title="Actief communiceren")
    url = reverse("wagtailsnippets_toolkit_checklistheading:edit", args=[heading.pk])
    assert login(national_editor).get(url).status_code == 200
    assert national_editor.has_perm("toolkit.change_checklistheading")
    assert not redacteur_a.has_perm("toolkit.change_checklistheading")
    assert login(redacteur_a).get(url).status_code in (302, 403)


def test_stored_checklist_follows_a_national_change(client, home_page, checklist, settings):
    """With fragments cached (production), the Checklist page is kept until its content
    changes: a national item edited in the admin shows on the next visit."""
    from home.models import ContactSettings

    settings.FRAGMENT_CACHE_SECONDS = 3600
    ContactSettings.load()  # made on the first render otherwise, which empties the cache
    page = publish_child(home_page, ChecklistPage(title="Checklist", slug="checklist"))
    assert "Sanctiebeleid bepalen" in client.get(page.url).content.decode()
    item = ChecklistItem.objects.get(text="Sanctiebeleid bepalen")
    item.text = "Sanctiebeleid bepalen en bekendmaken"
    item.save()
    assert "Sanctiebeleid bepalen en bekendmaken" in client.get(page.url).content.decode()
