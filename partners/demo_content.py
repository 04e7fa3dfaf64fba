"""National partner kinds and default routing rules (from domain.md), as demo/start content.

Loaded idempotently by partners.setup: running it again brings existing kinds and national
rules back to what is written here.
"""

from meldingen.models.choices import (
    INTEGRITY_PERPETRATORS,
    BehaviourKind,
    ReporterRole,
    Wish,
)

# code, name, internal, ack hours (working hours: office hours of the organisation, no weekends
# or public holidays), urgent ack hours (clock hours, also at night and in the weekend),
# description. Urgent hours never exceed the ack hours (a database constraint).
PARTNER_KINDS = [
    (
        "veiligheidscoordinator",
        "Eigen veiligheidscoördinator (meldpunt)",
        True,
        8,
        2,
        "Het interne meldpunt: registreert, coördineert en onderhoudt contact met politie en OM.",
    ),
    (
        "burgemeester",
        "Burgemeester, CdK of dijkgraaf",
        True,
        8,
        4,
        "Meldpunt met de griffier of secretaris; neemt maatregelen tegen de dader en besluit met "
        "politie en OM over beveiliging.",
    ),
    (
        "griffie",
        "Griffier of Statengriffier",
        True,
        16,
        8,
        "Meldpunt voor raads-, commissie- en Statenleden en fractiemedewerkers; integriteitsroute "
        "en veiligheid van vergaderingen.",
    ),
    (
        "secretaris",
        "Gemeentesecretaris, provinciesecretaris of secretaris-directeur",
        True,
        16,
        8,
        "Meldpunt met de burgemeester voor wethouders, gedeputeerden en waterschapsbestuurders; "
        "zorgplicht als werkgever.",
    ),
    (
        "vertrouwenspersoon",
        "Vertrouwenspersoon",
        True,
        16,
        8,
        "Luisterend oor, integriteitsroute en doorverwijzing naar nazorg.",
    ),
    (
        "politie",
        "Politie",
        False,
        16,
        4,
        "Aangifte of politiemelding, dreigingsinschatting, stopgesprek. Vraag om de VPT-code.",
    ),
    (
        "om",
        "Openbaar Ministerie",
        False,
        24,
        24,
        "Vervolging volgens de Eenduidige Landelijke Afspraken na een aangifte; besluit mee over "
        "beveiliging.",
    ),
    (
        "nctv",
        "NCTV (stelsel bewaken en beveiligen)",
        False,
        40,
        24,
        "Alleen bij het rijksdomein; lokale ambtsdragers lopen via politie, OM en burgemeester.",
    ),
    (
        "vertrouwenslijn",
        "Vertrouwenslijn",
        False,
        24,
        24,
        "Vertrouwelijke gesprekken voor ambtsdragers en hun naasten. De ambtsdrager belt zelf; "
        "de Vertrouwenslijn neemt geen doorgestuurde meldingen aan.",
    ),
    (
        "ondersteuningsteam",
        "Ondersteuningsteam Weerbaar Bestuur",
        False,
        24,
        24,
        "Collega's en deskundigen voor veiligheid, juridische hulp en nazorg.",
    ),
    (
        "beroepsvereniging",
        "Beroepsvereniging",
        False,
        40,
        24,
        "Steun en vertrouwelijk eerste contact via de vereniging van de ambtsdrager.",
    ),
    (
        "slachtofferhulp",
        "Slachtofferhulp Nederland",
        False,
        24,
        24,
        "Slachtofferhulp en psychosociale nazorg.",
    ),
]

# The internal meldpunt per role (domain.md, protocol item 5) that provisioning gives every
# organisation as a partner, named as the organisation kind calls it. In a waterschap the
# secretaris-directeur is also secretary of the algemeen bestuur: both rows exist so the
# organisation can fill in the right address for each.
MELDPUNT_KINDS = ["burgemeester", "griffie", "secretaris"]
MELDPUNT_NAMES = {
    "gemeente": {
        "burgemeester": "Burgemeester",
        "griffie": "Griffier",
        "secretaris": "Gemeentesecretaris",
    },
    "provincie": {
        "burgemeester": "Commissaris van de Koning",
        "griffie": "Statengriffier",
        "secretaris": "Provinciesecretaris",
    },
    "waterschap": {
        "burgemeester": "Dijkgraaf",
        "griffie": "Secretaris van het algemeen bestuur",
        "secretaris": "Secretaris-directeur",
    },
}
# Reserved top-level domain (RFC 6761): never delivered; partners.delivery records a clear
# error until the organisation fills in the real address.
PLACEHOLDER_EMAIL = "{kind}.{code}@nog-invullen.invalid"

COUNCIL_ROLES = [
    ReporterRole.RAADSLID,
    ReporterRole.COMMISSIELID,
    ReporterRole.FRACTIEMEDEWERKER,
    ReporterRole.STATENLID,
]
EXECUTIVE_ROLES = [
    ReporterRole.WETHOUDER,
    ReporterRole.GEDEPUTEERDE,
    ReporterRole.WATERSCHAPSBESTUURDER,
]

EVIDENCE_FIRST = "Leg eerst bewijs vast: schermafbeeldingen met datum, link en accountnaam."

# name, conditions (RoutingRule fields; unset ones are empty), partner kind codes. All matching
# rules apply; the first rule that chooses a partner is its reason (and its instruction is what
# the partner reads), so specific rules come first: the integrity route before the rules by
# role, home and online before the general rule on threats. The police only hear of a melding
# through rules on punishable behaviour or the reporter's wish for aangifte, never through a
# rule on role or perpetrator. The OM follows the aangifte (the police pass it on), and the
# Vertrouwenslijn is never a target: people call it themselves.
NATIONAL_RULES = [
    ("Elk incident naar het interne meldpunt", {}, ["veiligheidscoordinator"]),
    (
        "Dader is een politicus of ambtenaar: integriteitsroute",
        {"perpetrator_types": list(INTEGRITY_PERPETRATORS)},
        ["griffie", "vertrouwenspersoon"],
    ),
    (
        "Bedreiging thuis, van naasten of doxing: ook beveiliging thuis",
        {
            "kinds": [BehaviourKind.THREAT_FAMILY, BehaviourKind.DOXING, BehaviourKind.HOME_VISIT],
            "instruction": "Beoordeel ook de beveiliging van de woning en het gezin.",
        },
        ["politie", "burgemeester"],
    ),
    (
        "Online haat of bedreiging: politie",
        {"kinds": [BehaviourKind.ONLINE_HATE], "instruction": EVIDENCE_FIRST},
        ["politie"],
    ),
    (
        "Fysiek geweld of bedreiging: politie en burgemeester",
        {"kinds": [BehaviourKind.PHYSICAL, BehaviourKind.THREAT, BehaviourKind.THREAT_FAMILY]},
        ["politie", "burgemeester"],
    ),
    (
        "Stalking, vernieling of discriminatie: politie",
        {
            "kinds": [
                BehaviourKind.STALKING,
                BehaviourKind.DAMAGE,
                BehaviourKind.DISCRIMINATION,
            ]
        },
        ["politie"],
    ),
    (
        "Verstoring van een vergadering: voorzitter en griffie",
        {"kinds": [BehaviourKind.DISRUPTION]},
        ["burgemeester", "griffie"],
    ),
    (
        "Melding van een raads-, commissie- of Statenlid of fractiemedewerker: griffie en "
        "burgemeester",
        {"reporter_roles": COUNCIL_ROLES},
        ["griffie", "burgemeester"],
    ),
    (
        "Melding van een wethouder, gedeputeerde of waterschapsbestuurder: burgemeester en "
        "secretaris",
        {"reporter_roles": EXECUTIVE_ROLES},
        ["burgemeester", "secretaris"],
    ),
    ("Melder wil aangifte doen", {"wishes": [Wish.AANGIFTE]}, ["politie"]),
    ("Melder wil steun of nazorg", {"wishes": [Wish.SUPPORT]}, ["vertrouwenspersoon"]),
]

# National rules shipped before under these names; partners.setup removes them.
RETIRED_NATIONAL_RULES = [
    "Fysiek geweld of bedreiging: politie, burgemeester en nazorg",
    "Fysieke agressie: Openbaar Ministerie",
    "Verstoring van een vergadering",
    "Online haat of bedreiging",
    "Melder wil steun of praten",
]
