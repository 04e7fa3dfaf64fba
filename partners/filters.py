"""django-filter set for the partner inbox."""

import django_filters
from django.utils.translation import gettext_lazy as _

from meldingen.models import BehaviourKind
from partners.models import Notice, NoticeStatus


class NoticeFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=NoticeStatus.choices, empty_label=_("Alle")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Soort gedrag"),
        choices=BehaviourKind.choices,
        field_name="melding__behaviours__kind",
        distinct=True,
        empty_label=_("Alle"),
    )
    received_from = django_filters.DateFilter(
        label=_("Ontvangen vanaf"),
        field_name="created_at",
        lookup_expr="date__gte",
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )
    received_until = django_filters.DateFilter(
        label=_("Ontvangen tot en met"),
        field_name="created_at",
        lookup_expr="date__lte",
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisatie"),
        field_name="melding__organisation",
        queryset=None,
        empty_label=_("Alle"),
    )

    class Meta:
        model = Notice
        fields = ["status", "kind", "received_from", "received_until", "organisation"]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["organisation"].queryset = organisations
