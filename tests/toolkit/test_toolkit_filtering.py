"""Filtering the toolkit with a plain GET form: kind, audience, moment and free text."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ContactSettings
from tests.toolkit_helpers import resource, toolkit_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def toolkit(org_a, home_page):
    national = toolkit_index(home_page)
    resource(
        national,
        "Leidraad Veilig Bestuur",
        audiences=["burgemeester", "raadslid"],
        moments=["voor", "tijdens", "na"],
        summary="Integrale aanpak van intimidatie.",
    )
    resource(
        national,
        "Eenduidige Landelijke Afspraken",
        kind="landelijke_afspraken",
        audiences=["burgemeester"],
        moments=["na"],
        summary="Afspraken tussen politie en Openbaar Ministerie over aangifte en vervolging.",
    )
    resource(
        national,
        "Meldapp",
        kind="meldapp",
        audiences=["raadslid"],
        moments=["tijdens"],
        summary="Een incident direct vastleggen.",
    )
    local = toolkit_index(org_a)
    resource(
        local,
        "Instructie raadzaal",
        kind="handreiking",
        audiences=["raadslid", "griffier"],
        moments=["tijdens"],
        summary="Wat te doen bij onrust in de raadzaal; de alarmknop zit bij de voorzitter.",
    )
    return local


def titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [r.title for r in response.context["resources"]]


def test_filter_by_kind(client, toolkit):
    assert titles(client, toolkit.url + "?kind=meldapp") == ["Meldapp"]


def test_filter_by_audience(client, toolkit):
    assert titles(client, toolkit.url + "?audience=griffier") == ["Instructie raadzaal"]
    assert titles(client, toolkit.url + "?audience=burgemeester") == [
        "Eenduidige Landelijke Afspraken",
        "Leidraad Veilig Bestuur",
    ]


def test_filter_by_moment(client, toolkit):
    assert titles(client, toolkit.url + "?moment=tijdens") == [
        "Instructie raadzaal",
        "Leidraad Veilig Bestuur",
        "Meldapp",
    ]


def test_free_text_finds_words_in_the_summary(client, toolkit):
    assert titles(client, toolkit.url + "?q=alarmknop") == ["Instructie raadzaal"]
    assert titles(client, toolkit.url + "?q=vervolging") == ["Eenduidige Landelijke Afspraken"]


def test_filters_combine_and_the_url_can_be_shared(client, toolkit):
    url = toolkit.url + "?q=&kind=&audience=raadslid&moment=tijdens"
    expected = ["Instructie raadzaal", "Leidraad Veilig Bestuur", "Meldapp"]
    assert titles(client, url) == expected
    # A fresh client (another person opening the shared link) sees the same result.
    from django.test import Client

    assert titles(Client(), url) == expected


def test_form_works_without_javascript_and_keeps_choices(client, toolkit):
    html = client.get(toolkit.url + "?audience=raadslid&moment=na").content.decode()
    assert '<form method="get"' in html
    assert '<label for="id_audience">Voor wie</label>' in html
    assert '<option value="raadslid" selected>' in html
    assert '<option value="na" selected>' in html
    assert "<script" not in html


def test_unknown_filter_value_shows_an_error_not_a_crash(client, toolkit):
    response = client.get(toolkit.url + "?kind=onbekend")
    assert response.status_code == 200
    assert "onbekend" in response.content.decode()  # the choice error names the value
    assert len(response.context["resources"]) == 4


def test_stored_form_and_list_follow_the_filter_and_the_next_publish(client, toolkit, settings):
    """With fragments cached (production), form and list are kept per choice of kind,
    audience and moment: each choice shows its own list, a stored one reads no resources,
    a text search is never stored and a publish shows at once."""
    settings.FRAGMENT_CACHE_SECONDS = 3600
    ContactSettings.load()  # made on the first render otherwise, which empties the cache
    meldapp, raadzaal = toolkit.url + "?kind=meldapp", toolkit.url + "?kind=handreiking"
    assert "Meldapp</a></h2>" in client.get(meldapp).content.decode()
    with CaptureQueriesContext(connection) as stored:
        again = client.get(meldapp).content.decode()
    read = [q["sql"] for q in stored.captured_queries if "toolkit_toolkitresourcepage" in q["sql"]]
    assert read == []  # the resources are not read again
    assert "Meldapp</a></h2>" in again and "Instructie raadzaal</a></h2>" not in again
    assert '<option value="meldapp" selected>' in again
    other = client.get(raadzaal).content.decode()
    assert "Instructie raadzaal" in other and "Meldapp</a></h2>" not in other
    assert '<option value="handreiking" selected>' in other
    plain = client.get(toolkit.url).content.decode()
    assert "Alle filters wissen" in other and "Alle filters wissen" not in plain

    # A text search never gets the stored list of the same other choices (here: none).
    blank = client.get(toolkit.url + "?q=&kind=&audience=&moment=").content.decode()
    assert "Instructie raadzaal</a></h2>" in blank
    assert "Instructie raadzaal" in client.get(toolkit.url + "?q=alarmknop").content.decode()
    searched = client.get(toolkit.url + "?q=vervolging").content.decode()
    assert "Instructie raadzaal</a></h2>" not in searched

    resource(toolkit, "Nieuwe meldapp", kind="meldapp", summary="Sneller melden.")
    assert "Nieuwe meldapp" in client.get(meldapp).content.decode()
