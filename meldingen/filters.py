"""django-filter set for the meldingen listing."""

import django_filters
from django.utils.translation import gettext_lazy as _

from meldingen.models import BehaviourKind, Melding, Severity, Status


class MeldingFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    severity = django_filters.ChoiceFilter(label=_("Ernst"), choices=Severity.choices)
    urgent = django_filters.BooleanFilter(label=_("Spoed"))
    kind = django_filters.ChoiceFilter(
        label=_("Soort gedrag"), choices=BehaviourKind.choices, field_name="behaviours__kind"
    )

    class Meta:
        model = Melding
        fields = ["status", "severity", "urgent", "kind"]
