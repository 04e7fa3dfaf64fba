"""Query budgets: the number of queries of the main pages does not grow with the data."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories, toolkit_helpers
from tests.protocol_factories import derive, fresh, make_template

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def grows(client, url, add_data) -> tuple[int, int]:
    add_data(2)
    count_queries(client, url)  # warm-up: first-request work (session, site root paths)
    small = count_queries(client, url)
    add_data(10)
    large = count_queries(client, url)
    return small, large


@pytest.fixture
def routed_meldingen(org_a, coordinator_a, make_user):
    kinds = factories.partner_kinds()
    partner_user = make_user("politie-a")
    police = factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test", partner_user)
    reporter = make_user("melder")

    def add(n):
        for _ in range(n):
            melding = factories.melding(org_a, reporter=reporter)
            factories.triage_and_route(melding, coordinator_a, [police])

    return {"add": add, "partner_user": partner_user, "reporter": reporter}


def test_moderation_listing(client, coordinator_a, routed_meldingen):
    client.force_login(coordinator_a)
    small, large = grows(client, "/admin/meldingen/", routed_meldingen["add"])
    assert small == large


def test_partner_inbox(client, routed_meldingen):
    client.force_login(routed_meldingen["partner_user"])
    small, large = grows(client, "/partner/", routed_meldingen["add"])
    assert small == large


def test_mijn_meldingen(client, routed_meldingen):
    client.force_login(routed_meldingen["reporter"])
    small, large = grows(client, "/mijn-meldingen/", routed_meldingen["add"])
    assert small == large


def test_toolkit_index(client, home_page):
    index = toolkit_helpers.toolkit_index(home_page)
    counter = iter(range(1000))

    def add(n):
        for _ in range(n):
            toolkit_helpers.resource(index, f"Hulpmiddel {next(counter)}", audiences=["raadslid"])

    small, large = grows(client, index.url, add)
    assert small == large


def test_protocol_page(client, org_a, home_page):
    make_template(home_page)
    protocol = derive(org_a)
    protocol.save_revision().publish()
    protocol = fresh(protocol)
    assert protocol.live
    from home.models import OrganisationContact

    remaining = ["veiligheidscoordinator", "vertrouwenspersoon", "communicatie"]

    def add(n):
        org = fresh(org_a)  # never publish a stale page object: it would reset numchild
        batch = remaining[:1] if len(remaining) == 3 else remaining[:]  # 1 contact, then 3
        del remaining[: len(batch)]
        for role in batch:
            org.contacts.add(OrganisationContact(role=role, name=f"Contact {role}"))
        org.save_revision().publish()

    small, large = grows(client, protocol.url, add)
    assert small == large
