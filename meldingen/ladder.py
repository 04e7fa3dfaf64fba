"""The ladder of measures against a perpetrator, light to heavy (domain.md, protocol structure
item 7): national data, the same steps for every organisation. Seeded by migration 0003 and by
ensure_ladder (demo, tests after a flush)."""

from __future__ import annotations

# code, name, restrictive, description
LADDER = [
    (
        "aanspreken",
        "Gedrag ter plekke aanspreken en de-escaleren",
        False,
        "Het gedrag benoemen, waarschuwen en zo nodig het gesprek of telefoontje beëindigen.",
    ),
    (
        "registratie",
        "Interne melding en registratie",
        False,
        "De melding vastleggen bij het meldpunt, ook als er verder niets gebeurt.",
    ),
    (
        "waarschuwingsbrief",
        "Waarschuwingsbrief",
        False,
        "Een brief aan de dader die het gedrag benoemt en de gevolgen van herhaling noemt.",
    ),
    (
        "ordegesprek",
        "Gesprek over gedrag (ordegesprek)",
        False,
        "Een gesprek met de dader over de gedragsregels; streven binnen 48 uur na het incident.",
    ),
    (
        "contactbeperking",
        "Contactbeperking",
        True,
        "Contact alleen nog schriftelijk of via één contactpersoon, voor een bepaalde tijd.",
    ),
    (
        "toegangsverbod",
        "Toegangsverbod of uitsluiting van vergaderingen",
        True,
        "Besluit van de burgemeester (of voorzitter) voor een bepaalde tijd, vaak drie maanden; "
        "vatbaar voor bezwaar.",
    ),
    (
        "aangifte",
        "Aangifte",
        False,
        "Altijd bij bedreiging en fysiek geweld; vraag om de VPT-code.",
    ),
    (
        "schadeverhaal",
        "Schadeverhaal",
        False,
        "Voegen in de strafzaak als benadeelde partij, of een civiele vordering.",
    ),
    (
        "stopgesprek",
        "Stopgesprek door de politie",
        False,
        "De politie spreekt de dader aan voordat het verder escaleert.",
    ),
    (
        "halt",
        "Halt-afdoening (minderjarigen)",
        False,
        "Voor jongeren tot 18 jaar, via politie of boa.",
    ),
    (
        "gebiedsverbod",
        "Gebiedsverbod",
        True,
        "Bestuurlijke maatregel van de burgemeester voor een bepaald gebied en een bepaalde tijd.",
    ),
    (
        "beveiliging",
        "Beveiligingsmaatregelen",
        False,
        "Beveiliging van woning of persoon: inbraakwerend hang- en sluitwerk, camera, alarm, "
        "persoonsbeveiliging.",
    ),
]


def ensure_ladder(model=None) -> None:
    """Create or update the steps; model is the historical model inside a migration."""
    if model is None:
        from meldingen.models import MeasureStep as model
    for order, (code, name, restrictive, description) in enumerate(LADDER):
        model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "restrictive": restrictive,
                "description": description,
                "sort_order": order,
            },
        )
