"""Cache headers: public pages cacheable for anonymous visitors; forms, per-user pages,
partner inbox and admin never."""

import pytest

from tests.meldingen.conftest import melden  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_public_page_is_cacheable_for_anonymous_visitors(client, org_a):
    response = client.get(org_a.url)
    assert "public" in response["Cache-Control"] and "s-maxage=3600" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_logged_in_visitors_get_private_pages(client, org_a, make_user):
    client.force_login(make_user("iemand"))
    response = client.get(org_a.url)
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["melden", "/partner/", "/mijn-meldingen/", "/admin/login/", "/account/inloggen/"]
)
def test_forms_and_per_user_pages_are_never_cached(client, org_a, melden, make_user, path):  # noqa: F811
    melden.accept_without_account = True
    melden.save_revision().publish()
    url = melden.url if path == "melden" else path
    response = client.get(url, follow=False)
    cache_control = response.get("Cache-Control", "")
    assert "public" not in cache_control
    assert "no-cache" in cache_control or "no-store" in cache_control or "private" in cache_control


@pytest.fixture
def page_cache(settings):
    from home.models import ContactSettings

    ContactSettings.load()  # created on first render otherwise, which empties the cache
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


def test_stored_page_is_served_without_touching_the_database(
    client, org_a, page_cache, django_assert_num_queries
):
    first = client.get(org_a.url)
    with django_assert_num_queries(0):
        second = client.get(org_a.url)
    assert second.status_code == 200 and second.content == first.content
    # Every answer gets its own CSP nonce, also from the cache.
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]


def test_publishing_empties_the_page_cache(client, org_a, page_cache):
    client.get(org_a.url)
    org_a.title = "Gemeente Nieuwe Naam"
    org_a.save_revision().publish()
    assert "Gemeente Nieuwe Naam" in client.get(org_a.url).content.decode()


def test_logged_in_visitors_never_get_a_stored_page(client, org_a, page_cache, make_user):
    client.get(org_a.url)
    client.force_login(make_user("iemand"))
    response = client.get(org_a.url)
    assert "private" in response["Cache-Control"]


def test_forms_are_not_stored(client, org_a, melden, page_cache):  # noqa: F811
    melden.accept_without_account = True
    melden.save_revision().publish()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(melden.url)
    with CaptureQueriesContext(connection) as second:
        assert client.get(melden.url).status_code == 200
    assert len(second) > 0  # rendered again, not stored


@pytest.fixture
def fragments(settings):
    from home.models import ContactSettings

    ContactSettings.load()
    settings.FRAGMENT_CACHE_SECONDS = 3600


def test_protocol_fragments_are_reused_and_follow_publishing(client, org_a, home_page, fragments):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.models import ContactSettings
    from protocols.models import ProtocolPage
    from tests.protocol_factories import derive, make_template

    make_template(home_page)
    protocol = derive(org_a)
    protocol.save_revision().publish()
    with CaptureQueriesContext(connection) as cold:
        first = client.get(protocol.url).content.decode()
    with CaptureQueriesContext(connection) as warm:
        assert client.get(protocol.url).content.decode() == first
    assert len(warm) < len(cold)

    protocol = ProtocolPage.objects.get(pk=protocol.pk)
    protocol.intro = "<p>Nieuwe inleiding</p>"
    protocol.title = "Protocol vernieuwd"
    protocol.save_revision().publish()
    assert "Protocol vernieuwd" in client.get(protocol.url).content.decode()

    contact = ContactSettings.load()
    contact.vertrouwenslijn_phone = "0800-1234567"
    contact.save()
    assert "0800-1234567" in client.get(protocol.url).content.decode()


def test_a_page_made_private_leaves_the_page_cache_at_once(client, org_a, page_cache):
    from wagtail.models import PageViewRestriction

    assert client.get(org_a.url).status_code == 200  # stored
    PageViewRestriction.objects.create(page=org_a, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(org_a.url).status_code == 302  # to the login, not the stored page
