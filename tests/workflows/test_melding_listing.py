"""The coordinator's meldingen listing: paginated (no cap), sortable, filterable, own
organisation only; the last page is reachable."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

URL = "/admin/meldingen/"


def references(html: str) -> list[str]:
    return re.findall(r"VB-[A-Z0-9]{4}-[A-Z0-9]{4}", html)


def test_more_meldingen_than_one_page_all_reachable(client, org_a, org_b, coordinator_a):
    own = [factories.melding(org_a, kinds=["verbaal"]) for _ in range(53)]
    own.append(factories.melding(org_a, kinds=["fysiek"], acute_danger="on"))
    other = factories.melding(org_b)
    client.force_login(coordinator_a)

    first = client.get(URL)
    assert first.status_code == 200
    page_one = set(references(first.content.decode()))
    assert len(page_one) == 50
    last = client.get(URL, {"p": 2}).content.decode()
    page_two = set(references(last))
    assert page_one | page_two == {m.reference for m in own}
    assert other.reference not in page_one | page_two

    by_reference = references(client.get(URL, {"ordering": "reference"}).content.decode())
    assert by_reference == sorted(by_reference)

    urgent = client.get(URL, {"urgent": "ja"}).content.decode()
    assert set(references(urgent)) == {own[-1].reference}
    physical = client.get(URL, {"kind": "fysiek"}).content.decode()
    assert set(references(physical)) == {own[-1].reference}
    results = client.get(f"{URL}resultaten/", {"severity": "verbaal", "p": 2})
    assert results.status_code == 200 and len(set(references(results.content.decode()))) == 3


def test_the_listing_shows_labels_not_codes(client, org_a, coordinator_a):
    factories.melding(org_a)
    client.force_login(coordinator_a)
    body = client.get(URL).content.decode()
    assert "Ontvangen" in body and "Bedreiging en intimidatie" in body
    assert "ontvangen</td>" not in body and ">bedreiging<" not in body
