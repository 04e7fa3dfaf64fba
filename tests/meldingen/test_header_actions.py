"""Melden, Mijn meldingen and Inloggen / Uitloggen in the header of every public page, for
anonymous visitors and logged-in reporters, without one user's header reaching another through
the page cache; and the chooser of organisations for Melden."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import melding
from tests.protocol_factories import derive, fresh, make_template
from tests.toolkit_helpers import resource, toolkit_index

CHOOSER = "/melden/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def reporter(make_user):
    return make_user("raadslid-header")


@pytest.fixture
def pages(home_page, org_a, melden) -> dict[str, str]:
    """A national page, an organisation page, a protocol and a toolkit page."""
    make_template(home_page)
    protocol = derive(org_a)
    protocol.save_revision().publish()
    toolkit = toolkit_index(home_page)
    item = resource(toolkit, "Omgaan met bedreigingen")
    return {
        "home": home_page.url,
        "organisation": org_a.url,
        "protocol": fresh(protocol).url,
        "toolkit": item.url,
    }


def header(body: str) -> str:
    return body[body.index("<header") : body.index("</header>")]


def links(html: str) -> dict[str, str]:
    """Link text -> address."""
    return {
        re.sub(r"<[^>]+>", "", text).strip(): href.replace("&amp;", "&")
        for href, text in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)
    }


@pytest.mark.django_db
def test_anonymous_header_offers_melden_login_and_mine_on_every_page(client, pages):
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        found = links(header(response.content.decode()))
        assert found["Melden"] == CHOOSER, name
        assert found["Inloggen"] == f"/account/inloggen/?next={url.replace('/', '%2F')}", name
        assert found["Mijn meldingen"] == "/account/inloggen/?next=%2Fmijn-meldingen%2F", name
        assert "Uitloggen" not in header(response.content.decode())
        assert not response.cookies  # nothing personal: the page stays cacheable


@pytest.mark.django_db
def test_logged_in_reporter_reaches_own_melden_page_and_logs_out(client, pages, reporter, org_a):
    melding(org_a, reporter=reporter)  # reported here before: this is their organisation
    client.force_login(reporter)
    for name, url in pages.items():
        body = client.get(url).content.decode()
        top = header(body)
        found = links(top)
        assert found["Melden"] == pages["organisation"] + "melden/", name
        assert found["Mijn meldingen"] == "/mijn-meldingen/", name
        assert "Inloggen" not in found
        form = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', top, re.S)
        assert form and form.group(1) == "/account/uitloggen/", name
        assert 'name="csrfmiddlewaretoken"' in form.group(2) and "Uitloggen" in form.group(2)
    # Logging out is a POST (with CSRF) and comes back to the page.
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reporter)
    assert strict.post("/account/uitloggen/", {"next": pages["toolkit"]}).status_code == 403
    body = strict.get(pages["toolkit"]).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    response = strict.post(
        "/account/uitloggen/", {"csrfmiddlewaretoken": token, "next": pages["toolkit"]}
    )
    assert response.status_code == 302 and response["Location"] == pages["toolkit"]
    assert "Inloggen" in links(header(strict.get(pages["toolkit"]).content.decode()))


@pytest.mark.django_db
def test_reporter_without_own_organisation_gets_the_chooser(client, pages, reporter):
    client.force_login(reporter)
    assert links(header(client.get(pages["home"]).content.decode()))["Melden"] == CHOOSER


@pytest.mark.django_db
def test_member_of_an_organisation_melds_there(client, pages, coordinator_a):
    client.force_login(coordinator_a)
    found = links(header(client.get(pages["home"]).content.decode()))
    assert found["Melden"] == pages["organisation"] + "melden/"


@pytest.mark.django_db
def test_chooser_lists_organisations_by_kind_and_filters_by_name(client, melden, org_a, org_b):
    body = client.get(CHOOSER).content.decode()
    assert "Bent u in acuut gevaar? Bel direct 112." in body
    assert '<h2 id="groep-1">Gemeenten</h2>' in body
    found = links(body[body.index("<main") :])
    assert found[org_a.title] == melden.url
    assert org_b.title not in found  # no Melden page: nothing to choose
    filtered = client.get(CHOOSER, {"q": "aad"}).content.decode()
    assert org_a.title in links(filtered[filtered.index("<main") :])
    empty = client.get(CHOOSER, {"q": "Zzyzx"}).content.decode()
    assert "Geen organisatie met die naam" in empty


@pytest.mark.django_db
def test_cached_pages_never_carry_one_users_header_to_another(client, pages, reporter, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    settings.FRAGMENT_CACHE_SECONDS = 300
    for url in pages.values():
        # Anonymous first: the page and its fragments are stored.
        anonymous = Client()
        first = anonymous.get(url)
        assert "public" in first["Cache-Control"] and "Cookie" in first["Vary"]
        assert "Inloggen" in links(header(first.content.decode()))
        # A logged-in reporter gets their own header, never stored for others.
        client.force_login(reporter)
        mine = client.get(url)
        assert "Uitloggen" in header(mine.content.decode())
        assert "private" in mine["Cache-Control"]
        assert "Uitloggen" not in header(Client().get(url).content.decode())
        client.logout()
    # The other way round: logged in first, then anonymous.
    cache.clear()
    client.force_login(reporter)
    assert "Uitloggen" in header(client.get(pages["protocol"]).content.decode())
    later = Client().get(pages["protocol"]).content.decode()
    assert "Uitloggen" not in header(later) and "Inloggen" in links(header(later))
