from .checklist import (
    CALENDAR_RECURRENCES,
    ChecklistHeading,
    ChecklistItem,
    ChecklistPage,
    ChecklistPhase,
    Recurrence,
    add_months,
    checklist_phases,
    next_term_start,
)
from .progress import ChecklistProgress, ChecklistProgressChange, ProgressStatus
from .resources import (
    HiddenNationalResource,
    ResourceDocument,
    ToolkitIndexPage,
    ToolkitResourcePage,
    national_resources,
)
from .stappenplan import StappenplanPage, StappenplanStep
from .taxonomy import MOMENT_FIELDS, Audience, Moment, ResourceKind, StappenplanRole

__all__ = [
    "CALENDAR_RECURRENCES",
    "MOMENT_FIELDS",
    "Audience",
    "ChecklistHeading",
    "ChecklistItem",
    "ChecklistPage",
    "ChecklistPhase",
    "ChecklistProgress",
    "ChecklistProgressChange",
    "HiddenNationalResource",
    "Moment",
    "ProgressStatus",
    "Recurrence",
    "ResourceDocument",
    "ResourceKind",
    "StappenplanPage",
    "StappenplanRole",
    "StappenplanStep",
    "ToolkitIndexPage",
    "ToolkitResourcePage",
    "add_months",
    "checklist_phases",
    "national_resources",
    "next_term_start",
]
