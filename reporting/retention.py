"""Retention: personal data of a closed melding is removed once the organisation's retention
period after closure has passed, by the same erasure as on request (.erasure). The melding
itself (non-personal facts, kinds, history, notices) stays for the anonymous figures; a
PurgeRecord is the deletion record."""

from __future__ import annotations

import datetime
import logging

from django.db.models import DateTimeField, Max, OuterRef, QuerySet, Subquery
from django.utils import timezone

from home.models import OrganisationPage
from home.tenancy import originals
from meldingen.models import Melding, MeldingHistory, Status
from reporting.erasure import AlreadyErased, erase_personal_data
from reporting.figures import CLOSED_STATUSES
from reporting.models import DEFAULT_RETENTION_YEARS, PurgeReason, RetentionPolicy

logger = logging.getLogger(__name__)


def retention_years(organisation: OrganisationPage) -> int:
    policy = RetentionPolicy.objects.filter(organisation=organisation).first()
    return policy.years if policy else DEFAULT_RETENTION_YEARS


def years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def with_closed_at(meldingen: QuerySet[Melding]) -> QuerySet[Melding]:
    """Annotate closed_at: the last time the melding was closed (it may have been reopened)."""
    last_closed = (
        MeldingHistory.objects.filter(melding=OuterRef("pk"), to_status=Status.CLOSED)
        .order_by()
        .values("melding")
        .annotate(at=Max("at"))
        .values("at")
    )
    return meldingen.annotate(closed_at=Subquery(last_closed, output_field=DateTimeField()))


def due_for_purge(organisation: OrganisationPage, now: datetime.datetime) -> QuerySet[Melding]:
    """Closed meldingen of the organisation whose retention period has passed, not yet purged."""
    cutoff = years_before(now, retention_years(organisation))
    return with_closed_at(
        Melding.objects.filter(
            organisation=organisation, status__in=CLOSED_STATUSES, purge_record__isnull=True
        )
    ).filter(closed_at__lte=cutoff)


def purge(now: datetime.datetime | None = None, *, dry_run: bool = False) -> list[Melding]:
    """Purge every melding due, organisation by organisation; returns those (to be) purged."""
    now = now or timezone.now()
    done = []
    for organisation in originals():
        years = retention_years(organisation)
        for melding in due_for_purge(organisation, now):
            if not dry_run:
                try:
                    erase_personal_data(
                        melding,
                        reason_kind=PurgeReason.RETENTION,
                        now=now,
                        closed_at=melding.closed_at,
                        years=years,
                    )
                except AlreadyErased:  # erased on request meanwhile
                    continue
            done.append(melding)
    logger.info("retention purge: %d meldingen", len(done))
    return done
