"""The listings of the admin and the partner inbox at 1280 and 375 px: the page never scrolls
sideways (a wide table scrolls in its own box), names are not wrapped letter by letter, the
filters stay folded until asked for. The pictures go to var/screenshots/."""

from __future__ import annotations

import os
from importlib import import_module

import pytest

from tests.browser.conftest import PHONE, admin_screenshot, login

DESKTOP = {"width": 1280, "height": 900}
# (picture, account, url, a filter field of the listing)
LISTINGS = [
    ("beheer-ketenpartners", "voorbeeldstad-coordinator", "/admin/partner/", "#id_active"),
    ("beheer-routeringsregels", "voorbeeldstad-coordinator", "/admin/routingrule/", "#id_active"),
    ("beheer-meldingen", "voorbeeldstad-coordinator", "/admin/meldingen/", "#id_urgent"),
    ("beheer-partnerinbox", "partner-politie", "/partner/", "#id_status"),
]

# The parts of the demo these listings show (organisations and accounts, partners, rules and
# meldingen, second factor); the protocols and the toolkit are not needed here.
DEMO_PARTS = ["home", "workflows", "accounts"]


@pytest.fixture
def demo(transactional_db, live_server, settings):
    """Overrides the conftest's full demo: loading only what the listings show keeps this
    test quick."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    with open(os.devnull, "w") as devnull:
        for label in DEMO_PARTS:
            import_module(f"{label}.demo").load(devnull)
    return live_server


def check_listing(page, url: str, filter_field: str, width: int) -> None:
    page.goto(url)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width, f"{url} bij {width} px: de pagina scrolt zijwaarts"
    assert not page.locator(filter_field).is_visible(), f"{url}: filters staan open"
    if url.startswith("/admin/"):
        # Name or reference column: wide enough to read a word on one line.
        first = page.locator("table.listing td.title").first
        assert first.bounding_box()["width"] >= 110, f"{url}: naamkolom te smal"
        text = page.locator("main").inner_text()
    else:
        text = page.locator("table").inner_text()
    for code in ("True", "False", "None", "---------"):
        assert code not in text, f"{url}: {code} op het scherm"


def test_listings_fit_desktop_and_phone(new_page):
    # One login per account (a second factor code is accepted only once), both widths.
    accounts = {user for _name, user, _url, _field in LISTINGS}
    for account in sorted(accounts):
        page = new_page(viewport=DESKTOP)
        admin = account != "partner-politie"
        login(page, account, url="/admin/login/" if admin else "/account/inloggen/")
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            for name, user, url, filter_field in LISTINGS:
                if user == account:
                    check_listing(page, url, filter_field, viewport["width"])
                    admin_screenshot(page, f"{name}-{viewport['width']}", max_height=3000)
