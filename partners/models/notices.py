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
        on_delete=models.CASCADE,
        related_name="notices",
    )
    melding = models.ForeignKey(
        "meldingen.Melding",
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("ketenpartner"),
        on_delete=models.PROTECT,
        related_name="notices",
    )
    # The rule that chose this partner; None when the moderator added the partner by hand.
    rule = models.ForeignKey(
        "partners.RoutingRule",
        verbose_name=_("regel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Delivery bookkeeping of partners.delivery.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NoticeStatus.choices,
        default=NoticeStatus.QUEUED,
    )
    attempts = models.PositiveIntegerField(_("pogingen"), default=0)
    last_attempt_at = models.DateTimeField(_("laatste poging"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    last_error = models.TextField(_("laatste fout"), blank=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    # Latest moment for the partner's acknowledgement (PartnerKind deadlines).
    deadline_at = models.DateTimeField(_("reactie uiterlijk"))
    opened_at = models.DateTimeField(_("voor het eerst geopend op"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("ontvangst bevestigd op"), null=True, blank=True)
    # A staff member of the partner.
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # When the coordinator was told that the deadline passed (so it is reported once).
    deadline_reported_at = models.DateTimeField(
        _("termijnoverschrijding gemeld op"), null=True, blank=True
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
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    # A staff member of the partner.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=FeedbackKind.choices)
    # Free text of the partner: encrypted, erased with the personal data.
    text = EncryptedTextField(_("toelichting"), blank=True, max_length=2000)
    # Shown to the reporter in Mijn meldingen (kind and text).
    for_reporter = models.BooleanField(_("zichtbaar voor de melder"), default=False)
    created_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("terugkoppeling")
        verbose_name_plural = _("terugkoppelingen")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.notice_id})"
