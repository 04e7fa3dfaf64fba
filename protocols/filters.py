"""Filters of the national protocols overview."""

from __future__ import annotations

import django_filters
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from home.models import OrganisationKind, OrganisationPage

from .adoption_status import REVIEW_NOTICE


class OverviewStatus:
    NONE = "geen_protocol"
    CURRENT = "actueel"
    BEHIND = "achter"
    DRAFT = "concept"
    IN_MODERATION = "ter_beoordeling"

    CHOICES = [
        (NONE, _("Geen protocol")),
        (DRAFT, _("Concept (nog niet gepubliceerd)")),
        (IN_MODERATION, _("Ter beoordeling")),
        (CURRENT, _("Gepubliceerd en actueel")),
        (BEHIND, _("Loopt achter op het sjabloon")),
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
    """Expects the organisations of protocols.views.overview.organisations_with_protocol
    (annotated with their protocol's state and latest adoption)."""

    name = django_filters.CharFilter(
        label=_("Naam bevat"), field_name="title", lookup_expr="icontains"
    )
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
        model = OrganisationPage
        fields: list[str] = []

    def filter_kind(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(kind=value)

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return {
            OverviewStatus.NONE: queryset.filter(protocol_pk__isnull=True),
            OverviewStatus.CURRENT: queryset.filter(
                protocol_live=True, behind=0, in_moderation=False
            ),
            OverviewStatus.BEHIND: queryset.filter(protocol_live=True, behind__gt=0),
            OverviewStatus.DRAFT: queryset.filter(protocol_live=False, in_moderation=False),
            OverviewStatus.IN_MODERATION: queryset.filter(in_moderation=True),
        }.get(value, queryset)

    def filter_adoption(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        adopted = Q(adopted_on__isnull=False)
        return {
            OverviewAdoption.NOT_ADOPTED: queryset.filter(
                protocol_pk__isnull=False, adopted_on__isnull=True
            ),
            OverviewAdoption.CHANGED: queryset.filter(
                adopted, ~Q(adopted_digest=F("protocol_digest")), protocol_live=True
            ),
            OverviewAdoption.REVIEW: queryset.filter(
                adopted, review_on__lte=timezone.localdate() + REVIEW_NOTICE
            ),
        }.get(value, queryset)
