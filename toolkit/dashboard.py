"""Admin home panel of toolkit for redacteur and publiceerder: per own organisation the
checklist progress, what is overdue or due soon, and the organisation's own toolkit items.
A fixed number of queries, whatever the number of organisations, items or records."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from home.dashboard import DashboardPanel
from home.models import OrganisationPage
from home.tenancy import Role, for_user, originals

from .models import ChecklistItem, ChecklistProgress, ProgressStatus, ToolkitResourcePage

# "Due soon" looks this far ahead; the panel lists at most DUE_ROWS items.
DUE_WITHIN = datetime.timedelta(days=30)
DUE_ROWS = 8
OPEN = [ProgressStatus.NOT_STARTED, ProgressStatus.IN_PROGRESS]


def content_organisations(user) -> QuerySet[OrganisationPage]:
    """The organisations where user is redacteur or publiceerder."""
    return originals().filter(
        Q(pk__in=for_user(user, Role.EDITOR).values("pk"))
        | Q(pk__in=for_user(user, Role.PUBLISHER).values("pk"))
    )


def toolkit_status(user) -> list[dict]:
    """Per organisation where user is redacteur or publiceerder: items applicable and done,
    overdue and due soon, own toolkit items."""
    resources = (
        ToolkitResourcePage.objects.filter(path__startswith=OuterRef("path"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    organisations = list(
        content_organisations(user)
        .annotate(resources=Coalesce(Subquery(resources, output_field=IntegerField()), 0))
        .order_by("title")
    )
    if not organisations:
        return []
    ids = [org.pk for org in organisations]
    today = timezone.localdate()
    national = ChecklistItem.objects.filter(organisation__isnull=True).count()
    own_items = dict(
        ChecklistItem.objects.filter(organisation__in=ids)
        .values_list("organisation")
        .annotate(n=Count("pk"))
    )
    progress = defaultdict(dict)
    for row in (
        ChecklistProgress.objects.filter(organisation__in=ids)
        .values("organisation")
        .annotate(
            done=Count("pk", filter=Q(status=ProgressStatus.DONE)),
            not_applicable=Count("pk", filter=Q(status=ProgressStatus.NOT_APPLICABLE)),
            overdue=Count("pk", filter=Q(status__in=OPEN, due_date__lt=today)),
            due_soon=Count(
                "pk",
                filter=Q(status__in=OPEN, due_date__gte=today, due_date__lte=today + DUE_WITHIN),
            ),
        )
    ):
        progress[row["organisation"]] = row
    rows = []
    for org in organisations:
        counts = progress.get(org.pk, {})
        applicable = national + own_items.get(org.pk, 0) - counts.get("not_applicable", 0)
        done = counts.get("done", 0)
        rows.append(
            {
                "organisation": org,
                "applicable": applicable,
                "done": done,
                "percent": round(100 * done / applicable) if applicable else 0,
                "overdue": counts.get("overdue", 0),
                "due_soon": counts.get("due_soon", 0),
                "resources": org.resources,
                "progress_url": reverse("toolkit_progress_overview", args=[org.pk]),
            }
        )
    return rows


def due_items(user) -> list[ChecklistProgress]:
    """Open checklist items of the user's organisations that are overdue or due soon."""
    today = timezone.localdate()
    return list(
        ChecklistProgress.objects.filter(
            organisation__in=content_organisations(user),
            status__in=OPEN,
            due_date__lte=today + DUE_WITHIN,
        )
        .select_related("item", "organisation", "owner")
        .order_by("due_date", "item__text")[:DUE_ROWS]
    )


class ToolkitStatusPanel(DashboardPanel):
    name = "toolkit_status"
    template_name = "toolkit/admin/dashboard/toolkit_status.html"
    order = 120

    def panel_context(self, user) -> dict:
        rows = toolkit_status(user)
        return {"rows": rows, "due": due_items(user) if rows else [], "today": timezone.localdate()}
