"""Avoidance behaviour (vermijdingsgedrag) an office holder signals, with a melding or apart
from one. Holds no free text, so it stays after the purge as an anonymous figure."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldingen.models.choices import ReporterRole


class AvoidanceKind(models.TextChoices):
    EVENTS = "bijeenkomsten", _("Mijdt bijeenkomsten, werkbezoeken of vergaderingen")
    TOPICS = "onderwerpen", _("Mijdt onderwerpen of standpunten (zelfcensuur)")
    ONLINE = "online", _("Minder zichtbaar online of op sociale media")
    NOT_AGAIN = "niet_herkiesbaar", _("Overweegt zich niet opnieuw verkiesbaar te stellen")
    STOPPING = "stoppen", _("Overweegt tussentijds te stoppen")
    FAMILY = "naasten", _("Beperkt activiteiten van partner of gezin")
    OTHER = "anders", _("Anders")


class AvoidanceSignal(models.Model):
    """A signal of avoidance behaviour (vermijdingsgedrag), with or without a melding. Holds no
    free text, so it stays after the purge as an anonymous figure."""

    organisation = models.ForeignKey(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        help_text=_(
            "De organisatie waarvan de ambtsdrager deel uitmaakt; het signaal telt mee "
            "in haar cijfers."
        ),
        on_delete=models.PROTECT,
        related_name="avoidance_signals",
    )
    # None when the signal was registered apart from a melding.
    melding = models.ForeignKey(
        "meldingen.Melding",
        verbose_name=_("melding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="avoidance_signals",
    )
    kind = models.CharField(
        _("soort vermijding"),
        max_length=20,
        choices=AvoidanceKind.choices,
        help_text=_(
            "Wat de ambtsdrager (of een collega) opmerkt; kies wat het meest van toepassing is."
        ),
    )
    reporter_role = models.CharField(
        _("rol van de ambtsdrager"),
        max_length=30,
        choices=ReporterRole.choices,
        help_text=_(
            "De functie van de ambtsdrager bij wie het vermijdingsgedrag speelt, niet "
            "van wie het doorgeeft."
        ),
    )
    by_colleague = models.BooleanField(
        _("gesignaleerd door een collega"),
        default=False,
        help_text=_(
            "Aanvinken als niet de ambtsdrager zelf het signaal geeft, maar een collega "
            "die het vermijdingsgedrag opmerkte."
        ),
    )
    observed_on = models.DateField(
        _("datum signaal"),
        help_text=_(
            "Wanneer het vermijdingsgedrag speelde, niet de datum van vastleggen; het "
            "signaal telt mee in de cijfers van die periode."
        ),
    )
    # The coordinator who recorded it, or the reporter's account for a signal given with a
    # melding (None when reported without an account).
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("signaal van vermijdingsgedrag")
        verbose_name_plural = _("signalen van vermijdingsgedrag")
        ordering = ["-observed_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=AvoidanceKind.values), name="avoidance_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(reporter_role__in=ReporterRole.values),
                name="avoidance_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.observed_on})"
