"""Public look: accessible base template, organisation header, footer, sitemap, languages."""

import re

import pytest
from wagtail.models import Locale, Page

from home.localize import translate_page
from home.models import ContactSettings, OrganisationContact

pytestmark = pytest.mark.django_db


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """translate_page, with wagtail-localize's on-commit publish run as a real commit would."""

    def do_translate(page, language_code, strings):
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(page, language_code, strings)
        return page.get_translation(Locale.objects.get(language_code=language_code))

    return do_translate


@pytest.fixture
def contact_settings(home_page):
    contact = ContactSettings.load()
    contact.vertrouwenslijn_phone = "0800 555 0101"
    contact.save()
    return contact


def test_base_template_landmarks_and_skip_link(client, home_page, contact_settings):
    body = client.get("/").content.decode()
    assert '<html lang="nl">' in body
    assert re.search(r'<a class="skip-link" href="#inhoud">Naar de inhoud</a>', body)
    assert '<main id="inhoud"' in body
    assert "<header" in body and "<footer" in body
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in body
    assert "Bel direct 112" in body


def test_footer_shows_vertrouwenslijn_from_settings(client, home_page, contact_settings):
    body = client.get("/").content.decode()
    assert "Vertrouwenslijn" in body
    assert 'href="tel:08005550101"' in body
    contact_settings.vertrouwenslijn_phone = "0800 555 0202"
    contact_settings.save()
    assert 'href="tel:08005550202"' in client.get("/").content.decode()


def test_header_shows_organisation_name_inside_organisation(client, org_a, contact_settings):
    org_a.contacts.add(OrganisationContact(role="vertrouwenspersoon", name="Mr. Vertrouwd"))
    org_a.save_revision().publish()
    body = client.get(org_a.url).content.decode()
    assert '<span class="brand-org">Gemeente Aadorp</span>' in body
    assert "Mr. Vertrouwd" in body
    national = client.get("/").content.decode()
    assert "brand-org" not in national


def test_sitemap_lists_every_public_page_in_every_language(client, org_a, org_b, translate):
    home = org_a.get_parent().get_parent()
    draft = Page(title="Concept", live=False)
    org_a.add_child(instance=draft)
    translate(home.specific, "en", {"Veilig Bestuur": "Safe Governance"})

    body = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>http://testserver(.*?)</loc>", body))
    live = {p.url for p in Page.objects.live().public().filter(depth__gte=2)}
    assert locations == live
    assert "/en/" in locations
    assert draft.url not in locations


def test_language_switcher_and_lang_attribute(client, home_page, translate):
    english = translate(home_page, "en", {"Veilig Bestuur": "Safe Governance"})
    assert english.live and english.title == "Safe Governance"

    dutch = client.get("/").content.decode()
    assert '<html lang="nl">' in dutch
    assert 'href="/en/" lang="en" hreflang="en"' in dutch

    en = client.get("/en/").content.decode()
    assert '<html lang="en">' in en
    assert "<h1>Safe Governance</h1>" in en
    assert 'href="/" lang="nl" hreflang="nl"' in en
    assert "Skip to content" in en  # interface strings follow the page language


def test_no_language_switcher_without_translation(client, org_a):
    body = client.get(org_a.url).content.decode()
    assert "language-switcher" not in body


def test_stylesheet_is_served(client, home_page):
    from django.contrib.staticfiles import finders

    path = finders.find("css/veiligbestuur.css")
    css = open(path).read()
    assert ":focus-visible" in css and ".skip-link:focus" in css
