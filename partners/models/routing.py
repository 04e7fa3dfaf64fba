"""Routing rules (ordered, per organisation with national defaults) and routing decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import EncryptedTextField
from meldingen.models.choices import Severity


class RoutingRule(models.Model):
    """If a melding matches every condition that is set, it goes to the rule's partner kinds.

    Empty conditions match everything. All matching rules apply (a melding can go to several
    partners); organisation rules are listed before the national defaults.
    """

    organisation = models.ForeignKey(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        help_text=_("Leeg voor een landelijke standaardregel."),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="routing_rules",
    )
    name = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("Korte omschrijving voor in de lijst, bijv. 'Bedreiging naar politie'."),
    )
    sort_order = models.PositiveIntegerField(
        _("volgorde"),
        default=0,
        help_text=_(
            "Lagere nummers eerst, regels van de organisatie vóór de landelijke. Alle passende "
            "regels tellen; kiezen meerdere dezelfde partner, dan geldt de eerste als reden."
        ),
    )
    active = models.BooleanField(
        _("actief"), default=True, help_text=_("Een uitgeschakelde regel stuurt niets door.")
    )
    # RoutingRuleForm (partners.viewsets) declares its own form fields for kinds, channels and
    # wishes, so these help texts only reach the editor if that form passes them on.
    kinds = models.JSONField(
        _("soorten gedrag"),
        default=list,
        blank=True,
        help_text=_("Geldt als de melding één van deze soorten heeft; leeg is alle."),
    )
    min_severity = models.CharField(
        _("minimale ernst"),
        max_length=20,
        blank=True,
        choices=Severity.choices,
        help_text=_("Geldt voor meldingen van deze ernst of zwaarder; leeg is elke ernst."),
    )
    channels = models.JSONField(
        _("kanalen"),
        default=list,
        blank=True,
        help_text=_(
            "Geldt als de melding via één van deze kanalen binnenkwam; leeg is elk kanaal."
        ),
    )
    wishes = models.JSONField(
        _("wensen van de melder"),
        default=list,
        blank=True,
        help_text=_("Geldt als de melder één van deze wensen heeft; leeg is altijd."),
    )
    reporter_roles = models.JSONField(
        _("rol van de melder"),
        default=list,
        blank=True,
        help_text=_("Geldt als de melding over een ambtsdrager in één van deze rollen gaat."),
    )
    perpetrator_types = models.JSONField(
        _("soort dader"),
        default=list,
        blank=True,
        help_text=_("Geldt als de dader van één van deze soorten is; leeg is elke dader."),
    )
    instruction = models.CharField(
        _("opdracht aan de partner"),
        max_length=300,
        blank=True,
        help_text=_(
            "Staat bovenaan het bericht aan de partner, bijv. 'Leg eerst bewijs vast: "
            "schermafbeeldingen met datum en link.'"
        ),
    )
    urgent_only = models.BooleanField(
        _("alleen bij spoed"),
        default=False,
        help_text=_(
            "Aangevinkt: de regel geldt alleen voor meldingen die bij melden of triage als "
            "spoed zijn gemarkeerd."
        ),
    )
    partner_kinds = models.ManyToManyField(
        "partners.PartnerKind",
        verbose_name=_("naar"),
        help_text=_(
            "Soorten ketenpartners die de melding krijgen; externe partners alleen met "
            "toestemming van de melder."
        ),
        related_name="rules",
    )

    class Meta:
        verbose_name = _("routeringsregel")
        verbose_name_plural = _("routeringsregels")
        ordering = ["organisation_id", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.name


class RoutingDecision(models.Model):
    """A confirmed routing of a melding; its notices are written in the same transaction."""

    melding = models.ForeignKey(
        "meldingen.Melding",
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="routing_decisions",
    )
    # The moderator.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("bevestigd op"), auto_now_add=True)
    # Encrypted, erased with the personal data.
    note = EncryptedTextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("routeringsbesluit")
        verbose_name_plural = _("routeringsbesluiten")
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"routering {self.pk} van {self.melding_id}"
