"""Placeholders in protocol text, filled from the organisation's data when a page is rendered.

The template says {organisatie} or {veiligheidscoordinator_telefoon}; every page that shows it
reads the current organisation data, so changing a contact changes every page at once.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.models import ContactRole, ContactSettings, OrganisationKind, OrganisationPage

PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")

# Words that differ per kind of organisation, so one template fits all three.
KIND_WORDS = {
    "bestuursvoorzitter": {
        OrganisationKind.GEMEENTE: gettext_lazy("de burgemeester"),
        OrganisationKind.PROVINCIE: gettext_lazy("de Commissaris van de Koning"),
        OrganisationKind.WATERSCHAP: gettext_lazy("de dijkgraaf"),
    },
    "griffier": {
        OrganisationKind.GEMEENTE: gettext_lazy("de griffier"),
        OrganisationKind.PROVINCIE: gettext_lazy("de Statengriffier"),
        OrganisationKind.WATERSCHAP: gettext_lazy("de secretaris-directeur"),
    },
    "volksvertegenwoordiging": {
        OrganisationKind.GEMEENTE: gettext_lazy("de gemeenteraad"),
        OrganisationKind.PROVINCIE: gettext_lazy("Provinciale Staten"),
        OrganisationKind.WATERSCHAP: gettext_lazy("het algemeen bestuur"),
    },
    "dagelijks_bestuur": {
        OrganisationKind.GEMEENTE: gettext_lazy("het college van burgemeester en wethouders"),
        OrganisationKind.PROVINCIE: gettext_lazy("Gedeputeerde Staten"),
        OrganisationKind.WATERSCHAP: gettext_lazy("het dagelijks bestuur"),
    },
}

CONTACT_FALLBACKS = {
    ContactRole.VEILIGHEIDSCOORDINATOR: gettext_lazy("de veiligheidscoördinator"),
    ContactRole.VERTROUWENSPERSOON: gettext_lazy("de vertrouwenspersoon"),
    ContactRole.COMMUNICATIE: gettext_lazy("de afdeling communicatie"),
}

PLACEHOLDER_HELP = gettext_lazy(
    "Plaatshouders worden bij het tonen ingevuld met de gegevens van de organisatie: "
    "{organisatie}, {soort}, {bestuursvoorzitter}, {griffier}, {volksvertegenwoordiging}, "
    "{dagelijks_bestuur}, {veiligheidscoordinator}, {veiligheidscoordinator_telefoon}, "
    "{veiligheidscoordinator_email}, {vertrouwenspersoon}, {vertrouwenspersoon_telefoon}, "
    "{vertrouwenspersoon_email}, {communicatie}, {communicatie_telefoon}, {vertrouwenslijn}."
)


def placeholder_values(organisation: OrganisationPage | None) -> dict[str, str]:
    """Current values of all placeholders for organisation (generic wording when None)."""
    vertrouwenslijn = ContactSettings.load().vertrouwenslijn_phone or _("de Vertrouwenslijn")
    values: dict[str, str] = {"vertrouwenslijn": vertrouwenslijn}
    kind = organisation.kind if organisation else None
    values["organisatie"] = organisation.title if organisation else _("uw organisatie")
    values["soort"] = (
        OrganisationKind(kind).label.lower() if kind else _("gemeente, provincie of waterschap")
    )
    for name, per_kind in KIND_WORDS.items():
        values[name] = str(per_kind[kind]) if kind else " / ".join(map(str, per_kind.values()))
    for role, fallback in CONTACT_FALLBACKS.items():
        contact = organisation.contact(role) if organisation else None
        values[role] = contact.name if contact else str(fallback)
        values[f"{role}_telefoon"] = (contact.phone if contact else "") or _("(nummer volgt)")
        values[f"{role}_email"] = (contact.email if contact else "") or _("(adres volgt)")
    return values


def fill_placeholders(html: str, values: dict[str, str]) -> SafeString:
    """Replace known {placeholders} in trusted HTML with escaped values; leave unknown ones."""

    def replace(match: re.Match) -> str:
        value = values.get(match.group(1))
        return match.group(0) if value is None else escape(value)

    return mark_safe(PLACEHOLDER_RE.sub(replace, str(html)))  # noqa: S308 - values escaped, html trusted  # nosec B308, B703


def fill_text(text: str, values: dict[str, str]) -> str:
    """Replace known {placeholders} in plain text (a heading): the result is plain text that the
    template escapes, never markup, whatever the editor or the organisation data contain."""
    return PLACEHOLDER_RE.sub(lambda match: values.get(match.group(1), match.group(0)), str(text))
