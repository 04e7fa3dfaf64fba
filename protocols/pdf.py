"""PDF download of a protocol, for office holders who want it on paper or offline: the public
page itself (its own template and HTML) laid out with the site's print stylesheet, so the PDF
and the browser's "Afdrukken" show the same document."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.templatetags.static import static

from core.pdf import html_to_pdf
from home.huisstijl import FONT_STYLES, FONT_SUBSETS, FONT_WEIGHTS, FONTS, huisstijl_for


def pdf_title(page, organisation) -> str:
    """ "Agressieprotocol Gemeente Aadorp": the page title with the organisation's name."""
    return f"{page.title} {organisation.title}" if organisation else page.title


def huisstijl_pdf_css(organisation) -> str:
    """The organisation's huisstijl font for WeasyPrint. The web's @font-face rules give one
    family in @fontsource's subsets (latin, latin-ext) told apart by unicode-range; WeasyPrint
    then draws latin-ext letters (Ł, ĳ) with glyphs of the latin file. Here each subset is a
    family of its own, listed in turn, so every letter comes from the file that has it."""
    font = FONTS[huisstijl_for(organisation).font_key]
    base = static(f"vendor/fonts/{font.key}/{font.key}")
    faces = [
        f'@font-face {{ font-family: "{font.name} {subset}"; font-weight: {weight}; '
        f'font-style: {style}; src: url("{base}-{subset}-{weight}-{style}.woff") format("woff"); }}'
        for subset in FONT_SUBSETS
        for weight in FONT_WEIGHTS
        for style in FONT_STYLES
    ]
    family = ", ".join([*(f'"{font.name} {subset}"' for subset in FONT_SUBSETS), "sans-serif"])
    tokens = " ".join(
        f"--{name}: {family} !important;"
        for name in (
            "vb-font-family",
            "utrecht-document-font-family",
            "utrecht-heading-font-family",
            "utrecht-button-font-family",
        )
    )
    return "\n".join(
        [
            *faces,
            f":root, .vb-huisstijl {{ {tokens} }}",
            f"html, body {{ font-family: {family} !important; }}",
        ]
    )


def protocol_pdf(page, request: HttpRequest) -> bytes:
    """The protocol as rendered for the public (placeholders filled), as a PDF/UA document."""
    context = page.get_context(request)
    html = render_to_string(page.get_template(request), context, request=request)
    organisation = context.get("organisation")
    return html_to_pdf(
        html,
        base_url=request.build_absolute_uri(page.get_url(request) or "/"),
        title=pdf_title(page, organisation),
        lang=page.locale.language_code,
        extra_css=[huisstijl_pdf_css(organisation)],
    )
