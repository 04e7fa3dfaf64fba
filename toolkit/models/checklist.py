"""The Checklist Veilig Openbaar Bestuur: national content and its public page."""

from __future__ import annotations

import calendar
import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.page_facts import PageFactsMixin


class ChecklistPhase(models.TextChoices):
    PREPARATION = "voorbereiding", _("1. Voorbereiding")
    EXECUTION = "uitvoering", _("2. Uitvoering – door het jaar heen")


class Recurrence(models.IntegerChoices):
    """How often an item comes back after it was done, in months (0: once)."""

    ONCE = 0, _("eenmalig")
    QUARTERLY = 3, _("elk kwartaal")
    YEARLY = 12, _("jaarlijks")
    TERM = 48, _("per zittings- of collegetermijn")


def add_months(day: datetime.date, months: int) -> datetime.date:
    """day plus a number of months, clamped to the last day of the target month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


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
        InlinePanel("items", heading=_("Punten"), label=_("Punt"), min_num=1),
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
    """One point of the checklist; recurring points come back after they were done."""

    heading = ParentalKey(ChecklistHeading, on_delete=models.CASCADE, related_name="items")
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
    recurrence = models.PositiveSmallIntegerField(
        _("herhaling"),
        choices=Recurrence.choices,
        default=Recurrence.ONCE,
        help_text=_(
            "Een terugkerend punt staat bij elke organisatie na deze termijn weer op niet gestart."
        ),
    )

    panels = [FieldPanel("text"), FieldPanel("explanation"), FieldPanel("recurrence")]

    class Meta(Orderable.Meta):
        verbose_name = _("checklistpunt")
        verbose_name_plural = _("checklistpunten")
        constraints = [
            models.UniqueConstraint(fields=["heading", "text"], name="toolkit_item_unique"),
            models.CheckConstraint(
                condition=models.Q(recurrence__in=Recurrence.values), name="toolkit_item_recurrence"
            ),
        ]

    def __str__(self) -> str:
        return self.text


def checklist_phases() -> list[dict]:
    """[{value, label, headings: [heading with .item_list]}] in checklist order."""
    headings = list(ChecklistHeading.objects.prefetch_related("items"))
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
        """All headings and items, for the search index (re-indexed when they change)."""
        return "\n".join(
            f"{heading.title}\n" + "\n".join(item.text for item in heading.items.all())
            for heading in ChecklistHeading.objects.prefetch_related("items")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["phases"] = checklist_phases()
        return context
