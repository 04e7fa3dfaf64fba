"""Cache headers: public pages cacheable for anonymous visitors; forms, per-user pages,
partner inbox and admin never."""

import pytest

from .test_melding_intake import melden  # noqa: F401 - fixture

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
