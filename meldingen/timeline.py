"""A reporter's view of a melding's history: what happened, in plain Dutch, oldest first.

Rows come from MeldingHistory. Notes are internal by default (triage remarks); only actions
listed in REPORTER_NOTE_ACTIONS show their note to the reporter (e.g. the partner's name on
routing and acknowledgement rows). Every action is a HistoryAction with a Dutch label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from meldingen.models import Melding
from meldingen.models.choices import HistoryAction, Status

A = HistoryAction
# What the reporter reads, where it differs from the action's own label: (without the note,
# with the note filled in as %(note)s).
REPORTER_LABELS = {
    A.ROUTED: (_("Doorgestuurd"), _("Doorgestuurd naar %(note)s")),
    A.ACKNOWLEDGED_BY_PARTNER: (_("Ontvangen door de ketenpartner"), _("Ontvangen door %(note)s")),
    A.FEEDBACK: (_("Terugkoppeling"), _("Terugkoppeling: %(note)s")),
    A.TRIAGE: (_("Beoordeeld door de veiligheidscoördinator"), _("Beoordeeld")),
    A.OPENED_BY_PARTNER: (_("Bekeken door de ketenpartner"), _("Bekeken door %(note)s")),
    A.ADDITION: (_("U heeft informatie toegevoegd"), _("U heeft informatie toegevoegd")),
    A.FEEDBACK_TO_REPORTER: (_("Bericht van de ketenpartner"), _("Bericht van %(note)s")),
    A.NEW_INFORMATION_SENT: (
        _("Uw aanvulling is doorgegeven"),
        _("Uw aanvulling is doorgegeven aan %(note)s"),
    ),
    A.CLOSED: (_("Afgesloten"), _("Afgesloten: %(note)s")),
    A.NAZORG_PLANNED: (
        _("De veiligheidscoördinator neemt contact met u op"),
        _("De veiligheidscoördinator neemt contact met u op (%(note)s)"),
    ),
    A.NAZORG_DONE: (_("Contact over nazorg"), _("Contact over nazorg")),
    A.NAZORG_ANSWER: (_("U heeft gereageerd op de nazorg"), _("U heeft gereageerd op de nazorg")),
    A.MEASURE: (_("Maatregel tegen de dader genomen"), _("Maatregel tegen de dader genomen")),
}
REPORTER_NOTE_ACTIONS = {
    A.ROUTED,
    A.OPENED_BY_PARTNER,
    A.ACKNOWLEDGED_BY_PARTNER,
    A.FEEDBACK,
    A.FEEDBACK_TO_REPORTER,
    A.NEW_INFORMATION_SENT,
    A.CLOSED,
    A.NAZORG_PLANNED,
}
# Actions whose comment (text a partner wrote for the reporter) the reporter reads.
REPORTER_TEXT_ACTIONS = {A.FEEDBACK_TO_REPORTER}
# Internal bookkeeping the reporter does not see.
HIDDEN_ACTIONS = {A.DEADLINE_PASSED, A.REMINDER, A.OBJECTION}
# Visual step kind per action or status, for the template (done/current markers and icons).
KIND_OF = {
    A.RECEIVED: "received",
    A.ADDITION: "addition",
    A.ACKNOWLEDGED_BY_PARTNER: "ack",
    A.FEEDBACK_TO_REPORTER: "message",
}


@dataclass
class TimelineEntry:
    at: datetime
    action: str
    label: str
    kind: str
    # A message for the reporter (a partner's answer), shown under the label.
    text: str = ""


def _entry(row) -> TimelineEntry:
    if row.action == A.STATUS and row.to_status in Status.values:
        return TimelineEntry(row.at, row.action, str(Status(row.to_status).label), row.to_status)
    note = row.note.strip() if row.action in REPORTER_NOTE_ACTIONS else ""
    if row.action in REPORTER_LABELS:
        plain, with_note = REPORTER_LABELS[row.action]
        label = str(with_note % {"note": note}) if note else str(plain)
    elif row.action in HistoryAction.values:
        label = row.get_action_display()
    else:  # written by another release: readable, never the code itself
        label = row.action.replace("_", " ").capitalize()
    text = row.comment if row.action in REPORTER_TEXT_ACTIONS else ""
    return TimelineEntry(row.at, row.action, label, KIND_OF.get(row.action, row.action), text)


def timeline(melding: Melding) -> list[TimelineEntry]:
    """The reporter-facing timeline of melding (uses prefetched history when present).

    A bare status change to "doorgestuurd" is left out when routing rows name the partners,
    one to "afgehandeld" when a closing row names the outcome, and one to "geevalueerd" when
    the evaluation row says it.
    """
    rows = list(melding.history.all())
    named = {A.ROUTED: Status.ROUTED, A.CLOSED: Status.CLOSED, A.EVALUATED: Status.EVALUATED}
    shown_elsewhere = {named[row.action] for row in rows if row.action in named}
    return [
        _entry(row)
        for row in rows
        if row.action not in HIDDEN_ACTIONS
        and not (row.action == A.STATUS and row.to_status in shown_elsewhere)
    ]
