"""Product metrics for Prometheus, computed from the database at scrape time (one aggregate
query per subject, eight in all), so every web process answers the same values. Registered
once per process by core.metrics (settings.METRICS_COLLECTORS); docs/metrics.md explains each
in Dutch.

No personal data and no organisation's own text in any label: only totals and the codes of
fixed choices (organisation kind, notice state, purge reason)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError
from django.db.models import Count, Min, Q, Sum
from django.utils import timezone
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from wagtail.models import TaskState, WorkflowState

from core.health import oldest_wait_seconds
from core.models import AuditAction, AuditEvent
from home.models import OrganisationKind
from meldingen.models import Melding
from partners.models import Notice, NoticeStatus
from reporting.models import PurgeReason, PurgeRecord

logger = logging.getLogger(__name__)

PREFIX = "veiligbestuur_"


def _families() -> dict[str, Metric]:
    return {
        "received": CounterMetricFamily(
            f"{PREFIX}meldingen_received",
            "Meldingen received since the start, per organisation kind.",
            labels=["organisation_kind"],
        ),
        "notices": GaugeMetricFamily(
            f"{PREFIX}partner_notices",
            "Notices to partners, per delivery state.",
            labels=["state"],
        ),
        "overdue": GaugeMetricFamily(
            f"{PREFIX}partner_notices_overdue",
            "Notices whose acknowledgement deadline has passed without an acknowledgement.",
        ),
        "task_wait": GaugeMetricFamily(
            f"{PREFIX}task_queue_oldest_wait_seconds",
            "How long the longest-waiting runnable background task has waited (0: none).",
        ),
        "moderation_waiting": GaugeMetricFamily(
            f"{PREFIX}moderation_waiting",
            "Meldingen waiting in a moderation step.",
        ),
        "moderation_wait": GaugeMetricFamily(
            f"{PREFIX}moderation_oldest_wait_seconds",
            "How long the melding that waits longest in its moderation step has waited (0: none).",
        ),
        "failed_logins": GaugeMetricFamily(
            f"{PREFIX}failed_logins",
            "Failed login attempts within the last lock-out window (LOGIN_LOCKOUT window).",
        ),
        "lockouts": GaugeMetricFamily(
            f"{PREFIX}login_lockouts",
            "Accounts and client addresses locked out now, per kind of lock-out.",
            labels=["by"],
        ),
        "purges": CounterMetricFamily(
            f"{PREFIX}purges",
            "Meldingen whose personal data was erased, per reason.",
            labels=["reason"],
        ),
        "up": GaugeMetricFamily(
            f"{PREFIX}product_metrics_up",
            "1 when the product metrics could be read from the database, else 0.",
        ),
    }


def _counts(queryset, key: str) -> dict[str, int]:
    return dict(queryset.order_by().values_list(key).annotate(n=Count("pk")))


def _age(since, now) -> float:
    return max(0.0, (now - since).total_seconds()) if since else 0.0


def _meldingen(families: dict[str, Metric]) -> None:
    counts = _counts(Melding.objects, "organisation__kind")
    for kind in OrganisationKind.values:
        families["received"].add_metric([kind], counts.get(kind, 0))


def _notices(families: dict[str, Metric], now) -> None:
    rows = (
        Notice.objects.order_by()
        .values_list("status")
        .annotate(
            n=Count("pk"),
            overdue=Count("pk", filter=Q(acknowledged_at__isnull=True, deadline_at__lt=now)),
        )
    )
    by_state = {status: (n, overdue) for status, n, overdue in rows}
    for state in NoticeStatus.values:
        families["notices"].add_metric([state], by_state.get(state, (0, 0))[0])
    families["overdue"].add_metric([], sum(overdue for _n, overdue in by_state.values()))


def _moderation(families: dict[str, Metric], now) -> None:
    """Meldingen whose workflow (workflows.engine) has a step in progress: the partial unique
    index of in-progress workflow states per object finds them."""
    waiting = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Melding),
        status=WorkflowState.STATUS_IN_PROGRESS,
        current_task_state__status=TaskState.STATUS_IN_PROGRESS,
    ).aggregate(n=Count("pk"), since=Min("current_task_state__started_at"))
    families["moderation_waiting"].add_metric([], waiting["n"])
    families["moderation_wait"].add_metric([], _age(waiting["since"], now))


def _logins(families: dict[str, Metric], now) -> None:
    """Failed attempts from the audit trail (core.signals records every one, whichever
    mechanism locks out; found by the index on organisation and time). Lock-outs from
    django-axes' attempts (accounts.lockout), when it is installed: per account and per
    address, the failures within the window against that one's own limit."""
    limits = settings.LOGIN_LOCKOUT
    start = now - timedelta(seconds=limits["window"])
    failed = AuditEvent.objects.filter(
        organisation__isnull=True, at__gte=start, action=AuditAction.LOGIN_FAILED
    ).count()
    families["failed_logins"].add_metric([], failed)
    if not apps.is_installed("axes"):
        return
    from axes.models import AccessAttempt

    recent = AccessAttempt.objects.filter(attempt_time__gte=start).order_by()
    for by, field, known, limit in (
        ("account", "username", ~Q(username="") & Q(username__isnull=False), "attempts_per_user"),
        ("address", "ip_address", Q(ip_address__isnull=False), "attempts_per_address"),
    ):
        locked = (
            recent.filter(known)
            .values(field)
            .annotate(failures=Sum("failures_since_start"))
            .filter(failures__gte=limits[limit])
            .count()
        )
        families["lockouts"].add_metric([by], locked)


def _purges(families: dict[str, Metric]) -> None:
    counts = _counts(PurgeRecord.objects, "reason_kind")
    for reason in PurgeReason.values:
        families["purges"].add_metric([reason], counts.get(reason, 0))


class ProductCollector:
    """A prometheus_client collector: collect() runs at every scrape."""

    def describe(self) -> Iterator[Metric]:
        # Names only, without querying: the registry asks at registration.
        yield from _families().values()

    def collect(self) -> Iterator[Metric]:
        families = _families()
        now = timezone.now()
        try:
            _meldingen(families)
            _notices(families, now)
            families["task_wait"].add_metric([], oldest_wait_seconds())
            _moderation(families, now)
            _logins(families, now)
            _purges(families)
        except DatabaseError:
            # The process's own metrics still go out; this one tells the database is away.
            logger.exception("Productmetrieken konden niet uit de database worden gelezen")
            families["up"].add_metric([], 0)
            yield families["up"]
            return
        families["up"].add_metric([], 1)
        yield from families.values()
