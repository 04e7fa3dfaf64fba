"""The content of the Checklist Veilig Openbaar Bestuur (seed 001) and the national audiences.

Item texts follow the checklist literally (they are its vocabulary); the explanations are ours.
The seed's heading "Beleed vaststellen" is a typo for "Beleid vaststellen".
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_noop

from .models import Audience, ChecklistHeading, ChecklistItem, ChecklistPhase, Recurrence

ONCE, Q, Y, T = Recurrence.ONCE, Recurrence.QUARTERLY, Recurrence.YEARLY, Recurrence.TERM
EVENT, INCIDENT = Recurrence.PER_EVENT, Recurrence.PER_INCIDENT

# phase -> [(heading, [(item, recurrence, explanation)])]
CHECKLIST: dict[str, list[tuple[str, list[tuple[str, str, str]]]]] = {
    ChecklistPhase.PREPARATION: [
        (
            "Beleid vaststellen",
            [
                (
                    "Onderwerp afbakenen, grenzen bepalen en beleid bekrachtigen",
                    ONCE,
                    "Leg vast welk gedrag niet wordt geaccepteerd en laat raad of bestuur dat "
                    "formeel vaststellen.",
                ),
                (
                    "Mediabeleid bepalen en woordvoerder(s) aanwijzen",
                    ONCE,
                    "Spreek af wie na een incident namens de organisatie spreekt en wat er "
                    "wel en niet naar buiten gaat.",
                ),
            ],
        ),
        (
            "Preventieve maatregelen (laten) nemen",
            [
                (
                    "Risicoanalyse opstellen: generiek en per beleidsgebied, eventueel per persoon",
                    ONCE,
                    "Breng in kaart waar de dreiging het grootst is: bij welke dossiers, "
                    "vergaderingen en personen.",
                ),
                (
                    "Communicatie, trainingen en protocollen opzetten",
                    ONCE,
                    "Zorg dat iedereen het agressieprotocol kent en weet hoe te handelen; "
                    "bied weerbaarheidstrainingen aan.",
                ),
                (
                    "Zonodig actief beveiligen",
                    ONCE,
                    "Denk aan een veilige vergaderzaal, alarmknoppen, beveiliging bij drukke "
                    "bijeenkomsten en maatregelen rond de woning.",
                ),
            ],
        ),
        (
            "Voorbereid zijn op incidenten",
            [
                (
                    "Ketenaafspraken maken met gemeente(n), politie, OM en NCTb",
                    ONCE,
                    "Leg vast wie wat doet als er iets gebeurt, met vaste contactpersonen bij "
                    "politie en Openbaar Ministerie.",
                ),
                (
                    "Opvang, nazorg en repressie voorbereiden",
                    ONCE,
                    "Regel vooraf wie de getroffene opvangt, welke nazorg er is en welke "
                    "maatregelen tegen daders mogelijk zijn.",
                ),
                (
                    "Meld- en registratiesystemen op (laten) zetten",
                    ONCE,
                    "Eén plek waar elk incident wordt gemeld en vastgelegd, zodat een beeld "
                    "ontstaat en niets blijft liggen.",
                ),
                (
                    "Sanctiebeleid bepalen",
                    ONCE,
                    "Bepaal welke maatregelen tegen een dader passen, van waarschuwingsbrief "
                    "tot aangifte, en wie erover beslist.",
                ),
            ],
        ),
    ],
    ChecklistPhase.EXECUTION: [
        (
            "Maatregelen en beleid blijvend uit (laten) voeren",
            [
                (
                    "Voorgenomen maatregelen en protocollen uit laten voeren",
                    ONCE,
                    "Controleer dat wat is afgesproken ook echt gebeurt.",
                ),
                (
                    "Operationele risicoanalyses (laten) uitvoeren",
                    EVENT,
                    "Kijk voor elke gevoelige vergadering, bijeenkomst of elk werkbezoek vooraf "
                    "wat er mis kan gaan en wat daartegen helpt.",
                ),
                (
                    "Incidenten intern regelmatig bespreken",
                    Q,
                    "Bespreek incidenten vertrouwelijk in college, presidium of "
                    "fractievoorzittersoverleg, zodat niemand er alleen voor staat.",
                ),
                (
                    "Signaleren vermijdingsgedrag bij collega-bestuurders",
                    ONCE,
                    "Let op collega's die vergaderingen, onderwerpen of een nieuwe termijn "
                    "gaan vermijden en bied steun.",
                ),
            ],
        ),
        (
            "Actief communiceren",
            [
                (
                    "Normen blijven uitdragen",
                    ONCE,
                    "Herhaal bij elke gelegenheid dat emotie mag en agressie niet.",
                ),
                (
                    "Genomen besluiten toelichten en uitleggen aan betrokkenen",
                    ONCE,
                    "Goede uitleg neemt frustratie weg voordat die tot agressie leidt.",
                ),
                (
                    "In gesprek blijven met ‘lastige’ personen",
                    ONCE,
                    "Houd contact met mensen die vaak boos zijn, binnen duidelijke grenzen.",
                ),
            ],
        ),
        (
            "Handelen bij incidenten of bedreiging",
            [
                (
                    "Protocollen volgen, opsporing faciliteren en wijzen op de Vertrouwenslijn",
                    INCIDENT,
                    "Volg het protocol, help de politie met informatie en wijs de getroffene "
                    "op de Vertrouwenslijn.",
                ),
                (
                    "Incidenten analyseren, registreren en nabespreken met slachtoffer",
                    INCIDENT,
                    "Leg elk incident vast en bespreek het na met wie het overkwam.",
                ),
                (
                    "Sancties afwegen, bij strafbaar feit aangifte doen en schade verhalen",
                    INCIDENT,
                    "Kies een passende maatregel, doe aangifte bij een strafbaar feit en "
                    "verhaal de schade op de dader.",
                ),
            ],
        ),
        (
            "Controleren op uitvoering en effectiviteit",
            [
                (
                    "Incidenten systematisch evalueren",
                    INCIDENT,
                    "Loop na elk incident na wat goed ging en wat beter kan, en leg dat vast.",
                ),
                (
                    "Per zittings- of collegetermijn uitgangspunten herijken",
                    T,
                    "Bij elke nieuwe raad, Staten, algemeen bestuur of college: kloppen de "
                    "uitgangspunten nog? Het punt komt terug bij de start van de volgende "
                    "zittingstermijn.",
                ),
                (
                    "Processen controleren en jaarlijks evalueren naar aanleiding van incidenten",
                    Y,
                    "Loop eens per jaar melden, registreren, aangifte en nazorg door aan de "
                    "hand van de incidenten van dat jaar.",
                ),
                (
                    "Waar nodig beleid en/of maatregelen bijstellen",
                    ONCE,
                    "Pas protocol en maatregelen aan op wat de evaluaties opleveren.",
                ),
            ],
        ),
    ],
}


# The names are shown translated where the catalogue has them (Audience.__str__).
AUDIENCES = [
    ("burgemeester", gettext_noop("Burgemeester")),
    ("wethouder", gettext_noop("Wethouder")),
    ("raadslid", gettext_noop("Raadslid of commissielid")),
    ("cdk", gettext_noop("Commissaris van de Koning")),
    ("gedeputeerde", gettext_noop("Gedeputeerde")),
    ("statenlid", gettext_noop("Statenlid")),
    ("dijkgraaf", gettext_noop("Dijkgraaf")),
    ("waterschapsbestuurder", gettext_noop("Waterschapsbestuurder")),
    ("griffier", gettext_noop("Griffier")),
    ("secretaris", gettext_noop("Secretaris")),
    ("veiligheidscoordinator", gettext_noop("Veiligheidscoördinator")),
    ("communicatieadviseur", gettext_noop("Communicatieadviseur")),
    ("vertrouwenspersoon", gettext_noop("Vertrouwenspersoon")),
]


@transaction.atomic
def load_checklist(heading_model=ChecklistHeading, item_model=ChecklistItem) -> int:
    """Create the national headings and items that are missing; returns the new item count.

    The models are parameters so that a data migration can pass its historical models.
    """
    created = 0
    for phase, headings in CHECKLIST.items():
        for order, (title, items) in enumerate(headings):
            heading, _ = heading_model.objects.get_or_create(
                phase=phase, title=title, defaults={"sort_order": order}
            )
            for item_order, (text, recurrence, explanation) in enumerate(items):
                _, was_created = item_model.objects.get_or_create(
                    heading=heading,
                    text=text,
                    organisation=None,
                    defaults={
                        "recurrence": recurrence,
                        "explanation": explanation,
                        "sort_order": item_order,
                    },
                )
                created += was_created
    return created


def national_recurrences() -> dict[str, str]:
    """Item text -> recurrence of the national content (used by data migrations)."""
    return {
        text: recurrence
        for headings in CHECKLIST.values()
        for _title, items in headings
        for text, recurrence, _explanation in items
    }


def load_audiences(audience_model=Audience) -> None:
    """Create the national audiences that are missing (also used by a data migration)."""
    for order, (slug, name) in enumerate(AUDIENCES):
        audience_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order * 10}
        )
