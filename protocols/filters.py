"""Filters of the national protocols overview."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from home.models import OrganisationKind

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


class ProtocolOverviewFilterSet(WagtailFilterSet):
    """Expects the queryset of protocols.views.overview (annotated kind, behind, in_moderation)."""

    kind = django_filters.ChoiceFilter(
        label=_("Soort organisatie"), choices=OrganisationKind.choices, method="filter_kind"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=OverviewStatus.CHOICES, method="filter_status"
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
