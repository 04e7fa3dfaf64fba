"""Filtering the toolkit: kind, audience, moment and free text, as a plain GET form."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import MOMENT_FIELDS, Audience, Moment, ResourceKind, ToolkitResourcePage


class ResourceFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoekwoorden"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Soort"), choices=ResourceKind.choices, empty_label=_("Alle soorten")
    )
    audience = django_filters.ModelChoiceFilter(
        label=_("Voor wie"),
        field_name="audiences",
        to_field_name="slug",
        queryset=Audience.objects.all(),
        empty_label=_("Iedereen"),
    )
    moment = django_filters.ChoiceFilter(
        label=_("Moment"),
        choices=Moment.choices,
        empty_label=_("Voor, tijdens en na"),
        method="filter_moment",
    )

    class Meta:
        model = ToolkitResourcePage
        fields = ["q", "kind", "audience", "moment"]

    def filter_moment(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(**{MOMENT_FIELDS[value]: True})

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The search backend (PostgreSQL full-text search on PostgreSQL) finds the matches;
        # the other filters and the national/local merge stay in the database query.
        matches = ToolkitResourcePage.objects.live().search(value, operator="and")
        return queryset.filter(pk__in=[page.pk for page in matches])
