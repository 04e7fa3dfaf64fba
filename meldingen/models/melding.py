"""A melding (incident report). Non-personal facts live on Melding (routing, figures);
personal data lives in MeldingPersonalData and Attachment, which can be purged on their own and
are never serialised into revisions or logs."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.storage import storages
from django.core.validators import EmailValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from core.fields import EncryptedJSONField, EncryptedTextField
from meldingen.models.choices import (
    BehaviourKind,
    Channel,
    CloseOutcome,
    HistoryAction,
    OnlinePlatform,
    PerpetratorKnown,
    PerpetratorType,
    Place,
    ReporterRole,
    Severity,
    Status,
)

# Unambiguous characters: no 0/O, 1/I/L.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    """A random, non-sequential reference such as VB-7K3M-Q9TX (reveals no counts)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"VB-{chars[:4]}-{chars[4:]}"


class Melding(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """Moderated on Wagtail's workflow engine (workflows.engine); its revisions hold only the
    non-personal fields below."""

    # The organisation that receives the melding.
    organisation = models.ForeignKey(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="meldingen",
    )
    # The reporter gets it in the confirmation; random, so it reveals no counts.
    reference = models.CharField(
        _("referentie"),
        max_length=16,
        unique=True,
        default=new_reference,
        editable=False,
    )
    # Change only through meldingen.services, which writes every change to MeldingHistory.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.RECEIVED,
    )
    # None when reported without an account.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("melder (account)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meldingen",
    )
    # The role of the office holder the melding is about (not of whoever reports it).
    reporter_role = models.CharField(
        _("rol van de melder"), max_length=30, choices=ReporterRole.choices
    )
    on_behalf = models.BooleanField(_("namens een ander gemeld"), default=False)
    occurred_at = models.DateTimeField(_("tijdstip incident"))
    place = models.CharField(_("plaats"), max_length=20, choices=Place.choices)
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices)
    # Derived from the behaviour kinds (choices.severity_for); triage may correct it.
    severity = models.CharField(_("ernst"), max_length=20, choices=Severity.choices)
    acute_danger = models.BooleanField(_("acuut gevaar gemeld"), default=False)
    # Shorter partner response deadlines (PartnerKind.urgent_ack_deadline_hours); set from
    # acute_danger at intake, changed at triage.
    urgent = models.BooleanField(_("spoed"), default=False)
    # None when the reporter does not know.
    related_to_office = models.BooleanField(_("heeft te maken met het ambt"), null=True, blank=True)
    perpetrator_known = models.CharField(
        _("dader bekend"), max_length=10, choices=PerpetratorKnown.choices
    )
    # Happened before with the same perpetrator.
    repeated = models.BooleanField(_("herhaling"), default=False)
    police_involved = models.BooleanField(_("politie of 112 ingeschakeld"), default=False)
    # Values of choices.Wish.
    wishes = models.JSONField(_("wensen"), default=list, blank=True)
    # Values of choices.Target.
    targets = models.JSONField(_("gericht tegen"), default=list, blank=True)
    # Codes of the external partner kinds (partners.PartnerKind.code) the reporter allows to
    # receive the melding and its evidence; internal partners need no consent.
    consent_kinds = models.JSONField(_("toestemming om te delen met"), default=list, blank=True)
    # Values of choices.PerpetratorType; empty on meldingen from before the question.
    perpetrator_type = models.CharField(
        _("soort dader"), max_length=20, choices=PerpetratorType.choices, blank=True
    )
    # For online behaviour (links and account names are personal data).
    online_platform = models.CharField(
        _("platform"), max_length=20, choices=OnlinePlatform.choices, blank=True
    )
    # None when the reporter did not say.
    aangifte_made = models.BooleanField(_("al aangifte gedaan"), null=True, blank=True)
    # Values of choices.SupportWish.
    support = models.JSONField(_("gewenste steun"), default=list, blank=True)
    worried_about_home = models.BooleanField(_("zorgen over thuis of gezin"), default=False)
    # Set when closed (meldingen.casework.close), cleared on reopening.
    outcome = models.CharField(
        _("uitkomst"), max_length=20, choices=CloseOutcome.choices, blank=True
    )
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="melding")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="melding",
        for_concrete_model=False,
    )

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "status", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="melding_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(severity__in=Severity.values), name="melding_severity_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def erasure(self):
        """The deletion record left when this melding's personal data was erased (written by
        reporting.erasure), or None."""
        try:
            return self.purge_record
        except ObjectDoesNotExist:
            return None

    @property
    def consent_to_share(self) -> bool:
        """Whether any external partner kind may receive it."""
        return bool(self.consent_kinds)

    @property
    def revisions(self):
        return self._revisions

    @property
    def wish_labels(self) -> list[str]:
        from meldingen.models.choices import Wish

        return [str(Wish(w).label) for w in self.wishes if w in Wish.values]

    @property
    def support_labels(self) -> list[str]:
        from meldingen.models.choices import SupportWish

        return [str(SupportWish(w).label) for w in self.support if w in SupportWish.values]

    @property
    def kinds(self) -> list[str]:
        return [b.kind for b in self.behaviours.all()]


class MeldingBehaviour(models.Model):
    """One kind of behaviour of a melding (a table, so figures per kind are one query)."""

    melding = models.ForeignKey(
        Melding,
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="behaviours",
    )
    kind = models.CharField(_("soort gedrag"), max_length=30, choices=BehaviourKind.choices)

    class Meta:
        verbose_name = _("soort gedrag")
        verbose_name_plural = _("soorten gedrag")
        constraints = [
            models.UniqueConstraint(fields=["melding", "kind"], name="one_row_per_melding_kind"),
            models.CheckConstraint(
                condition=models.Q(kind__in=BehaviourKind.values), name="behaviour_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class MeldingPersonalData(models.Model):
    """Who reported and what they told: only for entitled roles, purged after retention."""

    melding = models.OneToOneField(
        Melding,
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="personal",
        primary_key=True,
    )
    name = EncryptedTextField(_("naam melder"))
    # Where the confirmation goes.
    email = EncryptedTextField(_("e-mailadres melder"), validators=[EmailValidator()])
    phone = EncryptedTextField(_("telefoonnummer melder"), blank=True)
    # Name of the office holder when someone else reports (Melding.on_behalf).
    on_behalf_of = EncryptedTextField(_("gemeld namens"), blank=True)
    # In the reporter's own words.
    description = EncryptedTextField(_("wat er gebeurde"))
    perpetrator_description = EncryptedTextField(_("beschrijving dader"), blank=True)
    witnesses = EncryptedTextField(_("getuigen"), blank=True)
    impact = EncryptedTextField(_("gevolgen"), blank=True)
    police_reference = EncryptedTextField(_("registratienummer politie"), blank=True)
    # Online behaviour: where it can be found.
    online_links = EncryptedTextField(_("links naar de berichten"), blank=True)
    online_accounts = EncryptedTextField(_("accountnamen van de afzender"), blank=True)
    # Answers to the organisation's own questions (the melden page's extra_questions),
    # keyed by question label.
    extra_answers = EncryptedJSONField(
        _("antwoorden op aanvullende vragen"), default=dict, blank=True
    )

    class Meta:
        verbose_name = _("persoonsgegevens melding")
        verbose_name_plural = _("persoonsgegevens meldingen")

    def __str__(self) -> str:
        return f"persoonsgegevens {self.melding_id}"  # never the data itself


def private_storage():
    return storages["private"]


def attachment_path(instance: Attachment, filename: str) -> str:
    # The stored name carries no part of the original file name (which may hold personal data).
    return f"meldingen/{instance.melding.organisation_id}/{secrets.token_hex(16)}"


class Attachment(models.Model):
    melding = models.ForeignKey(
        Melding,
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    # Encrypted, in private storage outside the public media.
    file = models.FileField(
        _("bestand"),
        storage=private_storage,
        upload_to=attachment_path,
        max_length=200,
    )
    # As uploaded; may contain a name, hence encrypted.
    original_name = EncryptedTextField(_("oorspronkelijke bestandsnaam"))
    # Determined from the content, not from the file name.
    content_type = models.CharField(_("inhoudstype"), max_length=100)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("geüpload op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return f"bijlage {self.pk} van {self.melding_id}"


class MeldingHistory(models.Model):
    """One row per change of a melding, written by meldingen.services in the same transaction.
    note is text the system writes (a partner's name, what triage changed); comment is what a
    person typed, which may name someone: encrypted, and erased with the personal data."""

    melding = models.ForeignKey(
        Melding,
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="history",
    )
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    # None for a melding made without an account, or a change by the system.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("actie"), max_length=30, choices=HistoryAction.choices)
    from_status = models.CharField(
        _("van status"), max_length=20, blank=True, choices=Status.choices
    )
    to_status = models.CharField(
        _("naar status"), max_length=20, blank=True, choices=Status.choices
    )
    # Written by the system (e.g. the partner's name); never free text.
    note = models.TextField(_("toelichting"), blank=True)
    # Free text of the handler: encrypted, erased with the personal data.
    comment = EncryptedTextField(_("opmerking"), blank=True)

    class Meta:
        verbose_name = _("historie melding")
        verbose_name_plural = _("historie meldingen")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.melding_id} {self.action} {self.at:%Y-%m-%d %H:%M}"
