"""The export with personal data in a real browser: the veiligheidscoördinator of the demo
organisation opens the form from the registration dashboard, submits it incomplete, reads the
errors, completes it and receives the marked file. Screenshots at 1280 and 375 px."""

from __future__ import annotations

import re

from openpyxl import load_workbook

from tests.browser.conftest import (
    PHONE,
    SCREENSHOTS,
    browser,
    demo,
    login,
    new_page,
    screenshot,
)

__all__ = ["browser", "demo", "new_page"]  # the browser fixtures, used by name below

CONFIRMATION = (
    "Ik gebruik deze persoonsgegevens alleen voor dit doel en bewaar het bestand niet langer "
    "dan nodig."
)


def whole_page(page, name: str) -> None:
    """The Wagtail admin scrolls inside <main>: make the window as tall as the content."""
    size = page.viewport_size
    height = page.evaluate("document.querySelector('main').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": height + 50})
    screenshot(page, name, full_page=False)
    page.set_viewport_size(size)


def open_form(page) -> None:
    login(page, "voorbeeldstad-coordinator", url="/admin/login/")
    page.goto("/admin/registratie/")
    section = page.locator("section[aria-labelledby=export]")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    section.screenshot(path=SCREENSHOTS / f"export-knoppen-{page.viewport_size['width']}.png")
    with page.expect_navigation():
        page.get_by_role("link", name="Excel met persoonsgegevens…").click()


def test_coordinator_exports_personal_data_with_purpose(new_page, tmp_path):
    page = new_page()
    open_form(page)
    assert page.get_by_label("Excel (XLSX)").is_checked()
    whole_page(page, "export-persoonsgegevens-formulier")

    with page.expect_navigation():
        page.get_by_role("button", name="Exporteren").click()
    main = page.inner_text("main")
    assert "Kies waarvoor je de persoonsgegevens exporteert." in main
    assert "Bevestig dat je de persoonsgegevens alleen voor dit doel gebruikt" in main

    page.get_by_label("Aangifte of strafzaak").check()
    page.get_by_label(CONFIRMATION).check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteren").click()
    name = download.value.suggested_filename
    assert re.fullmatch(
        r"meldingen-persoonsgegevens-gemeente-voorbeeldstad-\d{8}-\d{4}\.xlsx", name
    )
    path = tmp_path / name
    download.value.save_as(path)
    rows = [[c.value for c in row] for row in load_workbook(path).active.iter_rows()]
    assert rows[0][0].startswith("Vertrouwelijk: persoonsgegevens. Geëxporteerd door ")
    assert rows[0][0].endswith(" voor: Aangifte of strafzaak.")
    assert rows[1][0] == "Kenmerk" and len(rows) > 2


def test_form_on_a_phone(new_page):
    page = new_page(PHONE)
    open_form(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Exporteren").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    whole_page(page, "export-persoonsgegevens-fouten-telefoon")
