"""Filters of the partner listings: the admin's ketenpartners and routing rules (Wagtail's
filter drilldown) and the partner inbox, whose status is what the partner did with a notice
(new, seen, acknowledged, answered), not its delivery state."""

import django_filters
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from meldingen.models import BehaviourKind
from partners.models import Notice, NoticeStatus, Partner, PartnerFeedback, PartnerKind, RoutingRule

ALL = _("Alle")
YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]


class InboxState(models.TextChoices):
    """A notice as the partner sees it, derived from what the partner did with it."""

    NEW = "nieuw", _("Nieuw")
    SEEN = "bekeken", _("Bekeken")
    ACKNOWLEDGED = "bevestigd", _("Bevestigd")
    ANSWERED = "beantwoord", _("Beantwoord")


def with_inbox_state(notices):
    """notices annotated with ``inbox_state`` (an InboxState value): answered once the partner
    gave feedback, acknowledged, seen (opened), otherwise new."""
    answered = Exists(PartnerFeedback.objects.filter(notice=OuterRef("pk")))
    return notices.annotate(
        inbox_state=Case(
            When(answered, then=Value(InboxState.ANSWERED)),
            When(
                Q(acknowledged_at__isnull=False) | Q(status=NoticeStatus.ACKNOWLEDGED),
                then=Value(InboxState.ACKNOWLEDGED),
            ),
            When(opened_at__isnull=False, then=Value(InboxState.SEEN)),
            default=Value(InboxState.NEW),
            output_field=models.CharField(),
        )
    )


def yes_no_filter(label, field_name: str) -> django_filters.ChoiceFilter:
    """A yes/no filter whose empty choice reads "Alle" (not "Onbekend" or dashes)."""
    return django_filters.ChoiceFilter(
        label=label,
        choices=YES_NO,
        empty_label=ALL,
        method=lambda queryset, name, value: queryset.filter(**{field_name: value == "ja"}),
    )


class PartnerFilterSet(WagtailFilterSet):
    kind = django_filters.ModelChoiceFilter(
        label=_("Soort"), queryset=PartnerKind.objects.all(), empty_label=ALL
    )
    active = yes_no_filter(_("Actief"), "active")

    class Meta:
        model = Partner
        fields = ["kind", "active"]


class RoutingRuleFilterSet(WagtailFilterSet):
    national = django_filters.ChoiceFilter(
        label=_("Herkomst"),
        choices=[("eigen", _("Eigen regels")), ("landelijk", _("Landelijke regels"))],
        empty_label=ALL,
        method="filter_national",
    )
    active = yes_no_filter(_("Actief"), "active")

    class Meta:
        model = RoutingRule
        fields = ["national", "active"]

    def filter_national(self, queryset, name, value):
        return queryset.filter(organisation__isnull=value == "landelijk")


class NoticeFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=InboxState.choices,
        empty_label=ALL,
        field_name="inbox_state",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Soort gedrag"),
        choices=BehaviourKind.choices,
        field_name="melding__behaviours__kind",
        distinct=True,
        empty_label=ALL,
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
    # Choices are the user's organisations as (pk, title): loading them as pages cost a
    # quarter of the inbox's time.
    organisation = django_filters.ChoiceFilter(
        label=_("Organisatie"),
        field_name="melding__organisation",
        choices=[],
        empty_label=ALL,
    )

    class Meta:
        model = Notice
        fields = ["status", "kind", "received_from", "received_until", "organisation"]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:  # a queryset: bool() would load every page
            choices = organisations.order_by("title").values_list("pk", "title")
            self.filters["organisation"].extra["choices"] = [(str(pk), t) for pk, t in choices]

    @property
    def is_active(self) -> bool:
        """Some filter has a value (the inbox then shows its filters unfolded)."""
        return any(self.data.get(name) for name in self.filters)
