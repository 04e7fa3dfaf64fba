"""PDF download of a protocol, for office holders who want it on paper or offline."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from fpdf import FPDF

# The PDF core fonts cover Latin-1; map the typographic characters our texts use onto it.
_TO_LATIN1 = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def _latin1(text: str) -> str:
    return text.translate(_TO_LATIN1).encode("latin-1", "replace").decode("latin-1")


def protocol_pdf(page, request: HttpRequest) -> bytes:
    """The protocol as rendered for the public (placeholders filled), as a PDF document."""
    context = page.get_context(request)
    html = render_to_string("protocols/protocol_pdf.html", context, request=request)
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(page.title))
    pdf.set_lang(page.locale.language_code)
    pdf.set_creator("Veilig Bestuur")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.write_html(_latin1(html))
    return bytes(pdf.output())
