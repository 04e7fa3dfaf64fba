"""A reporter's view of a melding's history: what happened, in plain Dutch, oldest first.

Rows come from MeldingHistory. Notes are internal by default (triage remarks); only actions
listed in REPORTER_NOTE_ACTIONS show their note to the reporter (e.g. the partner's name on
routing and acknowledgement rows). Unknown actions are still shown, with a readable label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from .models import Melding
from .models.choices import Status
from .services import ADDITION_ACTION

# action -> (label without note, label with the note filled in as %(note)s)
ACTION_LABELS = {
    "ontvangen": (_("Melding ontvangen"), _("Melding ontvangen")),
    "doorgestuurd": (_("Doorgestuurd"), _("Doorgestuurd naar %(note)s")),
    "ontvangen_door_partner": (_("Ontvangen door de ketenpartner"), _("Ontvangen door %(note)s")),
    "terugkoppeling": (_("Terugkoppeling"), _("Terugkoppeling: %(note)s")),
    "triage": (_("Beoordeeld door de veiligheidscoördinator"), _("Beoordeeld")),
    "geopend_door_partner": (_("Bekeken door de ketenpartner"), _("Bekeken door %(note)s")),
    ADDITION_ACTION: (_("U heeft informatie toegevoegd"), _("U heeft informatie toegevoegd")),
}
REPORTER_NOTE_ACTIONS = {
    "doorgestuurd",
    "geopend_door_partner",
    "ontvangen_door_partner",
    "terugkoppeling",
}
# Internal bookkeeping the reporter does not see.
HIDDEN_ACTIONS = {"termijn_verlopen"}
# Visual step kind per action or status, for the template (done/current markers and icons).
KIND_OF = {"ontvangen": "received", ADDITION_ACTION: "addition", "ontvangen_door_partner": "ack"}


@dataclass
class TimelineEntry:
    at: datetime
    action: str
    label: str
    kind: str


def _entry(row) -> TimelineEntry:
    if row.action == "status" and row.to_status in Status.values:
        return TimelineEntry(row.at, row.action, str(Status(row.to_status).label), row.to_status)
    plain, with_note = ACTION_LABELS.get(row.action, (None, None))
    note = row.note.strip() if row.action in REPORTER_NOTE_ACTIONS else ""
    if plain is None:
        label = row.action.replace("_", " ").capitalize()
        label = f"{label}: {note}" if note else label
    else:
        label = str(with_note % {"note": note}) if note else str(plain)
    return TimelineEntry(row.at, row.action, label, KIND_OF.get(row.action, row.action))


def timeline(melding: Melding) -> list[TimelineEntry]:
    """The reporter-facing timeline of melding (uses prefetched history when present).

    A bare status change to "doorgestuurd" is left out when routing rows name the partners.
    """
    rows = list(melding.history.all())
    named_routing = any(row.action == "doorgestuurd" for row in rows)
    return [
        _entry(row)
        for row in rows
        if row.action not in HIDDEN_ACTIONS
        and not (named_routing and row.action == "status" and row.to_status == Status.ROUTED)
    ]
