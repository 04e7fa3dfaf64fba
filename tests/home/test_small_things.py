"""The small things of the public site (issue 19, point 7): titles, meta descriptions,
robots.txt, the sitemap for people, absolute URLs from the real address, valid <time>
values, "ketenpartner" wording and the demo's e-mail."""

from __future__ import annotations

import os
import re
import subprocess  # nosec B404 - runs the demo script's settings lines
import sys
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings

from home.models import HomePage
from tests import factories
from tests.meldingen.steps import step_pages
from tests.toolkit_helpers import publish_child, resource, toolkit_index

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
# HTML's valid global date and time string to the second, with the offset.
VALID_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)")


def title_of(response) -> str:
    assert response.status_code == 200
    return unescape(TITLE.search(response.content.decode()).group(1)).strip()


def description_of(response) -> str | None:
    found = DESCRIPTION.search(response.content.decode())
    return unescape(found.group(1)) if found else None


def test_the_home_title_names_the_site_once(client, home_page):
    assert title_of(client.get("/")) == "Veilig Bestuur"


def test_an_organisation_home_names_the_organisation_once(client, org_a):
    assert title_of(client.get(org_a.url)) == f"{org_a.title} · Veilig Bestuur"


def test_other_pages_keep_the_site_name_after_their_own(client, home_page):
    assert title_of(client.get("/zoeken/")) == "Zoeken · Veilig Bestuur"


def test_the_filtered_toolkit_page_says_what_is_filtered(client, home_page):
    index = toolkit_index(home_page)
    resource(index, "Leidraad sociale media", kind="leidraad")
    assert title_of(client.get(index.url)) == "Toolkit · Veilig Bestuur"
    filtered = client.get(index.url, {"kind": "leidraad", "q": "sociale media"})
    assert title_of(filtered) == (
        "Toolkit, gefilterd op Zoekwoorden: sociale media, Soort: Leidraad · Veilig Bestuur"
    )


def test_meta_description_from_the_intro_without_tags_and_shortened(client, home_page):
    intro = "<p>Wat u <b>moet</b> weten &amp; doen bij agressie.</p>" + "<p>Meer tekst.</p>" * 30
    page = publish_child(home_page, HomePage(title="Over", slug="over", intro=intro))
    description = description_of(client.get(page.url))
    assert description.startswith("Wat u moet weten & doen bij agressie. Meer tekst.")
    assert len(description) <= 160 and description.endswith("…")


def test_meta_description_prefers_the_search_description(client, home_page):
    page = publish_child(
        home_page,
        HomePage(title="Over", slug="over", intro="<p>Intro</p>", search_description="Kort."),
    )
    assert description_of(client.get(page.url)) == "Kort."


def test_a_toolkit_resource_is_described_by_its_summary(client, home_page):
    item = resource(toolkit_index(home_page), "ELA", summary="Snelle afhandeling door politie.")
    assert description_of(client.get(item.url)) == "Snelle afhandeling door politie."


def test_robots_txt_names_the_sitemap_at_the_real_address(client, home_page):
    response = client.get("/robots.txt", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/partner/", "/mijn-meldingen/", "/api/", "/account/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://127.0.0.1/sitemap.xml" in lines


def test_the_sitemap_xml_uses_the_address_it_is_served_at(client, home_page):
    toolkit_index(home_page)
    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8010")
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    assert "http://127.0.0.1:8010/" in locations
    assert "http://127.0.0.1:8010/toolkit/" in locations
    assert all(loc.startswith("http://127.0.0.1:8010/") for loc in locations)


def test_a_sitemap_for_people_linked_in_the_footer(client, home_page, org_a):
    index = toolkit_index(home_page)
    item = resource(index, "Leidraad sociale media")
    home = client.get("/").content.decode()
    assert '<a href="/sitemap/">Sitemap</a>' in home
    response = client.get("/sitemap/")
    html = response.content.decode()
    assert title_of(response) == "Sitemap · Veilig Bestuur"
    assert "Overzicht van de site" in html
    for page in (home_page, index, item, org_a):
        assert f'<a href="{page.url}">{page.title}</a>' in html


def test_time_values_are_valid_html(client, org_a, make_user):
    reporter = make_user("melder")
    melding = factories.melding(org_a, reporter=reporter)
    client.force_login(reporter)
    client.post(f"/mijn-meldingen/{melding.reference}/", {"text": "Nog iets"})
    html = client.get(f"/mijn-meldingen/{melding.reference}/").content.decode()
    values = re.findall(r'<time[^>]* datetime="([^"]*)"', html)
    assert len(values) >= 2
    assert all(VALID_DATETIME.fullmatch(value) for value in values), values


REPORT = {
    "kinds": ["bedreiging"],
    "occurred_at": "2026-11-20T21:15",
    "place": "online",
    "channel": "sociale_media",
    "description": "Na de raadsvergadering kreeg ik berichten met een dreigement.",
    "related_to_office": "ja",
    "perpetrator_known": "deels",
    "wishes": ["steun"],
    "reporter_role": "raadslid",
    "name": "Rika Raadslid",
    "email": "rika@example.test",
}


def test_reporters_read_partner_only_as_spouse(client, org_a, make_user):
    """For a reporter "partner" is a spouse; the organisations are ketenpartners, and the
    people inside the own organisation are meldpunten."""
    client.force_login(make_user("melder"))
    # Every step of the form, as a reporter who fills it in sees them one after the other.
    html = step_pages(client, factories.melden_page(org_a), REPORT)
    assert "Delen met ketenpartners" in html
    assert "interne partners" not in html
    assert "de andere meldpunten van uw eigen organisatie" in html


def test_the_demo_links_name_the_demo_address():
    """`DEMO_ADDR=127.0.0.1:8010 make demo`: scripts/demo.sh sets BASE_URL, which the settings
    give to every link in an e-mail (WAGTAILADMIN_BASE_URL)."""
    base = Path(settings.BASE_DIR)
    script = (base / "scripts" / "demo.sh").read_text()
    address_lines = "\n".join(
        line for line in script.splitlines() if line.startswith(("ADDR=", "export BASE_URL="))
    )
    env = {k: v for k, v in os.environ.items() if k != "BASE_URL"}
    env.update(DEMO_ADDR="127.0.0.1:8010", DJANGO_SETTINGS_MODULE="veiligbestuur.settings.dev")
    python = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WAGTAILADMIN_BASE_URL)"
    )
    run = subprocess.run(  # nosec B603 B607 - fixed arguments
        ["bash", "-c", f'{address_lines}\nexec "$0" -c "$1"', sys.executable, python],
        cwd=base,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "http://127.0.0.1:8010"


def test_the_readme_says_where_demo_email_goes():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    assert "`var/mail/`" in readme and "EMAIL_FILE_PATH" in readme
