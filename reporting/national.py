"""Figures over all organisations for national editors, per kind of organisation and per
organisation, every count suppressed below the threshold."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from home.models import OrganisationKind
from home.tenancy import originals
from meldingen.models import Melding
from reporting.figures import CLOSED_STATUSES, Row, with_shares
from reporting.suppression import suppress_rows, suppressed


def by_organisation_kind(meldingen: QuerySet[Melding]) -> list[dict]:
    counts = {
        kind: (total, closed)
        for kind, total, closed in Melding.objects.filter(pk__in=meldingen.values("pk"))
        .order_by()
        .values_list("organisation__kind")
        .annotate(total=Count("pk"), closed=Count("pk", filter=Q(status__in=CLOSED_STATUSES)))
    }
    rows = []
    for kind, label in OrganisationKind.choices:
        total, closed = counts.get(kind, (0, 0))
        rows.append(
            {
                "label": label,
                "total": suppressed(total),
                "open": suppressed(total - closed),
                "closed": suppressed(closed),
            }
        )
    return rows


def by_organisation(meldingen: QuerySet[Melding]) -> list[Row]:
    counts = dict(
        Melding.objects.filter(pk__in=meldingen.values("pk"))
        .order_by()
        .values_list("organisation")
        .annotate(n=Count("pk"))
    )
    organisations = originals().order_by("title")
    return suppress_rows(
        with_shares([Row(str(o.pk), o.title, counts.get(o.pk, 0)) for o in organisations])
    )
