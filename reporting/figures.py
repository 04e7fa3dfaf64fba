"""The figures of the dashboards, computed with a fixed number of queries whatever the data:
aggregates in the database, a median over one list of durations."""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from meldingen.models import (
    Aangifte,
    AangifteStatus,
    AvoidanceKind,
    AvoidanceSignal,
    BehaviourKind,
    Channel,
    CloseOutcome,
    Measure,
    MeasureStep,
    Melding,
    MeldingBehaviour,
    ReporterRole,
    Severity,
)
from meldingen.status import CLOSED_STATUSES
from partners.models import Notice


@dataclass
class Row:
    """One labelled count; share is the fraction of the largest count (for the bars)."""

    key: str
    label: str
    count: int
    share: float = 0.0
    display: str = ""

    def __post_init__(self):
        # The label in the active language as a plain string: figures are kept per language,
        # and a lazy label is rebuilt as a new lazy class on every unpickling (about 20 ms for
        # one dashboard's figures).
        self.label = str(self.label)
        self.display = self.display or str(self.count)


@dataclass
class PartnerTimes:
    partner: str
    notices: int
    acknowledged: int
    median_hours: float | None
    missed: int


@dataclass
class Figures:
    total: int = 0
    open: int = 0
    closed: int = 0
    per_month: list[Row] = field(default_factory=list)
    by_kind: list[Row] = field(default_factory=list)
    by_channel: list[Row] = field(default_factory=list)
    by_role: list[Row] = field(default_factory=list)
    by_severity: list[Row] = field(default_factory=list)
    notices: int = 0
    acknowledged: int = 0
    median_ack_hours: float | None = None
    deadlines_missed: int = 0
    partners: list[PartnerTimes] = field(default_factory=list)
    avoidance_total: int = 0
    avoidance_by_kind: list[Row] = field(default_factory=list)
    # After routing: measures against perpetrators per ladder step, aangiftes, closing outcomes.
    measures_by_step: list[Row] = field(default_factory=list)
    aangifte_by_status: list[Row] = field(default_factory=list)
    by_outcome: list[Row] = field(default_factory=list)


def _rows(counts: dict[str, int], choices) -> list[Row]:
    """Rows in the order of the choices, zeroes included, with bar shares."""
    rows = [Row(value, label, counts.get(value, 0)) for value, label in choices]
    return with_shares(rows)


def with_shares(rows: list[Row]) -> list[Row]:
    largest = max((r.count for r in rows), default=0)
    for row in rows:
        row.share = row.count / largest if largest else 0.0
    return rows


def _months(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _counts(queryset: QuerySet, key: str) -> dict[str, int]:
    return dict(queryset.order_by().values_list(key).annotate(n=Count("pk")))


def missed_deadline(now: datetime.datetime) -> Q:
    """A notice missed its deadline: acknowledged late, or not at all while it passed."""
    return Q(acknowledged_at__gt=F("deadline_at")) | Q(
        acknowledged_at__isnull=True, deadline_at__lt=now
    )


def hours(delta: datetime.timedelta) -> float:
    return round(delta.total_seconds() / 3600, 1)


def figures(
    meldingen: QuerySet[Melding],
    start: datetime.date | None,
    end: datetime.date | None,
    organisations=None,
) -> Figures:
    """Figures of the meldingen (already filtered, period included); avoidance signals are
    counted for the same organisations and period."""
    base = Melding.objects.filter(pk__in=meldingen.values("pk"))
    result = Figures()
    status_counts = _counts(base, "status")
    result.total = sum(status_counts.values())
    result.closed = sum(status_counts.get(s, 0) for s in CLOSED_STATUSES)
    result.open = result.total - result.closed

    monthly = dict(
        base.order_by()
        .annotate(month=TruncMonth("occurred_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    monthly = {(m.date() if isinstance(m, datetime.datetime) else m): n for m, n in monthly.items()}
    if monthly or (start and end):
        first = start or min(monthly)
        last = end or max(monthly)
        result.per_month = with_shares(
            [
                Row(m.isoformat()[:7], m.strftime("%m-%Y"), monthly.get(m, 0))
                for m in _months(first, last)
            ]
        )

    kinds = dict(
        MeldingBehaviour.objects.filter(melding__in=base)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("melding", distinct=True))
    )
    result.by_kind = _rows(kinds, BehaviourKind.choices)
    result.by_channel = _rows(_counts(base, "channel"), Channel.choices)
    result.by_role = _rows(_counts(base, "reporter_role"), ReporterRole.choices)
    result.by_severity = _rows(_counts(base, "severity"), Severity.choices)
    result.by_outcome = _rows(
        _counts(base.filter(status__in=CLOSED_STATUSES), "outcome"), CloseOutcome.choices
    )
    result.measures_by_step = _rows(
        _counts(Measure.objects.filter(melding__in=base), "step__code"),
        MeasureStep.objects.values_list("code", "name"),
    )
    result.aangifte_by_status = _rows(
        _counts(Aangifte.objects.filter(melding__in=base), "status"), AangifteStatus.choices
    )

    now = timezone.now()
    notices = Notice.objects.filter(melding__in=base)
    per_partner: dict[str, list] = defaultdict(list)
    for name, created, acknowledged, missed in notices.annotate(
        missed=ExpressionWrapper(missed_deadline(now), output_field=BooleanField())
    ).values_list("partner__name", "created_at", "acknowledged_at", "missed"):
        per_partner[name].append((created, acknowledged, missed))
    durations = []
    for name in sorted(per_partner):
        rows = per_partner[name]
        acked = [a - c for c, a, _m in rows if a is not None]
        durations += acked
        result.partners.append(
            PartnerTimes(
                partner=name,
                notices=len(rows),
                acknowledged=len(acked),
                median_hours=hours(statistics.median(acked)) if acked else None,
                missed=sum(1 for *_x, m in rows if m),
            )
        )
    result.notices = sum(p.notices for p in result.partners)
    result.acknowledged = len(durations)
    result.median_ack_hours = hours(statistics.median(durations)) if durations else None
    result.deadlines_missed = sum(p.missed for p in result.partners)

    signals = AvoidanceSignal.objects.all()
    if organisations is not None:
        signals = signals.filter(organisation__in=organisations)
    if start:
        signals = signals.filter(observed_on__gte=start)
    if end:
        signals = signals.filter(observed_on__lte=end)
    result.avoidance_by_kind = _rows(_counts(signals, "kind"), AvoidanceKind.choices)
    result.avoidance_total = sum(r.count for r in result.avoidance_by_kind)
    return result
