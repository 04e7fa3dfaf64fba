"""Routing through the shared cache (home.routing): a path walked before costs one query
instead of two per level, and a stale entry never serves the wrong page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from .protocol_factories import derive, fresh, make_template

pytestmark = pytest.mark.django_db


@pytest.fixture
def protocol(home_page, org_a):
    make_template(home_page)
    page = derive(org_a)
    page.save_revision().publish()
    return fresh(page)


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, queries.captured_queries


def test_a_walked_path_is_routed_with_fewer_queries(client, protocol, org_b):
    derive(org_b).save_revision().publish()  # another protocol the route must not load
    first, cold = _get(client, protocol.url)
    second, warm = _get(client, protocol.url)
    assert first.status_code == second.status_code == 200
    assert second.content.decode().count(protocol.title) == first.content.decode().count(
        protocol.title
    )
    # Home → organisaties → organisation → protocol: the walk's lookups are gone.
    assert len(cold) - len(warm) >= 4
    # ...and no query reads all pages (a stored route fetches just its own).
    page_tables = (' FROM "wagtailcore_page"', ' FROM "protocols_protocolpage"')
    all_pages = [
        q["sql"]
        for q in warm
        if any(table in q["sql"] for table in page_tables) and " WHERE " not in q["sql"]
    ]
    assert all_pages == []


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


@pytest.mark.parametrize("content_type", ["missing", "not a page"])
def test_a_stored_route_that_no_longer_fits_the_database_falls_back(client, protocol, content_type):
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    stored = {
        "missing": 987654,  # e.g. after restoring another database behind the same Redis
        "not a page": ContentType.objects.get_for_model(get_user_model()).pk,
    }[content_type]
    cache.set(f"pageroute:{protocol.url_path}", (protocol.pk, stored))
    response = client.get(protocol.url)
    assert response.status_code == 200 and protocol.title in response.content.decode()
