"""Exports of the filtered listing: scope per role, personal fields only for the organisation's
coordinators, every export in the audit trail."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.models import AuditAction, AuditEvent
from tests.registration_helpers import at, melding

pytestmark = pytest.mark.django_db

PERIOD = {"occurred_from": "2026-01-01", "occurred_until": "2026-12-31"}


@pytest.fixture
def meldingen(org_a, org_b):
    return {
        "a": melding(org_a, at(2026, 2, 1, 10), name="Anna Aadorp", email="anna@example.test"),
        "a2": melding(org_a, at(2026, 3, 1, 10), kinds=["verbaal"], description="=HYPERLINK()"),
        "b": melding(org_b, at(2026, 2, 2, 10), name="Bert Beestad"),
    }


def csv_rows(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig")), delimiter=";"))


def url(fmt="csv"):
    return reverse("reporting_export", args=[fmt])


def exports():
    return AuditEvent.objects.filter(action=AuditAction.EXPORT)


def test_coordinator_exports_own_listing_without_personal_fields(meldingen, login, coordinator_a):
    response = login(coordinator_a).get(url(), PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = csv_rows(response)
    assert "Kenmerk" in header and "Naam melder" not in header
    assert {r[0] for r in rows} == {meldingen["a"].reference, meldingen["a2"].reference}
    assert "Anna Aadorp" not in response.content.decode("utf-8-sig")
    event = exports().get()
    assert event.actor == coordinator_a
    assert event.organisation_id == meldingen["a"].organisation_id
    assert "csv; 2 meldingen; persoonsgegevens nee" in event.detail


def test_coordinator_may_include_personal_fields(meldingen, login, coordinator_a):
    response = login(coordinator_a).get(url("xlsx"), {**PERIOD, "persoonsgegevens": "1"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert "Naam melder" in values[0]
    flat = [v for row in values for v in row]
    assert "Anna Aadorp" in flat and "Bert Beestad" not in flat
    assert "'=HYPERLINK()" in flat  # no formula injection
    assert "persoonsgegevens ja" in exports().get().detail


def test_filter_applies_to_export(meldingen, login, coordinator_a):
    response = login(coordinator_a).get(url(), {**PERIOD, "kind": "verbaal"})
    _header, *rows = csv_rows(response)
    assert [r[0] for r in rows] == [meldingen["a2"].reference]


def test_coordinator_of_b_cannot_export_a(meldingen, login, coordinator_b, org_a):
    client = login(coordinator_b)
    assert client.get(url(), {**PERIOD, "organisation": org_a.pk}).status_code == 404
    response = client.get(url(), {**PERIOD, "persoonsgegevens": "1"})
    text = response.content.decode("utf-8-sig")
    assert meldingen["a"].reference not in text and "Anna Aadorp" not in text
    assert meldingen["b"].reference in text
    assert exports().count() == 1  # only the allowed one


def test_national_editor_exports_all_without_personal_fields(meldingen, login, national_editor):
    response = login(national_editor).get(url(), {**PERIOD, "persoonsgegevens": "1"})
    assert response.status_code == 200
    header, *rows = csv_rows(response)
    assert "Naam melder" not in header
    assert len(rows) == 3
    assert "persoonsgegevens nee" in exports().get().detail


def test_anonymous_and_others_are_refused(meldingen, client, login, make_user, redacteur_a):
    assert client.get(url(), PERIOD).status_code == 302  # to the admin login
    assert login(redacteur_a).get(url(), PERIOD).status_code in (302, 403)
    assert login(make_user("iemand")).get(url(), PERIOD).status_code in (302, 403)
    assert login(make_user("x-coord", redacteur_a.groups.first())).get(
        url("pdf"), PERIOD
    ).status_code in (302, 403, 404)
    assert not exports().exists()


def test_moderation_listing_links_to_export_of_the_same_selection(meldingen, login, coordinator_a):
    response = login(coordinator_a).get(reverse("melding_list"), {"kind": "verbaal"})
    html = response.content.decode()
    link = f"{url()}?kind=verbaal&amp;occurred_from=&amp;occurred_until="
    assert link in html
    export = login(coordinator_a).get(url(), {"kind": "verbaal", "occurred_from": ""})
    _header, *rows = csv_rows(export)
    assert [r[0] for r in rows] == [meldingen["a2"].reference]


@pytest.mark.parametrize(
    "typed",
    ["＝HYPERLINK()", "＋1+1", "－2+3", "＠SUM(A1)", "﹦1+1", " =1+1", "\t=1+1", "\u22121+1"],
    ids=[
        "fullwidth-eq",
        "fullwidth-plus",
        "fullwidth-minus",
        "fullwidth-at",
        "small-eq",
        "space",
        "tab",
        "minus-sign",
    ],
)
def test_formulas_in_other_unicode_forms_are_neutralised(org_a, login, coordinator_a, typed):
    melding(org_a, at(2026, 4, 1, 10), description=typed)
    response = login(coordinator_a).get(url("xlsx"), {**PERIOD, "persoonsgegevens": "1"})
    cells = [
        c.value
        for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()
        for c in row
    ]
    assert f"'{typed}" in cells and typed not in cells
