"""Serving known addresses from the shared cache (home.routing): site, route, privacy,
organisation and the published page come from one entry; every change that could make an
entry wrong renews the generation, and an entry that does not fit is never served."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from home import routing
from home.caching import GENERATION_KEY
from tests.protocol_factories import derive, fresh

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def route_cache(settings):
    settings.ROUTE_CACHE_SECONDS = 3600  # as in production with Redis


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, queries.captured_queries


def _entry_key(page) -> str:
    request = RequestFactory().get(page.url)
    with translation.override("nl"):
        return routing._key(request, page.url.lstrip("/"))


def test_a_walked_path_is_routed_with_fewer_queries(client, protocol, org_b):
    derive(org_b).save_revision().publish()  # another protocol the route must not load
    first, cold = _get(client, protocol.url)
    second, warm = _get(client, protocol.url)
    assert first.status_code == second.status_code == 200
    assert second.content.decode().count(protocol.title) == first.content.decode().count(
        protocol.title
    )
    # Home → organisaties → organisation → protocol: the walk's lookups are gone, and so are
    # the site, the locale, the privacy check and the organisation.
    assert len(cold) - len(warm) >= 8
    assert not [q for q in warm if 'FROM "wagtailcore_site"' in q["sql"]]
    # ...and no query reads all pages (a stored route fetches just its own).
    page_tables = (' FROM "wagtailcore_page"', ' FROM "protocols_protocolpage"')
    all_pages = [
        q["sql"]
        for q in warm
        if any(table in q["sql"] for table in page_tables) and " WHERE " not in q["sql"]
    ]
    assert all_pages == []


def test_with_warm_fragments_a_known_address_needs_no_query(client, protocol, settings):
    settings.FRAGMENT_CACHE_SECONDS = 3600  # as in production with Redis
    first = client.get(protocol.url).content.decode()
    response, warm = _get(client, protocol.url)
    assert response.status_code == 200 and response.content.decode() == first
    assert warm == []


def test_a_stored_page_renders_as_the_page_read_from_the_database(client, protocol):
    """Without fragments, everything the page shows comes from the stored instance (its
    StreamField body included) and equals what the page read from the database shows."""
    first = client.get(protocol.url).content.decode()
    response, warm = _get(client, protocol.url)
    assert response.content.decode() == first
    assert protocol.title in first and "<h2" in first
    assert not [q for q in warm if f'"wagtailcore_page"."id" = {protocol.pk}' in q["sql"]]


def test_a_draft_changes_nothing_public(client, protocol):
    first = client.get(protocol.url).content.decode()
    draft = fresh(protocol)
    draft.title = "Concepttitel die nog niet gepubliceerd is"
    draft.save_revision()
    assert client.get(protocol.url).content.decode() == first


def test_a_renamed_page_is_not_found_at_its_old_path(client, protocol, org_a):
    old_url = protocol.url
    assert client.get(old_url).status_code == 200  # route stored
    protocol.slug = "ons-protocol"
    protocol.save_revision().publish()
    assert client.get(old_url).status_code == 404
    assert client.get(Page.objects.get(pk=protocol.pk).url).status_code == 200


def test_a_page_taking_a_stored_path_is_the_one_served(client, protocol, org_a):
    old_url = protocol.url
    client.get(old_url)
    protocol.slug = "oud-protocol"
    protocol.save_revision().publish()
    newcomer = org_a.add_child(instance=Page(title="Nieuwe pagina op het oude adres", slug="x"))
    newcomer.slug = old_url.rstrip("/").rsplit("/", 1)[-1]
    newcomer.save_revision().publish()
    response = client.get(old_url)
    assert response.status_code == 200
    assert "Nieuwe pagina op het oude adres" in response.content.decode()


def test_unpublished_and_deleted_pages_are_not_found(client, protocol):
    url = protocol.url
    client.get(url)
    protocol.unpublish()
    assert client.get(url).status_code == 404
    protocol.delete()
    assert client.get(url).status_code == 404


def test_a_stored_route_still_checks_privacy(client, protocol):
    client.get(protocol.url)
    PageViewRestriction.objects.create(page=protocol, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(protocol.url)
    assert response.status_code == 302 and "next=" in response["Location"]


def test_sub_routes_are_not_taken_for_the_page(client, protocol):
    pdf = client.get(protocol.url + "pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    page = client.get(protocol.url)
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    again = client.get(protocol.url + "pdf/")
    assert again.status_code == 200 and again["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("stored", ["not a page", "other locale", "other version"])
def test_a_stored_route_that_does_not_fit_falls_back(client, protocol, stored):
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale

    client.get(protocol.url)
    key = _entry_key(protocol)
    entry = cache.get(key)
    assert entry["page"].pk == protocol.pk and entry["locale"].pk == protocol.locale_id
    if stored == "other version":  # e.g. while a deploy is rolling
        entry = {"page": entry["page"]}
    elif stored == "not a page":
        entry["page"] = get_user_model()(username="geen-pagina")
    else:
        entry["locale"] = Locale(pk=protocol.locale_id + 1000, language_code="en")
    cache.set(key, entry)
    response = client.get(protocol.url)
    assert response.status_code == 200 and protocol.title in response.content.decode()
    assert cache.get(key)["page"].pk == protocol.pk  # walked again and stored afresh


def test_privacy_set_on_an_ancestor_applies_at_once(client, protocol, org_a):
    client.get(protocol.url)
    restriction = PageViewRestriction.objects.create(
        page=org_a, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Raad Aadorp"))
    response = client.get(protocol.url)
    assert response.status_code == 302 and "next=" in response["Location"]
    restriction.delete()
    assert client.get(protocol.url).status_code == 200


def test_the_organisation_shown_is_the_published_one(client, protocol, org_a):
    assert "Gemeente Aadorp" in client.get(protocol.url).content.decode()
    organisation = fresh(org_a)
    organisation.title = "Gemeente Aadorp-Zuid"
    organisation.save_revision().publish()
    page = client.get(protocol.url).content.decode()
    assert "Gemeente Aadorp-Zuid" in page


def test_changes_renew_the_generation_again_after_commit(
    protocol, django_capture_on_commit_callbacks
):
    """A request between the change and its commit reads the old rows; what it stores under
    the new generation must not outlive the commit."""
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=protocol, restriction_type="login")
        during = cache.get(GENERATION_KEY)
    assert cache.get(GENERATION_KEY) > during


def test_a_site_change_renews_stored_routes(client, protocol):
    client.get(protocol.url)
    before = cache.get(GENERATION_KEY)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Veilig Bestuur"
    site.save()
    assert cache.get(GENERATION_KEY) > before


def test_nothing_is_stored_when_the_cache_is_not_shared(client, protocol, settings):
    settings.ROUTE_CACHE_SECONDS = 0  # the default: a per-process cache
    assert client.get(protocol.url).status_code == 200
    assert cache.get(_entry_key(protocol)) is None
    PageViewRestriction.objects.create(page=protocol, restriction_type="login")
    assert client.get(protocol.url).status_code == 302


class Gone:
    """Stands for a class that a later release renamed or removed."""


def test_an_entry_that_cannot_be_unpickled_is_a_miss(client, protocol, monkeypatch):
    import sys

    cache.set(_entry_key(protocol), {"page": Gone()})
    monkeypatch.delattr(sys.modules[__name__], "Gone")
    response = client.get(protocol.url)
    assert response.status_code == 200 and protocol.title in response.content.decode()


@pytest.mark.parametrize("damage", [None, "", "alle", [None]])
def test_damaged_privacy_facts_never_count_as_public(client, protocol, damage):
    PageViewRestriction.objects.create(page=protocol, restriction_type="login")
    assert client.get(protocol.url).status_code == 302  # entry and facts stored
    entry = cache.get(_entry_key(protocol))
    entry["facts"] = {"restrictions": damage, "organisation": None}
    cache.set(_entry_key(protocol), entry)
    facts_key = f"pagefacts:{cache.get(GENERATION_KEY)}:{protocol.pk}"
    cache.set(facts_key, {"restrictions": damage, "organisation": None})
    assert client.get(protocol.url).status_code == 302


def test_a_lost_generation_never_comes_back_as_an_old_number(client, protocol):
    client.get(protocol.url)
    before = cache.get(GENERATION_KEY)
    cache.delete(GENERATION_KEY)  # evicted, or Redis restarted
    client.get(protocol.url)
    assert cache.get(GENERATION_KEY) > before
