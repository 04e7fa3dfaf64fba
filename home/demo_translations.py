"""English and Frisian translations of the demo's national pages through wagtail-localize: the
national home, the pages in its menu (organisations, toolkit, Stappenplan, checklist) and the
national toolkit resources. Runs after every app's demo content (load_demo); idempotent.

Slugs are not translated, so a page has the same address in every language (/en/organisaties/,
/fy/toolkit/). The Frisian texts were drafted without a native speaker and are to be reviewed
by one (Fryske Akademy / Afûk) before publication.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Locale, Page

from .localize import translate_page
from .models import HomePage, OrganisationIndexPage

# Dutch source segment -> (English, Frisian).
TEXTS: dict[str, tuple[str, str]] = {
    # National home and its menu.
    "Veilig Bestuur": ("Safe Governance", "Feilich Bestjoer"),
    "Politieke ambtsdragers moeten hun werk kunnen doen zonder intimidatie of geweld. Hier vindt "
    "u het agressieprotocol van uw organisatie, de Toolkit Veilig Bestuur en de plek om een "
    "incident te melden.": (
        "Political office holders must be able to do their work free from intimidation and "
        "violence. Here you find your organisation's aggression protocol, the Safe Governance "
        "toolkit and the place to report an incident.",
        "Politike amtsdragers moatte harren wurk dwaan kinne sûnder yntimidaasje of geweld. "
        "Hjir fine jo it agresjeprotokol fan jo organisaasje, de Toolkit Feilich Bestjoer en it "
        "plak om in ynsidint te melden.",
    ),
    "Agressie en intimidatie horen nooit bij het ambt. Meld elk incident bij uw eigen "
    "organisatie, ook als het klein lijkt: zo ontstaat een beeld en kan er worden ingegrepen.": (
        "Aggression and intimidation are never part of the job. Report every incident to your "
        "own organisation, however small it seems: that builds a picture and makes action "
        "possible.",
        "Agresje en yntimidaasje hearre nea by it amt. Meld elk ynsidint by jo eigen "
        "organisaasje, ek as it lyts liket: sa ûntstiet der in byld en kin der yngrepen wurde.",
    ),
    "Organisaties": ("Organisations", "Organisaasjes"),
    "Toolkit Veilig Bestuur": ("Safe Governance toolkit", "Toolkit Feilich Bestjoer"),
    "Hulpmiddelen voor politieke ambtsdragers en hun organisaties om intimidatie, agressie en "
    "geweld te voorkomen en goed af te handelen. Filter op soort, doelgroep en moment.": (
        "Resources for political office holders and their organisations to prevent "
        "intimidation, aggression and violence and to deal with it well. Filter by type, "
        "audience and moment.",
        "Helpmiddels foar politike amtsdragers en harren organisaasjes om yntimidaasje, agresje "
        "en geweld foar te kommen en goed ôf te hanneljen. Filterje op soarte, doelgroep en "
        "momint.",
    ),
    "Stappenplan Veilig Bestuur": (
        "Safe Governance step-by-step plan",
        "Stappeplan Feilich Bestjoer",
    ),
    "Wat kunt u doen voor, tijdens en na een incident? Kies uw rol en het moment. De stappen "
    "zijn ons vertrekpunt op basis van de Leidraad Veilig Bestuur; de landelijke redactie werkt "
    "ze verder uit.": (
        "What can you do before, during and after an incident? Choose your role and the moment. "
        "The steps are our starting point based on the Leidraad Veilig Bestuur (Safe Governance "
        "guideline); the national editors are developing them further. The steps themselves are "
        "in Dutch.",
        "Wat kinne jo dwaan foar, ûnder en nei in ynsidint? Kies jo rol en it momint. De "
        "stappen binne ús útgongspunt op basis fan de Leidraad Veilig Bestuur; de lanlike "
        "redaksje wurket se fierder út. De stappen sels binne yn it Nederlânsk.",
    ),
    "Checklist Veilig Openbaar Bestuur": (
        "Safe Public Administration checklist",
        "Checklist Feilich Iepenbier Bestjoer",
    ),
    "De checklist volgt het stappenplan voor een veilige publieke taak: eerst voorbereiden, "
    "daarna door het jaar heen uitvoeren en controleren. Organisaties houden hun voortgang bij "
    "in de beheeromgeving.": (
        "The checklist follows the step-by-step plan for a safe public task: first prepare, "
        "then carry out and check throughout the year. Organisations keep track of their "
        "progress in the admin. The checklist items are in Dutch.",
        "De checklist folget it stappeplan foar in feilige publike taak: earst tariede, dêrnei "
        "troch it jier hinne útfiere en kontrolearje. Organisaasjes hâlde harren fuortgong by "
        "yn de behearomjouwing. De punten fan de checklist binne yn it Nederlânsk.",
    ),
    # National toolkit resources.
    "Leidraad Veilig Bestuur": (
        "Leidraad Veilig Bestuur (Safe Governance guideline)",
        "Leidraad Veilig Bestuur (rjochtline Feilich Bestjoer)",
    ),
    "Het basisdocument van de toolkit: een samenhangende aanpak van intimidatie, agressie en "
    "geweld tegen bestuurders en volksvertegenwoordigers, met een stappenplan per rol.": (
        "The toolkit's core document: a coherent approach to intimidation, aggression and "
        "violence against administrators and elected representatives, with a step-by-step plan "
        "per role.",
        "It basisdokumint fan de toolkit: in gearhingjende oanpak fan yntimidaasje, agresje en "
        "geweld tsjin bestjoerders en folksfertsjintwurdigers, mei in stappeplan per rol.",
    ),
    "Het Nederlands Genootschap van Burgemeesters en het ministerie van BZK stelden de leidraad "
    "samen. Hij laat zien wat een organisatie vooraf regelt, wat er tijdens een incident "
    "gebeurt en hoe afhandeling en nazorg verlopen, en beantwoordt vragen als: meld ik dit, wie "
    "bel ik, en is mijn woning veilig genoeg?": (
        "The Netherlands Association of Mayors and the Ministry of the Interior (BZK) compiled "
        "the guideline. It shows what an organisation arranges in advance, what happens during "
        "an incident and how handling and aftercare proceed, and answers questions such as: do "
        "I report this, whom do I call, and is my home safe enough?",
        "It Nederlands Genootschap van Burgemeesters en it ministearje fan BZK hawwe de "
        "rjochtline gearstald. Hy lit sjen wat in organisaasje foarôf regelet, wat der ûnder in "
        "ynsidint bart en hoe't ôfhanneling en neisoarch ferrinne, en beantwurdet fragen as: "
        "meld ik dit, wa skilje ik, en is myn hûs feilich genôch?",
    ),
    "Bij de leidraad hoort een stappenplan dat per rol laat zien wat u zelf kunt doen.": (
        "The guideline comes with a step-by-step plan that shows per role what you can do "
        "yourself.",
        "By de rjochtline heart in stappeplan dat per rol sjen lit wat jo sels dwaan kinne.",
    ),
    "Stappenplan per rol": ("Step-by-step plan per role", "Stappeplan per rol"),
    "Kies uw rol en het moment – voor, tijdens of na een incident – en zie welke stappen u kunt "
    "zetten, met de hulpmiddelen die daarbij helpen.": (
        "Choose your role and the moment – before, during or after an incident – and see which "
        "steps you can take, with the resources that help.",
        "Kies jo rol en it momint – foar, ûnder of nei in ynsidint – en sjoch hokker stappen jo "
        "sette kinne, mei de helpmiddels dy't dêrby helpe.",
    ),
    "Het stappenplan hoort bij de Leidraad Veilig Bestuur en staat als interactieve pagina op "
    "deze site.": (
        "The step-by-step plan belongs to the Leidraad Veilig Bestuur and is an interactive "
        "page on this site.",
        "It stappeplan heart by de Leidraad Veilig Bestuur en stiet as ynteraktive side op dizze "
        "webside.",
    ),
    '<a id="a1">Open het Stappenplan</a>': (
        '<a id="a1">Open the step-by-step plan</a>',
        '<a id="a1">Iepenje it stappeplan</a>',
    ),
    "Eenduidige Landelijke Afspraken (ELA)": (
        "Uniform National Agreements (ELA)",
        "Eenduidige Landelijke Afspraken (ELA)",
    ),
    "Afspraken tussen politie en Openbaar Ministerie over snelle en stevige afhandeling van "
    "agressie en geweld tegen mensen met een publieke taak, ook politieke ambtsdragers.": (
        "Agreements between the police and the Public Prosecution Service on fast and firm "
        "handling of aggression and violence against people with a public task, including "
        "political office holders.",
        "Ôfspraken tusken plysje en Iepenbier Ministearje oer flugge en stevige ôfhanneling fan "
        "agresje en geweld tsjin minsken mei in publike taak, ek politike amtsdragers.",
    ),
    "De afspraken gelden sinds 1 april 2010. Een aangifte wordt altijd opgenomen, de zaak "
    "krijgt voorrang en het OM vervolgt in beginsel. Het OM weegt het feit 200% zwaarder dan bij "
    "andere slachtoffers, ook als het gericht is tegen uw familieleden.": (
        "The agreements have applied since 1 April 2010. A police report is always taken, the "
        "case gets priority and the Public Prosecution Service prosecutes in principle. The "
        "prosecution weighs the offence 200% more heavily than for other victims, also when it "
        "is aimed at your family members.",
        "De ôfspraken jilde sûnt 1 april 2010. In oanjefte wurdt altyd opnommen, de saak kriget "
        "foarrang en it OM ferfolget yn prinsipe. It OM weaget it feit 200% swierder as by oare "
        "slachtoffers, ek as it rjochte is tsjin jo famyljeleden.",
    ),
    "De afspraken gelden alleen als de politie de zaak markeert met de <strong>VPT-code</strong>"
    ": noem bij de aangifte uw functie en vraag om die code. Geef het adres van uw organisatie "
    "op in plaats van uw huisadres (domicilie), of doe in overleg met politie en OM aangifte "
    "onder nummer. Uw organisatie mag als werkgever ook zelf aangifte doen.": (
        "The agreements only apply if the police mark the case with the <strong>VPT code"
        "</strong>: state your position when filing the report and ask for that code. Give your "
        "organisation's address instead of your home address (domicile), or, in consultation "
        "with the police and the prosecution, file the report under a number. Your organisation "
        "may also file the report itself as employer.",
        "De ôfspraken jilde allinnich as de plysje de saak markearret mei de <strong>VPT-koade"
        "</strong>: neam by de oanjefte jo funksje en freegje om dy koade. Jou it adres fan jo "
        "organisaasje op yn stee fan jo hûsadres (domisylje), of doch yn oerlis mei plysje en "
        "OM oanjefte ûnder nûmer. Jo organisaasje mei as wurkjouwer ek sels oanjefte dwaan.",
    ),
    "Format agressieprotocol voor politieke ambtsdragers": (
        "Aggression protocol format for political office holders",
        "Format agresjeprotokol foar politike amtsdragers",
    ),
    "Het landelijke format waarmee u het agressieprotocol van uw eigen gemeente, provincie of "
    "waterschap opstelt, met maatregelen bij verbale en fysieke agressie.": (
        "The national format for drawing up the aggression protocol of your own municipality, "
        "province or water authority, with measures for verbal and physical aggression.",
        "It lanlike format wêrmei't jo it agresjeprotokol fan jo eigen gemeente, provinsje of "
        "wetterskip opstelle, mei maatregels by ferbale en fysike agresje.",
    ),
    "Het format gaat uit van de organisatienorm: emotie mag, agressie niet, en op agressie "
    "volgt altijd een passende reactie. Het beschrijft uitgangspunten, melden en registreren, "
    "aangifte, maatregelen tegen de dader en nazorg. Neem de maatregelen als vertrekpunt en pas "
    "ze aan uw organisatie aan. Op dit platform vindt u de uitwerking als landelijk sjabloon "
    "voor het protocol van uw organisatie.": (
        "The format starts from the organisational norm: emotion is allowed, aggression is not, "
        "and aggression is always followed by a fitting response. It describes principles, "
        "reporting and recording, police reports, measures against the offender and aftercare. "
        "Take the measures as a starting point and adapt them to your organisation. On this "
        "platform you find them worked out as a national template for your organisation's "
        "protocol.",
        "It format giet út fan de organisaasjenoarm: emoasje mei, agresje net, en op agresje "
        "folget altyd in passende reaksje. It beskriuwt útgongspunten, melden en registrearjen, "
        "oanjefte, maatregels tsjin de dieder en neisoarch. Nim de maatregels as útgongspunt en "
        "pas se oan jo organisaasje oan. Op dit platfoarm fine jo de útwurking as lanlik "
        "sjabloan foar it protokol fan jo organisaasje.",
    ),
    "Voorbeeld: agressieprotocol van de gemeente Alkmaar": (
        "Example: the aggression protocol of the municipality of Alkmaar",
        "Foarbyld: agresjeprotokol fan de gemeente Alkmaar",
    ),
    "Het agressieprotocol van de gemeente Alkmaar, dat de Toolkit Veilig Bestuur als voorbeeld "
    "noemt voor wie een eigen protocol opstelt.": (
        "The aggression protocol of the municipality of Alkmaar, which the Safe Governance "
        "toolkit names as an example for those drawing up their own protocol.",
        "It agresjeprotokol fan de gemeente Alkmaar, dat de Toolkit Veilig Bestuur as foarbyld "
        "neamt foar wa't in eigen protokol opstelt.",
    ),
    "Zie hoe een gemeente de landelijke uitgangspunten in eigen afspraken heeft vertaald. Het "
    "voorbeeld staat bij het format agressieprotocol van het Netwerk Weerbaar Bestuur.": (
        "See how a municipality has translated the national principles into its own "
        "agreements. The example is published with the aggression protocol format of the "
        "Netwerk Weerbaar Bestuur (resilient governance network).",
        "Sjoch hoe't in gemeente de lanlike útgongspunten yn eigen ôfspraken oerset hat. It "
        "foarbyld stiet by it format agresjeprotokol fan it Netwerk Weerbaar Bestuur.",
    ),
    "Voorbeeld: agressieprotocol van de gemeente Hilversum": (
        "Example: the aggression protocol of the municipality of Hilversum",
        "Foarbyld: agresjeprotokol fan de gemeente Hilversum",
    ),
    "Een tweede gemeentelijk voorbeeld van een agressieprotocol voor politieke ambtsdragers, "
    "naast dat van Alkmaar.": (
        "A second municipal example of an aggression protocol for political office holders, "
        "next to Alkmaar's.",
        "In twadde gemeentlik foarbyld fan in agresjeprotokol foar politike amtsdragers, neist "
        "dat fan Alkmaar.",
    ),
    "Vergelijk de twee voorbeelden met het format: wat regelen ze hetzelfde, en waar kiezen ze "
    "anders? Het voorbeeld staat bij het format agressieprotocol van het Netwerk Weerbaar "
    "Bestuur.": (
        "Compare the two examples with the format: what do they arrange the same way, and where "
        "do they choose differently? The example is published with the aggression protocol "
        "format of the Netwerk Weerbaar Bestuur.",
        "Ferlykje de twa foarbylden mei it format: wat regelje se itselde, en wêr kieze se "
        "oars? It foarbyld stiet by it format agresjeprotokol fan it Netwerk Weerbaar Bestuur.",
    ),
    "Stappenplan melding en aangifte voor politieke ambtsdragers": (
        "Step-by-step plan for reports and police reports for political office holders",
        "Stappeplan melding en oanjefte foar politike amtsdragers",
    ),
    "Een handreiking in negen stappen voor griffiers, secretarissen en voorzitters die een "
    "interne melding of een aangifte voor een politieke ambtsdrager oppakken.": (
        "A guide in nine steps for clerks, secretaries and chairs who take up an internal "
        "report or a police report for a political office holder.",
        "In hantlieding yn njoggen stappen foar griffiers, sekretarissen en foarsitters dy't in "
        "ynterne melding of in oanjefte foar in politike amtsdrager oppakke.",
    ),
    "Opgesteld door de ministeries van BZK en JenV met het Netwerk Weerbaar Bestuur. "
    "Uitgangspunt: melden helpt, ook bij online incidenten. Het stappenplan behandelt de "
    "melding, de aangifte bij de politie, de reactie richting de dader en de zorg voor de "
    "melder, met achtergrond over strafbare feiten en alternatieven voor een strafrechtelijke "
    "reactie.": (
        "Drawn up by the Ministries of the Interior (BZK) and Justice and Security (JenV) with "
        "the Netwerk Weerbaar Bestuur. Starting point: reporting helps, also for online "
        "incidents. The plan covers the report, the police report, the response towards the "
        "offender and care for the reporter, with background on criminal offences and "
        "alternatives to a criminal-law response.",
        "Opsteld troch de ministearjes fan BZK en JenV mei it Netwerk Weerbaar Bestuur. "
        "Útgongspunt: melden helpt, ek by online ynsidinten. It stappeplan behannelet de "
        "melding, de oanjefte by de plysje, de reaksje rjochting de dieder en de soarch foar de "
        "melder, mei eftergrûn oer strafbere feiten en alternativen foar in strafrjochtlike "
        "reaksje.",
    ),
    "Handreiking maatregelen bij bedreiging van burgemeesters en wethouders": (
        "Guide to measures when mayors and aldermen are threatened",
        "Hantlieding maatregels by bedriging fan boargemasters en wethâlders",
    ),
    "Hoe het lokale bevoegde gezag preventieve en aanvullende beveiligingsmaatregelen voor "
    "burgemeesters en wethouders afweegt en regelt.": (
        "How the competent local authority weighs and arranges preventive and additional "
        "security measures for mayors and aldermen.",
        "Hoe't it pleatslike foech hawwende gesach previntive en oanfoljende "
        "befeiligingsmaatregels foar boargemasters en wethâlders ôfweecht en regelet.",
    ),
    "De ministeries van BZK en (toen) Veiligheid en Justitie stelden de handreiking op met het "
    "Nederlands Genootschap van Burgemeesters en de Wethoudersvereniging. Zij gaat over de "
    "uitgangspunten van bewaken en beveiligen, preventieve maatregelen en wat er gebeurt bij een "
    "concrete bedreiging.": (
        "The Ministries of the Interior and (then) Security and Justice drew up the guide with "
        "the Netherlands Association of Mayors and the Association of Aldermen. It covers the "
        "principles of surveillance and protection, preventive measures and what happens in the "
        "event of a concrete threat.",
        "De ministearjes fan BZK en (doe) Feiligens en Justysje hawwe de hantlieding opsteld "
        "mei it Nederlands Genootschap van Burgemeesters en de Wethoudersvereniging. Se giet "
        "oer de útgongspunten fan bewekjen en befeiligjen, previntive maatregels en wat der "
        "bart by in konkrete bedriging.",
    ),
    "Meldapp voor ambtsdragers": ("Reporting app for office holders", "Meldapp foar amtsdragers"),
    "Met de meldapp van dit platform legt u een incident direct vast, ook onderweg, en komt de "
    "melding meteen bij het meldpunt van uw eigen organisatie terecht.": (
        "With this platform's reporting app you record an incident straight away, also on the "
        "go, and the report goes directly to your own organisation's reporting point.",
        "Mei de meldapp fan dit platfoarm lizze jo in ynsidint daliks fêst, ek ûnderweis, en "
        "komt de melding fuortendaliks by it meldpunt fan jo eigen organisaasje telâne.",
    ),
    "De meldapp gebruikt dezelfde ingang als de pagina Melden van uw organisatie op deze site. "
    "Maak na een incident zo snel mogelijk een melding, ook als het klein lijkt, en voeg "
    "schermafbeeldingen of foto's toe. Bij acuut gevaar belt u eerst 112.": (
        "The reporting app uses the same entrance as your organisation's Report page on this "
        "site. Make a report as soon as possible after an incident, even if it seems small, and "
        "add screenshots or photos. In acute danger, call 112 first.",
        "De meldapp brûkt deselde yngong as de side Melde fan jo organisaasje op dizze webside. "
        "Doch nei in ynsidint sa gau mooglik in melding, ek as it lyts liket, en foegje "
        "skermôfbyldings of foto's ta. By akuut gefaar skilje jo earst 112.",
    ),
    "Presentatie „Het hoort er gewoon bij”: maak het bespreekbaar": (
        "Presentation “It just comes with the job”: make it discussable",
        "Presintaasje „It heart der gewoan by”: meitsje it beprate",
    ),
    "Een presentatie om in raad, Staten, algemeen bestuur of college het gesprek te openen over "
    "intimidatie en agressie tegen politieke ambtsdragers.": (
        "A presentation to open the conversation about intimidation and aggression against "
        "political office holders in the council, the Provincial Council, the general board or "
        "the executive.",
        "In presintaasje om yn ried, Steaten, algemien bestjoer of kolleezje it petear te "
        "iepenjen oer yntimidaasje en agresje tsjin politike amtsdragers.",
    ),
    "Gebruik de presentatie bijvoorbeeld bij de installatie van nieuwe leden of in een besloten "
    "bijeenkomst. Het doel: het taboe doorbreken en samen een norm stellen.": (
        "Use the presentation, for example, when new members are installed or in a closed "
        "meeting. The aim: break the taboo and set a norm together.",
        "Brûk de presintaasje bygelyks by de ynstallaasje fan nije leden of yn in sletten "
        "byienkomst. It doel: it taboe trochbrekke en tegearre in noarm stelle.",
    ),
    "Vertrouwenslijn": ("Vertrouwenslijn (confidential line)", "Vertrouwenslijn"),
    "Een vertrouwelijk gesprek, desgewenst anoniem, voor ambtsdragers en hun familie die te "
    "maken hebben met intimidatie, bedreiging of geweld: bel 0800 2800 200.": (
        "A confidential conversation, anonymous if you wish, for office holders and their "
        "families facing intimidation, threats or violence: call 0800 2800 200.",
        "In fertroulik petear, as jo wolle anonym, foar amtsdragers en harren famylje dy't te "
        "krijen hawwe mei yntimidaasje, bedriging of geweld: skilje 0800 2800 200.",
    ),
    "Bel <strong>0800 2800 200</strong>. Een ervaren vertrouwenspersoon luistert, denkt mee en "
    "kan u in contact brengen met vakgenoten en ervaringsdeskundigen. De Vertrouwenslijn bestaat "
    "sinds eind 2009, in opdracht van het ministerie van BZK, en wordt uitgevoerd door NL "
    "Confidential. U belt zelf: de Vertrouwenslijn neemt geen meldingen van uw organisatie "
    "over.": (
        "Call <strong>0800 2800 200</strong>. An experienced confidential adviser listens, "
        "thinks along with you and can put you in touch with peers and people with similar "
        "experiences. The Vertrouwenslijn has existed since the end of 2009, commissioned by the "
        "Ministry of the Interior, and is run by NL Confidential. You call yourself: the "
        "Vertrouwenslijn does not take over reports from your organisation.",
        "Skilje <strong>0800 2800 200</strong>. In betûfte fertrouwenspersoan harket, tinkt mei "
        "en kin jo yn kontakt bringe mei fakgenoaten en ûnderfiningsdeskundigen. De "
        "Vertrouwenslijn bestiet sûnt ein 2009, yn opdracht fan it ministearje fan BZK, en wurdt "
        "útfierd troch NL Confidential. Jo skilje sels: de Vertrouwenslijn nimt gjin meldingen "
        "fan jo organisaasje oer.",
    ),
    "Ondersteuningsteam Weerbaar Bestuur": (
        "Ondersteuningsteam Weerbaar Bestuur (resilient governance support team)",
        "Ondersteuningsteam Weerbaar Bestuur",
    ),
    "Vakgenoten en experts op het gebied van beveiliging, rechtshulp en nazorg, bereikbaar via "
    "de beroepsverenigingen; ook voor bijeenkomsten met raad, Staten en college.": (
        "Peers and experts in security, legal aid and aftercare, reachable through the "
        "professional associations; also for meetings with the council, the Provincial Council "
        "and the executive.",
        "Fakgenoaten en saakkundigen op it mêd fan befeiliging, rjochtshelp en neisoarch, "
        "berikber fia de beropsferienings; ek foar byienkomsten mei ried, Steaten en kolleezje.",
    ),
    "Het Ondersteuningsteam bestaat sinds 2019 en is opgezet vanuit het Netwerk Weerbaar "
    "Bestuur met de beroepsverenigingen van burgemeesters, wethouders, raadsleden en "
    "Statenleden. Na een incident biedt het een vertrouwelijke steun in de rug en advies over de "
    "vervolgstappen. Vooraf komt het op verzoek langs voor een gesprek met raad of Staten en "
    "college over agressie en intimidatie.": (
        "The support team has existed since 2019 and was set up from the Netwerk Weerbaar "
        "Bestuur with the professional associations of mayors, aldermen, councillors and "
        "members of the Provincial Councils. After an incident it offers confidential support "
        "and advice on next steps. Beforehand it visits on request for a conversation with the "
        "council or Provincial Council and the executive about aggression and intimidation.",
        "It Ondersteuningsteam bestiet sûnt 2019 en is opset út it Netwerk Weerbaar Bestuur mei "
        "de beropsferienings fan boargemasters, wethâlders, riedsleden en Steateleden. Nei in "
        "ynsidint biedt it fertroulike stipe en advys oer de ferfolchstappen. Foarôf komt it op "
        "fersyk lâns foar in petear mei ried of Steaten en kolleezje oer agresje en "
        "yntimidaasje.",
    ),
    "Beveiliging van de woning en het Politiekeurmerk Veilig Wonen": (
        "Home security and the Police Secure Housing quality mark",
        "Befeiliging fan it hûs en it Politiekeurmerk Veilig Wonen",
    ),
    "Decentrale politieke ambtsdragers kunnen aanspraak maken op preventieve "
    "beveiligingsmaatregelen voor hun woning; de regeling noemt wat wordt vergoed.": (
        "Decentralised political office holders can claim preventive security measures for "
        "their home; the regulation states what is reimbursed.",
        "Desintrale politike amtsdragers kinne oanspraak meitsje op previntive "
        "befeiligingsmaatregels foar harren hûs; de regeling neamt wat fergoede wurdt.",
    ),
    "Voor de Commissaris van de Koning en gedeputeerden vergoedt de Regeling rechtspositie "
    "decentrale politieke ambtsdragers (Staatscourant 2020, 49908) de werkelijke kosten tot "
    "€ 2.400 inclusief btw, eenmaal per woonadres, als de woning een geldig certificaat van het "
    "Politiekeurmerk Veilig Wonen heeft. Uw organisatie weet welke regeling voor uw functie "
    "geldt.": (
        "For the King's Commissioner and members of the Provincial Executive, the Regulation on "
        "the legal status of decentralised political office holders (Staatscourant 2020, "
        "49908) reimburses the actual costs up to € 2,400 including VAT, once per home address, "
        "if the home has a valid Politiekeurmerk Veilig Wonen certificate. Your organisation "
        "knows which regulation applies to your position.",
        "Foar de Kommissaris fan de Kening en deputearren fergoedet de Regeling rechtspositie "
        "decentrale politieke ambtsdragers (Staatscourant 2020, 49908) de wurklike kosten oant "
        "€ 2.400 ynklusyf btw, ien kear per wenadres, as it hûs in jildich sertifikaat fan it "
        "Politiekeurmerk Veilig Wonen hat. Jo organisaasje wit hokker regeling foar jo funksje "
        "jildt.",
    ),
    'Meer over het keurmerk: <a id="a1">Politiekeurmerk Veilig Wonen</a>.': (
        'More about the quality mark: <a id="a1">Politiekeurmerk Veilig Wonen</a>.',
        'Mear oer it keurmerk: <a id="a1">Politiekeurmerk Veilig Wonen</a>.',
    ),
    "Links: waar u terechtkunt": ("Links: where to turn", "Keppelings: wêr't jo telâne kinne"),
    "De organisaties en websites die de Toolkit Veilig Bestuur noemt, op één plek.": (
        "The organisations and websites named by the Safe Governance toolkit, in one place.",
        "De organisaasjes en websiden dy't de Toolkit Veilig Bestuur neamt, op ien plak.",
    ),
    '<a id="a1">Toolkit Veilig Bestuur</a> van het Netwerk Weerbaar Bestuur': (
        '<a id="a1">Toolkit Veilig Bestuur</a> of the Netwerk Weerbaar Bestuur',
        '<a id="a1">Toolkit Veilig Bestuur</a> fan it Netwerk Weerbaar Bestuur',
    ),
    '<a id="a1">Netwerk Weerbaar Bestuur</a>: producten, bijeenkomsten en ervaringen': (
        '<a id="a1">Netwerk Weerbaar Bestuur</a>: products, meetings and experiences',
        '<a id="a1">Netwerk Weerbaar Bestuur</a>: produkten, byienkomsten en ûnderfinings',
    ),
    '<a id="a1">Vertrouwenslijn</a>, telefoon 0800 2800 200': (
        '<a id="a1">Vertrouwenslijn</a>, phone 0800 2800 200',
        '<a id="a1">Vertrouwenslijn</a>, telefoan 0800 2800 200',
    ),
    '<a id="a1">Openbaar Ministerie</a> over geweld tegen personen met een publieke taak': (
        '<a id="a1">Public Prosecution Service</a> on violence against people with a public task',
        '<a id="a1">Iepenbier Ministearje</a> oer geweld tsjin persoanen mei in publike taak',
    ),
    '<a id="a1">Slachtofferhulp Nederland</a>, ook als domicilieadres bij een aangifte': (
        '<a id="a1">Victim Support Netherlands</a>, also as the address of domicile for a '
        "police report",
        '<a id="a1">Slachtofferhulp Nederland</a>, ek as domisylje-adres by in oanjefte',
    ),
}

LANGUAGES = ("en", "fy")


def national_pages(home: Page) -> list[Page]:
    """The national home, the pages of its menu and their children, parents first; not the
    organisations' own pages (each organisation publishes in Dutch)."""
    pages = [home]
    for child in home.get_children().live().public().in_menu():
        pages.append(child)
        if child.specific_class is not OrganisationIndexPage:
            pages.extend(child.get_children().live().public())
    return pages


def load(stdout) -> None:
    nl = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.get(locale=nl)
    created = 0
    for column, language in enumerate(LANGUAGES):
        strings = {dutch: texts[column] for dutch, texts in TEXTS.items()}
        locale = Locale.objects.get(language_code=language)
        for page in national_pages(home):
            if page.get_translations().filter(locale=locale).exists():
                continue  # idempotent: an existing translation is the editors' from now on
            translate_page(page, language, strings)
            created += 1
    stdout.write(f"Vertalingen (en, fy) van de landelijke pagina's: {created} nieuw.")
