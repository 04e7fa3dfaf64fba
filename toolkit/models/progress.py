"""Each organisation's progress on the checklist, and the history of every change."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import OrganisationPage

from .checklist import (
    MONTHS_AFTER_COMPLETION,
    ChecklistItem,
    Recurrence,
    add_months,
    next_term_start,
)


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "niet_gestart", _("Niet gestart")
    IN_PROGRESS = "bezig", _("Bezig")
    DONE = "gereed", _("Gereed")
    NOT_APPLICABLE = "nvt", _("Niet van toepassing")


class ChecklistProgress(models.Model):
    """Where one organisation stands on one checklist item. Write through toolkit.progress."""

    organisation = models.ForeignKey(
        OrganisationPage,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    item = models.ForeignKey(
        ChecklistItem,
        verbose_name=_("checklistpunt"),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProgressStatus.choices,
        default=ProgressStatus.NOT_STARTED,
        help_text=_(
            "Niet van toepassing telt niet mee in het percentage gereed. Een terugkerend punt "
            "staat na de herhaaltermijn vanzelf weer op niet gestart."
        ),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        help_text=_(
            "Wie dit punt oppakt; ziet het op het eigen dashboard en krijgt de herinnering."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_date = models.DateField(
        _("streefdatum"),
        null=True,
        blank=True,
        help_text=_(
            "Is het punt op deze datum nog niet gereed, dan krijgt de eigenaar een herinnering "
            "per e-mail."
        ),
    )
    note = models.TextField(
        _("notitie"), blank=True, help_text=_("Afspraken, stand van zaken, vervolgstappen.")
    )
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("bewijsstuk (document)"),
        help_text=_(
            "Document waaruit blijkt dat het punt is uitgevoerd, bijvoorbeeld een besluit."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("bewijsstuk (pagina)"),
        help_text=_("Pagina waaruit blijkt dat het punt is uitgevoerd, bijvoorbeeld het protocol."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completed_on = models.DateField(
        _("afgerond op"),
        null=True,
        blank=True,
        editable=False,
    )  # set when the status becomes done (toolkit.progress)
    reminded_on = models.DateField(
        _("herinnerd op"),
        null=True,
        blank=True,
        editable=False,
    )  # the owner's last reminder for the current due date (toolkit.tasks)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("voortgang checklistpunt")
        verbose_name_plural = _("voortgang checklist")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "item"], name="toolkit_progress_once"),
            models.CheckConstraint(
                condition=models.Q(status__in=ProgressStatus.values), name="toolkit_progress_status"
            ),
            models.CheckConstraint(
                condition=models.Q(status=ProgressStatus.DONE, completed_on__isnull=False)
                | (~models.Q(status=ProgressStatus.DONE) & models.Q(completed_on__isnull=True)),
                name="toolkit_progress_completed_iff_done",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.item}"

    @property
    def repeat_on(self) -> datetime.date | None:
        """When a finished item comes back: quarterly and yearly items counted from completion,
        per-term items at the next start of the organisation's term (None while the
        organisation has not entered its term start); never for one-off, per-event and
        per-incident items, nor for unfinished ones."""
        if self.status != ProgressStatus.DONE:
            return None
        recurrence = self.item.recurrence
        if recurrence in MONTHS_AFTER_COMPLETION:
            return add_months(self.completed_on, MONTHS_AFTER_COMPLETION[recurrence])
        if recurrence == Recurrence.TERM and self.organisation.term_start:
            return next_term_start(self.organisation.term_start, self.completed_on)
        return None

    @property
    def has_calendar(self) -> bool:
        """False for items that come with every event or incident: they have no due date."""
        return self.item.recurrence not in (Recurrence.PER_EVENT, Recurrence.PER_INCIDENT)

    @property
    def needs_term_start(self) -> bool:
        """A finished per-term item cannot come back until the organisation's term start is
        known."""
        return (
            self.status == ProgressStatus.DONE
            and self.item.recurrence == Recurrence.TERM
            and not self.organisation.term_start
        )

    @property
    def is_overdue(self) -> bool:
        return (
            self.has_calendar
            and self.due_date is not None
            and self.status in (ProgressStatus.NOT_STARTED, ProgressStatus.IN_PROGRESS)
            and self.due_date < timezone.localdate()
        )


class ChecklistProgressChange(models.Model):
    """History: one row per change of a progress record, never edited."""

    progress = models.ForeignKey(
        ChecklistProgress,
        verbose_name=_("voortgang"),
        on_delete=models.CASCADE,
        related_name="history",
    )
    changed_at = models.DateTimeField(_("tijdstip"), default=timezone.now)
    # None for an automatic change (the daily sweep of toolkit.tasks).
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Per field its old and new value, as text: {field: [old, new]}.
    changes = models.JSONField(_("wijzigingen"))
    # Why, for automatic changes.
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("wijziging voortgang")
        verbose_name_plural = _("geschiedenis voortgang")

    def __str__(self) -> str:
        return f"{self.progress} @ {self.changed_at:%Y-%m-%d %H:%M}"

    def change_list(self) -> list[tuple[str, str, str]]:
        """(field label, old, new) for display."""
        return [
            (str(ChecklistProgress._meta.get_field(field).verbose_name), old, new)
            for field, (old, new) in self.changes.items()
        ]
