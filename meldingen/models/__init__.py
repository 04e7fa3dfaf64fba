from meldingen.models.additions import MeldingAddition
from meldingen.models.avoidance import AvoidanceKind, AvoidanceSignal
from meldingen.models.choices import (
    BehaviourKind,
    Channel,
    HistoryAction,
    PerpetratorKnown,
    Place,
    ReporterRole,
    Severity,
    Status,
    Target,
    Wish,
)
from meldingen.models.melding import (
    Attachment,
    Melding,
    MeldingBehaviour,
    MeldingHistory,
    MeldingPersonalData,
)

__all__ = [
    "Attachment",
    "AvoidanceKind",
    "AvoidanceSignal",
    "BehaviourKind",
    "Channel",
    "HistoryAction",
    "Melding",
    "MeldingAddition",
    "MeldingBehaviour",
    "MeldingHistory",
    "MeldingPersonalData",
    "PerpetratorKnown",
    "Place",
    "ReporterRole",
    "Severity",
    "Status",
    "Target",
    "Wish",
]
