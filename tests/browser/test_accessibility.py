"""WCAG 2.1 A/AA with axe-core on every public page type, the melding form (also with errors),
Mijn meldingen and the partner inbox; and the melding form completed with the keyboard only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from home.models import HomePage, OrganisationIndexPage, OrganisationPage
from meldingen.models import Melding
from meldingen.pages import MeldenPage
from partners.models import Notice
from protocols.models import ProtocolPage, ProtocolTemplatePage
from tests.browser.conftest import (
    MELDEN,
    PHONE,
    axe_violations,
    fill_melding,
    login,
    screenshot,
    submit,
)
from toolkit.models import ChecklistPage, StappenplanPage, ToolkitIndexPage, ToolkitResourcePage

PUBLIC_PAGE_TYPES = [
    HomePage,
    OrganisationIndexPage,
    OrganisationPage,
    ProtocolTemplatePage,
    ProtocolPage,
    ToolkitIndexPage,
    ToolkitResourcePage,
    StappenplanPage,
    ChecklistPage,
    MeldenPage,
]


def path_of(page) -> str:
    return urlsplit(page.get_url()).path


def public_paths() -> dict[str, str]:
    """One live Dutch page of each public page type, plus the English home and the login."""
    paths = {
        model.__name__: path_of(model.objects.live().filter(locale__language_code="nl").first())
        for model in PUBLIC_PAGE_TYPES
    }
    paths["HomePage-en"] = path_of(HomePage.objects.live().get(locale__language_code="en"))
    paths["ToolkitIndexPage-gefilterd"] = paths["ToolkitIndexPage"] + "?q=agressie"
    paths["Inloggen"] = "/account/inloggen/"
    return paths


def check(page, axe_source, name: str, problems: list[str]) -> None:
    assert page.locator("h1").count() == 1, f"{name}: één h1 verwacht"
    problems += axe_violations(page, axe_source)
    screenshot(page, name)


def test_axe_reports_violations(browser, axe_source):
    """The harness itself: axe-core runs and reports a known failure."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<html><body><img src='x.png'><h1>Test</h1></body></html>")
    violations = axe_violations(page, axe_source)
    context.close()
    assert any(" image-alt " in v for v in violations)
    assert any(" html-has-lang " in v for v in violations)


def test_public_page_types_meet_wcag_21_aa(new_page, axe_source):
    page = new_page(inject_tools=True)
    problems: list[str] = []
    for name, path in public_paths().items():
        response = page.goto(path)
        assert response.status == 200, f"{name} {path}: {response.status}"
        check(page, axe_source, f"publiek-{name}", problems)
    assert problems == []


def test_each_organisations_huisstijl_is_its_own_and_meets_wcag_21_aa(new_page, axe_source):
    """Issue 19: the demo organisations' pages (start, protocol, toolkit, melden) carry their own
    colours, font and logo, pass axe, and fit a phone screen."""
    from home.demo import ORGANISATIONS

    page = new_page(inject_tools=True)
    phone = new_page(viewport=PHONE)
    problems: list[str] = []
    looks = {}
    for spec in ORGANISATIONS:
        org = OrganisationPage.objects.live().get(title=spec["title"])
        paths = {"start": path_of(org)}
        for model in (ProtocolPage, ToolkitIndexPage, MeldenPage):
            paths[model.__name__] = path_of(model.objects.live().child_of(org).get())
        for name, path in paths.items():
            assert page.goto(path).status == 200, path
            check(page, axe_source, f"huisstijl-{spec['slug']}-{name}", problems)
            phone.goto(path)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{path}: {width} px breed op een telefoon"
        page.goto(paths["start"])
        looks[spec["slug"]] = page.evaluate(
            """() => [
                getComputedStyle(document.querySelector('.org-nav')).backgroundColor,
                getComputedStyle(document.querySelector('main h1')).fontFamily.split(',')[0],
                document.querySelector('.brand-logo')?.naturalWidth > 0,
            ]"""
        )
    assert problems == []
    assert len({colour for colour, _, _ in looks.values()}) == len(ORGANISATIONS), looks
    assert len({font for _, font, _ in looks.values()}) == len(ORGANISATIONS), looks
    assert all(logo for _, _, logo in looks.values()), looks


def test_melding_form_mine_and_partner_inbox_meet_wcag_21_aa(new_page, axe_source):
    problems: list[str] = []
    reporter = new_page(viewport=PHONE, inject_tools=True)
    login(reporter, "voorbeeldstad-raadslid")
    reporter.goto(MELDEN)
    check(reporter, axe_source, "melden-formulier", problems)
    submit(reporter, "Volgende stap")
    assert reporter.get_by_role("alert").filter(has_text="Controleer het formulier").count()
    check(reporter, axe_source, "melden-formulier-fouten", problems)
    # Every step, filled in, and the last one (Controleren en versturen).
    fill_melding(
        reporter, on_step=lambda n: check(reporter, axe_source, f"melden-stap-{n}", problems)
    )
    check(reporter, axe_source, "melden-controleren", problems)
    submit(reporter, "Melding versturen")
    check(reporter, axe_source, "melden-bevestiging", problems)
    reporter.goto("/mijn-meldingen/")
    check(reporter, axe_source, "mijn-meldingen", problems)
    reference = Melding.objects.filter(reporter__username="voorbeeldstad-raadslid").first()
    reporter.goto(f"/mijn-meldingen/{reference.reference}/")
    check(reporter, axe_source, "mijn-melding", problems)

    partner = new_page(inject_tools=True)
    login(partner, "partner-politie")
    partner.goto("/partner/")
    check(partner, axe_source, "partner-inbox", problems)
    notice = Notice.objects.filter(partner__users__username="partner-politie").first()
    partner.goto(f"/partner/berichten/{notice.pk}/")
    check(partner, axe_source, "partner-bericht", problems)
    assert problems == []


def tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab until the focused element matches selector (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} niet bereikbaar met Tab")


def test_melding_form_can_be_completed_with_the_keyboard_only(new_page):
    page = new_page(viewport=PHONE)
    login(page, "voorbeeldstad-raadslid")
    page.goto(MELDEN)
    keyboard = page.keyboard

    def type_into(selector: str, text: str) -> None:
        tab_to(page, selector)
        keyboard.type(text)

    def choose(selector: str, option_text: str) -> None:
        """A closed select changes with the arrow keys; go down until the option is shown."""
        tab_to(page, selector)
        for _ in range(20):
            if (
                page.evaluate("s => document.querySelector(s).selectedOptions[0].text", selector)
                == option_text
            ):
                return
            keyboard.press("ArrowDown")
        raise AssertionError(f"{option_text} niet te kiezen in {selector}")

    def tick(selector: str) -> None:
        tab_to(page, selector)
        keyboard.press("Space")

    def next_step(button: str = "volgende") -> None:
        tab_to(page, f"button[value={button}]")
        with page.expect_navigation():
            keyboard.press("Enter")

    tick("input[name=kinds][value=intimidatie]")
    tab_to(page, "#id_occurred_at")
    # Headless Debian Chromium shows the date-time field in en-US order whatever the locale:
    # mm/dd/yyyy, hh:mm AM; the year takes up to six digits, so move on with ArrowRight.
    keyboard.type("11212026")
    keyboard.press("ArrowRight")
    keyboard.type("0930A")
    assert page.input_value("#id_occurred_at") == "2026-11-21T09:30", "datumveld met toetsenbord"
    next_step()
    choose("#id_place", "Bij mij thuis")
    choose("#id_channel", "In persoon")
    type_into("#id_description", "Er stond een onbekende auto urenlang voor mijn huis.")
    tick("input[name=perpetrator_known][value=ja]")
    next_step()
    next_step()  # online and police: nothing to add
    tick("input[name=wishes][value=steun]")
    next_step()
    tick("input[name=consent_kinds][value=politie]")
    choose("#id_reporter_role", "Raadslid")
    type_into("#id_name", "Raadslid Voorbeeldstad")
    type_into("#id_email", "raadslid@voorbeeldstad.example")
    next_step()
    next_step("versturen")
    assert page.get_by_role("heading", level=1).inner_text() == "Uw melding is ontvangen"
    reference = re.search(r"VB-[0-9A-Z]{4}-[0-9A-Z]{4}", page.inner_text("main")).group(0)
    melding = Melding.objects.get(reference=reference)
    assert melding.place == "thuis" and melding.channel == "persoon"
    assert melding.consent_kinds == ["politie"]
    assert melding.reporter.username == "voorbeeldstad-raadslid"
