"""Admin home panel of meldingen for the veiligheidscoördinator: meldingen waiting per
workflow step, nazorg contacts due, perpetrators without a reaction, measures ending, and
routed cases without activity. A fixed number of queries, whatever the number of meldingen."""

from __future__ import annotations

import datetime

from django.db.models import CharField, Count, Max, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import TaskState

from home.dashboard import DashboardPanel, is_coordinator
from home.tenancy import Role, for_user

from .models import CaseSettings, Measure, Melding, NazorgContact, PerpetratorKnown, Status
from .permissions import meldingen_for_coordinator
from .reminders import MEASURE_WITHIN, NOT_ACTIVITY
from .status import CLOSED_STATUSES

# Nazorg and measures show this far ahead; each list shows at most ROWS lines.
AHEAD = datetime.timedelta(days=7)
ROWS = 8


def _open(user):
    return (
        meldingen_for_coordinator(user)
        .exclude(status__in=CLOSED_STATUSES)
        .filter(purge_record__isnull=True)
    )


def waiting_per_step(user) -> list[dict]:
    """Open workflow steps of the user's meldingen, counted per step name: one query."""
    ids = meldingen_for_coordinator(user).annotate(key=Cast("pk", CharField())).values("key")
    return list(
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__object_id__in=ids,
            workflow_state__base_content_type__model="melding",
        )
        .values("task__name")
        .annotate(n=Count("pk"))
        .order_by("task__name")
    )


def nazorg_due(user, today: datetime.date) -> list[NazorgContact]:
    return list(
        NazorgContact.objects.filter(
            melding__in=_open(user), done_on__isnull=True, due_on__lte=today + AHEAD
        )
        .select_related("melding")
        .order_by("due_on", "pk")[:ROWS]
    )


def without_measure(user, now: datetime.datetime) -> list[Melding]:
    """Known perpetrator, 48 hours passed, no reaction recorded (the reminder's rule)."""
    return list(
        _open(user)
        .filter(
            perpetrator_known=PerpetratorKnown.YES,
            created_at__lte=now - MEASURE_WITHIN,
            measures__isnull=True,
        )
        .order_by("created_at")[:ROWS]
    )


def measures_ending(user, today: datetime.date) -> list[Measure]:
    return list(
        Measure.objects.filter(
            melding__in=meldingen_for_coordinator(user),
            ends_on__gte=today,
            ends_on__lte=today + AHEAD,
        )
        .select_related("melding", "step")
        .order_by("ends_on", "pk")[:ROWS]
    )


def inactive_cases(user, now: datetime.datetime) -> list[Melding]:
    """Routed cases quiet for longer than their organisation's period (two queries)."""
    organisations = list(for_user(user, Role.COORDINATOR).values_list("pk", flat=True))
    default = CaseSettings._meta.get_field("inactivity_weeks").default
    weeks = dict(
        CaseSettings.objects.filter(organisation__in=organisations).values_list(
            "organisation_id", "inactivity_weeks"
        )
    )
    quiet = Q(pk__in=[])
    for org in organisations:
        since = now - datetime.timedelta(weeks=weeks.get(org, default))
        quiet |= Q(organisation_id=org, last_activity__lte=since)
    return list(
        _open(user)
        .filter(status=Status.ROUTED)
        .annotate(last_activity=Max("history__at", filter=~Q(history__action__in=NOT_ACTIVITY)))
        .filter(quiet)
        .order_by("last_activity")[:ROWS]
    )


class CasesPanel(DashboardPanel):
    name = "meldingen_cases"
    template_name = "meldingen/admin/dashboard/cases.html"
    order = 80

    def shown_to(self, user) -> bool:
        return is_coordinator(user)

    def panel_context(self, user) -> dict:
        now = timezone.now()
        today = timezone.localdate(now)
        return {
            "today": today,
            "steps": waiting_per_step(user),
            "nazorg": nazorg_due(user, today),
            "without_measure": without_measure(user, now),
            "measures_ending": measures_ending(user, today),
            "inactive": inactive_cases(user, now),
        }
