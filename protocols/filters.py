"""Filters of the national protocols overview."""

from __future__ import annotations

import django_filters
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from home.models import OrganisationKind

from .adoption_status import REVIEW_NOTICE
from .models import ProtocolPage


class OverviewStatus:
    CURRENT = "actueel"
    BEHIND = "achter"
    DRAFT = "concept"
    IN_MODERATION = "ter_beoordeling"

    CHOICES = [
        (CURRENT, _("Gepubliceerd en actueel")),
        (BEHIND, _("Loopt achter op het sjabloon")),
        (DRAFT, _("Nog niet gepubliceerd")),
        (IN_MODERATION, _("Ter beoordeling")),
    ]


class OverviewAdoption:
    NOT_ADOPTED = "niet_vastgesteld"
    CHANGED = "gewijzigd"
    REVIEW = "herziening"

    CHOICES = [
        (NOT_ADOPTED, _("Niet vastgesteld")),
        (CHANGED, _("Gewijzigd na vaststelling")),
        (REVIEW, _("Herziening verlopen of binnenkort")),
    ]


class ProtocolOverviewFilterSet(WagtailFilterSet):
    """Expects the queryset of protocols.views.overview (annotated kind, behind, in_moderation,
    and the latest adoption of protocols.decisions.with_adoption)."""

    kind = django_filters.ChoiceFilter(
        label=_("Soort organisatie"), choices=OrganisationKind.choices, method="filter_kind"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=OverviewStatus.CHOICES, method="filter_status"
    )
    adoption = django_filters.ChoiceFilter(
        label=_("Vaststelling"), choices=OverviewAdoption.CHOICES, method="filter_adoption"
    )

    class Meta:
        model = ProtocolPage
        fields: list[str] = []

    def filter_kind(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(organisation_kind=value)

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return {
            OverviewStatus.CURRENT: queryset.filter(live=True, behind=0),
            OverviewStatus.BEHIND: queryset.filter(behind__gt=0),
            OverviewStatus.DRAFT: queryset.filter(live=False),
            OverviewStatus.IN_MODERATION: queryset.filter(in_moderation=True),
        }.get(value, queryset)

    def filter_adoption(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        adopted = Q(adopted_on__isnull=False)
        return {
            OverviewAdoption.NOT_ADOPTED: queryset.filter(adopted_on__isnull=True),
            OverviewAdoption.CHANGED: queryset.filter(
                adopted, ~Q(adopted_digest=F("content_digest")), live=True
            ),
            OverviewAdoption.REVIEW: queryset.filter(
                adopted, review_on__lte=timezone.localdate() + REVIEW_NOTICE
            ),
        }.get(value, queryset)
