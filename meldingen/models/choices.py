"""Fixed core vocabulary of a melding, shared by all organisations so routing and figures work
across them (domain.md: kinds of behaviour, channels, report fields)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BehaviourKind(models.TextChoices):
    VERBAL = "verbaal", _("Verbale agressie (schelden, beledigen)")
    INTIMIDATION = "intimidatie", _("Intimidatie")
    THREAT = "bedreiging", _("Bedreiging")
    THREAT_FAMILY = "bedreiging_naasten", _("Bedreiging van partner, kinderen of familie")
    DISCRIMINATION = "discriminatie", _("Discriminatie")
    ONLINE_HATE = "online", _("Online haat of bedreiging")
    DOXING = "doxing", _("Doxing (privégegevens openbaar gemaakt)")
    STALKING = "stalking", _("Stalking of belaging")
    DAMAGE = "vernieling", _("Vernieling of beschadiging van eigendommen")
    PHYSICAL = "fysiek", _("Fysiek geweld")
    HOME_VISIT = "huisbezoek", _("Ongewenst bezoek aan huis")
    DISRUPTION = "verstoring", _("Verstoring van een vergadering")
    OTHER = "anders", _("Anders")


class Severity(models.TextChoices):
    """Tiers of the national monitor, lowest first."""

    VERBAL = "verbaal", _("Verbale agressie")
    THREAT = "bedreiging", _("Bedreiging en intimidatie")
    PHYSICAL = "fysiek", _("Fysieke agressie")


SEVERITY_OF_KIND = {
    BehaviourKind.PHYSICAL: Severity.PHYSICAL,
    BehaviourKind.THREAT: Severity.THREAT,
    BehaviourKind.THREAT_FAMILY: Severity.THREAT,
    BehaviourKind.INTIMIDATION: Severity.THREAT,
    BehaviourKind.STALKING: Severity.THREAT,
    BehaviourKind.DOXING: Severity.THREAT,
    BehaviourKind.HOME_VISIT: Severity.THREAT,
}
SEVERITY_ORDER = list(Severity.values)


def severity_for(kinds: list[str]) -> str:
    """The highest monitor tier among the kinds (verbal when none is threatening)."""
    tiers = [SEVERITY_OF_KIND.get(kind, Severity.VERBAL) for kind in kinds] or [Severity.VERBAL]
    return max(tiers, key=SEVERITY_ORDER.index)


class Channel(models.TextChoices):
    IN_PERSON = "persoon", _("In persoon")
    PHONE = "telefoon", _("Telefoon")
    LETTER = "brief", _("Brief of kaart")
    EMAIL = "email", _("E-mail")
    SOCIAL = "sociale_media", _("Sociale media")
    MESSAGING = "berichtenapp", _("Berichtenapp (WhatsApp, Signal, ...)")


class Place(models.TextChoices):
    TOWN_HALL = "gemeentehuis", _("Gemeentehuis, provinciehuis of waterschapshuis")
    MEETING = "vergadering", _("Tijdens een vergadering")
    OUTSIDE = "buiten", _("Buiten, op straat of bij een werkbezoek")
    EVENT = "bijeenkomst", _("Bij een bijeenkomst")
    HOME = "thuis", _("Bij mij thuis")
    ONLINE = "online", _("Online")
    OTHER = "elders", _("Elders")


class ReporterRole(models.TextChoices):
    BURGEMEESTER = "burgemeester", _("Burgemeester")
    WETHOUDER = "wethouder", _("Wethouder")
    RAADSLID = "raadslid", _("Raadslid")
    COMMISSIELID = "commissielid", _("Commissielid of burgerlid")
    FRACTIEMEDEWERKER = "fractiemedewerker", _("Fractiemedewerker")
    CDK = "cdk", _("Commissaris van de Koning")
    GEDEPUTEERDE = "gedeputeerde", _("Gedeputeerde")
    STATENLID = "statenlid", _("Statenlid")
    DIJKGRAAF = "dijkgraaf", _("Dijkgraaf")
    WATERSCHAPSBESTUURDER = "waterschapsbestuurder", _("Bestuurslid waterschap")
    GRIFFIER = "griffier", _("Griffier of secretaris")
    FAMILY = "naaste", _("Partner of familielid van een ambtsdrager")
    OTHER = "anders", _("Anders")


class Target(models.TextChoices):
    SELF = "zelf", _("Mijzelf")
    PARTNER = "partner", _("Mijn partner")
    CHILDREN = "kinderen", _("Mijn kinderen")
    FAMILY = "familie", _("Andere familie of vrienden")
    BUSINESS = "bedrijf", _("Mijn bedrijf of eigendommen")


class PerpetratorKnown(models.TextChoices):
    YES = "ja", _("Ja, ik weet wie het is")
    PARTLY = "deels", _("Ik heb een vermoeden of beschrijving")
    NO = "nee", _("Nee, onbekend")


class PerpetratorType(models.TextChoices):
    PERSON = "persoon", _("Eén persoon")
    GROUP = "groep", _("Een groep")
    ORGANISATION = "organisatie", _("Een bedrijf of organisatie")
    POLITICIAN = "politicus", _("Een andere politicus of bestuurder")
    CIVIL_SERVANT = "ambtenaar", _("Een ambtenaar of medewerker")
    UNKNOWN = "onbekend", _("Onbekend")


# The integrity route (domain.md, routing list): not the police first, but griffier, chair and
# vertrouwenspersoon.
INTEGRITY_PERPETRATORS = [PerpetratorType.POLITICIAN, PerpetratorType.CIVIL_SERVANT]


class OnlinePlatform(models.TextChoices):
    X = "x", _("X (Twitter)")
    FACEBOOK = "facebook", _("Facebook")
    INSTAGRAM = "instagram", _("Instagram")
    TIKTOK = "tiktok", _("TikTok")
    YOUTUBE = "youtube", _("YouTube")
    LINKEDIN = "linkedin", _("LinkedIn")
    WHATSAPP = "whatsapp", _("WhatsApp")
    TELEGRAM = "telegram", _("Telegram")
    OTHER = "anders", _("Ander platform of website")


class SupportWish(models.TextChoices):
    CONVERSATION = "gesprek", _("Een gesprek met de veiligheidscoördinator of vertrouwenspersoon")
    VERTROUWENSLIJN = "vertrouwenslijn", _("Informatie over de Vertrouwenslijn")
    PEERS = "ondersteuningsteam", _("Contact met het Ondersteuningsteam Weerbaar Bestuur")
    VICTIM_SUPPORT = "slachtofferhulp", _("Slachtofferhulp")
    HOME_SECURITY = "beveiliging", _("Advies over beveiliging van mijn woning")
    LEGAL = "juridisch", _("Juridisch advies")
    COMMUNICATION = "communicatie", _("Hulp bij communicatie of de pers")
    NONE = "geen", _("Geen steun nodig")


class Wish(models.TextChoices):
    AANGIFTE = "aangifte", _("Ik wil aangifte doen (of laten doen door de organisatie)")
    SUPPORT = "steun", _("Ik wil steun of nazorg")
    REGISTRATION = "registratie", _("Alleen registreren")


class Status(models.TextChoices):
    RECEIVED = "ontvangen", _("Ontvangen")
    IN_TRIAGE = "in_behandeling", _("In behandeling")
    ROUTED = "doorgestuurd", _("Doorgestuurd")
    CLOSED = "afgehandeld", _("Afgesloten")
    EVALUATED = "geevalueerd", _("Geëvalueerd")


class HistoryAction(models.TextChoices):
    """What a row of a melding's history records (MeldingHistory.action)."""

    RECEIVED = "ontvangen", _("Melding ontvangen")
    STATUS = "status", _("Status gewijzigd")
    TRIAGE = "triage", _("Beoordeeld door de veiligheidscoördinator")
    EXTRA_STEP = "extra_stap", _("Extra stap afgerond")
    ROUTED = "doorgestuurd", _("Doorgestuurd")
    OPENED_BY_PARTNER = "geopend_door_partner", _("Bekeken door de ketenpartner")
    ACKNOWLEDGED_BY_PARTNER = "ontvangen_door_partner", _("Ontvangen door de ketenpartner")
    FEEDBACK = "terugkoppeling", _("Terugkoppeling van de ketenpartner")
    # The comment holds the text the partner wrote for the reporter (Mijn meldingen shows it).
    FEEDBACK_TO_REPORTER = (
        "terugkoppeling_melder",
        _("Terugkoppeling van de ketenpartner aan de melder"),
    )
    ADDITION = "aanvulling", _("Informatie toegevoegd door de melder")
    DEADLINE_PASSED = "termijn_verlopen", _("Reactietermijn verlopen")
    ERASED = "gewist", _("Persoonsgegevens verwijderd")
    CLOSED = "afgesloten", _("Afgesloten")
    REOPENED = "heropend", _("Heropend")
    EVALUATED = "nabesproken", _("Nabesproken met de melder")
    AANGIFTE = "aangifte", _("Aangifte vastgelegd")
    MEASURE = "maatregel", _("Maatregel tegen de dader vastgelegd")
    OBJECTION = "bezwaar", _("Meedelen of bezwaar bij een maatregel vastgelegd")
    NAZORG_PLANNED = "nazorg_gepland", _("Nazorgcontacten gepland")
    NAZORG_DONE = "nazorg", _("Nazorgcontact vastgelegd")
    NAZORG_ANSWER = "nazorg_antwoord", _("Antwoord van de melder op nazorg")
    NEW_INFORMATION_SENT = "aanvulling_gedeeld", _("Nieuwe informatie gemeld aan ketenpartner")
    REMINDER = "herinnering", _("Herinnering aan de veiligheidscoördinator")


class CloseOutcome(models.TextChoices):
    RESOLVED = "afgehandeld", _("Afgehandeld, geen verdere actie nodig")
    MEASURE = "maatregel", _("Afgehandeld met een maatregel tegen de dader")
    CRIMINAL_CASE = "strafzaak", _("Aangifte gedaan; de strafzaak loopt bij politie en OM")
    REFERRED = "doorverwezen", _("Doorverwezen naar hulp of ondersteuning")
    REGISTERED = "geregistreerd", _("Alleen geregistreerd, op verzoek van de melder")
    WITHDRAWN = "ingetrokken", _("Ingetrokken door de melder")


# Kinds of behaviour that are usually a criminal offence (aangifte encouraged, ELA applies).
PUNISHABLE_KINDS = [
    BehaviourKind.THREAT,
    BehaviourKind.THREAT_FAMILY,
    BehaviourKind.DISCRIMINATION,
    BehaviourKind.DOXING,
    BehaviourKind.STALKING,
    BehaviourKind.DAMAGE,
    BehaviourKind.PHYSICAL,
]
