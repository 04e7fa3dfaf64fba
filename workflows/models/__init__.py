from .additions import MeldingAddition  # noqa: F401
from .audit import AuditAction, AuditEvent  # noqa: F401
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
from .notices import FeedbackKind, Notice, NoticeStatus, PartnerFeedback  # noqa: F401
from .pages import MeldenPage  # noqa: F401
from .partners import Partner, PartnerKind  # noqa: F401
from .routing import RoutingDecision, RoutingRule  # noqa: F401
from .tasks import ExtraStepTask, RoutingTask, TriageTask  # noqa: F401
