"""Retention: personal data of a closed melding is removed once the organisation's retention
period after closure has passed. The melding itself (non-personal facts, kinds, history,
notices) stays for the anonymous figures; a PurgeRecord is the deletion record."""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.db.models import DateTimeField, Max, OuterRef, QuerySet, Subquery
from django.utils import timezone

from home.models import OrganisationPage
from workflows.models import (
    Melding,
    MeldingAddition,
    MeldingHistory,
    MeldingPersonalData,
    Status,
)

from .figures import CLOSED_STATUSES
from .models import DEFAULT_RETENTION_YEARS, PurgeRecord, RetentionPolicy

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


@transaction.atomic
def purge_melding(melding: Melding, *, years: int, now: datetime.datetime) -> PurgeRecord:
    """Remove the personal data of one melding (files included) and record that it happened."""
    personal = MeldingPersonalData.objects.filter(melding=melding).delete()[0]
    additions = MeldingAddition.objects.filter(melding=melding)
    addition_count = additions.count()
    additions.delete()
    attachments = list(melding.attachments.all())
    for attachment in attachments:
        name = attachment.file.name
        storage = attachment.file.storage
        attachment.delete()
        # Files go only once the rows are gone for good.
        transaction.on_commit(lambda s=storage, n=name: s.delete(n) if n else None)
    return PurgeRecord.objects.create(
        melding=melding,
        organisation_id=melding.organisation_id,
        reference=melding.reference,
        closed_at=melding.closed_at,
        retention_years=years,
        purged_at=now,
        personal_data_removed=bool(personal),
        attachments_removed=len(attachments),
        additions_removed=addition_count,
    )


def purge(now: datetime.datetime | None = None, *, dry_run: bool = False) -> list[Melding]:
    """Purge every melding due, organisation by organisation; returns those (to be) purged."""
    now = now or timezone.now()
    done = []
    for organisation in OrganisationPage.objects.filter(locale__language_code="nl"):
        years = retention_years(organisation)
        for melding in due_for_purge(organisation, now):
            if not dry_run:
                purge_melding(melding, years=years, now=now)
            done.append(melding)
    logger.info("retention purge: %d meldingen", len(done))
    return done
