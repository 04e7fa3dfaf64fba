"""Huisstijl (house style) per organisation: colours, font and logo as design tokens.

The organisation page holds its own values; whatever it leaves empty comes from the national
home page, and whatever that leaves empty from NATIONAL_DEFAULTS. tokens_css() renders a
Huisstijl as CSS custom properties (NL Design System `--utrecht-*` tokens and our own `--vb-*`)
plus @font-face rules, for the web (served by home.huisstijl_views) and for the PDF.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from .brand import (  # noqa: F401 - re-exported: the interface of home.huisstijl
    BG_SUBTLE,
    FONT_CHOICES,
    FONT_STYLES,
    FONT_SUBSETS,
    FONT_WEIGHTS,
    FONTS,
    HEX_COLOUR,
    TEXT_DARK,
    TEXT_LIGHT,
    WCAG_AA,
    Font,
    contrast_ratio,
    font_file_names,
    primary_colour_errors,
    secondary_colour_errors,
    text_colour_on,
)


@dataclass(frozen=True)
class Huisstijl:
    primary: str  # links, buttons, headings, navigation bar: "#rrggbb"
    secondary: str  # footer and accent background
    text_on_primary: str
    text_on_secondary: str
    font_key: str
    font_family: str  # CSS font-family value
    logo_url: str | None = None  # rendition URL for the web
    logo_path: str | None = None  # rendition file on disk (for the PDF), None on remote storage
    name: str = ""  # organisation title ("" for the national style)

    @property
    def version(self) -> str:
        """Short hash of everything tokens_css() renders: part of the stylesheet's URL."""
        raw = "|".join([self.primary, self.secondary, self.font_key, self.logo_url or ""])
        return hashlib.sha256(raw.encode()).hexdigest()[:12]


NATIONAL_PRIMARY = "#154273"  # Rijksoverheid "donkerblauw"
NATIONAL_SECONDARY = "#dce3ea"
NATIONAL_FONT = "source-sans-3"


def make_huisstijl(
    primary: str | None = None,
    secondary: str | None = None,
    font_key: str | None = None,
    *,
    logo_url: str | None = None,
    logo_path: str | None = None,
    name: str = "",
    fallback: Huisstijl | None = None,
) -> Huisstijl:
    """A Huisstijl from possibly empty values, each falling back to fallback (or the national
    defaults)."""
    base = fallback or NATIONAL_DEFAULTS
    primary = primary if primary and HEX_COLOUR.match(primary) else base.primary
    secondary = secondary if secondary and HEX_COLOUR.match(secondary) else base.secondary
    font = FONTS.get(font_key or "") or FONTS[base.font_key]
    if logo_url is None:
        logo_url, logo_path = base.logo_url, base.logo_path
    return Huisstijl(
        primary=primary.lower(),
        secondary=secondary.lower(),
        text_on_primary=text_colour_on(primary),
        text_on_secondary=text_colour_on(secondary),
        font_key=font.key,
        font_family=font.family,
        logo_url=logo_url,
        logo_path=logo_path,
        name=name,
    )


NATIONAL_DEFAULTS = Huisstijl(
    primary=NATIONAL_PRIMARY,
    secondary=NATIONAL_SECONDARY,
    text_on_primary=text_colour_on(NATIONAL_PRIMARY),
    text_on_secondary=text_colour_on(NATIONAL_SECONDARY),
    font_key=NATIONAL_FONT,
    font_family=FONTS[NATIONAL_FONT].family,
)


def _logo(source: Any) -> tuple[str | None, str | None]:
    """(URL, local path) of the logo rendition of a page with huisstijl fields, or (None, None)."""
    image = getattr(source, "huisstijl_logo", None)
    if image is None:
        return None, None
    try:
        rendition = image.get_rendition("height-160|format-png")
    except Exception:  # noqa: BLE001 - a broken image file must not take the page down
        return None, None
    try:
        path = rendition.file.path
    except NotImplementedError:  # remote storage
        path = None
    return rendition.url, path


def from_page_fields(source: Any, fallback: Huisstijl | None = None, name: str = "") -> Huisstijl:
    """A Huisstijl from an object with huisstijl_* fields (HomePage, OrganisationPage)."""
    logo_url, logo_path = _logo(source)
    return make_huisstijl(
        getattr(source, "huisstijl_primary", ""),
        getattr(source, "huisstijl_secondary", ""),
        getattr(source, "huisstijl_font", ""),
        logo_url=logo_url,
        logo_path=logo_path,
        name=name,
        fallback=fallback,
    )


def national_huisstijl() -> Huisstijl:
    """The national style: the national home page's values over NATIONAL_DEFAULTS."""
    from .models import HomePage

    home = HomePage.objects.select_related("huisstijl_logo").order_by("depth", "pk").first()
    if home is None:
        return NATIONAL_DEFAULTS
    return from_page_fields(home)


def huisstijl_for(page_or_organisation: Any) -> Huisstijl:
    """The huisstijl of the organisation a page belongs to (or of the organisation itself);
    the national style for national pages, None and anything without an organisation."""
    from wagtail.models import Page

    from .models import OrganisationPage

    national = national_huisstijl()
    if page_or_organisation is None or not isinstance(page_or_organisation, Page):
        return national
    organisation = OrganisationPage.for_page(page_or_organisation.specific_deferred)
    if organisation is None:
        return national
    return from_page_fields(organisation, fallback=national, name=organisation.title)


def font_face_css(font_key: str, font_url_base: str, formats: tuple[str, ...]) -> str:
    """@font-face rules for one allowed font; font_url_base ends with "/" (a static URL, or a
    file:// URL for WeasyPrint)."""
    font = FONTS[font_key]
    rules = []
    for subset, unicode_range in FONT_SUBSETS.items():
        for weight in FONT_WEIGHTS:
            for style in FONT_STYLES:
                stem = f"{font_url_base}{font.key}/{font.key}-{subset}-{weight}-{style}"
                src = ", ".join(f'url("{stem}.{ext}") format("{ext}")' for ext in formats)
                rules.append(
                    f'@font-face {{ font-family: "{font.name}"; font-style: {style}; '
                    f"font-weight: {weight}; font-display: swap; src: {src}; "
                    f"unicode-range: {unicode_range}; }}"
                )
    return "\n".join(rules)


def _darken(hex_colour: str, amount: float) -> str:
    channels = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in channels)


def token_values(h: Huisstijl) -> dict[str, str]:
    """The custom properties (name without "--" -> value) a Huisstijl sets."""
    hover = _darken(h.primary, 0.2)
    return {
        # Our own tokens (site/static/css/veiligbestuur.css, the print CSS).
        "vb-color-primary": h.primary,
        "vb-color-primary-hover": hover,
        "vb-color-text-on-primary": h.text_on_primary,
        "vb-color-secondary": h.secondary,
        "vb-color-text-on-secondary": h.text_on_secondary,
        "vb-color-text": TEXT_DARK,
        "vb-font-family": h.font_family,
        # NL Design System: the "basis" tokens of the Voorbeeld theme, then the Utrecht
        # component tokens we rely on directly.
        "basis-text-font-family-default": h.font_family,
        "basis-heading-font-family": h.font_family,
        "basis-heading-color": h.primary,
        "basis-color-action-1-inverse-bg-default": h.primary,
        "basis-color-action-1-inverse-bg-hover": hover,
        "basis-color-action-1-inverse-bg-active": hover,
        "basis-color-action-1-inverse-color-default": h.text_on_primary,
        "basis-color-action-1-inverse-color-hover": text_colour_on(hover),
        "basis-color-action-1-inverse-color-active": text_colour_on(hover),
        "basis-color-action-1-color-default": h.primary,
        "basis-color-action-1-color-hover": hover,
        "basis-color-action-1-color-active": hover,
        "basis-color-action-2-color-default": h.primary,
        "basis-color-action-2-color-hover": hover,
        "basis-color-action-2-color-active": hover,
        "basis-form-control-accent-color": h.primary,
        "basis-form-control-hover-accent-color": hover,
        "basis-form-control-active-accent-color": hover,
        "basis-color-accent-1-bg-default": h.secondary,
        "utrecht-document-font-family": h.font_family,
        "utrecht-document-color": TEXT_DARK,
        "utrecht-heading-font-family": h.font_family,
        "utrecht-heading-color": h.primary,
        "utrecht-link-color": h.primary,
        "utrecht-link-hover-color": hover,
        "utrecht-link-visited-color": h.primary,
        "utrecht-link-focus-color": TEXT_DARK,
        "utrecht-button-font-family": h.font_family,
        "utrecht-button-primary-action-background-color": h.primary,
        "utrecht-button-primary-action-color": h.text_on_primary,
        "utrecht-button-primary-action-border-color": h.primary,
        "utrecht-button-primary-action-hover-background-color": hover,
        "utrecht-button-primary-action-hover-color": text_colour_on(hover),
        "utrecht-button-secondary-action-color": h.primary,
        "utrecht-button-secondary-action-border-color": h.primary,
        "utrecht-button-secondary-action-background-color": "#ffffff",
        "utrecht-button-secondary-action-hover-background-color": h.secondary,
        "utrecht-button-secondary-action-hover-color": h.text_on_secondary,
        "utrecht-page-footer-background-color": h.secondary,
        "utrecht-page-footer-color": h.text_on_secondary,
        "utrecht-form-control-focus-border-color": h.primary,
        "utrecht-checkbox-checked-background-color": h.primary,
        "utrecht-checkbox-checked-border-color": h.primary,
        "utrecht-checkbox-checked-color": h.text_on_primary,
        "utrecht-radio-button-checked-background-color": h.primary,
        "utrecht-radio-button-checked-border-color": h.primary,
        "utrecht-radio-button-checked-color": h.text_on_primary,
    }


def tokens_css(
    huisstijl: Huisstijl, font_url_base: str, formats: tuple[str, ...] = ("woff2", "woff")
) -> str:
    """The stylesheet for one Huisstijl: @font-face rules for its font and the tokens on
    :root and body.vb-huisstijl (which outweighs the .voorbeeld-theme class next to it). For
    WeasyPrint pass a file:// font_url_base and formats=("woff",)
    (WOFF2 needs brotli)."""
    tokens = token_values(huisstijl)
    declarations = "\n".join(f"  --{name}: {value};" for name, value in tokens.items())
    fonts = font_face_css(huisstijl.font_key, font_url_base, formats)
    return f"{fonts}\n:root,\nbody.vb-huisstijl {{\n{declarations}\n}}\n"


def organisation_key(organisation: Any) -> str:
    """The key of a huisstijl in URLs and caches: the organisation's id, or "landelijk"."""
    return str(organisation.pk) if organisation is not None else "landelijk"


def cached_huisstijl(request: Any, organisation: Any) -> Huisstijl:
    """huisstijl_for(organisation) kept in the shared cache until the next publish (the page
    cache generation, home.caching); previews compute it afresh (they may show a draft)."""
    from django.conf import settings

    from .caching import generation_for
    from .fragments import kept

    if request is None or getattr(request, "is_preview", False):
        return huisstijl_for(organisation)
    key = f"huisstijl:{generation_for(request)}:{organisation_key(organisation)}"
    return kept(key, lambda: huisstijl_for(organisation), settings.FRAGMENT_CACHE_SECONDS)
