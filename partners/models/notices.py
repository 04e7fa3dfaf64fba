"""The outbox: one notice per partner per routing decision, delivered by a background task."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import EncryptedTextField


class NoticeStatus(models.TextChoices):
    QUEUED = "wachtrij", _("In de wachtrij")
    SENDING = "verzenden", _("Wordt verzonden")
    SENT = "verzonden", _("Verzonden")
    FAILED = "mislukt", _("Mislukt, wordt opnieuw geprobeerd")
    GAVE_UP = "opgegeven", _("Mislukt, handmatig opnieuw proberen")
    ACKNOWLEDGED = "bevestigd", _("Ontvangst bevestigd")


class Notice(models.Model):
    decision = models.ForeignKey(
        "partners.RoutingDecision",
        verbose_name=_("routeringsbesluit"),
        help_text=_("Het besluit waarin deze partner is gekozen."),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    melding = models.ForeignKey(
        "meldingen.Melding",
        verbose_name=_("melding"),
        help_text=_("De melding."),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("ketenpartner"),
        help_text=_("De ontvanger."),
        on_delete=models.PROTECT,
        related_name="notices",
    )
    rule = models.ForeignKey(
        "partners.RoutingRule",
        verbose_name=_("regel"),
        help_text=_("De regel die deze partner koos; leeg als de moderator hem toevoegde."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NoticeStatus.choices,
        default=NoticeStatus.QUEUED,
        help_text=_("Afleverstatus."),
    )
    attempts = models.PositiveIntegerField(_("pogingen"), default=0, help_text=_("Aantal."))
    last_attempt_at = models.DateTimeField(
        _("laatste poging"), null=True, blank=True, help_text=_("Tijdstip.")
    )
    next_attempt_at = models.DateTimeField(
        _("volgende poging"), null=True, blank=True, help_text=_("Wanneer opnieuw geprobeerd.")
    )
    last_error = models.TextField(_("laatste fout"), blank=True, help_text=_("Foutmelding."))
    sent_at = models.DateTimeField(
        _("verzonden op"), null=True, blank=True, help_text=_("Tijdstip van aflevering.")
    )
    deadline_at = models.DateTimeField(
        _("reactie uiterlijk"), help_text=_("Uiterste tijdstip voor ontvangstbevestiging.")
    )
    opened_at = models.DateTimeField(
        _("voor het eerst geopend op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de partner de melding voor het eerst bekeek."),
    )
    acknowledged_at = models.DateTimeField(
        _("ontvangst bevestigd op"), null=True, blank=True, help_text=_("Door de partner.")
    )
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        help_text=_("Medewerker van de partner."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline_reported_at = models.DateTimeField(
        _("termijnoverschrijding gemeld op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de veiligheidscoördinator over de verlopen termijn is bericht."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bericht aan ketenpartner")
        verbose_name_plural = _("berichten aan ketenpartners")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            # The partner inbox: newest first, filtered to the user's partners on the way.
            models.Index(fields=["-created_at"], name="notice_newest_first"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "partner"], name="one_notice_per_partner_per_decision"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=NoticeStatus.values), name="notice_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.melding} → {self.partner}"


class FeedbackKind(models.TextChoices):
    AANGIFTE = "aangifte", _("Aangifte opgenomen")
    CASE_NUMBER = "zaaknummer", _("Zaaknummer")
    IN_PROGRESS = "in_behandeling", _("In behandeling")
    DONE = "afgehandeld", _("Afgehandeld")
    OTHER = "anders", _("Anders")


class PartnerFeedback(models.Model):
    notice = models.ForeignKey(
        Notice,
        verbose_name=_("bericht"),
        help_text=_("Het bericht waarop de partner reageert."),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        help_text=_("Medewerker van de partner."),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=FeedbackKind.choices,
        help_text=_("Soort terugkoppeling."),
    )
    text = EncryptedTextField(
        _("toelichting"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Vrije tekst van de ketenpartner; versleuteld opgeslagen en gewist met de "
            "persoonsgegevens."
        ),
    )
    created_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("terugkoppeling")
        verbose_name_plural = _("terugkoppelingen")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.notice_id})"
