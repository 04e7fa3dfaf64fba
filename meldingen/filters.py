"""Filters of the coordinator's meldingen listing (Wagtail's generic index view)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from meldingen.models import BehaviourKind, Melding, Severity, Status

ALL = _("Alle")


class MeldingFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=ALL)
    severity = django_filters.ChoiceFilter(
        label=_("Ernst"), choices=Severity.choices, empty_label=ALL
    )
    urgent = django_filters.ChoiceFilter(
        label=_("Spoed"),
        choices=[("ja", _("Alleen spoed")), ("nee", _("Zonder spoed"))],
        empty_label=ALL,
        method="filter_urgent",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Soort gedrag"),
        choices=BehaviourKind.choices,
        field_name="behaviours__kind",
        distinct=True,
        empty_label=ALL,
    )

    class Meta:
        model = Melding
        fields = ["status", "severity", "urgent", "kind"]

    def filter_urgent(self, queryset, name, value):
        return queryset.filter(urgent=value == "ja")
