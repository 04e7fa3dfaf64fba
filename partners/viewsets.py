"""Admin for ketenpartners and routing rules. Wagtail's generic views check model-level
permissions; every view here is also scoped to the user's own organisations by the model's
registered permission policy (home.tenancy.OrganisationPermissionPolicy)."""

from __future__ import annotations

from django import forms
from django.db.models import F
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusFlagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from home.tenancy import is_national_editor
from meldingen.models import (
    BehaviourKind,
    Channel,
    PerpetratorType,
    ReporterRole,
    Severity,
    Wish,
)
from partners.filters import PartnerFilterSet, RoutingRuleFilterSet
from partners.models import Partner, PartnerKind, RoutingRule


def yes_no(name: str, label) -> StatusFlagColumn:
    """A yes/no column read as words, never True or False."""
    return StatusFlagColumn(name, label=label, true_label=_("Ja"), false_label=_("Nee"))


def scoped(queryset, user):
    return policy_registry.get_by_type(queryset.model).scope(queryset, user)


class ScopedMixin:
    def scope(self, queryset):
        return scoped(queryset, self.request.user)

    def get_queryset(self):
        return self.scope(super().get_queryset())


class ScopedObjectMixin:
    def get_base_object_queryset(self):
        return scoped(super().get_base_object_queryset(), self.request.user)


class ScopedIndexView(ScopedMixin, generic.IndexView):
    """The table scrolls sideways inside its box on a phone; a user of one organisation does
    not get a column repeating its name on every row."""

    results_template_name = "partners/admin/listing_results.html"

    @cached_property
    def columns(self):
        columns = super().columns
        policy = policy_registry.get_by_type(self.model)
        if policy.organisations(self.request.user)[:2].count() > 1:
            return columns
        return [column for column in columns if column.name != "organisation"]


class ScopedEditView(ScopedMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedMixin, generic.DeleteView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class OrganisationScopedForm(WagtailAdminModelForm):
    """Limit the organisation choice to the user's own; only national editors may leave it
    empty (a national default rule)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        national = self.for_user is not None and is_national_editor(self.for_user)
        policy = policy_registry.get_by_type(self._meta.model)
        if "users" in self.fields and not national:
            # The account list would show every user of every organisation: national only.
            del self.fields["users"]
        field = self.fields.get("organisation")
        if field is not None and self.for_user is not None:
            field.queryset = policy.organisations(self.for_user)
            field.required = not policy.may_leave_organisation_empty(self.for_user)


class ScopedViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_enabled = False
    copy_view_enabled = False
    add_to_admin_menu = False


class PartnerKindViewSet(ModelViewSet):
    model = PartnerKind
    icon = "group"
    menu_label = _("Soorten ketenpartners")
    list_display = [
        "name",
        yes_no("internal", _("Intern")),
        "ack_deadline_hours",
        "urgent_ack_deadline_hours",
    ]
    form_fields = [
        "code",
        "name",
        "description",
        "internal",
        "ack_deadline_hours",
        "urgent_ack_deadline_hours",
        "sort_order",
    ]
    inspect_view_enabled = False
    copy_view_enabled = False


class PartnerViewSet(ScopedViewSet):
    model = Partner
    icon = "user"
    menu_label = _("Ketenpartners")
    list_display = [
        "name",
        "kind",
        "organisation",
        Column(
            "notification_email",
            label=_("E-mailadres voor berichten"),
            sort_key="notification_email",
            classname="vb-break",
        ),
        "checked_on",
        yes_no("active", _("Actief")),
    ]
    filterset_class = PartnerFilterSet
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("kind"),
            FieldPanel("name"),
            FieldPanel("notification_email"),
            FieldPanel("phone"),
            FieldPanel("checked_on"),
            FieldPanel("users"),
            FieldPanel("active"),
        ],
        base_form_class=OrganisationScopedForm,
    )


def _choices_field(name, label, choices):
    """A list of choices as check boxes, with the model field's help text."""
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=RoutingRule._meta.get_field(name).help_text,
    )


class RoutingRuleForm(OrganisationScopedForm):
    kinds = _choices_field("kinds", _("Soorten gedrag"), BehaviourKind.choices)
    channels = _choices_field("channels", _("Kanalen"), Channel.choices)
    wishes = _choices_field("wishes", _("Wensen van de melder"), Wish.choices)
    reporter_roles = _choices_field("reporter_roles", _("Rol van de melder"), ReporterRole.choices)
    perpetrator_types = _choices_field(
        "perpetrator_types", _("Soort dader"), PerpetratorType.choices
    )


# (field, label, choices) of the list conditions, in the order of the form.
LIST_CONDITIONS = [
    ("kinds", _("Gedrag"), BehaviourKind),
    ("channels", _("Kanaal"), Channel),
    ("wishes", _("Wens"), Wish),
    ("reporter_roles", _("Rol"), ReporterRole),
    ("perpetrator_types", _("Dader"), PerpetratorType),
]


def _label(choices, value: str) -> str:
    """The label of a stored value; a value no longer among the choices shows as is."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def conditions_text(rule: RoutingRule) -> str:
    """The rule's conditions in words (labels, never codes), e.g. 'Rol: Raadslid, Wethouder'."""
    parts = [
        f"{label}: {', '.join(_label(choices, value) for value in getattr(rule, field))}"
        for field, label, choices in LIST_CONDITIONS
        if getattr(rule, field)
    ]
    if rule.min_severity:
        parts.insert(1, f"{_('Ernst vanaf')}: {_label(Severity, rule.min_severity)}")
    if rule.urgent_only:
        parts.append(str(_("alleen bij spoed")))
    return "; ".join(parts) or str(_("Altijd"))


def targets_text(rule: RoutingRule) -> str:
    return ", ".join(kind.name for kind in rule.partner_kinds.all())


def organisation_text(rule: RoutingRule) -> str:
    return rule.organisation.title if rule.organisation_id else str(_("Landelijk"))


class RuleTitleColumn(TitleColumn):
    """The rule's name; a national rule a coordinator cannot change says so."""

    cell_template_name = "partners/admin/rule_title_cell.html"


class RoutingRuleIndexView(ScopedIndexView):
    """The organisation's own rules and, read-only, the national rules that also route its
    meldingen, in the order they apply (partners.rules.rules_for)."""

    template_name = "partners/admin/rule_index.html"

    @cached_property
    def national_editor(self) -> bool:
        return is_national_editor(self.request.user)

    def scope(self, queryset):
        own = super().scope(queryset)
        if self.national_editor:
            return own
        return own | queryset.filter(organisation__isnull=True, active=True)

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("organisation")
            .prefetch_related("partner_kinds")
        )

    def order_queryset(self, queryset):
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        return queryset.order_by(F("organisation_id").asc(nulls_last=True), "sort_order", "pk")

    def _get_title_column(self, field_name, column_class=RuleTitleColumn, **kwargs):
        return super()._get_title_column(field_name, column_class, **kwargs)

    def read_only(self, instance) -> bool:
        return instance.organisation_id is None and not self.national_editor

    def get_edit_url(self, instance):
        return None if self.read_only(instance) else super().get_edit_url(instance)

    def get_delete_url(self, instance):
        return None if self.read_only(instance) else super().get_delete_url(instance)


class RoutingRuleViewSet(ScopedViewSet):
    model = RoutingRule
    icon = "resubmit"
    menu_label = _("Routeringsregels")
    index_view_class = RoutingRuleIndexView
    list_display = [
        "name",
        Column("origin", label=_("Herkomst"), accessor=organisation_text),
        Column("conditions", label=_("Voorwaarden"), accessor=conditions_text),
        Column("targets", label=_("Naar"), accessor=targets_text),
        "sort_order",
        yes_no("active", _("Actief")),
    ]
    filterset_class = RoutingRuleFilterSet
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("name"),
            FieldPanel("sort_order"),
            FieldPanel("active"),
            MultiFieldPanel(
                [
                    FieldPanel("kinds"),
                    FieldPanel("min_severity"),
                    FieldPanel("channels"),
                    FieldPanel("wishes"),
                    FieldPanel("reporter_roles"),
                    FieldPanel("perpetrator_types"),
                    FieldPanel("urgent_only"),
                ],
                heading=_("Voorwaarden (leeg = altijd)"),
            ),
            FieldPanel("partner_kinds", widget=forms.CheckboxSelectMultiple),
            FieldPanel("instruction"),
        ],
        base_form_class=RoutingRuleForm,
    )


class KetenpartnersGroup(ViewSetGroup):
    menu_label = _("Ketenpartners")
    menu_icon = "group"
    menu_order = 160
    items = (PartnerViewSet, RoutingRuleViewSet, PartnerKindViewSet)
