"""Protocols in English and Frisian through wagtail-localize."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from home.localize import translate_page
from home.provisioning import provision_organisation
from tests.protocol_factories import NORM_TEXT, derive, fresh, make_template, section_value

pytestmark = pytest.mark.django_db

NORM_PLAIN = "Emotie mag, agressie niet. Dit geldt binnen {organisatie}."


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """translate_page, running the publish wagtail-localize defers to the transaction's commit."""

    def run(page, language_code, strings):
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(page, language_code, strings)
        return page.get_translation(Locale.objects.get(language_code=language_code)).specific

    return run


@pytest.fixture
def translated(org_a, home_page, translate):
    make_template(home_page)
    protocol = derive(org_a)
    protocol.save_revision().publish()
    protocol = fresh(protocol)
    for page in (home_page, org_a.get_parent(), org_a):
        translate(page.specific, "en", {})
    english = translate(
        protocol,
        "en",
        {
            NORM_PLAIN: "Emotions are fine, aggression is not. This applies within {organisatie}.",
            "Uitgangspunten": "Principles",
        },
    )
    return protocol, english


def test_translated_protocol_shows_in_english(translated, client):
    protocol, english = translated
    assert english.locale.language_code == "en" and english.live
    html = client.get(english.url).content.decode()
    assert english.url.startswith("/en/")
    assert '<html lang="en">' in html
    assert "Emotions are fine, aggression is not. This applies within Gemeente Aadorp." in html
    assert 'href="#principles"' in html
    # Interface strings and placeholder wording follow the page's language too.
    assert "In acute danger? Call 112 immediately." in html
    assert ">Contents<" in html
    # Structure and template bookkeeping are kept; the Dutch page is unchanged.
    assert english.template_page_id == protocol.template_page_id
    assert [i["id"] for i in english.body.raw_data] == [i["id"] for i in protocol.body.raw_data]
    assert section_value(fresh(protocol), "norm")["text"] == NORM_TEXT


def test_frisian_translation_is_possible(org_a, home_page, translate, client):
    make_template(home_page)
    protocol = derive(org_a)
    protocol.save_revision().publish()
    for page in (home_page, org_a.get_parent(), org_a):
        translate(page.specific, "fy", {})
    frisian = translate(fresh(protocol), "fy", {"Uitgangspunten": "Utgongspunten"})
    assert frisian.locale.language_code == "fy" and frisian.live
    assert section_value(frisian, "norm")["heading"] == "Utgongspunten"
    assert '<html lang="fy">' in client.get(frisian.url).content.decode()


def test_editors_see_that_translation_is_out_of_date(translated, translate, redacteur_a, login):
    protocol, english = translated
    client = login(redacteur_a)
    edit_url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    assert "Vertaling verouderd" not in client.get(edit_url).content.decode()

    raw = list(protocol.body.raw_data)
    raw[1]["value"] = {**raw[1]["value"], "text": "<p>Meld het bij de griffie.</p>"}
    protocol.body = raw
    protocol.save_revision(user=redacteur_a)

    html = client.get(edit_url).content.decode()
    assert "Vertaling verouderd" in html
    assert "English" in html or "Engels" in html

    translate(fresh(protocol), "en", {})  # what "sync translated pages" does
    assert "Vertaling verouderd" not in client.get(edit_url).content.decode()


def test_translation_is_not_compared_with_the_dutch_template(translated, org_a, redacteur_a, login):
    protocol, english = translated
    # Provisioning again grants the organisation's groups their rights on the new translation.
    provision_organisation(title=org_a.title, kind=org_a.kind, official_code=org_a.official_code)
    client = login(redacteur_a)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert reverse("protocols_compare", args=[english.pk]) not in edit
    assert client.get(reverse("protocols_compare", args=[english.pk])).status_code == 404
    assert client.get(reverse("protocols_compare", args=[protocol.pk])).status_code == 200
