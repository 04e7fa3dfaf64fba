"""The protocol PDF is the public page on paper: tagged PDF/UA-1 with embedded fonts, titled
"Agressieprotocol <organisatie>", a version block, running header and footer with page numbers,
no heading left alone at the foot of a page, and every character as typed (issue 19, item 6)."""

from __future__ import annotations

import copy
import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from home.huisstijl import FONTS, huisstijl_for
from protocols import demo_content
from tests.pdf_helpers import pdf_fonts, pdf_info, pdf_metadata, pdf_pages_text, pdf_text
from tests.protocol_factories import derive, fresh, make_template, text_section

pytestmark = pytest.mark.django_db

# Euro sign, L with stroke, the Dutch ij ligature and the typographic apostrophe: none of them
# is in Latin-1, the old PDF's limit.
CHARACTERS = ("€", "Ł", "ĳ", "’")
SPECIAL = "Een vergoeding van € 250 voor Łukasz uit ĳsselstein, ’s avonds uitbetaald."


def dutch_date(day: datetime.date) -> str:
    with translation.override("nl"):
        return date_format(day, "j F Y")


@pytest.fixture
def protocol(home_page, org_a):
    """The demo's national template (a protocol of about ten pages) with one section more."""
    sections = copy.deepcopy(demo_content.TEMPLATE_V2)
    sections.append(text_section("tekens", "aanpasbaar", "Bedragen en namen", f"<p>{SPECIAL}</p>"))
    make_template(home_page, sections)
    protocol = derive(fresh(org_a))
    protocol.save_revision().publish()
    return fresh(protocol)


@pytest.fixture
def pdf(protocol, client, tmp_path) -> bytes:
    """The PDF as an office holder downloads it from the public page."""
    response = client.get(protocol.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    (tmp_path / "protocol.pdf").write_bytes(response.content)  # to look at when a test fails
    return response.content


def test_pdf_is_tagged_pdf_ua_with_embedded_fonts_and_every_character(protocol, org_a, pdf):
    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == f"{protocol.title} Gemeente Aadorp"
    assert info["Title"].startswith("Agressieprotocol")
    assert 'pdfuaid:part="1"' in pdf_metadata(pdf)  # declares PDF/UA-1

    fonts = pdf_fonts(pdf)
    assert fonts and all(font["emb"] == "yes" for font in fonts), fonts
    # The huisstijl font from the site's static files, not a font of this machine; the letters
    # outside Latin come from its latin-ext file (drawn with the latin file's glyphs they
    # would show as other letters, while the text layer still reads right).
    family = FONTS[huisstijl_for(org_a).font_key].name.replace(" ", "")
    names = [font["name"].split("+")[-1].replace("-", "") for font in fonts]
    assert all(name.startswith(family) for name in names), names
    assert any("latinext" in name for name in names), names

    text = pdf_text(pdf)
    for character in CHARACTERS:
        assert character in text, character
    assert SPECIAL in text


def test_title_version_block_running_header_footer_and_page_numbers(protocol, pdf):
    pages = pdf_pages_text(pdf)
    assert len(pages) >= 3
    published = dutch_date(timezone.localdate(protocol.last_published_at))
    first = " ".join(pages[0].split())
    assert first.startswith("Agressieprotocol Gemeente Aadorp Agressieprotocol Gemeente Aadorp")
    assert "Versie: 1" in first
    assert "Landelijk sjabloon: versie 1" in first
    assert f"Gepubliceerd op: {published}" in first
    for number, page in enumerate(pages, start=1):
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        assert lines[0] == "Agressieprotocol Gemeente Aadorp", (number, lines[0])
        assert lines[-1] == f"Versie 1, {published} Pagina {number} van {len(pages)}"
        if number < len(pages):
            headings = {section["heading"] for section in protocol.filled_sections({})}
            assert lines[-2] not in headings | {"Inhoud"}, f"page {number} ends with a heading"

    # The table of contents gives each section's page.
    contents = " ".join(" ".join(page.split()) for page in pages[:2])
    entry = re.search(r"\d+\. Bedragen en namen[ .]+ (\d+)\b", contents)
    assert entry, contents[:1500]
    on_page = pages[int(entry.group(1)) - 1]
    assert "Bedragen en namen" in [line.strip() for line in on_page.splitlines()]


def test_web_page_prints_with_the_same_stylesheet_and_version_block(protocol, client):
    html = client.get(protocol.url).content.decode()
    assert "/static/css/print.css" in html
    assert 'class="print-colophon print-only"' in html
    assert 'data-running="Versie 1, ' in html
