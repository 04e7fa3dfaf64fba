"""A visitor filters the organisation's toolkit and opens a document, in a real browser."""

from __future__ import annotations

from tests.browser.conftest import screenshot

TOOLKIT = "/organisaties/gemeente-voorbeeldstad/toolkit/"


def test_visitor_filters_the_toolkit_and_opens_a_document(new_page):
    page = new_page()
    page.goto(TOOLKIT)
    cards = page.locator("main h2 a, main h3 a")
    everything = cards.all_inner_texts()
    assert "Veiligheidsinstructie raadzaal Voorbeeldstad" in everything  # local item
    assert "Leidraad Veilig Bestuur" in everything  # national item

    page.get_by_label("Voor wie").select_option(label="Griffier")
    page.get_by_label("Moment").select_option(label="Voor een incident")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon hulpmiddelen").click()
    assert "audience=griffier" in page.url and "moment=voor" in page.url
    filtered = cards.all_inner_texts()
    assert "Leidraad Veilig Bestuur" in filtered
    assert "Training weerbaarheid voor nieuwe volksvertegenwoordigers" not in filtered
    assert "Eenduidige Landelijke Afspraken (ELA)" not in filtered  # only after an incident
    assert len(filtered) < len(everything)
    assert page.get_by_label("Voor wie").input_value() == "griffier"  # the filter stays visible
    screenshot(page, "toolkit-gefilterd")

    with page.expect_navigation():
        page.get_by_role("link", name="Leidraad Veilig Bestuur").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Leidraad Veilig Bestuur"
    screenshot(page, "toolkit-hulpmiddel")
    link = page.get_by_role("link", name="Leidraad Veilig Bestuur (demo)")
    with page.expect_response(lambda r: "/documents/" in r.url) as info:
        link.click()
    document = info.value
    assert document.status == 200
    assert document.headers["content-type"] == "application/pdf"
    # Chromium shows the PDF inline in its viewer; the file itself is the real PDF.
    page.wait_for_url(document.url)
    assert page.request.get(document.url).body().startswith(b"%PDF")
