"""The partner inbox: paginated (no cap), ordered as chosen, only the partner's own notices;
the last page is reachable."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

URL = "/partner/"


def references(html: str) -> list[str]:
    return re.findall(r"VB-[A-Z0-9]{4}-[A-Z0-9]{4}", html)


def test_more_notices_than_one_page_all_reachable(client, org_a, org_b, coordinator_a, make_user):
    kinds = factories.partner_kinds()
    police_user = make_user("politie-a")
    police = factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test", police_user)
    routed = []
    for _ in range(53):
        melding = factories.melding(org_a)
        factories.triage_and_route(melding, coordinator_a, [police])
        routed.append(melding.reference)
    other = factories.melding(org_b)
    client.force_login(police_user)

    first = client.get(URL).content.decode()
    assert len(references(first)) == 50 and "Pagina 1 van 2" in first
    assert references(first) == list(reversed(routed))[:50]  # newest first
    last = client.get(URL, {"pagina": 2}).content.decode()
    assert set(references(first)) | set(references(last)) == set(routed)
    assert other.reference not in first + last
    oldest = client.get(URL, {"volgorde": "oudste"}).content.decode()
    assert references(oldest) == routed[:50]
    # A page past the end shows the last page, not an error.
    assert references(client.get(URL, {"pagina": 99}).content.decode()) == references(last)
