"""Information a reporter adds to their melding later (from Mijn meldingen or the app).
Personal data: kept apart from Melding so it can be purged with the rest."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import EncryptedTextField


class MeldingAddition(models.Model):
    melding = models.ForeignKey(
        "meldingen.Melding",
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="additions",
    )
    # The reporter who added it.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The reporter's own words: encrypted, erased with the personal data.
    text = EncryptedTextField(_("aanvulling"))
    attachments = models.ManyToManyField(
        "meldingen.Attachment",
        verbose_name=_("bijlagen"),
        blank=True,
        related_name="additions",
    )
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("aanvulling op melding")
        verbose_name_plural = _("aanvullingen op meldingen")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"aanvulling {self.pk} op {self.melding_id}"  # never the text itself
