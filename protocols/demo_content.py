"""Demo text of the national template Agressieprotocol (our own Dutch prose, after domain.md).

TEMPLATE_V1 is an older version (no VPT paragraph, shorter nazorg, no evaluation section), so
the demo can show a protocol that is behind the current template.
"""

from __future__ import annotations


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


TEMPLATE_TITLE = "Agressieprotocol voor politieke ambtsdragers (landelijk sjabloon)"
TEMPLATE_INTRO = p(
    "Dit sjabloon helpt gemeenten, provincies en waterschappen om snel een eigen "
    "agressieprotocol voor hun politieke ambtsdragers vast te stellen."
)


def text(key: str, mode: str, heading: str, html: str) -> dict:
    return {"type": "text", "id": key, "value": {"mode": mode, "heading": heading, "text": html}}


INLEIDING = text(
    "inleiding",
    "vast",
    "Waarom dit protocol",
    p(
        "Ambtsdragers van {organisatie} zijn bereikbaar en aanspreekbaar. Dat hoort bij een open "
        "democratie. Intimidatie, bedreiging en geweld horen daar niet bij: ze tasten de vrijheid "
        "aan om besluiten te nemen en ondermijnen het vertrouwen in het openbaar bestuur.",
        "Agressie is nooit ‘onderdeel van het vak’. Dit protocol beschrijft wat u kunt verwachten "
        "van {organisatie} en wat wij van u vragen als u ermee te maken krijgt.",
    ),
)

UITGANGSPUNTEN = text(
    "uitgangspunten",
    "vast",
    "Uitgangspunten",
    ul(
        "<b>Emotie mag, agressie niet.</b> Boosheid over een besluit, kritiek of een klacht is "
        "toegestaan. Gedrag dat blijft aanhouden na een waarschuwing, dat beledigt of dat angst "
        "wil aanjagen, is dat niet.",
        "Wij tolereren geen agressie tegen ambtsdragers of hun naasten.",
        "U meldt elk incident intern, ook als het klein lijkt. Daarna spreken we samen af wat "
        "er gebeurt.",
        "{organisatie} neemt de regie: u staat er niet alleen voor.",
        "Collega-ambtsdragers spreken elkaar aan en steunen elkaar.",
    ),
)

REIKWIJDTE = text(
    "reikwijdte",
    "aanpasbaar",
    "Voor wie geldt dit protocol",
    p(
        "Het protocol geldt voor alle politieke ambtsdragers van {organisatie}: leden van "
        "{volksvertegenwoordiging} en van {dagelijks_bestuur}, {bestuursvoorzitter} en "
        "commissieleden, ook burgerleden.",
        "Het geldt ook als de agressie gericht is op uw partner, kinderen, familie of vrienden, "
        "op uw huis of bedrijf, en als het online gebeurt. Het maakt niet uit of de dader een "
        "inwoner, een groep, een bedrijf of een andere ambtsdrager is.",
    ),
)

BEGRIPPEN = {
    "type": "definitions",
    "id": "begrippen",
    "value": {
        "mode": "vast",
        "heading": "Begrippen",
        "intro": p("Deze soorten ongewenst gedrag onderscheiden we in dit protocol."),
        "terms": [
            {
                "term": "Verbale agressie",
                "kind": "verbaal",
                "description": p("Schelden, beledigen of kleineren, in persoon of op afstand."),
            },
            {
                "term": "Intimidatie",
                "kind": "intimidatie",
                "description": p(
                    "Gedrag dat u onder druk zet of bang wil maken, zonder dat er "
                    "een concrete bedreiging wordt geuit."
                ),
            },
            {
                "term": "Bedreiging",
                "kind": "bedreiging",
                "description": p(
                    "Het aankondigen van geweld of schade, direct of indirect, ook "
                    "gericht aan uw naasten."
                ),
            },
            {
                "term": "Discriminatie",
                "kind": "discriminatie",
                "description": p(
                    "Kwetsende uitingen of achterstelling vanwege afkomst, geloof, "
                    "gender, seksuele voorkeur of een andere grond."
                ),
            },
            {
                "term": "Online haat en doxing",
                "kind": "online",
                "description": p(
                    "Haatdragende berichten op sociale media of in berichtenapps, en "
                    "het verspreiden van uw privégegevens. Doxing is sinds 1 januari "
                    "2024 strafbaar."
                ),
            },
            {
                "term": "Stalking en belaging",
                "kind": "stalking",
                "description": p(
                    "Herhaaldelijk en stelselmatig achtervolgen, benaderen of in de gaten houden."
                ),
            },
            {
                "term": "Ongewenst bezoek aan huis",
                "kind": "huisbezoek",
                "description": p(
                    "Iemand verschijnt onaangekondigd bij uw woning om u aan te "
                    "spreken over uw werk."
                ),
            },
            {
                "term": "Fysiek geweld",
                "kind": "fysiek",
                "description": p("Duwen, slaan, schoppen, bespugen of iets naar u gooien."),
            },
        ],
    },
}

PREVENTIE = text(
    "preventie",
    "optioneel",
    "Voorkomen",
    ul(
        "Bij gevoelige dossiers maken we vooraf een risicoanalyse.",
        "U krijgt een training in het herkennen en afbuigen van agressie.",
        "Vergaderruimtes hebben een alarmknop; bij openbare bijeenkomsten is beveiliging "
        "aanwezig als de risicoanalyse daarom vraagt.",
        "We helpen u uw woonadres af te schermen in openbare registers en uw online "
        "aanwezigheid veilig in te richten.",
    ),
)

MELDEN = text(
    "melden",
    "aanpasbaar",
    "Melden en registreren",
    p(
        "Bent u in acuut gevaar? Bel 112. Meld daarna elk incident zo snel mogelijk bij "
        "{griffier} of {bestuursvoorzitter}. U kunt ook terecht bij {veiligheidscoordinator}, "
        "telefoon {veiligheidscoordinator_telefoon}.",
        "Leg vast wat er gebeurde: tijd, plaats, de letterlijke woorden, getuigen en "
        "schermafbeeldingen met datum en link. Het incident wordt vertrouwelijk geregistreerd; "
        "alleen wie een taak heeft in de afhandeling kan de melding inzien.",
    ),
)

AANGIFTE_V1 = p(
    "Bij elk strafbaar feit raden wij aangifte aan. {organisatie} ondersteunt u daarbij of "
    "doet zelf aangifte als werkgever.",
    "U kunt aangifte doen op het adres van {organisatie} in plaats van uw huisadres, zodat uw "
    "woonadres niet in het dossier komt.",
)
AANGIFTE_V2 = AANGIFTE_V1 + p(
    "Vertel de politie dat u politiek ambtsdrager bent en vraag om de VPT-code. Alleen dan "
    "gelden de landelijke afspraken tussen politie en Openbaar Ministerie: voorrang bij "
    "opsporing en vervolging en een zwaardere strafeis. Doe aangifte bij voorkeur binnen twee "
    "werkdagen."
)

LADDER = {
    "type": "ladder",
    "id": "maatregelen",
    "value": {
        "mode": "aanpasbaar",
        "heading": "Maatregelen richting de dader",
        "intro": p(
            "We kiezen een maatregel die past bij de ernst van het gedrag, van licht naar zwaar. "
            "Elke beperkende maatregel wordt gemotiveerd, heeft een vaste duur en wordt aan de "
            "betrokkene meegedeeld. Kritiek op een besluit is nooit een reden voor een maatregel."
        ),
        "steps": [
            {
                "title": "Gedrag benoemen en de-escaleren",
                "description": p(
                    "Spreek het gedrag direct aan. Beëindig een telefoongesprek na "
                    "één waarschuwing."
                ),
                "kinds": ["verbaal", "intimidatie"],
                "decided_by": "De ambtsdrager zelf",
            },
            {
                "title": "Waarschuwingsbrief of ordegesprek binnen 48 uur",
                "description": p(
                    "Een snelle reactie maakt duidelijk waar de grens ligt. Een "
                    "gesprek heeft de voorkeur boven een brief."
                ),
                "kinds": ["verbaal", "intimidatie", "discriminatie", "verstoring"],
                "decided_by": "{bestuursvoorzitter}",
            },
            {
                "title": "Contactbeperking",
                "description": p(
                    "Contact alleen nog schriftelijk of via één vaste contactpersoon."
                ),
                "kinds": ["intimidatie", "stalking", "huisbezoek"],
                "decided_by": "{bestuursvoorzitter}",
            },
            {
                "title": "Toegangsverbod",
                "description": p(
                    "Een verbod om de gebouwen te betreden of vergaderingen bij te "
                    "wonen, voor een vaste periode. Hiertegen staat bezwaar open."
                ),
                "kinds": ["bedreiging", "fysiek", "verstoring"],
                "decided_by": "{bestuursvoorzitter}",
            },
            {
                "title": "Aangifte",
                "description": p("Altijd bij bedreiging en fysiek geweld."),
                "kinds": ["bedreiging", "fysiek", "online", "stalking", "vernieling"],
                "decided_by": "De ambtsdrager of {organisatie}",
            },
            {
                "title": "Beveiligingsmaatregelen",
                "description": p(
                    "Bijvoorbeeld een camera of alarm bij uw woning, of persoonlijke "
                    "beveiliging. Hierover beslissen politie, Openbaar Ministerie en "
                    "{bestuursvoorzitter} samen."
                ),
                "kinds": ["bedreiging", "huisbezoek", "fysiek"],
                "decided_by": "Driehoek van politie, OM en {bestuursvoorzitter}",
            },
        ],
    },
}

SCHADE = text(
    "schadeverhaal",
    "aanpasbaar",
    "Sancties en schadeverhaal",
    p(
        "Schade aan uw eigendommen of letselschade verhalen we op de dader. {organisatie} helpt "
        "u om u als benadeelde partij te voegen in de strafzaak of om een civiele vordering in "
        "te dienen. Kosten die u in afwachting daarvan maakt, neemt de organisatie voor haar "
        "rekening."
    ),
)

NAZORG_V1 = p(
    "Na een incident neemt {bestuursvoorzitter} of {griffier} binnen enkele dagen contact met "
    "u op. U kunt altijd praten met {vertrouwenspersoon} ({vertrouwenspersoon_telefoon}) of "
    "anoniem met de Vertrouwenslijn ({vertrouwenslijn})."
)
NAZORG_V2 = NAZORG_V1 + p(
    "Let op vermijdingsgedrag: gaat u bepaalde vergaderingen, onderwerpen of een nieuwe "
    "termijn uit de weg? Bespreek het; ook uw naasten kunnen op steun rekenen."
)

COMMUNICATIE = text(
    "communicatie",
    "optioneel",
    "Communicatie",
    p(
        "We bepalen samen met u of een incident naar buiten wordt gebracht. Eén woordvoerder "
        "spreekt namens {organisatie}; persoonlijke gegevens van u en uw naasten blijven buiten "
        "elke verklaring. Contact: {communicatie}, {communicatie_telefoon}."
    ),
)

ROLLEN = {
    "type": "roles",
    "id": "rollen",
    "value": {
        "mode": "aanpasbaar",
        "heading": "Rollen en verantwoordelijkheden",
        "intro": "",
        "roles": [
            {
                "role": "Ambtsdrager",
                "tasks": p(
                    "Kent dit protocol en de nummers, meldt elk "
                    "incident en zorgt eerst voor de eigen veiligheid."
                ),
            },
            {
                "role": "{bestuursvoorzitter}",
                "tasks": p(
                    "Eerstverantwoordelijk voor de veiligheid "
                    "van het bestuur; besluit over maatregelen "
                    "richting de dader."
                ),
            },
            {
                "role": "{griffier}",
                "tasks": p(
                    "Meldpunt voor ambtsdragers; registreert, "
                    "ondersteunt bij aangifte en regelt nazorg."
                ),
            },
            {
                "role": "Veiligheidscoördinator",
                "tasks": p(
                    "Schat risico's in, onderhoudt het contact met politie en OM en volgt de zaak."
                ),
            },
            {
                "role": "Vertrouwenspersoon",
                "tasks": p("Biedt een luisterend oor en verwijst door naar hulp."),
            },
            {
                "role": "Communicatieadviseur",
                "tasks": p("Bereidt een verklaring voor en beschermt de privacy van betrokkenen."),
            },
        ],
    },
}

EVALUATIE = text(
    "evaluatie",
    "vast",
    "Evaluatie",
    p(
        "Elk incident wordt na afloop met u geëvalueerd. {organisatie} bespreekt dit protocol "
        "elk jaar en aan het begin van elke bestuurstermijn, en past het zo nodig aan."
    ),
)

CONTACTEN = {
    "type": "contacts",
    "id": "contacten",
    "value": {
        "mode": "vast",
        "heading": "Contactgegevens",
        "intro": p("Bewaar deze nummers in uw telefoon."),
    },
}


def _body(aangifte: str, nazorg: str, with_evaluation: bool) -> list[dict]:
    body = [
        INLEIDING,
        UITGANGSPUNTEN,
        REIKWIJDTE,
        BEGRIPPEN,
        PREVENTIE,
        MELDEN,
        text("aangifte", "vast", "Aangifte", aangifte),
        LADDER,
        SCHADE,
        text("nazorg", "aanpasbaar", "Nazorg", nazorg),
        COMMUNICATIE,
        ROLLEN,
    ]
    if with_evaluation:
        body.append(EVALUATIE)
    return [*body, CONTACTEN]


TEMPLATE_V1 = _body(AANGIFTE_V1, NAZORG_V1, with_evaluation=False)
TEMPLATE_V2 = _body(AANGIFTE_V2, NAZORG_V2, with_evaluation=True)

# Voorbeeldstad rewrites the adaptable section on reporting.
VOORBEELDSTAD_MELDEN = p(
    "Bent u in acuut gevaar? Bel 112. Meld daarna elk incident bij het meldpunt van de griffie "
    "van Voorbeeldstad of bij {veiligheidscoordinator} ({veiligheidscoordinator_telefoon}). "
    "Buiten kantoortijd belt u de piketdienst van de burgemeester via de receptie.",
    "De griffie registreert elke melding en bespreekt incidenten vertrouwelijk met de "
    "fractievoorzitters in het presidium.",
)
