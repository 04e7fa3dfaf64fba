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

# Where each resource is published, as found in public sources (see tests/content). The
# platform's own meldapp and Stappenplan live on this site and have no external address.
SOURCES = {
    "toolkit": "https://www.lokale-democratie.nl/netwerkweerbaarbestuur/producten-en-diensten/"
    "toolkit-veilig-bestuur",
    "toolkit_pa": "https://www.politiekeambtsdragers.nl/ambt-in-praktijk/integriteit--veiligheid/"
    "toolkit-veilig-bestuur",
    "leidraad": "https://www.politiekeambtsdragers.nl/ambt-in-praktijk/integriteit--veiligheid/"
    "leidraad-veilig-bestuur",
    "agressieprotocol": "https://weerbaarbestuur.nl/producten-en-diensten/agressieprotocol",
    "melding_aangifte": "https://weerbaarbestuur.nl/index.php/producten-en-diensten/"
    "stappenplan-melding-en-aangifte-voor-politieke-ambtsdragers",
    "ela": "https://www.om.nl/onderwerpen/geweld-tegen-personen-met-een-publieke-taak",
    "vertrouwenslijn": "https://www.devertrouwenslijn.nl",
    "ondersteuningsteam": "https://weerbaarbestuur.nl/ondersteuningsteam-tour-de-kracht-van-het-gesprek",
    "woning": "https://zoek.officielebekendmakingen.nl/stcrt-2020-49908.html",
    "politiekeurmerk": "https://www.politiekeurmerk.nl",
    "slachtofferhulp": "https://www.slachtofferhulp.nl",
    "weerbaar_bestuur": "https://weerbaarbestuur.nl",
}
VERTROUWENSLIJN_PHONE = "0800 2800 200"

# slug: (title, kind, audiences, moments, summary, body, url, document title or None)
NATIONAL_RESOURCES = {
    "leidraad-veilig-bestuur": (
        "Leidraad Veilig Bestuur",
        "leidraad",
        [*ALL_OFFICE_HOLDERS, "griffier", "secretaris", "veiligheidscoordinator"],
        [V, T, N],
        "Het basisdocument van de toolkit: een samenhangende aanpak van intimidatie, agressie "
        "en geweld tegen bestuurders en volksvertegenwoordigers, met een stappenplan per rol.",
        "<p>Het Nederlands Genootschap van Burgemeesters en het ministerie van BZK stelden de "
        "leidraad samen. Hij laat zien wat een organisatie vooraf regelt, wat er tijdens een "
        "incident gebeurt en hoe afhandeling en nazorg verlopen, en beantwoordt vragen als: "
        "meld ik dit, wie bel ik, en is mijn woning veilig genoeg?</p>"
        "<p>Bij de leidraad hoort een stappenplan dat per rol laat zien wat u zelf kunt "
        "doen.</p>",
        SOURCES["leidraad"],
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
        "<p>De afspraken gelden sinds 1 april 2010. Een aangifte wordt altijd opgenomen, de "
        "zaak krijgt voorrang en het OM vervolgt in beginsel. Het OM weegt het feit 200% "
        "zwaarder dan bij andere slachtoffers, ook als het gericht is tegen uw "
        "familieleden.</p>"
        "<p>De afspraken gelden alleen als de politie de zaak markeert met de "
        "<strong>VPT-code</strong>: noem bij de aangifte uw functie en vraag om die code. Geef "
        "het adres van uw organisatie op in plaats van uw huisadres (domicilie), of doe in "
        "overleg met politie en OM aangifte onder nummer. Uw organisatie mag als werkgever ook "
        "zelf aangifte doen.</p>",
        SOURCES["ela"],
        None,
    ),
    "format-agressieprotocol": (
        "Format agressieprotocol voor politieke ambtsdragers",
        "agressieprotocol",
        ["burgemeester", "cdk", "dijkgraaf", "griffier", "secretaris", "veiligheidscoordinator"],
        [V, N],
        "Het landelijke format waarmee u het agressieprotocol van uw eigen gemeente, provincie "
        "of waterschap opstelt, met maatregelen bij verbale en fysieke agressie.",
        "<p>Het format gaat uit van de organisatienorm: emotie mag, agressie niet, en op "
        "agressie volgt altijd een passende reactie. Het beschrijft uitgangspunten, melden en "
        "registreren, aangifte, maatregelen tegen de dader en nazorg. Neem de maatregelen als "
        "vertrekpunt en pas ze aan uw organisatie aan. Op dit platform vindt u de uitwerking "
        "als landelijk sjabloon voor het protocol van uw organisatie.</p>",
        SOURCES["agressieprotocol"],
        None,
    ),
    "agressieprotocol-alkmaar": (
        "Voorbeeld: agressieprotocol van de gemeente Alkmaar",
        "agressieprotocol",
        ["burgemeester", "griffier", "secretaris", "veiligheidscoordinator"],
        [V],
        "Het agressieprotocol van de gemeente Alkmaar, dat de Toolkit Veilig Bestuur als "
        "voorbeeld noemt voor wie een eigen protocol opstelt.",
        "<p>Zie hoe een gemeente de landelijke uitgangspunten in eigen afspraken heeft "
        "vertaald. Het voorbeeld staat bij het format agressieprotocol van het Netwerk "
        "Weerbaar Bestuur.</p>",
        SOURCES["agressieprotocol"],
        None,
    ),
    "agressieprotocol-hilversum": (
        "Voorbeeld: agressieprotocol van de gemeente Hilversum",
        "agressieprotocol",
        ["burgemeester", "griffier", "secretaris", "veiligheidscoordinator"],
        [V],
        "Een tweede gemeentelijk voorbeeld van een agressieprotocol voor politieke "
        "ambtsdragers, naast dat van Alkmaar.",
        "<p>Vergelijk de twee voorbeelden met het format: wat regelen ze hetzelfde, en waar "
        "kiezen ze anders? Het voorbeeld staat bij het format agressieprotocol van het Netwerk "
        "Weerbaar Bestuur.</p>",
        SOURCES["agressieprotocol"],
        None,
    ),
    "stappenplan-melding-en-aangifte": (
        "Stappenplan melding en aangifte voor politieke ambtsdragers",
        "handreiking",
        ["griffier", "secretaris", "burgemeester", "cdk", "dijkgraaf"],
        [N],
        "Een handreiking in negen stappen voor griffiers, secretarissen en voorzitters die een "
        "interne melding of een aangifte voor een politieke ambtsdrager oppakken.",
        "<p>Opgesteld door de ministeries van BZK en JenV met het Netwerk Weerbaar Bestuur. "
        "Uitgangspunt: melden helpt, ook bij online incidenten. Het stappenplan behandelt de "
        "melding, de aangifte bij de politie, de reactie richting de dader en de zorg voor de "
        "melder, met achtergrond over strafbare feiten en alternatieven voor een "
        "strafrechtelijke reactie.</p>",
        SOURCES["melding_aangifte"],
        None,
    ),
    "handreiking-beveiligingsmaatregelen": (
        "Handreiking maatregelen bij bedreiging van burgemeesters en wethouders",
        "handreiking",
        ["burgemeester", "wethouder", "secretaris", "veiligheidscoordinator"],
        [V, N],
        "Hoe het lokale bevoegde gezag preventieve en aanvullende beveiligingsmaatregelen "
        "voor burgemeesters en wethouders afweegt en regelt.",
        "<p>De ministeries van BZK en (toen) Veiligheid en Justitie stelden de handreiking op "
        "met het Nederlands Genootschap van Burgemeesters en de Wethoudersvereniging. Zij gaat "
        "over de uitgangspunten van bewaken en beveiligen, preventieve maatregelen en wat er "
        "gebeurt bij een concrete bedreiging.</p>",
        SOURCES["toolkit_pa"],
        None,
    ),
    "meldapp": (
        "Meldapp voor ambtsdragers",
        "meldapp",
        ALL_OFFICE_HOLDERS,
        [T, N],
        "Met de meldapp van dit platform legt u een incident direct vast, ook onderweg, en komt "
        "de melding meteen bij het meldpunt van uw eigen organisatie terecht.",
        "<p>De meldapp gebruikt dezelfde ingang als de pagina Melden van uw organisatie op deze "
        "site. Maak na een incident zo snel mogelijk een melding, ook als het klein lijkt, en "
        "voeg schermafbeeldingen of foto's toe. Bij acuut gevaar belt u eerst 112.</p>",
        "",
        None,
    ),
    "presentatie-bespreekbaar-maken": (
        "Presentatie „Het hoort er gewoon bij”: maak het bespreekbaar",
        "presentatie",
        ["burgemeester", "griffier", "raadslid", "statenlid", "waterschapsbestuurder"],
        [V],
        "Een presentatie om in raad, Staten, algemeen bestuur of college het gesprek te openen "
        "over intimidatie en agressie tegen politieke ambtsdragers.",
        "<p>Gebruik de presentatie bijvoorbeeld bij de installatie van nieuwe leden of in een "
        "besloten bijeenkomst. Het doel: het taboe doorbreken en samen een norm stellen.</p>",
        SOURCES["toolkit_pa"],
        None,
    ),
    "vertrouwenslijn": (
        "Vertrouwenslijn",
        "link",
        [*ALL_OFFICE_HOLDERS, "griffier", "secretaris"],
        [V, T, N],
        "Een vertrouwelijk gesprek, desgewenst anoniem, voor ambtsdragers en hun familie die "
        f"te maken hebben met intimidatie, bedreiging of geweld: bel {VERTROUWENSLIJN_PHONE}.",
        f"<p>Bel <strong>{VERTROUWENSLIJN_PHONE}</strong>. Een ervaren vertrouwenspersoon "
        "luistert, denkt mee en kan u in contact brengen met vakgenoten en "
        "ervaringsdeskundigen. De Vertrouwenslijn bestaat sinds eind 2009, in opdracht van het "
        "ministerie van BZK, en wordt uitgevoerd door NL Confidential. U belt zelf: de "
        "Vertrouwenslijn neemt geen meldingen van uw organisatie over.</p>",
        SOURCES["vertrouwenslijn"],
        None,
    ),
    "ondersteuningsteam-weerbaar-bestuur": (
        "Ondersteuningsteam Weerbaar Bestuur",
        "link",
        [*ALL_OFFICE_HOLDERS, "griffier", "vertrouwenspersoon"],
        [V, N],
        "Vakgenoten en experts op het gebied van beveiliging, rechtshulp en nazorg, bereikbaar "
        "via de beroepsverenigingen; ook voor bijeenkomsten met raad, Staten en college.",
        "<p>Het Ondersteuningsteam bestaat sinds 2019 en is opgezet vanuit het Netwerk "
        "Weerbaar Bestuur met de beroepsverenigingen van burgemeesters, wethouders, raadsleden "
        "en Statenleden. Na een incident biedt het een vertrouwelijke steun in de rug en advies "
        "over de vervolgstappen. Vooraf komt het op verzoek langs voor een gesprek met raad of "
        "Staten en college over agressie en intimidatie.</p>",
        SOURCES["ondersteuningsteam"],
        None,
    ),
    "beveiliging-woning": (
        "Beveiliging van de woning en het Politiekeurmerk Veilig Wonen",
        "link",
        ["cdk", "gedeputeerde", "burgemeester", "wethouder", "veiligheidscoordinator"],
        [V, N],
        "Decentrale politieke ambtsdragers kunnen aanspraak maken op preventieve "
        "beveiligingsmaatregelen voor hun woning; de regeling noemt wat wordt vergoed.",
        "<p>Voor de Commissaris van de Koning en gedeputeerden vergoedt de Regeling "
        "rechtspositie decentrale politieke ambtsdragers (Staatscourant 2020, 49908) de "
        "werkelijke kosten tot € 2.400 inclusief btw, eenmaal per woonadres, als de woning een "
        "geldig certificaat van het Politiekeurmerk Veilig Wonen heeft. Uw organisatie weet "
        "welke regeling voor uw functie geldt.</p>"
        f'<p>Meer over het keurmerk: <a href="{SOURCES["politiekeurmerk"]}">Politiekeurmerk '
        "Veilig Wonen</a>.</p>",
        SOURCES["woning"],
        None,
    ),
    "links-veilig-bestuur": (
        "Links: waar u terechtkunt",
        "link",
        [],
        [V, T, N],
        "De organisaties en websites die de Toolkit Veilig Bestuur noemt, op één plek.",
        "<ul>"
        f'<li><a href="{SOURCES["toolkit"]}">Toolkit Veilig Bestuur</a> van het Netwerk '
        "Weerbaar Bestuur</li>"
        f'<li><a href="{SOURCES["weerbaar_bestuur"]}">Netwerk Weerbaar Bestuur</a>: '
        "producten, bijeenkomsten en ervaringen</li>"
        f'<li><a href="{SOURCES["vertrouwenslijn"]}">Vertrouwenslijn</a>, telefoon '
        f"{VERTROUWENSLIJN_PHONE}</li>"
        f'<li><a href="{SOURCES["ela"]}">Openbaar Ministerie</a> over geweld tegen personen '
        "met een publieke taak</li>"
        f'<li><a href="{SOURCES["slachtofferhulp"]}">Slachtofferhulp Nederland</a>, ook als '
        "domicilieadres bij een aangifte</li>"
        f'<li><a href="{SOURCES["politiekeurmerk"]}">Politiekeurmerk Veilig Wonen</a></li>'
        "</ul>",
        SOURCES["toolkit"],
        None,
    ),
}

# organisation slug: (title, summary, audiences, moments, document title)
LOCAL_RESOURCES = {
    "voorbeeldstad": (
        "Veiligheidsinstructie raadzaal Voorbeeldstad",
        "Wat te doen bij onrust tijdens een raadsvergadering: de alarmknop, de bode, de "
        "ontruimingsroute en wie de vergadering schorst.",
        ["raadslid", "burgemeester", "griffier"],
        [V, T],
        "Veiligheidsinstructie raadzaal Voorbeeldstad (demo)",
    ),
    "voorbeeldland": (
        "Beveiliging bij Statenvergaderingen in Voorbeeldland",
        "Afspraken over toegang, beveiligers en publiek bij Statenvergaderingen en "
        "informatiebijeenkomsten van de provincie.",
        ["statenlid", "gedeputeerde", "cdk", "griffier"],
        [V, T],
        None,
    ),
    "voorbeeldwaarden": (
        "Contactkaart bij incidenten – Waterschap Voorbeeldwaarden",
        "Wie belt u bij een incident: de dijkgraaf, de secretaris-directeur en de "
        "veiligheidscoördinator van het waterschap, met hun bereikbaarheid.",
        ["dijkgraaf", "waterschapsbestuurder", "secretaris"],
        [T, N],
        None,
    ),
}
# National resources an organisation does not show: the guidance for burgemeesters and
# wethouders means nothing to a waterschap.
HIDDEN = {"voorbeeldwaarden": ["handreiking-beveiligingsmaatregelen"]}
# Resources of earlier demo versions that named no real product; removed when found.
RETIRED = ["training-weerbaarheid", "voorbeeld-agressieprotocol"]

STAPPENPLAN_INTRO = (
    "Wat kunt u doen voor, tijdens en na een incident? Kies uw rol en het moment. De stappen "
    "zijn ons vertrekpunt op basis van de Leidraad Veilig Bestuur; de landelijke redactie "
    "werkt ze verder uit."
)

# role -> moment -> [(step, resource slugs)]; every resource is tagged with the step's moment.
STAPPENPLAN = {
    "ambtsdrager": {
        V: [
            ("Ken het agressieprotocol en de belangrijke nummers", ["vertrouwenslijn"]),
            (
                "Bespreek agressie met collega's en doe mee aan een bijeenkomst",
                ["presentatie-bespreekbaar-maken", "ondersteuningsteam-weerbaar-bestuur"],
            ),
            ("Scherm uw privégegevens af en laat uw woning doorlichten", ["beveiliging-woning"]),
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
            (
                "Maak gebruik van nazorg en de Vertrouwenslijn",
                ["vertrouwenslijn", "ondersteuningsteam-weerbaar-bestuur"],
            ),
        ],
    },
    "griffier": {
        V: [
            (
                "Maak het protocol bekend en richt het meldpunt in",
                ["format-agressieprotocol", "agressieprotocol-alkmaar"],
            ),
            ("Informeer nieuwe leden bij hun start", ["presentatie-bespreekbaar-maken"]),
            ("Signaleer risicovolle vergaderingen vooraf", []),
        ],
        T: [("Neem spoedmeldingen aan en schakel de beveiliging in", [])],
        N: [
            ("Registreer het incident en houd de zaak bij", ["stappenplan-melding-en-aangifte"]),
            (
                "Ondersteun bij de aangifte of doe die namens de organisatie",
                ["stappenplan-melding-en-aangifte", "eenduidige-landelijke-afspraken"],
            ),
            (
                "Regel nazorg en informeer het presidium vertrouwelijk",
                ["ondersteuningsteam-weerbaar-bestuur", "vertrouwenslijn"],
            ),
        ],
    },
    "burgemeester": {
        V: [
            (
                "Zet de norm op de agenda en laat het protocol vaststellen",
                ["leidraad-veilig-bestuur", "format-agressieprotocol"],
            ),
            ("Maak afspraken met politie en Openbaar Ministerie", ["leidraad-veilig-bestuur"]),
        ],
        T: [("Neem de leiding in acute situaties en handhaaf de openbare orde", [])],
        N: [
            ("Besluit over maatregelen tegen de dader", ["format-agressieprotocol"]),
            (
                "Besluit met politie en OM over beveiliging",
                ["handreiking-beveiligingsmaatregelen", "beveiliging-woning"],
            ),
            ("Verzorg zo nodig een publieke verklaring", []),
        ],
    },
    "secretaris": {
        V: [
            (
                "Vul de zorgplicht in: budget, trainingen en een registratiesysteem",
                ["leidraad-veilig-bestuur"],
            ),
        ],
        T: [("Wees aanspreekpunt voor opschaling", [])],
        N: [("Evalueer incidenten en rapporteer de cijfers", [])],
    },
    "veiligheidscoordinator": {
        V: [
            (
                "Maak risicoanalyses en regel woningbeveiliging en postbehandeling",
                ["handreiking-beveiligingsmaatregelen", "beveiliging-woning"],
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
        V: [
            (
                "Organiseer bijeenkomsten voor raad en college",
                ["presentatie-bespreekbaar-maken", "ondersteuningsteam-weerbaar-bestuur"],
            )
        ],
        T: [("Bied een luisterend oor", ["vertrouwenslijn"])],
        N: [
            (
                "Bied collegiale steun en verwijs door naar psychosociale hulp",
                ["ondersteuningsteam-weerbaar-bestuur", "vertrouwenslijn"],
            )
        ],
    },
}

CHECKLIST_INTRO = (
    "De checklist volgt het stappenplan voor een veilige publieke taak: eerst voorbereiden, "
    "daarna door het jaar heen uitvoeren en controleren. Organisaties houden hun voortgang bij "
    "in de beheeromgeving."
)

# The start of each demo organisation's term: the municipal elections of 18 March 2026, the
# provincial and water board elections of 15 March 2023.

# An organisation's own item: (heading, text, recurrence, explanation).
OWN_ITEMS = {
    "voorbeeldstad": [
        (
            "Preventieve maatregelen (laten) nemen",
            "Alarmknoppen in raadzaal en spreekkamers testen",
            "jaarlijks",
            "Samen met de bodes en de beveiliging; de uitkomst komt in het logboek van het "
            "gebouwbeheer.",
        )
    ],
}

DONE, BUSY, NA = "gereed", "bezig", "nvt"
# organisation slug -> {item text: (status, days: ago when done / until the due date when busy,
# note)}; items not named stay "niet gestart". Both phases hold done and open items.
PROGRESS = {
    "voorbeeldstad": {
        "Onderwerp afbakenen, grenzen bepalen en beleid bekrachtigen": (
            DONE,
            600,
            "Agressieprotocol vastgesteld door de raad.",
        ),
        "Mediabeleid bepalen en woordvoerder(s) aanwijzen": (
            DONE,
            500,
            "De burgemeester spreekt namens het college; het team Communicatie ondersteunt.",
        ),
        "Risicoanalyse opstellen: generiek en per beleidsgebied, eventueel per persoon": (
            BUSY,
            45,
            "Analyse per portefeuille loopt; gesprekken met de wethouders zijn gepland.",
        ),
        "Communicatie, trainingen en protocollen opzetten": (
            DONE,
            300,
            "Protocol besproken in raad en college; het Ondersteuningsteam kwam langs.",
        ),
        "Zonodig actief beveiligen": (DONE, 200, "Alarmknoppen in raadzaal en spreekkamers."),
        "Ketenaafspraken maken met gemeente(n), politie, OM en NCTb": (
            BUSY,
            -10,
            "Afspraken met de officier van justitie staan; die met de politie nog niet.",
        ),
        "Meld- en registratiesystemen op (laten) zetten": (
            DONE,
            250,
            "Meldpunt bij de griffie via dit platform.",
        ),
        "Sanctiebeleid bepalen": (BUSY, 60, "Voorstel voor de maatregelenladder in de maak."),
        "Voorgenomen maatregelen en protocollen uit laten voeren": (DONE, 100, ""),
        "Operationele risicoanalyses (laten) uitvoeren": (
            DONE,
            20,
            "Gemaakt voor de raadsvergadering over de nieuwe opvanglocatie.",
        ),
        "Incidenten intern regelmatig bespreken": (DONE, 100, "Besproken in het presidium."),
        "Normen blijven uitdragen": (DONE, 150, ""),
        "Protocollen volgen, opsporing faciliteren en wijzen op de Vertrouwenslijn": (
            DONE,
            60,
            "",
        ),
        "Incidenten analyseren, registreren en nabespreken met slachtoffer": (DONE, 60, ""),
        "Sancties afwegen, bij strafbaar feit aangifte doen en schade verhalen": (
            BUSY,
            None,
            "Brief aan de dader van het incident van september in voorbereiding.",
        ),
        "Per zittings- of collegetermijn uitgangspunten herijken": (
            DONE,
            200,
            "Besproken met de nieuwe raad en het nieuwe college.",
        ),
        "Processen controleren en jaarlijks evalueren naar aanleiding van incidenten": (
            DONE,
            400,
            "Jaarevaluatie besproken in de driehoek.",
        ),
        "Alarmknoppen in raadzaal en spreekkamers testen": (DONE, 30, "Alle knoppen werken."),
    },
    "voorbeeldland": {
        "Onderwerp afbakenen, grenzen bepalen en beleid bekrachtigen": (DONE, 700, ""),
        "Mediabeleid bepalen en woordvoerder(s) aanwijzen": (DONE, 650, ""),
        "Risicoanalyse opstellen: generiek en per beleidsgebied, eventueel per persoon": (
            DONE,
            500,
            "",
        ),
        "Communicatie, trainingen en protocollen opzetten": (
            BUSY,
            30,
            "Bijeenkomst met Provinciale Staten wordt gepland.",
        ),
        "Zonodig actief beveiligen": (
            DONE,
            400,
            "Woningscans voor de Commissaris van de Koning en de gedeputeerden.",
        ),
        "Ketenaafspraken maken met gemeente(n), politie, OM en NCTb": (DONE, 450, ""),
        "Meld- en registratiesystemen op (laten) zetten": (BUSY, 60, ""),
        "Operationele risicoanalyses (laten) uitvoeren": (
            DONE,
            10,
            "Gemaakt voor de Statenvergadering over het gebiedsprogramma.",
        ),
        "Incidenten intern regelmatig bespreken": (DONE, 40, ""),
        "Normen blijven uitdragen": (DONE, 100, ""),
        "Sancties afwegen, bij strafbaar feit aangifte doen en schade verhalen": (
            NA,
            None,
            "Nog geen incident met een bekende dader.",
        ),
        "Per zittings- of collegetermijn uitgangspunten herijken": (
            DONE,
            1250,
            "Besproken met de Staten na de verkiezingen.",
        ),
    },
    "voorbeeldwaarden": {
        "Onderwerp afbakenen, grenzen bepalen en beleid bekrachtigen": (DONE, 300, ""),
        "Mediabeleid bepalen en woordvoerder(s) aanwijzen": (BUSY, 20, ""),
        "Meld- en registratiesystemen op (laten) zetten": (DONE, 250, ""),
        "Incidenten intern regelmatig bespreken": (DONE, 200, ""),
        "Normen blijven uitdragen": (DONE, 90, ""),
        "Per zittings- of collegetermijn uitgangspunten herijken": (
            BUSY,
            None,
            "Voorbereiding voor het nieuwe algemeen bestuur.",
        ),
    },
}
