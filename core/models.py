"""The audit trail: who viewed, changed, exported or routed a melding. Append-only and
tamper-evident: each event carries the hash of the previous one (workflows.audit)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "bekeken", _("Bekeken")
    DOWNLOAD = "bijlage", _("Bijlage gedownload")
    EXPORT = "export", _("Geëxporteerd")
    TRIAGE = "triage", _("Triage")
    ROUTE = "routering", _("Gerouteerd")
    RETRY = "opnieuw", _("Opnieuw verzonden")
    ACKNOWLEDGE = "ontvangst", _("Ontvangst bevestigd")
    FEEDBACK = "terugkoppeling", _("Terugkoppeling")
    STATUS = "status", _("Status gewijzigd")
    STEP = "stap", _("Stap afgerond")
    PURGE = "gewist", _("Persoonsgegevens gewist")
    CASEWORK = "dossier", _("Dossier bijgewerkt")
    LOGIN = "inlog", _("Ingelogd")
    LOGIN_FAILED = "inlog_mislukt", _("Inlogpoging mislukt")


class AuditEvent(models.Model):
    """Rows are never updated or deleted (a PostgreSQL trigger enforces it); links to users,
    organisations and meldingen are kept without database constraints so that deleting those
    never touches the trail."""

    at = models.DateTimeField(_("tijdstip"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # Copied at the moment of the event, so the trail still names the user after a rename or
    # deletion.
    actor_name = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    action = models.CharField(_("actie"), max_length=20, choices=AuditAction.choices)
    # The melding's organisation.
    organisation = models.ForeignKey(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # Points at the melding only while it exists (no constraint); reference below stays.
    melding = models.ForeignKey(
        "meldingen.Melding",
        verbose_name=_("melding"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="audit_events",
    )
    # The melding's reference, copied: it stays after the melding is deleted.
    reference = models.CharField(_("kenmerk"), max_length=16, blank=True)
    # No personal data here: the trail is never erased.
    detail = models.CharField(_("toelichting"), max_length=300, blank=True)
    # Hash chain: prev_hash is the hash of the previous event, hash the SHA-256 of
    # compute_hash() over this event.
    prev_hash = models.CharField(_("vorige hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("audittrail")
        ordering = ["pk"]
        indexes = [models.Index(fields=["organisation", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.reference}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only.")

    def compute_hash(self) -> str:
        payload = "|".join(
            [
                self.prev_hash,
                self.at.isoformat(),
                str(self.actor_id or ""),
                self.actor_name,
                self.action,
                str(self.organisation_id or ""),
                self.reference,
                self.detail,
            ]
        )
        return hashlib.sha256(payload.encode()).hexdigest()


from core.generations import CacheGeneration  # noqa: E402, F401 - a model of this app
