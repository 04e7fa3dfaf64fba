"""The stepped melding form in a real browser: reachable in one click from the national home,
every step at most three phone screens long and never wider than the phone, and screenshots
of each step at 1280 and 375 px (var/screenshots/melden-stap-<n>-<width>.png)."""

from __future__ import annotations

import pytest

from meldingen.models import Melding
from meldingen.steps import REVIEW
from tests.browser.conftest import DESCRIPTION, IMPACT, MELDEN, login, screenshot, submit

PHONE_SCREEN = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = pytest.mark.django_db(transaction=True)


def measure_and_capture(page, number: int, suffix: str = "") -> None:
    """The screenshots at both widths; at 375 x 667 at most three screens high and nothing
    wider than the screen (problems collects what is not)."""
    page.set_viewport_size(PHONE_SCREEN)
    height = page.evaluate("document.documentElement.scrollHeight")
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, f"melden-stap-{number}{suffix}-375")
    page.set_viewport_size(DESKTOP)
    screenshot(page, f"melden-stap-{number}{suffix}-1280")
    page.set_viewport_size(PHONE_SCREEN)
    if width > PHONE_SCREEN["width"]:
        PROBLEMS.append(f"stap {number}{suffix}: {width} px breed op een telefoon")
    if height > 3 * PHONE_SCREEN["height"]:
        PROBLEMS.append(f"stap {number}{suffix}: {height} px hoog op een telefoon")


PROBLEMS: list[str] = []


def test_steps_fit_a_phone_and_lead_to_one_melding(new_page):
    PROBLEMS.clear()
    page = new_page(viewport=PHONE_SCREEN)
    login(page, "voorbeeldstad-raadslid")
    before = Melding.objects.count()
    # One click from the national home to the own organisation's form.
    page.goto("/")
    header = page.locator("header")
    assert header.get_by_role("button", name="Uitloggen").count() == 1
    with page.expect_navigation():
        header.get_by_role("link", name="Melden", exact=True).click()
    assert page.url.endswith(MELDEN)
    # On a phone Zoeken sits beside the name, not on a line of its own; on the form the
    # organisation's contacts are folded in the footer.
    brand = page.locator("header .brand").bounding_box()
    search = page.locator("header .search-link").bounding_box()
    assert search["y"] < brand["y"] + brand["height"] and search["x"] > brand["x"]
    assert page.locator("footer details.footer-contacts:not([open])").count() == 1
    main = page.locator("main")
    assert main.locator(":scope > *").first.inner_text().startswith("Bent u in acuut gevaar?")

    # Step 1, first without an answer to a required question: the error, nothing lost.
    page.get_by_label("Wanneer gebeurde het?").fill("2026-11-20T21:15")
    submit(page, "Volgende stap")
    alert = page.get_by_role("alert")
    assert "Wat is er gebeurd?" in alert.inner_text() and page.title().startswith("Fout:")
    assert page.get_by_label("Wanneer gebeurde het?").input_value() == "2026-11-20T21:15"
    measure_and_capture(page, 1, "-fout")

    page.get_by_label("Bedreiging", exact=True).check()
    measure_and_capture(page, 1)
    submit(page, "Volgende stap")

    assert page.locator("[aria-current=step]").inner_text().strip().endswith("Waar en door wie")
    page.get_by_label("Waar gebeurde het?").select_option(label="Tijdens een vergadering")
    page.get_by_label("Hoe kwam het bij u binnen?").select_option(label="In persoon")
    page.get_by_label("Beschrijf wat er gebeurde").fill(DESCRIPTION)
    page.get_by_label("Ik heb een vermoeden of beschrijving").check()
    measure_and_capture(page, 2)
    submit(page, "Volgende stap")
    measure_and_capture(page, 3)  # online and police: nothing to add
    # Back and forward: what was typed stays.
    submit(page, "Vorige stap")
    assert page.get_by_label("Ik heb een vermoeden of beschrijving").is_checked()
    submit(page, "Volgende stap")
    submit(page, "Volgende stap")

    page.get_by_label("Gevolgen", exact=False).first.fill(IMPACT)
    page.get_by_label("Ik wil aangifte doen (of laten doen door de organisatie)").check()
    measure_and_capture(page, 4)
    submit(page, "Volgende stap")

    page.get_by_label("Politie", exact=True).check()
    page.get_by_label("Uw functie").select_option(label="Raadslid")
    assert page.get_by_label("Uw naam").input_value()  # filled in from the account
    measure_and_capture(page, 5)
    submit(page, "Volgende stap")

    assert f"Stap {REVIEW} van {REVIEW}" in page.inner_text("main")
    # On a phone the summary's parts start folded (measured so); each title opens its part.
    parts = page.locator("details.melden-summary__details")
    # One part per step with answers: all but Online en politie, left empty.
    assert (
        parts.count() == REVIEW - 2
        and page.locator("details.melden-summary__details[open]").count() == 0
    )
    measure_and_capture(page, REVIEW)
    page.reload()  # measure_and_capture widened the screen, which opens them
    for index in range(parts.count()):
        parts.nth(index).locator("summary").click()
        assert parts.nth(index).get_attribute("open") is not None
    assert DESCRIPTION in page.inner_text("main") and IMPACT in page.inner_text("main")
    assert Melding.objects.count() == before  # nothing stored before sending
    submit(page, "Melding versturen")
    assert page.get_by_role("heading", level=1).inner_text() == "Uw melding is ontvangen"
    assert Melding.objects.count() == before + 1
    assert PROBLEMS == []
