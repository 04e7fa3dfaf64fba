"""Records of registration and evaluation: retention per organisation, the deletion record the
purge leaves behind, avoidance signals and the yearly evaluation report."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import EncryptedTextField
from meldingen.models.melding import private_storage

DEFAULT_RETENTION_YEARS = 2  # domain.md: personal data goes 2 years after closure


class RetentionPolicy(models.Model):
    """How long an organisation keeps personal data of closed meldingen; without a row the
    platform default applies."""

    organisation = models.OneToOneField(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="retention_policy",
    )
    years = models.PositiveSmallIntegerField(
        _("bewaartermijn (jaren)"),
        default=DEFAULT_RETENTION_YEARS,
        help_text=_(
            "Aantal jaren (1 tot en met 20) na afhandeling waarna persoonsgegevens van een "
            "melding worden verwijderd. Anonieme cijfers blijven bewaard."
        ),
    )
    decided_on = models.DateField(
        _("vastgesteld op"),
        null=True,
        blank=True,
        help_text=_(
            "Datum van het besluit waarmee de organisatie deze termijn heeft vastgesteld; leeg "
            "als er nog geen besluit is."
        ),
    )

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(years__gte=1, years__lte=20), name="retention_years_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.years}"


class PurgeReason(models.TextChoices):
    RETENTION = "bewaartermijn", _("Bewaartermijn verstreken")
    REQUEST = "verzoek", _("Op verzoek van een betrokkene")


class PurgeRecord(models.Model):
    """The deletion record: which melding lost its personal data, when, why and what went
    (reporting.erasure writes it, for the retention purge and on request)."""

    melding = models.OneToOneField(
        "meldingen.Melding",
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="purge_record",
    )
    organisation = models.ForeignKey(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The melding's reference at the moment of erasure.
    reference = models.CharField(_("kenmerk"), max_length=16)
    reason_kind = models.CharField(
        _("aanleiding"),
        max_length=20,
        choices=PurgeReason.choices,
        default=PurgeReason.RETENTION,
    )
    # On request: which request (e.g. a GDPR request of the data subject, with its date).
    # Encrypted; required for PurgeReason.REQUEST (see the constraints).
    reason = EncryptedTextField(_("reden"), blank=True)
    # None for the automatic purge after the retention period.
    purged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewist door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # closed_at and retention_years: what the retention period was based on; None when
    # erased on request.
    closed_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    retention_years = models.PositiveSmallIntegerField(
        _("toegepaste bewaartermijn (jaren)"), null=True, blank=True
    )
    purged_at = models.DateTimeField(_("verwijderd op"))
    # Whether there was personal data to remove.
    personal_data_removed = models.BooleanField(_("persoonsgegevens verwijderd"))
    # Attachments removed with their files.
    attachments_removed = models.PositiveIntegerField(_("bijlagen verwijderd"))
    additions_removed = models.PositiveIntegerField(_("aanvullingen verwijderd"))
    # Handlers' comments, routing notes and partner feedback texts that were erased.
    texts_removed = models.PositiveIntegerField(_("vrije teksten gewist"), default=0)

    class Meta:
        verbose_name = _("verwijderregistratie")
        verbose_name_plural = _("verwijderregistraties")
        ordering = ["-purged_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_at__isnull=True)
                | models.Q(purged_at__gte=models.F("closed_at")),
                name="purge_after_closure",
            ),
            models.CheckConstraint(
                condition=models.Q(reason_kind__in=PurgeReason.values),
                name="purge_reason_kind_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(reason_kind=PurgeReason.RETENTION)
                | models.Q(closed_at__isnull=False, retention_years__isnull=False),
                name="retention_purge_has_period",
            ),
            models.CheckConstraint(
                condition=~models.Q(reason_kind=PurgeReason.REQUEST) | ~models.Q(reason=""),
                name="purge_on_request_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.purged_at:%Y-%m-%d}"


def evaluation_pdf_path(instance: EvaluationReport, filename: str) -> str:
    return f"evaluaties/{instance.organisation_id}/{instance.year}-v{instance.version}.pdf"


class EvaluationReport(models.Model):
    """The yearly evaluation of one organisation: figures (frozen in the PDF), the
    coordinator's conclusions and actions. Each saved version is kept as a record."""

    organisation = models.ForeignKey(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="evaluation_reports",
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    # Every saved version is kept; a new save is a new version.
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    conclusions = models.TextField(
        _("conclusies"),
        help_text=_(
            "Conclusies van de veiligheidscoördinator bij de cijfers; geen namen of andere "
            "persoonsgegevens."
        ),
    )
    actions = models.TextField(
        _("acties"),
        blank=True,
        help_text=_("Afgesproken acties en aanpassingen van beleid; ook hier geen namen."),
    )
    # The report as recorded (figures frozen at that moment).
    pdf = models.FileField(
        _("pdf"),
        storage=private_storage,
        upload_to=evaluation_pdf_path,
        max_length=200,
        blank=True,
    )
    # The coordinator.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("jaarevaluatie")
        verbose_name_plural = _("jaarevaluaties")
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "version"], name="one_evaluation_version"
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100), name="evaluation_year_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year} v{self.version}"
