"""Plain text stays text: markup typed into a section heading, or carried in by organisation
data filled into a heading, is shown as the characters typed, in the table of contents, the
section heading and the PDF; it never becomes live HTML."""

import pytest
from wagtail.models import Page

from tests.pdf_helpers import pdf_text
from tests.protocol_factories import (
    AFTERCARE_TEXT,
    NORM_TEXT,
    derive,
    fresh,
    make_template,
    text_section,
)

pytestmark = pytest.mark.django_db

HEADING = 'Waarom <em>dit</em> <a href="https://kwaad.example">protocol</a> voor {organisatie}'
TITLE = 'Aadorp <img src=x onerror="alert(1)">'


def test_markup_in_headings_and_filled_values_is_text(org_a, home_page, client):
    make_template(
        home_page,
        [
            text_section("norm", "vast", HEADING, NORM_TEXT),
            text_section("nazorg", "aanpasbaar", "Nazorg", AFTERCARE_TEXT),
        ],
    )
    Page.objects.filter(pk=org_a.pk).update(title=TITLE)
    protocol = derive(fresh(org_a))
    protocol.save_revision().publish()

    html = client.get(fresh(protocol).url).content.decode()
    for raw in ("<em>dit</em>", 'href="https://kwaad.example"', "<img src=x", 'onerror="alert'):
        assert raw not in html
    escaped = "Waarom &lt;em&gt;dit&lt;/em&gt; &lt;a href=&quot;https://kwaad.example&quot;&gt;"
    assert html.count(escaped) == 2  # the table of contents and the section heading
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html

    pdf = client.get(fresh(protocol).url + "pdf/")
    assert pdf.status_code == 200
    text = pdf_text(pdf.content)
    assert "Waarom <em>dit</em>" in text  # drawn as the characters typed
