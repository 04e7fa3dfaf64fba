from partners.models.notices import FeedbackKind, Notice, NoticeStatus, PartnerFeedback
from partners.models.partners import Partner, PartnerKind
from partners.models.routing import RoutingDecision, RoutingRule

__all__ = [
    "FeedbackKind",
    "Notice",
    "NoticeStatus",
    "Partner",
    "PartnerFeedback",
    "PartnerKind",
    "RoutingDecision",
    "RoutingRule",
]
