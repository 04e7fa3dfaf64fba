"""Fixed vocabularies of the toolkit: kind of resource, moment, Stappenplan role; and audiences."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ResourceKind(models.TextChoices):
    LEIDRAAD = "leidraad", _("Leidraad")
    STAPPENPLAN = "stappenplan", _("Stappenplan")
    AGRESSIEPROTOCOL = "agressieprotocol", _("Voorbeeld agressieprotocol")
    LANDELIJKE_AFSPRAKEN = "landelijke_afspraken", _("Landelijke afspraken")
    MELDAPP = "meldapp", _("Meldapp")
    PRESENTATIE = "presentatie", _("Presentatie")
    TRAINING = "training", _("Training")
    HANDREIKING = "handreiking", _("Handreiking")
    LINK = "link", _("Link")


class Moment(models.TextChoices):
    BEFORE = "voor", _("Voor een incident")
    DURING = "tijdens", _("Tijdens een incident")
    AFTER = "na", _("Na een incident")


# Boolean field on a resource per moment.
MOMENT_FIELDS = {
    Moment.BEFORE: "for_before",
    Moment.DURING: "for_during",
    Moment.AFTER: "for_after",
}


class StappenplanRole(models.TextChoices):
    AMBTSDRAGER = "ambtsdrager", _("Ambtsdrager (raadslid, wethouder, Statenlid, gedeputeerde, …)")
    GRIFFIER = "griffier", _("Griffier of secretaris")
    BURGEMEESTER = "burgemeester", _("Burgemeester, Commissaris van de Koning of dijkgraaf")
    SECRETARIS = "secretaris", _("Gemeentesecretaris of secretaris-directeur")
    VEILIGHEIDSCOORDINATOR = "veiligheidscoordinator", _("Veiligheidscoördinator")
    COMMUNICATIE = "communicatie", _("Communicatieadviseur")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("Vertrouwenspersoon of ondersteuningsteam")


class Audience(models.Model):
    """Who a resource is meant for (burgemeester, raadslid, griffier, ...); national list."""

    slug = models.SlugField(
        _("code"),
        max_length=50,
        unique=True,
        help_text=_(
            "Vaste code in de filteradressen van de toolkit; na een wijziging werken bestaande "
            "links niet meer."
        ),
    )
    name = models.CharField(_("naam"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lagere getallen staan eerder in lijsten.")
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self) -> str:
        # National audiences are in the catalogues (toolkit.checklist.AUDIENCES); own ones
        # read as typed in every language.
        return gettext(self.name) if self.name else ""
