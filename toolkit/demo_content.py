"""Texts of the toolkit demo (our own Dutch prose). Data only; toolkit.demo loads it."""

from __future__ import annotations

V, T, N = "voor", "tijdens", "na"
ALL_OFFICE_HOLDERS = [
    "burgemeester",
    "wethouder",
    "raadslid",
    "cdk",
    "gedeputeerde",
    "statenlid",
    "dijkgraaf",
    "waterschapsbestuurder",
]

TOOLKIT_INTRO = (
    "Hulpmiddelen voor politieke ambtsdragers en hun organisaties om intimidatie, agressie en "
    "geweld te voorkomen en goed af te handelen. Filter op soort, doelgroep en moment."
)

# slug: (title, kind, audiences, moments, summary, body, url, document title or None)
NATIONAL_RESOURCES = {
    "leidraad-veilig-bestuur": (
        "Leidraad Veilig Bestuur",
        "leidraad",
        [*ALL_OFFICE_HOLDERS, "griffier", "secretaris", "veiligheidscoordinator"],
        [V, T, N],
        "Het basisdocument van de toolkit: een samenhangende aanpak van intimidatie en geweld "
        "tegen bestuurders en volksvertegenwoordigers, met een stappenplan per rol.",
        "<p>De leidraad is opgesteld door het Nederlands Genootschap van Burgemeesters samen "
        "met het ministerie van BZK. Hij beschrijft wat een organisatie vooraf regelt, wat er "
        "tijdens een incident gebeurt en hoe de afhandeling en nazorg verlopen.</p>"
        "<p>Het bijbehorende stappenplan laat per rol zien wat u zelf kunt doen.</p>",
        "https://www.veiligbestuur.nl",
        "Leidraad Veilig Bestuur (demo)",
    ),
    "stappenplan-per-rol": (
        "Stappenplan per rol",
        "stappenplan",
        [*ALL_OFFICE_HOLDERS, "griffier", "secretaris", "veiligheidscoordinator"],
        [V, T, N],
        "Kies uw rol en het moment – voor, tijdens of na een incident – en zie welke stappen u "
        "kunt zetten, met de hulpmiddelen die daarbij helpen.",
        "<p>Het stappenplan hoort bij de Leidraad Veilig Bestuur en staat als interactieve "
        "pagina op deze site.</p>",
        "",
        None,
    ),
    "eenduidige-landelijke-afspraken": (
        "Eenduidige Landelijke Afspraken (ELA)",
        "landelijke_afspraken",
        [*ALL_OFFICE_HOLDERS, "griffier", "veiligheidscoordinator"],
        [N],
        "Afspraken tussen politie en Openbaar Ministerie over snelle en stevige afhandeling "
        "van agressie en geweld tegen mensen met een publieke taak, ook politieke ambtsdragers.",
        "<p>De afspraken gelden sinds 2010. Ze beloven onder meer dat een aangifte altijd wordt "
        "opgenomen, dat de zaak voorrang krijgt en dat het OM zwaarder straft. Ze werken alleen "
        "als de politie de zaak markeert met de <strong>VPT-code</strong>: noem bij de aangifte "
        "uw functie en vraag om die code. U mag het adres van uw organisatie opgeven in plaats "
        "van uw huisadres.</p>",
        "https://www.veiligepublieketaak.nl",
        None,
    ),
    "voorbeeld-agressieprotocol": (
        "Voorbeeld agressieprotocol voor politieke ambtsdragers",
        "agressieprotocol",
        ["burgemeester", "griffier", "secretaris", "veiligheidscoordinator"],
        [V],
        "Een uitgewerkt voorbeeld van een agressieprotocol dat u als vertrekpunt kunt nemen "
        "voor het protocol van uw eigen gemeente, provincie of waterschap.",
        "<p>Het voorbeeld volgt de vaste opbouw: uitgangspunten, begrippen, preventie, melden "
        "en registreren, aangifte, maatregelen tegen de dader, nazorg, communicatie en "
        "evaluatie. Kern is de organisatienorm: emotie mag, agressie niet.</p>",
        "",
        "Voorbeeld agressieprotocol (demo)",
    ),
    "meldapp": (
        "Meldapp voor ambtsdragers",
        "meldapp",
        ALL_OFFICE_HOLDERS,
        [T, N],
        "Met de meldapp legt u een incident direct vast, ook onderweg, en komt de melding "
        "meteen bij het meldpunt van uw organisatie terecht.",
        "<p>Maak na een incident zo snel mogelijk een melding, ook als het klein lijkt. Voeg "
        "schermafbeeldingen of foto's toe. Bij acuut gevaar belt u eerst 112.</p>",
        "https://www.veiligbestuur.nl",
        None,
    ),
    "presentatie-bespreekbaar-maken": (
        "Presentatie: intimidatie bespreekbaar maken",
        "presentatie",
        ["burgemeester", "griffier", "raadslid", "statenlid", "waterschapsbestuurder"],
        [V],
        "Een presentatie om in raad, Staten, algemeen bestuur of college het gesprek te openen "
        "over intimidatie en geweld tegen ambtsdragers.",
        "<p>Gebruik de presentatie bijvoorbeeld bij de installatie van nieuwe leden of in een "
        "besloten bijeenkomst. Het doel: het taboe doorbreken en samen een norm stellen.</p>",
        "",
        "Presentatie intimidatie bespreekbaar maken (demo)",
    ),
    "vertrouwenslijn": (
        "Vertrouwenslijn",
        "link",
        [*ALL_OFFICE_HOLDERS, "griffier"],
        [T, N],
        "Een vertrouwelijk gesprek, desgewenst anoniem, voor ambtsdragers en hun naasten die "
        "te maken hebben met intimidatie, bedreiging of geweld.",
        "<p>De Vertrouwenslijn luistert, denkt mee en verwijst door. Het telefoonnummer staat "
        "onderaan elke pagina van deze site.</p>",
        "https://www.veiligbestuur.nl",
        None,
    ),
    "training-weerbaarheid": (
        "Training weerbaarheid voor nieuwe volksvertegenwoordigers",
        "training",
        ["raadslid", "statenlid", "waterschapsbestuurder", "wethouder"],
        [V],
        "Een training van een dagdeel: grenzen stellen, de-escaleren, online veiligheid en "
        "weten waar u terechtkunt.",
        "<p>Geschikt voor het begin van een nieuwe zittingsperiode.</p>",
        "",
        None,
    ),
}

# organisation slug: (title, summary, audiences, moments)
LOCAL_RESOURCES = {
    "voorbeeldstad": (
        "Veiligheidsinstructie raadzaal Voorbeeldstad",
        "Wat te doen bij onrust tijdens een raadsvergadering: de alarmknop, de bode, de "
        "ontruimingsroute en wie de vergadering schorst.",
        ["raadslid", "burgemeester", "griffier"],
        [V, T],
    ),
    "voorbeeldland": (
        "Beveiliging bij Statenvergaderingen in Voorbeeldland",
        "Afspraken over toegang, beveiligers en publiek bij Statenvergaderingen en "
        "informatiebijeenkomsten van de provincie.",
        ["statenlid", "gedeputeerde", "cdk", "griffier"],
        [V, T],
    ),
    "voorbeeldwaarden": (
        "Contactkaart bij incidenten – Waterschap Voorbeeldwaarden",
        "Wie belt u bij een incident: de dijkgraaf, de secretaris-directeur en de "
        "veiligheidscoördinator van het waterschap, met hun bereikbaarheid.",
        ["dijkgraaf", "waterschapsbestuurder", "secretaris"],
        [T, N],
    ),
}
HIDDEN = {"voorbeeldwaarden": ["training-weerbaarheid"]}

STAPPENPLAN_INTRO = (
    "Wat kunt u doen voor, tijdens en na een incident? Kies uw rol en het moment. De stappen "
    "zijn ons vertrekpunt op basis van de Leidraad Veilig Bestuur; de landelijke redactie "
    "werkt ze verder uit."
)

# role -> moment -> [(step, resource slugs)]
STAPPENPLAN = {
    "ambtsdrager": {
        V: [
            ("Ken het agressieprotocol en de belangrijke nummers", ["voorbeeld-agressieprotocol"]),
            ("Volg een weerbaarheidstraining", ["training-weerbaarheid"]),
            ("Scherm uw privégegevens en huisadres af", []),
        ],
        T: [
            ("Zorg eerst voor uw eigen veiligheid; bel 112 bij acuut gevaar", []),
            ("Probeer de-escalerend op te treden en onthoud een signalement", []),
            ("Leg bewijs vast: tijd, plaats, woorden, schermafbeeldingen, getuigen", ["meldapp"]),
        ],
        N: [
            ("Meld het incident altijd intern", ["meldapp"]),
            (
                "Doe aangifte met vermelding van uw functie, vraag om de VPT-code en geef het "
                "werkadres op",
                ["eenduidige-landelijke-afspraken"],
            ),
            ("Maak gebruik van nazorg en de Vertrouwenslijn", ["vertrouwenslijn"]),
        ],
    },
    "griffier": {
        V: [
            ("Maak het protocol bekend en richt het meldpunt in", ["voorbeeld-agressieprotocol"]),
            ("Informeer nieuwe leden bij hun start", ["presentatie-bespreekbaar-maken"]),
            ("Signaleer risicovolle vergaderingen vooraf", []),
        ],
        T: [("Neem spoedmeldingen aan en schakel de beveiliging in", [])],
        N: [
            ("Registreer het incident en houd de zaak bij", []),
            (
                "Ondersteun bij de aangifte of doe die namens de organisatie",
                ["eenduidige-landelijke-afspraken"],
            ),
            ("Regel nazorg en informeer het presidium vertrouwelijk", ["vertrouwenslijn"]),
        ],
    },
    "burgemeester": {
        V: [
            (
                "Zet de norm op de agenda en laat het protocol vaststellen",
                ["leidraad-veilig-bestuur"],
            ),
            (
                "Maak afspraken met politie en Openbaar Ministerie",
                ["eenduidige-landelijke-afspraken"],
            ),
        ],
        T: [("Neem de leiding in acute situaties en handhaaf de openbare orde", [])],
        N: [
            ("Besluit over maatregelen tegen de dader", ["voorbeeld-agressieprotocol"]),
            ("Besluit met politie en OM over beveiliging", []),
            ("Verzorg zo nodig een publieke verklaring", []),
        ],
    },
    "secretaris": {
        V: [
            (
                "Vul de zorgplicht in: budget, trainingen en een registratiesysteem",
                ["training-weerbaarheid"],
            ),
        ],
        T: [("Wees aanspreekpunt voor opschaling", [])],
        N: [("Evalueer incidenten en rapporteer de cijfers", [])],
    },
    "veiligheidscoordinator": {
        V: [
            (
                "Maak risicoanalyses en regel woningbeveiliging en postbehandeling",
                ["leidraad-veilig-bestuur"],
            ),
        ],
        T: [("Stem af met de politie", [])],
        N: [
            (
                "Onderhoud contact met politie, OM en NCTV en volg de zaak",
                ["eenduidige-landelijke-afspraken"],
            )
        ],
    },
    "communicatie": {
        V: [("Stel een mediaprotocol op", [])],
        T: [("Houd een eerste verklaring klaar", [])],
        N: [("Laat één woordvoerder spreken en deel geen persoonsgegevens", [])],
    },
    "vertrouwenspersoon": {
        V: [("Organiseer bijeenkomsten voor raad en college", ["presentatie-bespreekbaar-maken"])],
        T: [("Bied een luisterend oor", ["vertrouwenslijn"])],
        N: [("Bied collegiale steun en verwijs door naar psychosociale hulp", ["vertrouwenslijn"])],
    },
}

CHECKLIST_INTRO = (
    "De checklist volgt het stappenplan voor een veilige publieke taak: eerst voorbereiden, "
    "daarna door het jaar heen uitvoeren en controleren. Organisaties houden hun voortgang bij "
    "in de beheeromgeving."
)

# organisation slug -> how many items (in checklist order) are done / in progress / n.v.t.
PROGRESS = {
    "voorbeeldstad": {
        "done": 8,
        "in_progress": 3,
        "not_applicable": 1,
    },
    "voorbeeldland": {"done": 4, "in_progress": 2, "not_applicable": 0},
    "voorbeeldwaarden": {"done": 2, "in_progress": 1, "not_applicable": 0},
}
