"""Ketenpartners: kinds maintained nationally, concrete partners per organisation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.Model):
    """A kind of ketenpartner (politie, OM, NCTV, ...), maintained by the national editors."""

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_(
            "Vaste sleutel waaraan de inrichting deze soort herkent, bijv. 'politie'; wijzig "
            "hem niet meer."
        ),
    )
    name = models.CharField(
        _("naam"),
        max_length=100,
        help_text=_("Zoals de soort in lijsten en bij de routering verschijnt, bijv. Politie."),
    )
    description = models.TextField(
        _("omschrijving"), blank=True, help_text=_("Wat deze partner doet met een melding.")
    )
    internal = models.BooleanField(
        _("binnen de eigen organisatie"),
        default=False,
        help_text=_(
            "Interne partners (veiligheidscoördinator, vertrouwenspersoon) krijgen een melding "
            "ook zonder toestemming van de melder om te delen."
        ),
    )
    ack_deadline_hours = models.PositiveIntegerField(
        _("reactietermijn (werkuren)"),
        default=16,
        help_text=_(
            "Binnen hoeveel werkuren de partner de ontvangst moet bevestigen: alleen uren binnen "
            "de kantoortijden van de organisatie tellen, weekends en feestdagen niet."
        ),
    )
    urgent_ack_deadline_hours = models.PositiveIntegerField(
        _("reactietermijn bij spoed (klokuren)"),
        default=4,
        help_text=_(
            "Termijn voor meldingen die als spoed zijn gemarkeerd, in gewone uren (ook 's nachts "
            "en in het weekend); niet langer dan de gewone reactietermijn."
        ),
    )
    sort_order = models.PositiveIntegerField(
        _("volgorde"), default=0, help_text=_("Lagere nummers staan eerder in lijsten.")
    )

    class Meta:
        verbose_name = _("soort ketenpartner")
        verbose_name_plural = _("soorten ketenpartners")
        ordering = ["sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(urgent_ack_deadline_hours__lte=models.F("ack_deadline_hours")),
                name="urgent_deadline_not_longer",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Partner(models.Model):
    """A concrete ketenpartner of one organisation, e.g. a police basisteam or an OM parket."""

    organisation = models.ForeignKey(
        "home.OrganisationPage",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie voor wie deze partner meldingen ontvangt."),
        on_delete=models.CASCADE,
        related_name="partners",
    )
    kind = models.ForeignKey(
        PartnerKind,
        verbose_name=_("soort"),
        help_text=_(
            "Bepaalt via de routeringsregels welke meldingen deze partner krijgt, en binnen "
            "welke termijn hij moet reageren."
        ),
        on_delete=models.PROTECT,
        related_name="partners",
    )
    name = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("Uniek binnen de organisatie, bijv. Politie basisteam Voorbeeldstad."),
    )
    notification_email = models.EmailField(
        _("e-mailadres voor berichten"),
        help_text=_("Hierheen gaat het bericht dat er een melding klaarstaat (zonder inhoud)."),
    )
    phone = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        blank=True,
        help_text=_("Voor overleg over een melding; berichten gaan altijd naar het e-mailadres."),
    )
    checked_on = models.DateField(
        _("laatst gecontroleerd"),
        null=True,
        blank=True,
        help_text=_("Wanneer deze gegevens voor het laatst zijn gecontroleerd."),
    )
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accounts"),
        help_text=_("Medewerkers van de partner die de partnerinbox gebruiken."),
        blank=True,
        related_name="partners",
    )
    active = models.BooleanField(
        _("actief"), default=True, help_text=_("Inactieve partners krijgen geen meldingen.")
    )

    class Meta:
        verbose_name = _("ketenpartner")
        verbose_name_plural = _("ketenpartners")
        ordering = ["organisation", "kind__sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="unique_partner_name_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name
