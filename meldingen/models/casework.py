"""What happens after routing (DESIGN.md, "Meldingen: a closed loop"): the aangifte, measures
against the perpetrator, nazorg contacts, the evaluation with the reporter and the reminders
to the coordinator. Written only through meldingen.casework; free texts are personal data:
encrypted and erased with the rest (reporting.erasure)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import EncryptedTextField


class AangifteFiler(models.TextChoices):
    OFFICE_HOLDER = "ambtsdrager", _("De ambtsdrager zelf")
    ORGANISATION = "organisatie", _("De organisatie als werkgever")
    UNDECIDED = "onbeslist", _("Nog niet besloten")


class Domicile(models.TextChoices):
    """Which address goes into the police file (which the suspect may read)."""

    WORK_ADDRESS = "werkadres", _("Werkadres van de organisatie (domiciliekeuze)")
    UNDER_NUMBER = "onder_nummer", _("Aangifte onder nummer")
    VICTIM_SUPPORT = "slachtofferhulp", _("Adres van Slachtofferhulp")
    UNDECIDED = "onbeslist", _("Nog niet besloten")


class AangifteStatus(models.TextChoices):
    PLANNED = "voorgenomen", _("Voorgenomen")
    FILED = "gedaan", _("Aangifte gedaan")
    NOT_FILED = "afgezien", _("Afgezien van aangifte")


class Aangifte(models.Model):
    """The aangifte of a melding under the Eenduidige Landelijke Afspraken (domain.md, ELA)."""

    melding = models.OneToOneField(
        "meldingen.Melding",
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="aangifte",
    )
    filer = models.CharField(_("wie doet aangifte"), max_length=20, choices=AangifteFiler.choices)
    vpt_requested = models.BooleanField(_("VPT-code gevraagd"), default=False)
    domicile = models.CharField(_("adres in het dossier"), max_length=20, choices=Domicile.choices)
    # Identifies the case at the police: encrypted, erased with the personal data.
    police_number = EncryptedTextField(_("registratienummer politie"), blank=True)
    filed_on = models.DateField(_("datum aangifte"), null=True, blank=True)
    status = models.CharField(_("stand"), max_length=20, choices=AangifteStatus.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("aangifte")
        verbose_name_plural = _("aangiftes")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="gedaan") | models.Q(filed_on__isnull=False),
                name="filed_aangifte_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"aangifte bij {self.melding_id}"


class MeasureStep(models.Model):
    """A step of the ladder of measures against a perpetrator, light to heavy (domain.md,
    protocol structure 7). National data, seeded by a migration."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    sort_order = models.PositiveIntegerField(_("volgorde"), default=0)
    # Restricts the perpetrator's freedom: needs an end date and must be told to the person.
    restrictive = models.BooleanField(_("beperkende maatregel"), default=False)

    class Meta:
        verbose_name = _("stap op de maatregelenladder")
        verbose_name_plural = _("maatregelenladder")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.name


class DeciderRole(models.TextChoices):
    MAYOR = "burgemeester", _("Burgemeester, Commissaris van de Koning of dijkgraaf")
    CHAIR = "voorzitter", _("Voorzitter van de vergadering")
    GRIFFIER = "griffier", _("Griffier of secretaris")
    SECRETARY = "secretaris", _("Gemeentesecretaris of secretaris-directeur")
    COORDINATOR = "coordinator", _("Veiligheidscoördinator")
    POLICE = "politie", _("Politie")
    PROSECUTOR = "om", _("Openbaar Ministerie")


class Objection(models.TextChoices):
    NONE = "geen", _("Geen bezwaar")
    LODGED = "ingediend", _("Bezwaar ingediend")
    UPHELD = "gegrond", _("Bezwaar gegrond")
    REJECTED = "ongegrond", _("Bezwaar ongegrond")
    WITHDRAWN = "ingetrokken", _("Bezwaar ingetrokken")


class Measure(models.Model):
    """A measure against the perpetrator. Protocols have been misused against merely critical
    citizens, so every measure carries its justification (domain.md)."""

    melding = models.ForeignKey(
        "meldingen.Melding",
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="measures",
    )
    step = models.ForeignKey(
        MeasureStep, verbose_name=_("maatregel"), on_delete=models.PROTECT, related_name="+"
    )
    decided_by_role = models.CharField(
        _("besloten door (rol)"), max_length=20, choices=DeciderRole.choices
    )
    # Name of the official who decided (not personal data of the reporter).
    decided_by_name = models.CharField(_("besloten door (naam)"), max_length=200)
    decided_on = models.DateField(_("datum besluit"))
    # May name the perpetrator: encrypted, erased with the personal data.
    justification = EncryptedTextField(_("onderbouwing"))
    ends_on = models.DateField(_("geldt tot en met"), null=True, blank=True)
    told_on = models.DateField(_("meegedeeld aan de dader op"), null=True, blank=True)
    objection = models.CharField(
        _("bezwaar"), max_length=20, choices=Objection.choices, default=Objection.NONE
    )
    objection_outcome = EncryptedTextField(_("uitkomst bezwaar"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("maatregel tegen de dader")
        verbose_name_plural = _("maatregelen tegen de dader")
        ordering = ["decided_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("decided_on")),
                name="measure_ends_after_decision",
            )
        ]

    def __str__(self) -> str:
        return f"{self.step} ({self.melding_id})"


class NazorgOutcome(models.TextChoices):
    SPOKEN = "gesproken", _("Gesproken, geen verdere hulp nodig")
    VERTROUWENSLIJN = "vertrouwenslijn", _("Verwezen naar de Vertrouwenslijn")
    PEERS = "ondersteuningsteam", _("Verwezen naar het Ondersteuningsteam Weerbaar Bestuur")
    VICTIM_SUPPORT = "slachtofferhulp", _("Verwezen naar Slachtofferhulp")
    COMPANY_DOCTOR = "bedrijfsarts", _("Verwezen naar de bedrijfsarts")
    NOTHING_NEEDED = "niets_nodig", _("Niets nodig volgens de melder")
    NOT_REACHED = "niet_bereikt", _("Niet bereikt")


class NazorgContact(models.Model):
    """A planned contact with the reporter after routing (same day, a week, a month)."""

    melding = models.ForeignKey(
        "meldingen.Melding",
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="nazorg",
    )
    due_on = models.DateField(_("gepland op"))
    days_after_routing = models.PositiveIntegerField(_("dagen na doorsturen"))
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    outcome = models.CharField(
        _("uitkomst"), max_length=20, choices=NazorgOutcome.choices, blank=True
    )
    # What the coordinator wrote down: encrypted, erased with the personal data.
    note = EncryptedTextField(_("aantekening"), blank=True)
    # The reporter's answer to the check-in in Mijn meldingen.
    reporter_answer = EncryptedTextField(_("antwoord van de melder"), blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("nazorgcontact")
        verbose_name_plural = _("nazorgcontacten")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done_on__isnull=True) | ~models.Q(outcome=""),
                name="done_nazorg_has_outcome",
            )
        ]

    def __str__(self) -> str:
        return f"nazorg {self.due_on} ({self.melding_id})"

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


class IncidentEvaluation(models.Model):
    """The per-incident evaluation ("nabespreken met de melder") after closing."""

    melding = models.OneToOneField(
        "meldingen.Melding",
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="evaluation",
    )
    held_on = models.DateField(_("nabesproken op"))
    with_reporter = models.BooleanField(_("met de melder"), default=True)
    # Lessons for the protocol: no names (the form says so), still erased with the case.
    lessons = EncryptedTextField(_("wat we leren"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("nabespreking")
        verbose_name_plural = _("nabesprekingen")

    def __str__(self) -> str:
        return f"nabespreking {self.melding_id}"


class ReminderKind(models.TextChoices):
    AANGIFTE = "aangifte", _("Nog geen aangifte vastgelegd")
    MEASURE = "maatregel", _("Nog geen reactie richting de dader vastgelegd")
    NAZORG = "nazorg", _("Nazorgcontact staat gepland")
    INACTIVE = "stil", _("Vier weken geen activiteit")
    LATE_ADDITION = "aanvulling", _("De melder voegde informatie toe aan een afgesloten melding")


class Reminder(models.Model):
    """A reminder sent to the organisation's coordinators (once per melding, kind and key);
    the mail names only the reference, never the content."""

    melding = models.ForeignKey(
        "meldingen.Melding",
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ReminderKind.choices)
    # Distinguishes reminders of one kind (the nazorg contact, the date of last activity).
    key = models.CharField(_("sleutel"), max_length=40, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["melding", "kind", "key"], name="one_reminder_per_melding_kind_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.melding_id})"


def validate_nazorg_days(value: str) -> None:
    try:
        days = [int(part) for part in value.split(",") if part.strip()]
    except ValueError as exc:
        raise ValidationError(_("Geef dagen als getallen, gescheiden door komma's.")) from exc
    if not days or any(day < 0 or day > 365 for day in days):
        raise ValidationError(_("Geef één tot een paar dagen tussen 0 en 365."))


class CaseSettings(models.Model):
    """How an organisation handles its meldingen: office hours for deadlines and the nazorg
    schedule. Without a row the defaults below apply."""

    organisation = models.OneToOneField(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="case_settings",
    )
    office_opens = models.TimeField(
        _("kantoor open vanaf"),
        default=datetime.time(8, 30),
        help_text=_("Reactietermijnen tellen alleen binnen kantooruren, niet op feestdagen."),
    )
    office_closes = models.TimeField(_("kantoor dicht om"), default=datetime.time(17, 0))
    nazorg_days = models.CharField(
        _("nazorgmomenten"),
        max_length=50,
        default="0,7,30",
        validators=[validate_nazorg_days],
        help_text=_(
            "Dagen na het doorsturen waarop de veiligheidscoördinator contact opneemt met de "
            "melder, gescheiden door komma's. 0 is dezelfde dag."
        ),
    )
    inactivity_weeks = models.PositiveIntegerField(
        _("herinnering na weken zonder activiteit"),
        default=4,
        validators=[MaxValueValidator(52)],
    )

    class Meta:
        verbose_name = _("instellingen meldingen")
        verbose_name_plural = _("instellingen meldingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(office_opens__lt=models.F("office_closes")),
                name="office_opens_before_closing",
            )
        ]

    def __str__(self) -> str:
        return f"instellingen meldingen {self.organisation_id}"

    @property
    def days(self) -> list[int]:
        return sorted({int(part) for part in self.nazorg_days.split(",") if part.strip()})
