"""Admin home panel of partners for the veiligheidscoördinator: notices to partners whose
response deadline has passed or is near, not yet acknowledged. Two queries at most."""

from __future__ import annotations

import datetime

from django.utils import timezone

from home.dashboard import DashboardPanel, is_coordinator
from meldingen.permissions import meldingen_for_coordinator

from .models import Notice

NEAR = datetime.timedelta(hours=24)
ROWS = 8


def deadlines(user, now: datetime.datetime) -> list[Notice]:
    """Unacknowledged notices of user's meldingen with the deadline passed or within a day."""
    return list(
        Notice.objects.filter(
            melding__in=meldingen_for_coordinator(user),
            acknowledged_at__isnull=True,
            deadline_at__lte=now + NEAR,
        )
        .select_related("melding", "partner")
        .order_by("deadline_at", "pk")[:ROWS]
    )


class PartnerDeadlinesPanel(DashboardPanel):
    name = "partners_deadlines"
    template_name = "partners/admin/dashboard/deadlines.html"
    order = 85

    def shown_to(self, user) -> bool:
        return is_coordinator(user)

    def panel_context(self, user) -> dict:
        now = timezone.now()
        return {"notices": deadlines(user, now), "now": now}
