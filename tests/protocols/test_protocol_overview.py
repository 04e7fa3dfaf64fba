"""National listing of every organisation and its protocol: none, draft, published, how far
behind and on which template version, filterable, exportable as CSV."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.provisioning import provision_organisation
from tests.protocol_factories import derive, make_template, publish_template_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def protocols(org_a, org_b, home_page):
    """Aadorp (gemeente) published and behind by 2, Beestad (gemeente) draft and current,
    Waterschap Wadland published and current."""
    template = make_template(home_page)
    water = provision_organisation(
        title="Waterschap Wadland", kind="waterschap", official_code="WS9001"
    ).organisation
    a = derive(org_a)
    a.save_revision().publish()
    publish_template_change(template, "media", text="<p>Nieuwe tekst.</p>")
    publish_template_change(template, "nazorg", text="<p>Nieuwe nazorg.</p>")
    derive(org_b)
    w = derive(water)
    w.save_revision().publish()
    return {"a": a, "w": w}


def rows(response) -> str:
    return response.content.decode()


def row_of(html: str, name: str) -> str:
    """The text of the table row naming name."""
    for row in re.findall(r"<tr.*?</tr>", html, flags=re.S):
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))
        if name in text:
            return text
    raise AssertionError(f"{name} staat niet in het overzicht")


def test_national_editor_sees_how_far_behind_each_protocol_is(protocols, national_editor, login):
    html = rows(login(national_editor).get(reverse("protocols_overview")))
    aadorp = row_of(html, "Gemeente Aadorp")
    assert "Gepubliceerd" in aadorp and "Loopt 2 versies achter" in aadorp
    assert "Versie 1 (" in aadorp  # the first template publication
    beestad = row_of(html, "Gemeente Beestad")
    assert "Concept" in beestad and "Actueel" in beestad and "Versie 3 (" in beestad
    wadland = row_of(html, "Waterschap Wadland")
    assert "Gepubliceerd" in wadland and "Actueel" in wadland and "Versie 3 (" in wadland
    text = re.sub(r"<[^>]+>", " ", html.split("<main")[1])
    for code in ("None", "True", "False"):
        assert code not in text


def test_every_organisation_is_listed_also_without_protocol(protocols, national_editor, login):
    provision_organisation(title="Provincie Proefland", kind="provincie", official_code="PV91")
    client = login(national_editor)
    html = rows(client.get(reverse("protocols_overview")))
    proefland = row_of(html, "Provincie Proefland")
    assert "Geen protocol" in proefland and "Provincie" in proefland
    # Its row leads to the organisation (where the protocol is derived), not to a protocol.
    none = rows(client.get(reverse("protocols_overview"), {"status": "geen_protocol"}))
    assert "Provincie Proefland" in none
    assert "Gemeente Aadorp" not in none and "Gemeente Beestad" not in none
    assert "Gemeente Beestad" not in rows(
        client.get(reverse("protocols_overview"), {"name": "proef"})
    )


def test_csv_export_has_every_organisation_with_the_labels_of_the_table(
    protocols, national_editor, login
):
    provision_organisation(title="Provincie Proefland", kind="provincie", official_code="PV91")
    client = login(national_editor)
    page = rows(client.get(reverse("protocols_overview")))
    assert "export=csv" in page
    response = client.get(reverse("protocols_overview"), {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "agressieprotocollen.csv" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert table[0] == [
        "Organisatie",
        "Soort",
        "Status",
        "Achterstand",
        "Volgt sjabloon",
        "Vaststelling",
        "Herziening",
    ]
    by_name = {row[0]: row for row in table[1:]}
    assert by_name["Gemeente Aadorp"][3] == "Loopt 2 versies achter"
    assert by_name["Provincie Proefland"][2] == "Geen protocol"
    assert by_name["Gemeente Beestad"][2] == "Concept"
    # Filters apply to the export too.
    filtered = client.get(reverse("protocols_overview"), {"export": "csv", "status": "achter"})
    names = [
        row[0] for row in csv.reader(io.StringIO(b"".join(filtered.streaming_content).decode()))
    ]
    assert names[1:] == ["Gemeente Aadorp"]


def test_the_overview_costs_the_same_with_more_organisations(protocols, national_editor, login):
    client = login(national_editor)
    url = reverse("protocols_overview")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(3):
        org = provision_organisation(
            title=f"Gemeente Extra {n}", kind="gemeente", official_code=f"GM98{n:02d}"
        ).organisation
        derive(org)
    budget = len(few)  # read now: the next request empties the connection's query log
    client.get(url)  # new organisations renew the kept admin sidebar (home.admin_sidebar) once
    with CaptureQueriesContext(connection) as more:
        html = rows(client.get(url))
    assert "Gemeente Extra 2" in html
    assert len(more) <= budget


def test_filter_by_kind_and_status(protocols, national_editor, login):
    client = login(national_editor)
    url = reverse("protocols_overview")
    waterschap = rows(client.get(url, {"kind": "waterschap"}))
    assert "Waterschap Wadland" in waterschap and "Gemeente Aadorp" not in waterschap

    behind = rows(client.get(url, {"status": "achter"}))
    assert "Gemeente Aadorp" in behind
    assert "Waterschap Wadland" not in behind and "Gemeente Beestad" not in behind

    draft = rows(client.get(url, {"status": "concept", "kind": "gemeente"}))
    assert "Gemeente Beestad" in draft and "Gemeente Aadorp" not in draft

    current = rows(client.get(url, {"status": "actueel"}))
    assert "Waterschap Wadland" in current and "Gemeente Aadorp" not in current

    results = rows(client.get(reverse("protocols_overview_results"), {"kind": "gemeente"}))
    assert "Gemeente Aadorp" in results and "Waterschap Wadland" not in results


def test_organisation_editors_cannot_see_the_national_listing(protocols, redacteur_a, login):
    response = login(redacteur_a).get(reverse("protocols_overview"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    menu = rows(login(redacteur_a).get(reverse("wagtailadmin_home")))
    assert f'"{reverse("protocols_overview")}"' not in menu


def test_national_editors_have_a_menu_item(home_page, national_editor, login):
    menu = rows(login(national_editor).get(reverse("wagtailadmin_home")))
    assert f'"{reverse("protocols_overview")}"' in menu
