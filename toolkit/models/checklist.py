"""The Checklist Veilig Openbaar Bestuur: national content, organisations' own items under its
headings, recurrence, and the public page."""

from __future__ import annotations

import calendar
import datetime

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.forms import BaseChildFormSet
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import OrganisationPage
from home.page_facts import PageFactsMixin


class ChecklistPhase(models.TextChoices):
    PREPARATION = "voorbereiding", _("1. Voorbereiding")
    EXECUTION = "uitvoering", _("2. Uitvoering – door het jaar heen")


class Recurrence(models.TextChoices):
    """When an item comes back. Only quarterly, yearly and per-term items have a calendar date;
    per-event and per-incident items are done each time the occasion arises."""

    ONCE = "eenmalig", _("eenmalig")
    PER_EVENT = "per_evenement", _("bij elk evenement")
    PER_INCIDENT = "per_incident", _("na elk incident")
    QUARTERLY = "kwartaal", _("elk kwartaal")
    YEARLY = "jaarlijks", _("jaarlijks")
    TERM = "termijn", _("per zittings- of collegetermijn")


# Months after completion for the recurrences counted from the completion date.
MONTHS_AFTER_COMPLETION = {Recurrence.QUARTERLY: 3, Recurrence.YEARLY: 12}
# Recurrences that put an item back on the calendar (the daily sweep reopens them).
CALENDAR_RECURRENCES = [*MONTHS_AFTER_COMPLETION, Recurrence.TERM]
TERM_MONTHS = 48  # raad, Staten and algemeen bestuur are elected for four years


def add_months(day: datetime.date, months: int) -> datetime.date:
    """day plus a number of months, clamped to the last day of the target month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_term_start(term_start: datetime.date, after: datetime.date) -> datetime.date:
    """The first start of a term (term_start plus a multiple of four years) after `after`."""
    terms = (after.year - term_start.year) // 4 - 1
    start = add_months(term_start, TERM_MONTHS * terms)
    while start <= after:
        terms += 1
        start = add_months(term_start, TERM_MONTHS * terms)
    return start


class NationalItemsPanel(InlinePanel):
    """The items of a heading in the national editor: only the national ones. Organisations'
    own items under the heading stay untouched when the heading is saved."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = NationalItemsFormSet
        return options


class NationalItemsFormSet(BaseChildFormSet):
    def __init__(self, data=None, files=None, instance=None, queryset=None, **kwargs):
        if queryset is None and instance is not None and instance.pk:
            queryset = instance.items.filter(organisation__isnull=True)
        super().__init__(data, files, instance=instance, queryset=queryset, **kwargs)


class ChecklistHeading(ClusterableModel):
    """A heading of the checklist with its items, maintained by the national editors."""

    phase = models.CharField(
        _("fase"),
        max_length=20,
        choices=ChecklistPhase.choices,
    )
    title = models.CharField(_("kop"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Volgorde binnen de fase; lager staat eerder.")
    )

    panels = [
        FieldPanel("phase"),
        FieldPanel("title"),
        FieldPanel("sort_order"),
        NationalItemsPanel("items", heading=_("Punten"), label=_("Punt"), min_num=1),
    ]

    class Meta:
        ordering = ["phase", "sort_order", "pk"]
        verbose_name = _("checklistkop")
        verbose_name_plural = _("checklist")
        constraints = [
            models.UniqueConstraint(fields=["phase", "title"], name="toolkit_heading_unique"),
            models.CheckConstraint(
                condition=models.Q(phase__in=ChecklistPhase.values), name="toolkit_heading_phase"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ChecklistItem(Orderable):
    """One point of the checklist: national (from the Checklist Veilig Openbaar Bestuur) or an
    organisation's own point under a national heading."""

    heading = ParentalKey(ChecklistHeading, on_delete=models.CASCADE, related_name="items")
    # Empty for national items; an organisation's own item is seen and kept by it alone.
    organisation = models.ForeignKey(
        OrganisationPage,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
    )
    text = models.CharField(
        _("punt"),
        max_length=300,
        help_text=_("Letterlijk zoals in de Checklist Veilig Openbaar Bestuur."),
    )
    explanation = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_(
            "Wat dit in de praktijk inhoudt; organisaties zien dit bij het bijhouden van hun "
            "voortgang."
        ),
    )
    recurrence = models.CharField(
        _("herhaling"),
        max_length=20,
        choices=Recurrence.choices,
        default=Recurrence.ONCE,
        help_text=_(
            "Per kwartaal of jaarlijks: het punt staat na die tijd weer open. Per termijn: weer "
            "open bij de start van de volgende zittingstermijn van de organisatie. Bij elk "
            "evenement of na elk incident: geen datum, het punt hoort bij elke gelegenheid."
        ),
    )

    panels = [FieldPanel("text"), FieldPanel("explanation"), FieldPanel("recurrence")]

    class Meta(Orderable.Meta):
        verbose_name = _("checklistpunt")
        verbose_name_plural = _("checklistpunten")
        constraints = [
            models.UniqueConstraint(
                fields=["heading", "text"],
                condition=models.Q(organisation__isnull=True),
                name="toolkit_item_unique",
            ),
            models.UniqueConstraint(
                fields=["heading", "organisation", "text"],
                condition=models.Q(organisation__isnull=False),
                name="toolkit_own_item_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(recurrence__in=Recurrence.values), name="toolkit_item_recurrence"
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def recurrence_label(self) -> str:
        """The recurrence as shown next to the item; empty for one-off items and where the
        item's own text already says it (\"Per zittings- of collegetermijn ...\")."""
        if self.recurrence == Recurrence.ONCE:
            return ""
        label = str(self.get_recurrence_display())
        return "" if label.lower() in self.text.lower() else label


def checklist_phases(organisation: OrganisationPage | None = None) -> list[dict]:
    """[{value, label, headings: [heading with .item_list]}] in checklist order: the national
    items, followed per heading by the organisation's own items when one is given."""
    own = models.Q(organisation__isnull=True)
    if organisation is not None:
        own |= models.Q(organisation=organisation)
    items = models.Prefetch(
        "items",
        queryset=ChecklistItem.objects.filter(own).order_by(
            models.F("organisation").asc(nulls_first=True), "sort_order", "pk"
        ),
    )
    headings = list(ChecklistHeading.objects.prefetch_related(items))
    phases = []
    for value, label in ChecklistPhase.choices:
        phase_headings = [h for h in headings if h.phase == value]
        for heading in phase_headings:
            heading.item_list = list(heading.items.all())
        phases.append({"value": value, "label": label, "headings": phase_headings})
    return phases


class ChecklistPage(PageFactsMixin, Page):
    """Public view of the Checklist Veilig Openbaar Bestuur (content: toolkit.ChecklistHeading)."""

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("checklist_text"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")

    def checklist_text(self) -> str:
        """All headings and national items, for the search index (re-indexed when they change)."""
        return "\n".join(
            "\n".join([heading.title, *(item.text for item in heading.item_list)])
            for phase in checklist_phases()
            for heading in phase["headings"]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's stored fragment is missing (national changes empty it,
        # toolkit.signals).
        context["phases"] = SimpleLazyObject(checklist_phases)
        return context
