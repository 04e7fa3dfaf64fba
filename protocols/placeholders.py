"""Placeholders in protocol text, filled from the organisation's data when a page is rendered.

The template says {organisatie} or {veiligheidscoordinator_telefoon}; every page that shows it
reads the current organisation data, so changing a contact changes every page at once. A
placeholder written with a capital ({Organisatie}) starts its value with a capital, for the
start of a sentence or a heading.
"""

from __future__ import annotations

import re

from django.utils.functional import lazy
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from home.models import ContactRole, ContactSettings, OrganisationKind, OrganisationPage

PLACEHOLDER_RE = re.compile(r"\{([A-Za-z][a-z_]*)\}")

# Words that differ per kind of organisation (gemeente, provincie, waterschap), so one template
# fits all three. Values with an article read mid-sentence; *_functie values are bare titles
# for role headings ({Griffier_functie} gives "Griffier").
KIND_WORDS = {
    "bestuursvoorzitter": (
        gettext_lazy("de burgemeester"),
        gettext_lazy("de Commissaris van de Koning"),
        gettext_lazy("de dijkgraaf"),
    ),
    "bestuursvoorzitter_functie": (
        gettext_lazy("burgemeester"),
        gettext_lazy("Commissaris van de Koning"),
        gettext_lazy("dijkgraaf"),
    ),
    "griffier": (
        gettext_lazy("de griffier"),
        gettext_lazy("de Statengriffier"),
        gettext_lazy("de secretaris-directeur"),
    ),
    "griffier_functie": (
        gettext_lazy("griffier"),
        gettext_lazy("Statengriffier"),
        gettext_lazy("secretaris-directeur"),
    ),
    "secretaris": (
        gettext_lazy("de gemeentesecretaris"),
        gettext_lazy("de provinciesecretaris"),
        gettext_lazy("de secretaris-directeur"),
    ),
    "secretaris_functie": (
        gettext_lazy("gemeentesecretaris"),
        gettext_lazy("provinciesecretaris"),
        gettext_lazy("secretaris-directeur"),
    ),
    "volksvertegenwoordiging": (
        gettext_lazy("de gemeenteraad"),
        gettext_lazy("Provinciale Staten"),
        gettext_lazy("het algemeen bestuur"),
    ),
    "volksvertegenwoordiger": (
        gettext_lazy("raadslid, commissielid of burgerlid"),
        gettext_lazy("Statenlid of commissielid"),
        gettext_lazy("lid van het algemeen bestuur"),
    ),
    "dagelijks_bestuur": (
        gettext_lazy("het college van burgemeester en wethouders"),
        gettext_lazy("Gedeputeerde Staten"),
        gettext_lazy("het dagelijks bestuur"),
    ),
    "dagelijks_bestuurder": (
        gettext_lazy("wethouder"),
        gettext_lazy("gedeputeerde"),
        gettext_lazy("lid van het dagelijks bestuur"),
    ),
    # The internal meldpunt: where every incident is registered.
    "meldpunt": (
        gettext_lazy("het meldpunt Veilig Bestuur bij de griffie"),
        gettext_lazy("het meldpunt Veilig Bestuur bij de Statengriffie"),
        gettext_lazy("het meldpunt Veilig Bestuur bij de secretaris-directeur"),
    ),
    # Whom each role tells first (domain: reporting lines per role).
    "melden_volksvertegenwoordiger": (
        gettext_lazy("de griffier en de burgemeester"),
        gettext_lazy("de Statengriffier en de Commissaris van de Koning"),
        gettext_lazy("de secretaris-directeur en de dijkgraaf"),
    ),
    "melden_dagelijks_bestuurder": (
        gettext_lazy("de burgemeester en de gemeentesecretaris"),
        gettext_lazy("de Commissaris van de Koning en de provinciesecretaris"),
        gettext_lazy("de dijkgraaf en de secretaris-directeur"),
    ),
    "melden_bestuursvoorzitter": (
        gettext_lazy("de gemeentesecretaris"),
        gettext_lazy("de provinciesecretaris"),
        gettext_lazy("de secretaris-directeur"),
    ),
    # Who decides on security measures in the local domain; "driehoek" only for gemeenten.
    "beveiligingsoverleg": (
        gettext_lazy("de lokale driehoek: de burgemeester, de politie en de officier van justitie"),
        gettext_lazy(
            "de officier van justitie en de politie, in overleg met de Commissaris van de Koning"
        ),
        gettext_lazy("de officier van justitie en de politie, in overleg met de dijkgraaf"),
    ),
}
KINDS = (OrganisationKind.GEMEENTE, OrganisationKind.PROVINCIE, OrganisationKind.WATERSCHAP)

CONTACT_FALLBACKS = {
    ContactRole.VEILIGHEIDSCOORDINATOR: gettext_lazy("de veiligheidscoördinator"),
    ContactRole.VERTROUWENSPERSOON: gettext_lazy("de vertrouwenspersoon"),
    ContactRole.COMMUNICATIE: gettext_lazy("de afdeling communicatie"),
}

# Articles of organisation titles that start with their kind ("Gemeente Voorbeeldstad" reads
# "de gemeente Voorbeeldstad" mid-sentence).
TITLE_ARTICLES = {
    "gemeente": ("de", True),
    "provincie": ("de", True),
    "waterschap": ("het", True),
    "hoogheemraadschap": ("het", False),
    "wetterskip": ("het", False),
}

PLACEHOLDER_NAMES = [
    "organisatie",
    "soort",
    *KIND_WORDS,
    *(f"{role}{suffix}" for role in CONTACT_FALLBACKS for suffix in ("", "_telefoon", "_email")),
    "vertrouwenslijn",
    "ondersteuningsteam",
]


def _help() -> str:
    names = ", ".join(f"{{{name}}}" for name in PLACEHOLDER_NAMES)
    return _(
        "Plaatshouders worden bij het tonen ingevuld met de gegevens van de organisatie: "
        "%(names)s. Schrijf een plaatshouder met een hoofdletter ({Organisatie}) aan het begin "
        "van een zin of kop: dan begint de ingevulde tekst met een hoofdletter."
    ) % {"names": names}


PLACEHOLDER_HELP = lazy(_help, str)()


def organisation_name(title: str) -> str:
    """An organisation's name as it reads mid-sentence in Dutch: "de gemeente Voorbeeldstad"
    (other languages keep the title)."""
    if not (get_language() or "").startswith("nl"):
        return title
    first, _space, rest = title.partition(" ")
    article = TITLE_ARTICLES.get(first.lower())
    if article is None or not rest:
        return title
    word, lower = article
    return f"{word} {first.lower() if lower else first} {rest}"


def placeholder_values(organisation: OrganisationPage | None) -> dict[str, str]:
    """Current values of all placeholders for organisation (generic wording when None)."""
    # The text says "de Vertrouwenslijn ({vertrouwenslijn})": the value is the number.
    vertrouwenslijn = ContactSettings.load().vertrouwenslijn_phone or _("nummer volgt")
    values: dict[str, str] = {
        "vertrouwenslijn": vertrouwenslijn,
        "ondersteuningsteam": _("het Ondersteuningsteam Weerbaar Bestuur"),
    }
    kind = organisation.kind if organisation else None
    values["organisatie"] = (
        organisation_name(organisation.title) if organisation else _("uw organisatie")
    )
    values["soort"] = (
        OrganisationKind(kind).label.lower() if kind else _("gemeente, provincie of waterschap")
    )
    for name, per_kind in KIND_WORDS.items():
        words = dict(zip(KINDS, per_kind, strict=True))
        values[name] = str(words[kind]) if kind else " / ".join(map(str, per_kind))
    for role, fallback in CONTACT_FALLBACKS.items():
        contact = organisation.contact(role) if organisation else None
        values[role] = contact.name if contact else str(fallback)
        values[f"{role}_telefoon"] = (contact.phone if contact else "") or _("nummer volgt")
        values[f"{role}_email"] = (contact.email if contact else "") or _("adres volgt")
    return values


def _value(name: str, values: dict[str, str]) -> str | None:
    """The value of a placeholder name; a capitalised name gives a capitalised value."""
    if name[0].isupper():
        value = values.get(name[0].lower() + name[1:])
        return None if value is None else capfirst(value)
    return values.get(name)


def fill_placeholders(html: str, values: dict[str, str]) -> SafeString:
    """Replace known {placeholders} in trusted HTML with escaped values; leave unknown ones."""

    def replace(match: re.Match) -> str:
        value = _value(match.group(1), values)
        return match.group(0) if value is None else escape(value)

    return mark_safe(PLACEHOLDER_RE.sub(replace, str(html)))  # noqa: S308 - values escaped, html trusted  # nosec B308, B703


def fill_text(text: str, values: dict[str, str]) -> str:
    """Replace known {placeholders} in plain text (a heading): the result is plain text that the
    template escapes, never markup, whatever the editor or the organisation data contain."""

    def replace(match: re.Match) -> str:
        value = _value(match.group(1), values)
        return match.group(0) if value is None else value

    return PLACEHOLDER_RE.sub(replace, str(text))
