"""Request and response shapes of the meldapp API. Input fields are deliberately lenient:
the rules live in MeldingForm (shared with the web form), which answers in Dutch per field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from django.db.models import TextChoices
from ninja import Field, Schema
from pydantic import PlainSerializer, ValidationError, WrapValidator, field_validator

from meldingen import consent
from meldingen.forms import YesNoUnknown
from meldingen.models import AvoidanceKind
from meldingen.models.choices import (
    BehaviourKind,
    Channel,
    OnlinePlatform,
    PerpetratorKnown,
    PerpetratorType,
    Place,
    ReporterRole,
    Status,
    SupportWish,
    Target,
    Wish,
)


def _known_or_any_string(value: Any, handler) -> str:
    """A known value as a plain string; an unknown string passes on to MeldingForm, which
    refuses it in Dutch together with the errors of the other fields (so one answer lists all
    that is wrong). Anything but a string is refused here ("Ongeldige waarde.")."""
    try:
        return str(handler(value))  # a TextChoices member's str() is its value
    except ValidationError:
        if isinstance(value, str):
            return value
        raise


def choice(choices: type[TextChoices]) -> Any:
    """In the schema an enum named after the TextChoices (so a generated client gets the same
    enum); at run time any string, checked by MeldingForm."""
    return Annotated[
        choices,
        WrapValidator(_known_or_any_string),
        PlainSerializer(str, return_type=str),
    ]


def _listed(options) -> str:
    return "; ".join(f"{value} = {label}" for value, label in options)


def _labelled(question: str, choices: type[TextChoices], **extra: Any) -> Callable[[dict], None]:
    """The field's description, written when the schema is asked for (so the labels are in the
    request's language): the question, then every value with its label."""

    def describe(schema: dict) -> None:
        schema["description"] = f"{question} {_listed(choices.choices)}."
        schema.update(extra)

    return describe


def _describe_consent_kinds(schema: dict) -> None:
    """Partner kinds are data (meldingen.consent): today's, listed when the schema is asked for."""
    kinds = _listed(consent.choices()) or "geen"
    schema["description"] = (
        "Codes van de externe partnersoorten waarmee de melding gedeeld mag worden. Interne "
        "partners van de eigen organisatie krijgen de melding altijd; leeg: alleen binnen de "
        "eigen organisatie. De soorten zijn gegevens van het platform, dus geen vaste enum; een "
        f"onbekende code geeft een 400. Nu mogelijk: {kinds}."
    )


class Problem(Schema):
    detail: str = Field(description="Wat er mis is, in het Nederlands.")
    errors: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Per veld de foutmeldingen (alleen bij 400); '__all__' voor het geheel.",
    )


class OrganisationOut(Schema):
    id: int
    title: str = Field(description="Naam, bijv. Gemeente Aadorp.")
    kind: str = Field(description="Soort organisatie, bijv. gemeente, provincie of waterschap.")


class QuestionOut(Schema):
    field: str = Field(description="Sleutel voor het antwoord in extra_answers.")
    label: str = Field(description="De vraag, om te tonen.")
    help_text: str
    answer_type: str = Field(description="text, textarea, yes_no (ja/nee) of choice.")
    options: list[str] = Field(description="Bij choice: de mogelijke antwoorden.")
    required: bool = Field(description="Zonder antwoord wordt de melding geweigerd (400).")


class MeldpuntOut(Schema):
    id: int = Field(description="Id van het meldformulier; gebruik dit om te melden.")
    title: str
    url: str | None = Field(description="Het meldformulier op de website.")
    organisation: OrganisationOut
    questions: list[QuestionOut] = Field(description="De eigen vragen van het meldpunt.")


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


class InputSchema(Schema):
    """Request bodies: no NUL characters in any text (PostgreSQL cannot store them; found by
    the fuzz test). Reported as an invalid value of that field."""

    @field_validator("*")
    @classmethod
    def _no_nul(cls, value):
        if _has_nul(value):
            raise ValueError("NUL character")
        return value


class AttachmentIn(InputSchema):
    name: str = Field(max_length=255, description="Bestandsnaam, bijv. scherm.png.")
    content_base64: str = Field(description="Inhoud van het bestand, base64-gecodeerd.")


class MeldingIn(InputSchema):
    """One melding: the web form's questions and rules (MeldingForm). Required fields must be
    present; leave out optional fields you do not know. Values outside an enum, unknown
    consent_kinds and broken rules give a 400 with Dutch messages per field."""

    acute_danger: bool = Field(False, description="Er is nu acuut gevaar (bel eerst 112).")
    kinds: list[choice(BehaviourKind)] = Field(
        json_schema_extra=_labelled("Wat er gebeurde; ten minste één.", BehaviourKind, minItems=1)
    )
    occurred_at: str = Field(
        description="Wanneer het gebeurde, ISO 8601, bijv. 2026-11-20T21:15:00+01:00; niet in "
        "de toekomst.",
        json_schema_extra={"format": "date-time"},
    )
    place: choice(Place) = Field(json_schema_extra=_labelled("Waar het gebeurde.", Place))
    channel: choice(Channel) = Field(
        json_schema_extra=_labelled("Hoe het bij de melder binnenkwam.", Channel)
    )
    description: str = Field(
        description="Wat er gebeurde, zo letterlijk mogelijk.",
        json_schema_extra={"minLength": 1, "maxLength": 10_000},
    )
    targets: list[choice(Target)] = Field(
        default_factory=list, json_schema_extra=_labelled("Tegen wie het gericht was.", Target)
    )
    related_to_office: choice(YesNoUnknown) = Field(
        json_schema_extra=_labelled("Heeft het te maken met de functie?", YesNoUnknown)
    )
    online_platform: choice(OnlinePlatform) | None = Field(
        None,
        json_schema_extra=_labelled(
            "Als het online gebeurde: op welk platform of in welke app.", OnlinePlatform
        ),
    )
    online_links: str = Field(
        "",
        description="Als het online gebeurde: links naar de berichten of het account, één per "
        "regel.",
        json_schema_extra={"maxLength": 2_000},
    )
    online_accounts: str = Field(
        "",
        description="Als het online gebeurde: accountnaam of telefoonnummer van de afzender.",
        json_schema_extra={"maxLength": 1_000},
    )
    perpetrator_known: choice(PerpetratorKnown) = Field(
        json_schema_extra=_labelled("Weet de melder wie de dader is?", PerpetratorKnown)
    )
    perpetrator_type: choice(PerpetratorType) | None = Field(
        None, json_schema_extra=_labelled("Wie of wat de dader is.", PerpetratorType)
    )
    perpetrator_description: str = Field("", json_schema_extra={"maxLength": 5_000})
    repeated: bool = Field(False, description="Eerder gebeurd met dezelfde persoon of groep.")
    witnesses: str = Field("", json_schema_extra={"maxLength": 2_000})
    impact: str = Field(
        "",
        description="Letsel, schade, en wat het met de melder of naasten doet.",
        json_schema_extra={"maxLength": 5_000},
    )
    worried_about_home: bool = Field(
        False, description="De melder maakt zich zorgen over de veiligheid thuis of van het gezin."
    )
    avoidance: list[choice(AvoidanceKind)] = Field(
        default_factory=list,
        json_schema_extra=_labelled(
            "Vermijdingsgedrag door dit soort voorvallen (telt anoniem mee in de cijfers).",
            AvoidanceKind,
        ),
    )
    police_involved: bool = Field(False, description="Al contact gehad met de politie of 112.")
    aangifte_made: choice(YesNoUnknown) | None = Field(
        None, json_schema_extra=_labelled("Al aangifte gedaan?", YesNoUnknown)
    )
    police_reference: str = Field(
        "",
        description="Registratienummer van de politie (van de aangifte of melding).",
        json_schema_extra={"maxLength": 60},
    )
    wishes: list[choice(Wish)] = Field(
        json_schema_extra=_labelled("Wat de melder wil; ten minste één.", Wish, minItems=1)
    )
    support: list[choice(SupportWish)] = Field(
        default_factory=list,
        json_schema_extra=_labelled(
            "Gewenste steun; 'geen' niet samen met een andere keuze.", SupportWish
        ),
    )
    consent_kinds: list[str] = Field(
        default_factory=list,
        json_schema_extra=_describe_consent_kinds,
    )
    reporter_role: choice(ReporterRole) = Field(
        json_schema_extra=_labelled("De functie van de ambtsdrager om wie het gaat.", ReporterRole)
    )
    on_behalf_of: str = Field(
        "",
        description="Naam van de persoon namens wie gemeld wordt; leeg als de melder het zelf is.",
        json_schema_extra={"maxLength": 200},
    )
    name: str | None = Field(None, description="Standaard de naam van het account.")
    email: str | None = Field(
        None,
        description="Standaard het e-mailadres van het account.",
        json_schema_extra={"format": "email"},
    )
    phone: str = Field("", json_schema_extra={"maxLength": 30})
    extra_answers: dict[str, str] = Field(
        default_factory=dict,
        description="Antwoorden op de vragen van het meldpunt, onder hun `field` uit GET "
        "/api/meldpunten.",
    )
    attachments: list[AttachmentIn] = Field(
        default_factory=list,
        description="Bewijs; dezelfde toegestane soorten en limieten als het webformulier. "
        "Het hele verzoek mag niet groter zijn dan de limiet van de server (standaard 2,5 MB).",
    )


class AdditionIn(InputSchema):
    text: str | None = Field(None, description="Wat u wilt toevoegen.")
    attachments: list[AttachmentIn] = Field(default_factory=list)


# Responses: codes are plain strings (a newer release may add values, which an enum would make
# an older app refuse), each with its Dutch label to show.


class TimelineEntryOut(Schema):
    at: datetime = Field(description="Wanneer deze stap plaatsvond.")
    action: str = Field(
        description="Soort stap, bijv. ontvangen, status, doorgestuurd, aanvulling; er kunnen "
        "soorten bijkomen."
    )
    label: str = Field(description="Wat er gebeurde, in het Nederlands; om te tonen.")


class AdditionOut(Schema):
    id: int
    created_at: datetime
    attachments: int = Field(description="Aantal meegestuurde bestanden.")


class MeldingOut(Schema):
    """A melding of the logged-in user, as the reporter sees it (no handlers' notes)."""

    reference: str = Field(description="Kenmerk van de melding, bijv. VB-7K3M-Q9TX.")
    status: str = Field(
        description=f"Status: {', '.join(Status.values)}. Toon status_label.",
    )
    status_label: str = Field(description="De status in het Nederlands.")
    organisation: OrganisationOut = Field(description="De organisatie die de melding behandelt.")
    created_at: datetime = Field(description="Wanneer de melding binnenkwam.")
    occurred_at: datetime = Field(description="Wanneer het incident gebeurde.")
    kinds: list[str] = Field(description="Wat er gebeurde: waarden van BehaviourKind.")
    acute_danger: bool = Field(description="Bij het melden was er acuut gevaar.")
    consent_kinds: list[str] = Field(
        description="Codes van de externe partnersoorten waarmee de melding gedeeld mag worden."
    )
    timeline: list[TimelineEntryOut] = Field(
        description="Wat er met de melding gebeurde, oudste eerst."
    )


class TokenIn(InputSchema):
    name: str = Field(max_length=255, description="Bijv. 'Meldapp op mijn telefoon'.")


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created: datetime
    last_used_at: datetime | None


class NewTokenOut(TokenOut):
    token: str = Field(description="De sleutel zelf; alleen nu zichtbaar, bewaar hem veilig.")
