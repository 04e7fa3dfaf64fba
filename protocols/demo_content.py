"""Text of the national template Agressieprotocol (our own Dutch prose, after domain.md and the
seeds). One template fits gemeenten, provincies and waterschappen: wording that differs per kind
of organisation is a placeholder (protocols.placeholders).

TEMPLATE_V1 is an older version (no ELA paragraph, shorter nazorg, no evaluation section), so
the demo can show a protocol that is behind the current template.
"""

from __future__ import annotations


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def h3(heading: str) -> str:
    return f"<h3>{heading}</h3>"


TEMPLATE_TITLE = "Agressieprotocol voor politieke ambtsdragers (landelijk sjabloon)"
TEMPLATE_INTRO = p(
    "Dit sjabloon helpt gemeenten, provincies en waterschappen om snel een eigen "
    "agressieprotocol voor hun politieke ambtsdragers vast te stellen. Vaste secties gelden "
    "overal; aanpasbare secties vult elke organisatie aan met haar eigen afspraken."
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
        "aan om besluiten te nemen, raken aan de integriteit van het bestuur en ondermijnen het "
        "vertrouwen in de democratie.",
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
        "wil aanjagen, is dat niet. Op agressie volgt altijd een passende reactie namens "
        "{organisatie}.",
        "Wij tolereren geen agressie tegen ambtsdragers of hun naasten.",
        "<b>U meldt elk incident intern</b>, ook als het klein lijkt. Daarna spreken we samen af "
        "wat er gebeurt.",
        "{Organisatie} neemt de regie: u staat er niet alleen voor.",
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
        "inwoner, een groep, een bedrijf of organisatie, of een andere ambtsdrager is.",
    ),
)


def term(name: str, kind: str, description: str) -> dict:
    return {"term": name, "kind": kind, "description": p(description)}


BEGRIPPEN = {
    "type": "definitions",
    "id": "begrippen",
    "value": {
        "mode": "vast",
        "heading": "Begrippen",
        "intro": p(
            "<b>Emotioneel gedrag</b> mag: klagen, een besluit bekritiseren, om een uitzondering "
            "vragen. Het is van korte duur en laat zich bijsturen. <b>Grensoverschrijdend "
            "gedrag</b> niet: boosheid die aanhoudt, herhaalde beledigingen, gedrag dat doorgaat "
            "nadat het is benoemd, en alles wat bedoeld is om angst, wanorde of schade te "
            "veroorzaken. Deze soorten grensoverschrijdend gedrag onderscheiden we."
        ),
        "terms": [
            term(
                "Verbale agressie",
                "verbaal",
                "Schelden, beledigen, kleineren of schreeuwen, in persoon of op afstand.",
            ),
            term(
                "Intimidatie",
                "intimidatie",
                "Gedrag dat u onder druk zet of bang wil maken, zonder dat er een concrete "
                "bedreiging wordt geuit: opwachten, dreigend aanstaren, steeds opnieuw "
                "aandringen.",
            ),
            term(
                "Bedreiging",
                "bedreiging",
                "Het aankondigen van geweld of schade, direct of indirect, mondeling, schriftelijk "
                "of online, ook als het gericht is aan uw naasten.",
            ),
            term(
                "Discriminatie",
                "discriminatie",
                "Kwetsende uitingen of achterstelling vanwege afkomst, geloof, gender, seksuele "
                "oriëntatie, handicap of een andere grond.",
            ),
            term(
                "Online haat, bedreiging en doxing",
                "online",
                "Haatdragende of bedreigende berichten op sociale media, per e-mail of in "
                "berichtenapps, en doxing: het verspreiden van uw persoonsgegevens, zoals uw "
                "woonadres, om u of uw naasten te intimideren. Doxing is sinds 1 januari 2024 "
                "strafbaar.",
            ),
            term(
                "Stalking en belaging",
                "stalking",
                "Herhaaldelijk en stelselmatig achtervolgen, benaderen of in de gaten houden, "
                "in persoon of online.",
            ),
            term(
                "Vernieling",
                "vernieling",
                "Opzettelijk beschadigen of vernielen van eigendommen van u, uw naasten of de "
                "organisatie, zoals uw woning, auto of bedrijfspand.",
            ),
            term(
                "Fysiek geweld",
                "fysiek",
                "Duwen, slaan, schoppen, vastpakken, bespugen of iets naar u gooien; in het "
                "uiterste geval gijzeling.",
            ),
            term(
                "Ongewenst bezoek aan huis",
                "huisbezoek",
                "Iemand verschijnt onaangekondigd bij uw woning om u aan te spreken over uw "
                "werk als ambtsdrager, alleen of met een groep.",
            ),
            term(
                "Verstoring van een vergadering",
                "verstoring",
                "Gedrag dat een openbare vergadering of bijeenkomst ontregelt: herhaald "
                "roepen, het woord nemen zonder het te krijgen, de orde niet herstellen na een "
                "waarschuwing van de voorzitter.",
            ),
        ],
    },
}

PREVENTIE = text(
    "preventie",
    "aanpasbaar",
    "Voorkomen",
    ul(
        "We maken een risicoanalyse: algemeen, per beleidsterrein en zo nodig per persoon. Bij "
        "gevoelige besluiten en bijeenkomsten maken we vooraf een operationele risicoanalyse.",
        "U krijgt een training in het herkennen en afbuigen van agressie, ook online.",
        "Vergaderzalen en spreekkamers hebben een alarmknop en een vrije uitweg; bij openbare "
        "bijeenkomsten zijn de bode en zo nodig beveiliging aanwezig.",
        "We helpen u uw woonadres af te schermen in openbare registers en uw online "
        "aanwezigheid veilig in te richten.",
        "We bespreken agressie openlijk in {volksvertegenwoordiging} en {dagelijks_bestuur}, "
        "zodat niemand het voor zich houdt.",
    ),
)

ONLINE = text(
    "online",
    "aanpasbaar",
    "Online agressie en doxing",
    p(
        "Online haat en bedreiging zijn net zo ernstig als agressie op straat. Wat u doet:",
    )
    + ul(
        "<b>Bewijs vastleggen.</b> Maak schermafbeeldingen met datum, tijd, de naam van het "
        "account en de link naar het bericht, voordat u iets meldt, blokkeert of verwijdert. "
        "Bewaar berichten ook in de oorspronkelijke app of mailbox.",
        "<b>Niet inhoudelijk reageren.</b> Ga niet in discussie met de afzender; blokkeren mag "
        "nadat het bewijs is vastgelegd.",
        "<b>Melden bij het platform.</b> Meld strafbare of onrechtmatige berichten via de "
        "meldfunctie van het platform en noteer wanneer u dat deed en wat het platform "
        "antwoordde. {Organisatie} helpt u daarbij.",
        "<b>Intern melden en aangifte.</b> Meld het bij {meldpunt}. Bij bedreiging, doxing of "
        "een ander strafbaar feit doet u aangifte; het vastgelegde bewijs gaat mee.",
    ),
)

THUIS = text(
    "thuis",
    "aanpasbaar",
    "Veiligheid thuis",
    p(
        "Dreiging bij uw woning of tegen uw gezin vraagt om snelle maatregelen. "
        "{Veiligheidscoordinator} bekijkt met u en de politie wat nodig is, van betere sloten "
        "en verlichting tot een camera of alarm.",
        "Als decentrale politieke ambtsdrager kunt u een vergoeding krijgen voor preventieve "
        "beveiligingsmaatregelen aan uw woning. Voor de Commissaris van de Koning en "
        "gedeputeerden vergoedt de ministeriële regeling (Staatscourant 2020, 49908) de "
        "werkelijke kosten tot EUR 2.400 inclusief btw, eenmaal per woonadres, als de woning een "
        "geldig certificaat Politiekeurmerk Veilig Wonen heeft. Vraag {secretaris} welke "
        "regeling voor u geldt.",
        "Over zwaardere maatregelen, zoals persoonsbeveiliging, besluit {beveiligingsoverleg}.",
    ),
)

TIJDENS = text(
    "tijdens",
    "vast",
    "Tijdens een incident",
    h3("Uw veiligheid eerst")
    + p(
        "<b>Bent u of is iemand anders in acuut gevaar? Bel direct 112.</b> Ga weg als dat kan, "
        "zoek een afsluitbare ruimte of andere mensen op. Uw eigen veiligheid gaat voor alles."
    )
    + h3("De-escaleren")
    + ul(
        "Blijf rustig, praat langzaam en laat de ander uitpraten.",
        "Benoem het gedrag en geef de grens aan: ‘Ik wil met u praten, maar niet op deze manier.’",
        "Beloof niets onder druk; zeg dat u er later op terugkomt.",
        "Houd afstand en zorg dat u de ruimte kunt verlaten.",
    )
    + h3("Alarm slaan")
    + p(
        "Gebruik de alarmknop in de vergaderzaal of spreekkamer, of waarschuw de bode of de "
        "beveiliging. Spreek met collega's een codewoord af waarmee u om hulp vraagt."
    )
    + h3("Wie belt u")
    + ul(
        "Acuut gevaar: 112.",
        "Geen spoed, wel de politie nodig: 0900-8844.",
        "Zo snel mogelijk daarna: {meldpunt} of {veiligheidscoordinator} "
        "({veiligheidscoordinator_telefoon}).",
    )
    + h3("Onthoud de dader")
    + p(
        "Let op geslacht, leeftijd, lengte, kleding, opvallende kenmerken, een voertuig en "
        "kenteken, en de richting waarin iemand vertrekt. Schrijf zo snel mogelijk op wat er "
        "letterlijk werd gezegd, met tijd en plaats, en wie er getuige was."
    )
    + h3("In een vergadering")
    + p(
        "De voorzitter spreekt de verstoorder aan, schorst zo nodig de vergadering en kan "
        "iemand laten verwijderen; de bode en de beveiliging voeren dat uit. Blijf zelf op uw "
        "plaats en laat het optreden aan de voorzitter."
    )
    + h3("Aan de telefoon")
    + p(
        "Wordt iemand grof of dreigend, benoem dan het gedrag en waarschuw één keer dat u het "
        "gesprek beëindigt. Gaat het door, hang dan op. Noteer tijd, nummer en de letterlijke "
        "woorden. Bij een bedreiging: onthoud zo veel mogelijk en bel daarna de politie."
    )
    + h3("Daarna")
    + p("Meld het incident altijd intern, ook als het goed afliep."),
)

MELDEN = text(
    "melden",
    "aanpasbaar",
    "Melden en registreren",
    p(
        "Meld daarna elk incident zo snel mogelijk, ook als het klein lijkt. Bij wie, hangt af "
        "van uw functie:"
    )
    + ul(
        "Bent u {volksvertegenwoordiger}? Meld het bij {melden_volksvertegenwoordiger}.",
        "Bent u {dagelijks_bestuurder}? Meld het bij {melden_dagelijks_bestuurder}.",
        "Bent u {bestuursvoorzitter_functie}? Meld het bij {melden_bestuursvoorzitter} en "
        "{veiligheidscoordinator}.",
        "Is de dader een collega-ambtsdrager of een ambtenaar? Dan volgt de melding de "
        "integriteitsroute: {griffier}, {bestuursvoorzitter} als voorzitter, of "
        "{vertrouwenspersoon}.",
    )
    + p(
        "U kunt ook melden met het meldformulier op deze website. {Meldpunt} registreert elke "
        "melding vertrouwelijk. Alleen wie een taak heeft in de afhandeling kan haar inzien; "
        "het presidium of de fractievoorzitters worden alleen vertrouwelijk geïnformeerd, en "
        "alleen als dat nodig is.",
        "Leg vast wat er gebeurde: tijd, plaats, de letterlijke woorden, getuigen, en "
        "schermafbeeldingen met datum en link. Incidenten worden zonder namen regelmatig "
        "besproken in {dagelijks_bestuur} en het presidium, zodat een beeld ontstaat.",
    ),
)

AANGIFTE_V1 = p(
    "Bij elk strafbaar feit raden wij aangifte aan. {Organisatie} ondersteunt u daarbij of "
    "doet zelf aangifte als werkgever.",
    "U kunt aangifte doen op het adres van {organisatie} in plaats van uw huisadres, zodat uw "
    "woonadres niet in het dossier komt.",
)
AANGIFTE_V2 = p(
    "Doe aangifte van elk strafbaar feit, en altijd bij bedreiging en fysiek geweld. "
    "{Organisatie} ondersteunt u daarbij; als werkgever kan {organisatie} ook zelf aangifte "
    "doen. Doe aangifte zo snel mogelijk, bij voorkeur binnen twee werkdagen.",
) + (
    h3("Eenduidige Landelijke Afspraken (ELA)")
    + p(
        "Politie en Openbaar Ministerie hebben in de Eenduidige Landelijke Afspraken (ELA) "
        "vastgelegd hoe zij agressie tegen mensen met een publieke taak aanpakken, ook tegen "
        "politieke ambtsdragers. Een aangifte wordt altijd opgenomen, de zaak krijgt voorrang "
        "bij opsporing en vervolging, en het Openbaar Ministerie eist in principe een 200% "
        "zwaardere straf dan bij hetzelfde feit tegen een ander. Die verzwaring geldt ook als de "
        "agressie uw gezinsleden treft. U en {organisatie} worden op de hoogte gehouden van de "
        "voortgang.",
    )
    + h3("Vraag om de VPT-code")
    + p(
        "De afspraken gelden alleen als de politie de zaak registreert met de code Veilige "
        "Publieke Taak (VPT). Zeg bij de aangifte dat u politiek ambtsdrager bent en vraag "
        "uitdrukkelijk om de VPT-code.",
    )
    + h3("Uw woonadres blijft buiten het dossier")
    + p(
        "De verdachte kan het dossier later inzien. Geef daarom als domicilieadres het adres "
        "van {organisatie} op, of dat van Slachtofferhulp Nederland. Bij ernstige dreiging kunt "
        "u in overleg met politie en Openbaar Ministerie aangifte doen onder nummer: dan staat "
        "er een nummer in het dossier in plaats van uw naam.",
    )
)


def step(title: str, description: str, kinds: list[str], decided_by: str) -> dict:
    return {"title": title, "description": p(description), "kinds": kinds, "decided_by": decided_by}


LADDER = {
    "type": "ladder",
    "id": "maatregelen",
    "value": {
        "mode": "aanpasbaar",
        "heading": "Maatregelen richting de dader",
        "intro": p(
            "We kiezen een maatregel die past bij de ernst van het gedrag, van licht naar zwaar. "
            "Elke beperkende maatregel wordt gemotiveerd, is evenredig, heeft een vaste duur en "
            "wordt aan de betrokkene meegedeeld. Kritiek op een besluit is nooit een reden voor "
            "een maatregel."
        ),
        "steps": [
            step(
                "Gedrag benoemen en de-escaleren",
                "Spreek het gedrag direct aan. Beëindig een telefoongesprek na één waarschuwing.",
                ["verbaal", "intimidatie", "discriminatie", "verstoring"],
                "De ambtsdrager zelf, of de voorzitter van de vergadering",
            ),
            step(
                "Interne melding en registratie",
                "Elk incident wordt gemeld en geregistreerd, ook als het bij een waarschuwing "
                "blijft. Zo wordt herhaling zichtbaar.",
                [],
                "De ambtsdrager; {meldpunt} registreert",
            ),
            step(
                "Waarschuwingsbrief of ordegesprek binnen 48 uur",
                "Een snelle reactie maakt duidelijk waar de grens ligt. Een gesprek over het "
                "gedrag heeft de voorkeur boven een brief.",
                ["verbaal", "intimidatie", "discriminatie", "online", "verstoring"],
                "{Bestuursvoorzitter}",
            ),
            step(
                "Contactbeperking",
                "Contact alleen nog schriftelijk of via één vaste contactpersoon, voor een "
                "vaste periode.",
                ["intimidatie", "stalking", "huisbezoek", "online"],
                "{Bestuursvoorzitter}",
            ),
            step(
                "Toegangsverbod of uitsluiting van vergaderingen",
                "Een verbod om de gebouwen te betreden of vergaderingen bij te wonen, "
                "bijvoorbeeld voor drie maanden. Dit is een formeel besluit waartegen bezwaar "
                "openstaat.",
                ["bedreiging", "fysiek", "verstoring", "vernieling"],
                "{Bestuursvoorzitter}",
            ),
            step(
                "Aangifte",
                "Altijd bij bedreiging en fysiek geweld, met de VPT-code.",
                ["bedreiging", "fysiek", "online", "stalking", "vernieling", "discriminatie"],
                "De ambtsdrager, of {organisatie} als werkgever",
            ),
            step(
                "Schadeverhaal",
                "De schade wordt verhaald op de dader: als benadeelde partij in de strafzaak of "
                "met een civiele vordering.",
                ["vernieling", "fysiek"],
                "De ambtsdrager, met steun van {organisatie}",
            ),
            step(
                "Stopgesprek door de politie",
                "De politie spreekt de dader aan op zijn gedrag en maakt duidelijk dat het moet "
                "stoppen, ook als (nog) geen vervolging volgt.",
                ["intimidatie", "bedreiging", "stalking", "online", "huisbezoek"],
                "De politie",
            ),
            step(
                "Halt bij minderjarigen",
                "Jongeren van 12 tot 18 jaar kunnen bij een lichter strafbaar feit naar Halt "
                "worden verwezen: excuses, herstel van de schade en een leerstraf.",
                ["verbaal", "vernieling", "online", "discriminatie"],
                "De politie of een boa",
            ),
            step(
                "Gebiedsverbod",
                "Een verbod om in de buurt van uw woning of het gemeentehuis, provinciehuis of "
                "waterschapshuis te komen, voor een vaste periode.",
                ["stalking", "huisbezoek", "bedreiging", "intimidatie"],
                "De burgemeester van de gemeente waar het verbod geldt, of de officier van "
                "justitie",
            ),
            step(
                "Beveiligingsmaatregelen",
                "Bijvoorbeeld een camera of alarm bij uw woning, of persoonlijke beveiliging.",
                ["bedreiging", "huisbezoek", "fysiek", "stalking"],
                "{Beveiligingsoverleg}",
            ),
        ],
    },
}

SCHADE = text(
    "schadeverhaal",
    "aanpasbaar",
    "Sancties en schadeverhaal",
    p(
        "Schade aan uw eigendommen of letselschade verhalen we op de dader. {Organisatie} helpt "
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
NAZORG_V2 = p(
    "Nog dezelfde dag neemt {bestuursvoorzitter} of {griffier} contact met u op. Binnen een "
    "week volgt een gesprek over hoe het met u en uw naasten gaat, en na een maand nog een.",
    "U kunt altijd praten met {vertrouwenspersoon} ({vertrouwenspersoon_telefoon}), anoniem "
    "met de Vertrouwenslijn ({vertrouwenslijn}), met collega's van {ondersteuningsteam} via uw "
    "beroepsvereniging, of met Slachtofferhulp Nederland. Ook uw partner en kinderen kunnen op "
    "steun rekenen.",
    "Let op vermijdingsgedrag: gaat u bepaalde vergaderingen, onderwerpen of een nieuwe "
    "termijn uit de weg? Bespreek het; collega's letten er ook op bij elkaar.",
)

COMMUNICATIE = text(
    "communicatie",
    "aanpasbaar",
    "Communicatie",
    p(
        "We bepalen samen met u of een incident naar buiten wordt gebracht. Eén woordvoerder "
        "spreekt namens {organisatie}; bij vragen van de pers is er binnen korte tijd een "
        "eerste reactie. Persoonlijke gegevens van u en uw naasten blijven buiten elke "
        "verklaring. Contact: {communicatie} ({communicatie_telefoon})."
    ),
)


def role(name: str, tasks: str) -> dict:
    return {"role": name, "tasks": p(tasks)}


ROLLEN = {
    "type": "roles",
    "id": "rollen",
    "value": {
        "mode": "aanpasbaar",
        "heading": "Rollen en verantwoordelijkheden",
        "intro": "",
        "roles": [
            role(
                "Ambtsdrager",
                "Kent dit protocol en de nummers, zorgt eerst voor de eigen veiligheid, meldt "
                "elk incident en legt bewijs vast.",
            ),
            role(
                "{Bestuursvoorzitter_functie}",
                "Eerstverantwoordelijk voor de veiligheid van het bestuur; zet de norm op de "
                "agenda, leidt bij acute situaties, besluit over maatregelen richting de dader "
                "en maakt afspraken met politie en Openbaar Ministerie.",
            ),
            role(
                "{Griffier_functie}",
                "Beheert {meldpunt}: registreert, ondersteunt bij aangifte, regelt nazorg, "
                "informeert nieuwe leden over dit protocol en signaleert risicovolle "
                "vergaderingen.",
            ),
            role(
                "{Secretaris_functie}",
                "Zorgt voor de ambtelijke organisatie achter dit protocol: budget, training en "
                "registratie; aanspreekpunt bij escalatie; rapporteert jaarlijks de cijfers.",
            ),
            role(
                "Fractievoorzitters en presidium",
                "Bespreken agressie in hun fractie, letten op vermijdingsgedrag en worden "
                "vertrouwelijk geïnformeerd als een incident hun leden raakt.",
            ),
            role(
                "Veiligheidscoördinator",
                "Maakt risicoanalyses, adviseert over veiligheid thuis, onderhoudt het contact "
                "met politie, Openbaar Ministerie en NCTV en volgt de zaak.",
            ),
            role(
                "Vertrouwenspersoon",
                "Biedt een luisterend oor, ook aan naasten, en verwijst door naar hulp.",
            ),
            role(
                "Communicatieadviseur",
                "Bereidt een verklaring voor, ondersteunt de woordvoerder en beschermt de "
                "privacy van betrokkenen.",
            ),
            role(
                "Bode en beveiliging",
                "Zijn aanwezig bij openbare vergaderingen, reageren op de alarmknop en voeren "
                "de aanwijzingen van de voorzitter uit.",
            ),
        ],
    },
}

EVALUATIE = text(
    "evaluatie",
    "vast",
    "Evaluatie",
    p(
        "Elk incident wordt na afloop met u nabesproken en geëvalueerd. {Organisatie} "
        "evalueert de werking van dit protocol elk jaar aan de hand van de incidenten en "
        "herijkt de uitgangspunten aan het begin van elke zittings- of bestuurstermijn. Een "
        "gewijzigd protocol wordt opnieuw vastgesteld."
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
        TIJDENS,
        MELDEN,
        text("aangifte", "vast", "Aangifte", aangifte),
        LADDER,
        SCHADE,
        ONLINE,
        THUIS,
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
    "Meld elk incident bij het meldpunt van de griffie van Voorbeeldstad of bij "
    "{veiligheidscoordinator} ({veiligheidscoordinator_telefoon}). Buiten kantoortijd belt u "
    "de piketdienst van de burgemeester via de receptie.",
    "De griffie registreert elke melding en bespreekt incidenten vertrouwelijk met de "
    "fractievoorzitters in het presidium.",
)

# Voorbeeldwaarden widened the scope after its protocol was adopted (changed since adoption).
VOORBEELDWAARDEN_REIKWIJDTE = REIKWIJDTE["value"]["text"] + p(
    "Het protocol geldt ook voor de leden van de commissies van het algemeen bestuur en voor "
    "de fractieassistenten."
)
