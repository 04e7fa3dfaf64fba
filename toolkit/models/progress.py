"""Each organisation's progress on the checklist, and the history of every change."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import OrganisationPage

from .checklist import ChecklistItem, add_months


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
        help_text=_("De organisatie waarvan dit de voortgang is."),
        on_delete=models.CASCADE,
        related_name="+",
    )
    item = models.ForeignKey(
        ChecklistItem,
        verbose_name=_("checklistpunt"),
        help_text=_("Het punt uit de checklist."),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProgressStatus.choices,
        default=ProgressStatus.NOT_STARTED,
        help_text=_("Hoe ver de organisatie met dit punt is."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        help_text=_("Wie dit punt oppakt; krijgt een herinnering als het aan de beurt is."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_date = models.DateField(
        _("streefdatum"), null=True, blank=True, help_text=_("Wanneer dit punt klaar moet zijn.")
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
        help_text=_("Wordt gezet als de status op gereed komt."),
    )
    reminded_on = models.DateField(
        _("herinnerd op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Laatste herinnering aan de eigenaar voor de huidige streefdatum."),
    )
    updated_at = models.DateTimeField(
        _("bijgewerkt"), auto_now=True, help_text=_("Laatste wijziging.")
    )

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
        """When a finished recurring item comes back; None for one-off or unfinished items."""
        if self.status != ProgressStatus.DONE or not self.item.recurrence:
            return None
        return add_months(self.completed_on, self.item.recurrence)

    @property
    def is_overdue(self) -> bool:
        return (
            self.due_date is not None
            and self.status in (ProgressStatus.NOT_STARTED, ProgressStatus.IN_PROGRESS)
            and self.due_date < timezone.localdate()
        )


class ChecklistProgressChange(models.Model):
    """History: one row per change of a progress record, never edited."""

    progress = models.ForeignKey(
        ChecklistProgress,
        verbose_name=_("voortgang"),
        help_text=_("Het voortgangsrecord dat is gewijzigd."),
        on_delete=models.CASCADE,
        related_name="history",
    )
    changed_at = models.DateTimeField(
        _("tijdstip"), default=timezone.now, help_text=_("Wanneer de wijziging is gedaan.")
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        help_text=_("Leeg bij een automatische wijziging."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changes = models.JSONField(
        _("wijzigingen"), help_text=_("Per veld de oude en de nieuwe waarde, als tekst.")
    )
    reason = models.CharField(
        _("reden"), max_length=200, blank=True, help_text=_("Waarom, bij automatische wijzigingen.")
    )

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
