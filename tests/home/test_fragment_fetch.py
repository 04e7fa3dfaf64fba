"""A known page's fragments come in one round trip (home.fragments), on the real Redis: the
answer is the same as fragment by fragment, a publish still shows at once, and nothing fetched
for one request answers another."""

import pytest
from django.core.signals import request_started

from home import fragments
from tests.home import counting_cache
from tests.protocol_factories import fresh

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/12"


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "tests.home.counting_cache.CountingRedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": "fragment-fetch-test",
        },
    }
    settings.FRAGMENT_CACHE_SECONDS = settings.ROUTE_CACHE_SECONDS = 3600
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


def _visit(client, url):
    counting_cache.ROUND_TRIPS.clear()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), list(counting_cache.ROUND_TRIPS)


def test_a_known_page_reads_its_fragments_in_one_round_trip(client, protocol, redis_cache):
    first, cold = _visit(client, protocol.url)
    _visit(client, protocol.url)  # notes the fragments the page used
    page, warm = _visit(client, protocol.url)
    assert page == first
    assert len([trip for trip in cold if trip.startswith("get ")]) >= 5  # one per fragment
    # Route, generation and fragment list; then every fragment at once. Nothing else.
    assert warm == ["get_many 3", f"get_many {warm[1].split()[-1]}"]
    assert int(warm[1].split()[-1]) >= 5


def test_a_publish_shows_at_once_with_fetched_fragments(client, protocol, org_a, redis_cache):
    for _ in range(3):
        _visit(client, protocol.url)
    organisation = fresh(org_a)
    organisation.title = "Gemeente Aadorp-Noord"
    organisation.save_revision().publish()
    page, _ = _visit(client, protocol.url)
    assert "Gemeente Aadorp-Noord" in page
    _visit(client, protocol.url)  # a render from warm fragments asks fewer (no nested ones)
    again, warm = _visit(client, protocol.url)
    assert again == page and len(warm) == 2


def test_a_fragment_gone_from_redis_is_rendered_again(client, protocol, redis_cache):
    first, _ = _visit(client, protocol.url)
    _visit(client, protocol.url)
    listed = [key for key in _fetched_keys(client, protocol) if "protocol-body" in key]
    assert listed
    redis_cache.delete_many(listed)  # evicted
    page, trips = _visit(client, protocol.url)
    assert page == first
    assert any(trip.startswith("set ") and "template.cache" in trip for trip in trips)


def _fetched_keys(client, protocol) -> list[str]:
    from django.core.cache import cache

    keys = [key for key in cache.keys("*") if key.startswith("pagefragments:")]
    assert len(keys) == 1
    return cache.get(keys[0])


def test_nothing_fetched_outlives_its_request():
    fragments.begin([])
    assert fragments._current.get() is not None
    request_started.send(sender=None)
    assert fragments._current.get() is None


def test_the_organisations_overview_follows_publishing(client, org_a, org_b, redis_cache):
    """The list on the organisations overview is a fragment: a renamed organisation shows at
    once, an unpublished one is gone at once."""
    overview = org_a.get_parent().specific.url
    for _ in range(2):
        first, _ = _visit(client, overview)
    assert org_a.title in first and org_b.title in first
    organisation = fresh(org_a)
    organisation.title = "Gemeente Aadorp-Noord"
    organisation.save_revision().publish()
    renamed, _ = _visit(client, overview)
    assert "Gemeente Aadorp-Noord" in renamed
    fresh(org_b).unpublish()
    assert org_b.title not in _visit(client, overview)[0]
