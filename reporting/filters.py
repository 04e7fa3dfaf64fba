"""The filter of the registration screens and exports: the moderation filters plus a period
(on the date the incident occurred) and the organisation."""

from __future__ import annotations

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldingen.filters import ALL, MeldingFilterSet


def default_period() -> tuple[datetime.date, datetime.date]:
    """The last twelve whole months up to today."""
    today = timezone.localdate()
    start = today.replace(day=1, year=today.year - 1)
    if start.month == 12:
        start = start.replace(year=start.year + 1, month=1)
    else:
        start = start.replace(month=start.month + 1)
    return start, today


DATE_WIDGET = django_filters.widgets.forms.DateInput(attrs={"type": "date"})


class RegistrationFilterSet(MeldingFilterSet):
    occurred_from = django_filters.DateFilter(
        label=_("Voorgevallen vanaf"),
        field_name="occurred_at",
        lookup_expr="date__gte",
        widget=DATE_WIDGET,
    )
    occurred_until = django_filters.DateFilter(
        label=_("Voorgevallen tot en met"),
        field_name="occurred_at",
        lookup_expr="date__lte",
        widget=DATE_WIDGET,
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisatie"), queryset=None, empty_label=ALL
    )

    class Meta(MeldingFilterSet.Meta):
        fields = [*MeldingFilterSet.Meta.fields, "occurred_from", "occurred_until", "organisation"]

    def __init__(self, data=None, *args, organisations=None, **kwargs):
        start, end = default_period()
        data = data.copy() if data is not None else {}
        data.setdefault("occurred_from", start.isoformat())
        data.setdefault("occurred_until", end.isoformat())
        super().__init__(data, *args, **kwargs)
        self.filters["organisation"].queryset = organisations
        if organisations is not None and organisations.count() < 2:
            del self.filters["organisation"]

    def period(self) -> tuple[datetime.date | None, datetime.date | None]:
        cleaned = self.form.cleaned_data if self.is_valid() else {}
        return cleaned.get("occurred_from"), cleaned.get("occurred_until")
