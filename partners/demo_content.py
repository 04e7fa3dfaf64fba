"""National partner kinds and default routing rules (from domain.md), as demo/start content."""

# code, name, internal, ack hours, urgent ack hours, description
PARTNER_KINDS = [
    (
        "veiligheidscoordinator",
        "Eigen veiligheidscoördinator (meldpunt)",
        True,
        24,
        4,
        "Het interne meldpunt: registreert, coördineert en onderhoudt contact met politie en OM.",
    ),
    (
        "burgemeester",
        "Burgemeester, CdK of dijkgraaf",
        True,
        24,
        8,
        "Neemt maatregelen tegen de dader en besluit met politie en OM over beveiliging.",
    ),
    (
        "griffie",
        "Griffier of secretaris",
        True,
        48,
        24,
        "Meldpunt voor raads- en Statenleden; integriteitsroute en veiligheid van vergaderingen.",
    ),
    (
        "vertrouwenspersoon",
        "Vertrouwenspersoon",
        True,
        48,
        24,
        "Luisterend oor en doorverwijzing naar nazorg.",
    ),
    (
        "politie",
        "Politie",
        False,
        48,
        4,
        "Aangifte of politiemelding, dreigingsinschatting, stopgesprek. Vraag om de VPT-code.",
    ),
    (
        "om",
        "Openbaar Ministerie",
        False,
        72,
        24,
        "Vervolging volgens de Eenduidige Landelijke Afspraken; besluit mee over beveiliging.",
    ),
    (
        "nctv",
        "NCTV (stelsel bewaken en beveiligen)",
        False,
        120,
        48,
        "Alleen bij het rijksdomein; lokale ambtsdragers lopen via politie, OM en burgemeester.",
    ),
    (
        "vertrouwenslijn",
        "Vertrouwenslijn",
        False,
        72,
        24,
        "Vertrouwelijke gesprekken voor ambtsdragers en hun naasten.",
    ),
    (
        "ondersteuningsteam",
        "Ondersteuningsteam Weerbaar Bestuur",
        False,
        72,
        24,
        "Collega's en deskundigen voor veiligheid, juridische hulp en nazorg.",
    ),
    (
        "beroepsvereniging",
        "Beroepsvereniging",
        False,
        120,
        48,
        "Steun en vertrouwelijk eerste contact via de vereniging van de ambtsdrager.",
    ),
    (
        "slachtofferhulp",
        "Slachtofferhulp Nederland",
        False,
        72,
        24,
        "Slachtofferhulp en psychosociale nazorg.",
    ),
]

# name, conditions, partner kind codes
NATIONAL_RULES = [
    ("Elk incident naar het interne meldpunt", {}, ["veiligheidscoordinator"]),
    (
        "Fysiek geweld of bedreiging: politie, burgemeester en nazorg",
        {"kinds": ["fysiek", "bedreiging", "bedreiging_naasten"]},
        ["politie", "burgemeester", "vertrouwenspersoon"],
    ),
    (
        "Bedreiging thuis, van naasten of doxing: ook beveiliging thuis",
        {"kinds": ["bedreiging_naasten", "doxing", "huisbezoek"]},
        ["politie", "burgemeester"],
    ),
    ("Melder wil aangifte doen", {"wishes": ["aangifte"]}, ["politie"]),
    ("Fysieke agressie: Openbaar Ministerie", {"min_severity": "fysiek"}, ["om"]),
    ("Verstoring van een vergadering", {"kinds": ["verstoring"]}, ["burgemeester", "griffie"]),
    ("Online haat of bedreiging", {"kinds": ["online"]}, ["vertrouwenslijn"]),
    (
        "Melder wil steun of praten",
        {"wishes": ["steun"]},
        ["vertrouwenslijn", "vertrouwenspersoon"],
    ),
]
