"""The pure values behind a huisstijl: the allowed fonts, WCAG contrast and the Dutch messages
for colours that fail it. No models here (home.models validates with it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Body text on white and the dark text choice on coloured backgrounds.
TEXT_DARK = "#1a1a1a"
TEXT_LIGHT = "#ffffff"
WCAG_AA = 4.5  # WCAG 2.1 AA, normal text
# The lightest tinted background links appear on (--bg-soft: table of contents, filter panels).
BG_SUBTLE = "#eef1f4"

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Font:
    key: str
    name: str  # CSS family name (and the @fontsource package name's title)

    @property
    def family(self) -> str:
        return f'"{self.name}", system-ui, "Segoe UI", Roboto, Arial, sans-serif'


# Open fonts from @fontsource (latin + latin-ext subsets, 400/700, normal/italic); each covers
# € Ł ĳ ’. `make assets` copies their files to site/static/vendor/fonts/<key>/.
FONTS: dict[str, Font] = {
    f.key: f
    for f in (
        Font("source-sans-3", "Source Sans 3"),
        Font("fira-sans", "Fira Sans"),
        Font("open-sans", "Open Sans"),
        Font("noto-sans", "Noto Sans"),
    )
}
FONT_CHOICES = [(f.key, f.name) for f in FONTS.values()]
FONT_WEIGHTS = ("400", "700")
FONT_STYLES = ("normal", "italic")
FONT_SUBSETS = {
    "latin": "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,"
    "U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
    "latin-ext": "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,"
    "U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,"
    "U+2C60-2C7F,U+A720-A7FF",
}


def font_file_names(key: str) -> list[str]:
    """Relative paths (under the fonts folder) of every file of a font, woff2 and woff."""
    return [
        f"{key}/{key}-{subset}-{weight}-{style}.{ext}"
        for subset in FONT_SUBSETS
        for weight in FONT_WEIGHTS
        for style in FONT_STYLES
        for ext in ("woff2", "woff")
    ]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2.1 contrast ratio of two "#rrggbb" colours (1.0 to 21.0)."""
    lighter, darker = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: str) -> str:
    """The text colour (light or dark) with the better contrast on background."""
    light = contrast_ratio(TEXT_LIGHT, background)
    dark = contrast_ratio(TEXT_DARK, background)
    return TEXT_LIGHT if light >= dark else TEXT_DARK


def _format_ratio(ratio: float) -> str:
    return f"{ratio:.2f}".replace(".", ",")


def primary_colour_errors(colour: str) -> list[str]:
    """Dutch messages for a primary colour that fails WCAG 2.1 AA: it is the link and heading
    colour on white and on the light grey of panels (BG_SUBTLE), and the background of buttons
    and the navigation bar with white text."""
    ratio = contrast_ratio(colour, BG_SUBTLE)  # the lighter background is the harder one
    if ratio >= WCAG_AA:
        return []
    return [
        str(
            _(
                "Deze kleur geeft te weinig contrast: %(ratio)s:1 op de lichtgrijze achtergrond "
                "van kaders (%(white)s:1 op wit), terwijl WCAG 2.1 AA minstens 4,5:1 vraagt. "
                "Links, knoppen en koppen gebruiken deze kleur op wit en lichtgrijs, met witte "
                "tekst erop; kies een donkerdere kleur."
            )
            % {
                "ratio": _format_ratio(ratio),
                "white": _format_ratio(contrast_ratio(colour, "#ffffff")),
            }
        )
    ]


def secondary_colour_errors(colour: str) -> list[str]:
    """Dutch messages for a secondary (background) colour on which neither white nor dark
    text reaches WCAG 2.1 AA."""
    ratio = contrast_ratio(text_colour_on(colour), colour)
    if ratio >= WCAG_AA:
        return []
    return [
        str(
            _(
                "Op deze kleur is tekst slecht leesbaar: het beste contrast (met witte of donkere "
                "tekst) is %(ratio)s:1, terwijl WCAG 2.1 AA minstens 4,5:1 vraagt. Kies een "
                "lichtere of donkerdere kleur."
            )
            % {"ratio": _format_ratio(ratio)}
        )
    ]
