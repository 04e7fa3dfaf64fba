"""Adoption (vaststelling) as data: the bodies that adopt a protocol per kind of organisation,
and the state of a protocol's adoption (the editor panel shows it, so this module sits below
protocols.models and takes the page instance)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .models import AdoptionDecision, ProtocolPage

# The reminder shows this long before the review date.
REVIEW_NOTICE = datetime.timedelta(days=90)


class AdoptingBody(models.TextChoices):
    """The body that formally adopts (stelt vast) an organisation's protocol."""

    COLLEGE = "college", _("College van burgemeester en wethouders")
    PRESIDIUM = "presidium", _("Presidium")
    RAAD = "raad", _("Gemeenteraad")
    GEDEPUTEERDE_STATEN = "gedeputeerde_staten", _("Gedeputeerde Staten")
    PROVINCIALE_STATEN = "provinciale_staten", _("Provinciale Staten")
    DAGELIJKS_BESTUUR = "dagelijks_bestuur", _("Dagelijks bestuur")
    ALGEMEEN_BESTUUR = "algemeen_bestuur", _("Algemeen bestuur")


# Which bodies fit which kind of organisation, and how each reads in a sentence.
BODIES_PER_KIND = {
    "gemeente": [AdoptingBody.COLLEGE, AdoptingBody.PRESIDIUM, AdoptingBody.RAAD],
    "provincie": [
        AdoptingBody.GEDEPUTEERDE_STATEN,
        AdoptingBody.PRESIDIUM,
        AdoptingBody.PROVINCIALE_STATEN,
    ],
    "waterschap": [AdoptingBody.DAGELIJKS_BESTUUR, AdoptingBody.ALGEMEEN_BESTUUR],
}
BODY_PHRASES = {
    AdoptingBody.COLLEGE: _("het college van burgemeester en wethouders"),
    AdoptingBody.PRESIDIUM: _("het presidium"),
    AdoptingBody.RAAD: _("de gemeenteraad"),
    AdoptingBody.GEDEPUTEERDE_STATEN: _("Gedeputeerde Staten"),
    AdoptingBody.PROVINCIALE_STATEN: _("Provinciale Staten"),
    AdoptingBody.DAGELIJKS_BESTUUR: _("het dagelijks bestuur"),
    AdoptingBody.ALGEMEEN_BESTUUR: _("het algemeen bestuur"),
}


class AdoptionStatus:
    NOT_ADOPTED = "niet_vastgesteld"
    CHANGED = "gewijzigd"
    REVIEW_OVERDUE = "herziening_verlopen"
    REVIEW_SOON = "herziening_nabij"
    ADOPTED = "vastgesteld"

    NEEDS_ATTENTION = {NOT_ADOPTED, CHANGED, REVIEW_OVERDUE, REVIEW_SOON}


@dataclass
class AdoptionState:
    decision: AdoptionDecision | None
    changed: bool
    today: datetime.date

    @property
    def status(self) -> str:
        if self.decision is None:
            return AdoptionStatus.NOT_ADOPTED
        if self.changed:
            return AdoptionStatus.CHANGED
        if self.decision.review_on <= self.today:
            return AdoptionStatus.REVIEW_OVERDUE
        if self.decision.review_on <= self.today + REVIEW_NOTICE:
            return AdoptionStatus.REVIEW_SOON
        return AdoptionStatus.ADOPTED

    @property
    def review_overdue(self) -> bool:
        return self.decision is not None and self.decision.review_on <= self.today

    @property
    def needs_attention(self) -> bool:
        return self.status in AdoptionStatus.NEEDS_ATTENTION


def adoption_state(protocol: ProtocolPage) -> AdoptionState:
    """The decision in force for protocol and whether the live content changed since."""
    decision = protocol.adoptions.first() if protocol.pk else None
    changed = bool(
        decision and protocol.live and decision.content_digest != protocol.content_digest
    )
    return AdoptionState(decision, changed, timezone.localdate())
