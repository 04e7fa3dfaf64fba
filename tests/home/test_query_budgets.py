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


# --- Every public page type without Redis ------------------------------------------------------

# Production with REDIS_URL unset (site/settings/shared_cache.process_cache_settings): routes and
# fragments in the process's memory, checked against a generation number in the database.
WITHOUT_REDIS = {
    "CACHE_GENERATION_IN_DATABASE": True,
    "ROUTE_CACHE_SECONDS": 3600,
    "FRAGMENT_CACHE_SECONDS": 3600,
    "PUBLIC_PAGE_CACHE_SECONDS": 0,
}
PUBLIC_BUDGET = 10


@pytest.fixture
def without_redis(settings):
    for name, value in WITHOUT_REDIS.items():
        setattr(settings, name, value)
    cache.clear()
    yield
    cache.clear()


def public_pages() -> dict[str, str]:
    """One address of every public page type of the demo (the demo_content fixture)."""
    from home.models import OrganisationPage
    from meldingen.pages import MeldenPage
    from protocols.models import ProtocolPage
    from toolkit.models import ChecklistPage, StappenplanPage, ToolkitIndexPage, ToolkitResourcePage

    dutch = {"locale__language_code": "nl"}
    organisation = OrganisationPage.objects.live().filter(slug="gemeente-voorbeeldstad").get()
    own_toolkit = ToolkitIndexPage.objects.live().child_of(organisation).get()
    return {
        "startpagina landelijk": "/",
        "startpagina organisatie": organisation.url,
        "protocol": ProtocolPage.objects.live().child_of(organisation).get().url,
        "toolkit landelijk": ToolkitIndexPage.objects.live().filter(depth=3, **dutch).get().url,
        "toolkit organisatie": own_toolkit.url,
        "toolkit gefilterd": f"{own_toolkit.url}?kind=handreiking&moment=voor",
        "toolkit gezocht": f"{own_toolkit.url}?q=agressie",
        "hulpmiddel": ToolkitResourcePage.objects.live().child_of(own_toolkit).first().url,
        "Stappenplan": StappenplanPage.objects.live().filter(**dutch).first().url,
        "checklist": ChecklistPage.objects.live().filter(**dutch).first().url,
        "zoeken": "/zoeken/?q=agressie",
        "meldformulier": MeldenPage.objects.live().filter(accept_without_account=True).first().url,
    }


@pytest.mark.usefixtures("demo_content")
def test_every_public_page_type_stays_within_budget_without_redis(client, without_redis):
    """Once an address has been served since the last publish, no public page needs more than
    PUBLIC_BUDGET queries in a process without Redis."""
    counts = {}
    for name, url in public_pages().items():
        client.get(url)  # the first request since the publish fills the process's memory
        counts[name] = count_queries_warm(client, url)
    over = {name: n for name, n in counts.items() if n > PUBLIC_BUDGET}
    assert not over, f"over {PUBLIC_BUDGET} queries: {over} (all: {counts})"


def count_queries_warm(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.usefixtures("demo_content")
def test_without_redis_a_publish_shows_at_once(client, without_redis):
    """What a process keeps counts only within the generation in the database: the next request
    after a publish shows the new content, also for the toolkit's kept listing."""
    from toolkit.models import ToolkitResourcePage

    urls = public_pages()
    resource = ToolkitResourcePage.objects.live().filter(locale__language_code="nl").first()
    toolkit_url = resource.get_parent().url
    assert resource.title in client.get(toolkit_url).content.decode()
    resource.title = "Nieuwe titel na publiceren"
    resource.save_revision().publish()
    assert "Nieuwe titel na publiceren" in client.get(toolkit_url).content.decode()
    assert urls  # every page type was served before: they keep working after the publish
    for url in urls.values():
        assert client.get(url).status_code == 200, url
