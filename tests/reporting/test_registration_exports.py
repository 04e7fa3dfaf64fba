"""Exports of the filtered listing: scope per role, personal fields only for the organisation's
coordinators and only through the form that asks the purpose and a confirmation (watermark line,
own file name), every export with its purpose in the audit trail."""

import csv
import io
import re
from urllib.parse import urlencode

import pytest
from django.test import Client
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


def content(response) -> bytes:
    """The whole file (exports stream: StreamingHttpResponse)."""
    return b"".join(response.streaming_content if response.streaming else [response.content])


def csv_rows(response):
    return list(csv.reader(io.StringIO(content(response).decode("utf-8-sig")), delimiter=";"))


def url(fmt="csv"):
    return reverse("reporting_export", args=[fmt])


def exports():
    return AuditEvent.objects.filter(action=AuditAction.EXPORT)


def personal_url(params=None):
    url = reverse("reporting_export_personal")
    return f"{url}?{urlencode(params)}" if params else url


COMPLETE = {"purpose": "betrokkene", "format": "csv", "confirm": "on"}


def export_personal(client, fmt="csv", params=PERIOD, **form):
    """The complete form posted, as a coordinator does after choosing purpose and format."""
    return client.post(personal_url(params), {**COMPLETE, "format": fmt, **form})


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(content(response))).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_coordinator_exports_own_listing_without_personal_fields(meldingen, login, coordinator_a):
    response = login(coordinator_a).get(url(), PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = csv_rows(response)
    assert "Kenmerk" in header and "Naam melder" not in header
    assert {r[0] for r in rows} == {meldingen["a"].reference, meldingen["a2"].reference}
    assert "Anna Aadorp" not in content(response).decode("utf-8-sig")
    event = exports().get()
    assert event.actor == coordinator_a
    assert event.organisation_id == meldingen["a"].organisation_id
    assert "csv; 2 meldingen; persoonsgegevens nee" in event.detail


def test_coordinator_may_include_personal_fields(meldingen, login, coordinator_a):
    response = export_personal(login(coordinator_a), "xlsx")
    assert response.status_code == 200
    values = xlsx_rows(response)
    assert values[0][0].startswith("Vertrouwelijk: persoonsgegevens.")  # the watermark row
    assert "Naam melder" in values[1]
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
    text = content(response).decode("utf-8-sig")
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
    response = export_personal(login(coordinator_a), "xlsx")
    cells = [
        c.value
        for row in load_workbook(io.BytesIO(content(response))).active.iter_rows()
        for c in row
    ]
    assert f"'{typed}" in cells and typed not in cells


# The personal-data export: a form with purpose and confirmation, then a marked file.

WATERMARK = re.compile(
    r"^Vertrouwelijk: persoonsgegevens\. Geëxporteerd door Carla Coördinator "
    r"op \d{1,2} \w+ \d{4} om \d{2}:\d{2} voor: (?P<purpose>.+)\.$"
)


@pytest.fixture
def named_coordinator(coordinator_a):
    coordinator_a.first_name, coordinator_a.last_name = "Carla", "Coördinator"
    coordinator_a.save()
    return coordinator_a


def denied(response) -> bool:
    """Wagtail answers PermissionDenied in the admin (as on every other admin screen) with a
    redirect to the admin dashboard and an error message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def attachment_name(response) -> str:
    found = re.fullmatch(r'attachment; filename="(.+)"', response.get("Content-Disposition", ""))
    return found.group(1) if found else ""


def test_dashboard_buttons_lead_to_the_form(meldingen, login, coordinator_a, national_editor):
    html = login(coordinator_a).get(reverse("reporting_dashboard"), {"kind": "verbaal"})
    html = html.content.decode()
    assert "CSV met persoonsgegevens…" in html and "Excel met persoonsgegevens…" in html
    for fmt in ("csv", "xlsx"):
        assert f"{personal_url()}?kind=verbaal&amp;formaat={fmt}" in html
    assert "persoonsgegevens=1" not in html
    national = login(national_editor).get(reverse("reporting_national")).content.decode()
    assert personal_url() not in national and "met persoonsgegevens…" not in national


def test_form_asks_purpose_format_and_confirmation(meldingen, login, coordinator_a):
    response = login(coordinator_a).get(personal_url({**PERIOD, "formaat": "xlsx"}))
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    html = response.content.decode()
    for label in (
        "Doel van de export",
        "Verzoek van de betrokkene (AVG)",
        "Aangifte of strafzaak",
        "Evaluatie van een incident",
        "Verantwoording aan toezichthouder",
        "Anders, namelijk ...",
        "Ik gebruik deze persoonsgegevens alleen voor dit doel en bewaar het bestand niet "
        "langer dan nodig.",
        "Je exporteert 2 meldingen",
    ):
        assert label in html
    assert re.search(r'<input[^>]*value="xlsx"[^>]*checked', html)  # as chosen on the dashboard
    assert 'name="csrfmiddlewaretoken"' in html
    assert not exports().exists()


@pytest.mark.parametrize(
    "posted, errors",
    [
        (
            {"format": "csv"},
            [
                "Kies waarvoor je de persoonsgegevens exporteert.",
                "Bevestig dat je de persoonsgegevens alleen voor dit doel gebruikt",
            ],
        ),
        (
            {"format": "csv", "purpose": "strafzaak"},
            ["Bevestig dat je de persoonsgegevens alleen voor dit doel gebruikt"],
        ),
        (
            {"format": "xlsx", "confirm": "on"},
            ["Kies waarvoor je de persoonsgegevens exporteert."],
        ),
        (
            {"format": "csv", "purpose": "anders", "purpose_other": "  ", "confirm": "on"},
            ["Beschrijf het doel als je &#x27;Anders&#x27; kiest."],
        ),
        ({}, ["Kies waarvoor je de persoonsgegevens exporteert."]),
    ],
    ids=["nothing", "no-confirmation", "no-purpose", "other-without-text", "empty"],
)
def test_incomplete_form_gives_dutch_errors_and_no_file(
    meldingen, login, coordinator_a, posted, errors
):
    response = login(coordinator_a).post(personal_url(PERIOD), posted)
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    for error in errors:
        assert error in html
    assert "Anna Aadorp" not in html
    assert not exports().exists()


def test_personal_csv_has_watermark_own_name_and_purpose_in_audit(
    meldingen, login, named_coordinator, org_a
):
    response = export_personal(login(named_coordinator), "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert re.fullmatch(
        rf"meldingen-persoonsgegevens-{org_a.slug}-\d{{8}}-\d{{4}}\.csv", attachment_name(response)
    )
    mark, header, *rows = csv_rows(response)
    assert WATERMARK.match(mark[0])["purpose"] == "Verzoek van de betrokkene (AVG)"
    assert len(mark) == 1
    assert header[0] == "Kenmerk" and "Naam melder" in header
    assert {r[0] for r in rows} == {meldingen["a"].reference, meldingen["a2"].reference}
    flat = [v for row in rows for v in row]
    assert "Anna Aadorp" in flat and "Bert Beestad" not in flat
    assert "'=HYPERLINK()" in flat and "=HYPERLINK()" not in flat
    event = exports().get()
    assert event.actor == named_coordinator and event.organisation_id == org_a.pk
    assert event.detail.startswith("csv; 2 meldingen; persoonsgegevens ja; ")
    assert "doel: Verzoek van de betrokkene (AVG)" in event.detail


def test_personal_xlsx_with_other_purpose(meldingen, login, named_coordinator, org_a):
    response = export_personal(
        login(named_coordinator),
        "xlsx",
        {**PERIOD, "kind": "verbaal", "formaat": "csv"},  # the form's choice wins
        purpose="anders",
        purpose_other="Vraag van de  ondernemingsraad",
    )
    assert re.fullmatch(
        rf"meldingen-persoonsgegevens-{org_a.slug}-\d{{8}}-\d{{4}}\.xlsx", attachment_name(response)
    )
    mark, header, *rows = xlsx_rows(response)
    assert WATERMARK.match(mark[0])["purpose"] == "Anders: Vraag van de ondernemingsraad"
    assert mark[1:] == [None] * (len(mark) - 1)
    assert header[0] == "Kenmerk" and "Naam melder" in header
    assert [r[0] for r in rows] == [meldingen["a2"].reference]  # the filter applies
    assert "'=HYPERLINK()" in rows[0]
    detail = exports().get().detail
    assert detail.startswith("xlsx; 1 meldingen; persoonsgegevens ja; ")
    assert "doel: Anders: Vraag van de ondernemingsraad" in detail
    assert "kind=verbaal" in detail and "formaat" not in detail


def test_anonymous_export_keeps_its_name_and_has_no_watermark(meldingen, login, coordinator_a):
    client = login(coordinator_a)
    response = client.get(url(), {**PERIOD, "persoonsgegevens": "1"})  # the old one-click link
    assert re.fullmatch(r"meldingen-\d{8}-\d{4}\.csv", attachment_name(response))
    header, *rows = csv_rows(response)
    assert header[0] == "Kenmerk" and "Naam melder" not in header
    assert "Vertrouwelijk" not in content(response).decode("utf-8-sig")
    assert "Anna Aadorp" not in content(response).decode("utf-8-sig")
    workbook = client.get(url("xlsx"), PERIOD)
    assert re.fullmatch(r"meldingen-\d{8}-\d{4}\.xlsx", attachment_name(workbook))
    assert xlsx_rows(workbook)[0][0] == "Kenmerk"
    assert [e.detail.split("; ")[2] for e in exports()] == ["persoonsgegevens nee"] * 2


def test_personal_export_refused_without_the_permission(
    meldingen, login, national_editor, redacteur_a, coordinator_b, org_a
):
    for user in (national_editor, redacteur_a):
        client = login(user)
        for response in (
            client.get(personal_url(PERIOD)),
            client.post(personal_url(PERIOD), COMPLETE),
        ):
            assert denied(response) and "Content-Disposition" not in response
    other = login(coordinator_b)
    assert other.post(personal_url({**PERIOD, "organisation": org_a.pk}), COMPLETE).status_code == (
        404
    )
    own = export_personal(other)
    text = content(own).decode("utf-8-sig")
    assert "Anna Aadorp" not in text
    assert "Bert Beestad" in text
    assert exports().count() == 1  # only coordinator B's own


def test_personal_export_needs_the_csrf_token(meldingen, coordinator_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator_a)
    assert client.post(personal_url(PERIOD), COMPLETE).status_code == 403
    assert not exports().exists()
