"""Formal adoption (vaststelling) of an organisation's protocol, and when to review it.

Publishing makes a protocol public; adopting is the decision of the competent body that makes it
the organisation's policy. A decision covers the content that was live when it was recorded
(AdoptionDecision.content_digest); a later publication with other content is "changed since
adoption" until a new decision is recorded, or an editor confirms that the change needs none.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.log_actions import log

from home.caching import invalidate_pages
from home.models import OrganisationPage

from .adoption_status import (
    BODIES_PER_KIND,
    AdoptingBody,
    AdoptionState,
    AdoptionStatus,
    adoption_state,
)
from .models import AdoptionDecision, ProtocolPage
from .section_content import ProtocolError, content_digest

TERM_YEARS = 4

__all__ = [
    "AdoptionState",
    "AdoptionStatus",
    "adoption_state",
    "annotated_state",
    "bodies_for",
    "confirm_without_new_decision",
    "default_review_date",
    "record_decision",
    "with_adoption",
]


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def default_review_date(
    organisation: OrganisationPage | None, decided_on: datetime.date
) -> datetime.date:
    """The start of the organisation's next term of office, at most four years after the
    decision; four years when the organisation's term start is not known."""
    limit = add_years(decided_on, TERM_YEARS)
    term_start = getattr(organisation, "term_start", None)
    if not term_start:
        return limit
    next_term = term_start
    while next_term <= decided_on:
        next_term = add_years(next_term, TERM_YEARS)
    return min(next_term, limit)


def bodies_for(kind: str | None) -> list[AdoptingBody]:
    return list(BODIES_PER_KIND.get(kind, AdoptingBody))


def with_adoption(protocols: QuerySet[ProtocolPage]) -> QuerySet[ProtocolPage]:
    """protocols annotated with their latest decision: adopted_on, adopted_by_body, review_on,
    adopted_digest (None when never adopted); one query for any number of rows."""
    latest = AdoptionDecision.objects.filter(protocol=OuterRef("pk")).order_by("-decided_on", "-pk")
    return protocols.annotate(
        adopted_on=Subquery(latest.values("decided_on")[:1]),
        adopted_by_body=Subquery(latest.values("adopted_by")[:1]),
        review_on=Subquery(latest.values("review_on")[:1]),
        adopted_digest=Subquery(latest.values("content_digest")[:1]),
    )


def annotated_state(protocol: ProtocolPage) -> AdoptionState:
    """adoption_state for a row of with_adoption, without further queries."""
    decision = None
    if protocol.adopted_on:
        decision = AdoptionDecision(
            protocol=protocol,
            adopted_by=protocol.adopted_by_body,
            decided_on=protocol.adopted_on,
            review_on=protocol.review_on,
            content_digest=protocol.adopted_digest,
        )
    changed = bool(
        decision and protocol.live and protocol.adopted_digest != protocol.content_digest
    )
    return AdoptionState(decision, changed, timezone.localdate())


def _live_content(protocol: ProtocolPage) -> tuple[ProtocolPage, str]:
    protocol = ProtocolPage.objects.select_for_update().get(pk=protocol.pk)
    if not protocol.live or protocol.live_revision_id is None:
        raise ProtocolError(
            _("Publiceer het protocol eerst: een besluit stelt de gepubliceerde versie vast.")
        )
    digest = content_digest(protocol)
    if digest != protocol.content_digest:  # a row saved before digests existed
        ProtocolPage.objects.filter(pk=protocol.pk).update(content_digest=digest)
        protocol.content_digest = digest
    return protocol, digest


def _refresh_public_pages(protocol: ProtocolPage) -> None:
    invalidate_pages()
    batch = PurgeBatch()
    batch.add_page(protocol)
    transaction.on_commit(batch.purge, robust=True)


@transaction.atomic
def record_decision(
    protocol: ProtocolPage,
    user,
    adopted_by: str,
    decided_on: datetime.date,
    reference: str,
    review_on: datetime.date | None = None,
) -> AdoptionDecision:
    """Record that adopted_by adopted the live version of protocol on decided_on."""
    protocol, digest = _live_content(protocol)
    organisation = OrganisationPage.for_page(protocol)
    if adopted_by not in bodies_for(organisation.kind if organisation else None):
        raise ProtocolError(_("Dit orgaan kan het protocol van deze organisatie niet vaststellen."))
    decision = AdoptionDecision.objects.create(
        protocol=protocol,
        adopted_by=adopted_by,
        decided_on=decided_on,
        reference=reference,
        review_on=review_on or default_review_date(organisation, decided_on),
        revision_id=protocol.live_revision_id,
        content_digest=digest,
        recorded_by=user,
    )
    log(
        instance=protocol,
        action="protocols.adoption_recorded",
        user=user,
        data={"adopted_by": adopted_by, "decided_on": decided_on.isoformat()},
    )
    _refresh_public_pages(protocol)
    return decision


@transaction.atomic
def confirm_without_new_decision(protocol: ProtocolPage, user) -> AdoptionDecision:
    """The editor judges the change since adoption editorial: the decision in force now covers
    the live version. Logged in the page history."""
    protocol, digest = _live_content(protocol)
    decision = protocol.adoptions.first()
    if decision is None:
        raise ProtocolError(_("Dit protocol is nog niet vastgesteld; leg eerst het besluit vast."))
    decision.content_digest = digest
    decision.revision_id = protocol.live_revision_id
    decision.save(update_fields=["content_digest", "revision"])
    log(instance=protocol, action="protocols.adoption_confirmed", user=user)
    return decision
