from .additions import MeldingAddition  # noqa: F401
from .choices import (  # noqa: F401
    BehaviourKind,
    Channel,
    PerpetratorKnown,
    Place,
    ReporterRole,
    Severity,
    Status,
    Target,
    Wish,
)
from .melding import (  # noqa: F401
    Attachment,
    Melding,
    MeldingBehaviour,
    MeldingHistory,
    MeldingPersonalData,
)
from .pages import MeldenPage  # noqa: F401
