"""Request and response shapes of the meldapp API. Input fields are deliberately lenient:
the rules live in MeldingForm (shared with the web form), which answers in Dutch per field."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema
from pydantic import field_validator

from meldingen.models.choices import (
    BehaviourKind,
    Channel,
    PerpetratorKnown,
    Place,
    ReporterRole,
    Target,
    Wish,
)


def _values(choices) -> str:
    return ", ".join(choices.values)


class Problem(Schema):
    detail: str = Field(description="Wat er mis is, in het Nederlands.")
    errors: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Per veld de foutmeldingen (alleen bij 400); '__all__' voor het geheel.",
    )


class OrganisationOut(Schema):
    id: int
    title: str
    kind: str


class QuestionOut(Schema):
    field: str = Field(description="Sleutel voor het antwoord in extra_answers.")
    label: str
    help_text: str
    answer_type: str = Field(description="text, textarea, yes_no (ja/nee) of choice.")
    options: list[str]
    required: bool


class MeldpuntOut(Schema):
    id: int = Field(description="Id van het meldformulier; gebruik dit om te melden.")
    title: str
    url: str | None
    organisation: OrganisationOut
    questions: list[QuestionOut]


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
    """One melding; the same fields as the web form. Leave out what you do not know."""

    acute_danger: bool = Field(False, description="Er is nu acuut gevaar (bel eerst 112).")
    kinds: list[str] = Field(default_factory=list, description=_values(BehaviourKind))
    occurred_at: str | None = Field(
        None, description="ISO 8601, bijv. 2026-11-20T21:15:00+01:00; niet in de toekomst."
    )
    place: str | None = Field(None, description=_values(Place))
    channel: str | None = Field(None, description=_values(Channel))
    description: str | None = None
    targets: list[str] = Field(default_factory=list, description=_values(Target))
    related_to_office: str | None = Field(None, description="ja, nee of onbekend")
    perpetrator_known: str | None = Field(None, description=_values(PerpetratorKnown))
    perpetrator_description: str = ""
    repeated: bool = False
    witnesses: str = ""
    impact: str = ""
    police_involved: bool = False
    police_reference: str = ""
    wishes: list[str] = Field(default_factory=list, description=_values(Wish))
    consent_to_share: bool = False
    reporter_role: str | None = Field(None, description=_values(ReporterRole))
    on_behalf_of: str = ""
    name: str | None = Field(None, description="Standaard de naam van het account.")
    email: str | None = Field(None, description="Standaard het e-mailadres van het account.")
    phone: str = ""
    extra_answers: dict[str, str] = Field(
        default_factory=dict, description="Antwoorden op de vragen van het meldpunt, per field."
    )
    attachments: list[AttachmentIn] = Field(
        default_factory=list,
        description="Bewijs; dezelfde toegestane soorten en limieten als het webformulier. "
        "Het hele verzoek mag niet groter zijn dan de limiet van de server (standaard 2,5 MB).",
    )


class AdditionIn(InputSchema):
    text: str | None = Field(None, description="Wat u wilt toevoegen.")
    attachments: list[AttachmentIn] = Field(default_factory=list)


class TimelineEntryOut(Schema):
    at: datetime
    action: str
    label: str


class AdditionOut(Schema):
    id: int
    created_at: datetime
    attachments: int = Field(description="Aantal meegestuurde bestanden.")


class MeldingOut(Schema):
    reference: str
    status: str
    status_label: str
    organisation: OrganisationOut
    created_at: datetime
    occurred_at: datetime
    kinds: list[str]
    acute_danger: bool
    timeline: list[TimelineEntryOut]


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
