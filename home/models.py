"""National home page, the organisations index and the organisation root page (the tenant)."""

from __future__ import annotations

import re

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Collection, Locale, Orderable, Page

from .brand import (
    FONT_CHOICES,
    HEX_COLOUR,
    primary_colour_errors,
    secondary_colour_errors,
)
from .page_facts import KNOWN_ORGANISATION, PageFactsMixin


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    PROVINCIE = "provincie", _("Provincie")
    WATERSCHAP = "waterschap", _("Waterschap")


# Official codes as used by CBS and the Rijksoverheid: GM0363, PV27, WS0155.
OFFICIAL_CODE_PATTERNS = {
    OrganisationKind.GEMEENTE: re.compile(r"^GM\d{4}$"),
    OrganisationKind.PROVINCIE: re.compile(r"^PV\d{2}$"),
    OrganisationKind.WATERSCHAP: re.compile(r"^WS\d{4}$"),
}


def validate_official_code(kind: str, code: str) -> None:
    """Raise ValidationError when code is not a valid official code for kind."""
    pattern = OFFICIAL_CODE_PATTERNS.get(kind)
    if pattern is None:
        raise ValidationError({"kind": _("Onbekende soort organisatie.")})
    if not pattern.match(code or ""):
        examples = {"gemeente": "GM0363", "provincie": "PV27", "waterschap": "WS0155"}
        raise ValidationError(
            {
                "official_code": _(
                    "Ongeldige code voor een %(kind)s; gebruik de officiële code, bijvoorbeeld "
                    "%(example)s."
                )
                % {"kind": OrganisationKind(kind).label.lower(), "example": examples[kind]}
            }
        )


class HuisstijlFields(models.Model):
    """Logo, colours and font of a page's pages (home.huisstijl); empty means inherited from the
    national home page (or the built-in national style)."""

    huisstijl_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # a few hundred rows; no index to build while the old release serves
        help_text=_(
            "PNG, JPEG of WebP (geen SVG); verschijnt links in de kop van elke pagina en in de "
            "pdf. Zonder logo staat alleen de naam er."
        ),
    )
    huisstijl_primary = models.CharField(
        _("hoofdkleur"),
        max_length=7,
        blank=True,
        default="",
        db_default="",
        help_text=_(
            "Als #rrggbb, bijvoorbeeld #154273. Voor links, koppen, knoppen en de menubalk; "
            "moet minstens 4,5:1 contrast hebben met wit en lichtgrijs. Leeg: de landelijke kleur."
        ),
    )
    huisstijl_secondary = models.CharField(
        _("tweede kleur"),
        max_length=7,
        blank=True,
        default="",
        db_default="",
        help_text=_(
            "Als #rrggbb. Achtergrond van de voettekst en van accenten; de tekst erop wordt wit "
            "of donker, wat het best leesbaar is. Leeg: de landelijke kleur."
        ),
    )
    huisstijl_font = models.CharField(
        _("lettertype"),
        max_length=40,
        blank=True,
        default="",
        db_default="",
        choices=FONT_CHOICES,
        help_text=_("Leeg: het landelijke lettertype."),
    )

    huisstijl_panels = [
        FieldPanel("huisstijl_logo"),
        FieldPanel("huisstijl_primary"),
        FieldPanel("huisstijl_secondary"),
        FieldPanel("huisstijl_font"),
    ]

    class Meta:
        abstract = True

    def clean_huisstijl(self) -> None:
        errors: dict[str, list[str]] = {}
        for name, check in (
            ("huisstijl_primary", primary_colour_errors),
            ("huisstijl_secondary", secondary_colour_errors),
        ):
            value = (getattr(self, name) or "").strip()
            setattr(self, name, value.lower())
            if not value:
                continue
            if not HEX_COLOUR.match(value):
                errors[name] = [
                    _("Geef de kleur als # met zes tekens 0-9 of a-f, bijvoorbeeld #154273.")
                ]
            elif messages := check(value):
                errors[name] = messages
        logo = self.huisstijl_logo
        if logo is not None and (logo.is_svg() or logo.file.name.lower().endswith(".svg")):
            errors["huisstijl_logo"] = [
                _("Een SVG-logo kan scripts bevatten; kies een PNG-, JPEG- of WebP-afbeelding.")
            ]
        if errors:
            raise ValidationError(errors)


# Wagtail's own tab names, translated by Wagtail's catalogue (an alias, so that makemessages
# does not copy them into ours).
wagtail_gettext = _


def with_huisstijl_tab(cls: type[Page]) -> type[Page]:
    """Class decorator: Wagtail's default tabs (content, promote, settings) plus Huisstijl."""
    cls.edit_handler = TabbedInterface(
        [
            ObjectList(cls.content_panels, heading=wagtail_gettext("Content")),
            ObjectList(cls.promote_panels, heading=wagtail_gettext("Promote")),
            ObjectList(cls.settings_panels, heading=wagtail_gettext("Settings")),
            ObjectList(cls.huisstijl_panels, heading=_("Huisstijl")),
        ],
        base_form_class=getattr(cls, "base_form_class", None),
    )
    return cls


@with_huisstijl_tab
class HomePage(PageFactsMixin, HuisstijlFields, Page):  # noqa: DJ008 - Page.__str__
    """The national home: root of the default Site."""

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Korte introductie bovenaan de landelijke startpagina."),
    )
    body = RichTextField(
        _("inhoud"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("Staat onder de inleiding op de landelijke startpagina."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("landelijke startpagina")
        verbose_name_plural = _("landelijke startpagina's")

    def clean(self):
        super().clean()
        self.clean_huisstijl()


class OrganisationIndexPage(PageFactsMixin, Page):
    """Container for all organisation root pages."""

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Tekst boven de lijst met aangesloten organisaties."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.OrganisationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht organisaties")
        verbose_name_plural = _("overzichten organisaties")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Organisations publish in Dutch: a translated overview lists the Dutch pages, which
        # its template marks as such (lang="nl").
        index = self.get_translation_or_none(Locale.get_default()) or self
        context["organisations"] = (
            OrganisationPage.objects.child_of(index).live().public().order_by("title")
        )
        return context


def _provisioned_link(model, verbose_name):
    """A link that provisioning (home.provisioning) creates and sets; not editable in the page
    form."""
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@with_huisstijl_tab
class OrganisationPage(PageFactsMixin, HuisstijlFields, Page):  # noqa: DJ008 - Page.__str__
    """Root page of one gemeente, provincie or waterschap: the anchor of the tenant.

    Provisioning (home.provisioning) fills the group, collection and workflow links.
    """

    kind = models.CharField(
        _("soort organisatie"),
        max_length=20,
        choices=OrganisationKind.choices,
        help_text=_("Bepaalt welke officiële code geldig is (GM, PV of WS)."),
    )
    official_code = models.CharField(
        _("officiële code"),
        max_length=6,
        help_text=_("Code van CBS/Rijksoverheid, bijvoorbeeld GM0363, PV27 of WS0155."),
    )
    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Korte introductie op de startpagina van de organisatie."),
    )
    editors_group = _provisioned_link(Group, _("groep redacteuren"))
    publishers_group = _provisioned_link(Group, _("groep publiceerders"))
    coordinators_group = _provisioned_link(Group, _("groep veiligheidscoördinatoren"))
    # The collection for this organisation's documents.
    collection = _provisioned_link(Collection, _("documentcollectie"))
    term_start = models.DateField(
        _("start zittingstermijn (verkiezing of installatie)"),
        null=True,
        blank=True,
        help_text=_(
            "Datum van de laatste verkiezing of installatie van raad, Staten of algemeen "
            "bestuur. Punten die per termijn terugkomen, zoals het herijken van de "
            "uitgangspunten, zijn weer aan de beurt bij de start van de volgende termijn "
            "(elke vier jaar)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("official_code"), FieldPanel("term_start")],
            heading=_("Organisatie"),
        ),
        FieldPanel("intro"),
        InlinePanel("contacts", heading=_("Contactpersonen"), label=_("Contactpersoon")),
    ]
    parent_page_types = ["home.OrganisationIndexPage"]
    # Child types (protocol, toolkit, melden) declare this page in their parent_page_types.

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        # official_code is unique per locale; Page.locale is not local to this table, so that is
        # enforced in clean() and in provisioning (which locks the index page while creating).
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["gemeente", "provincie", "waterschap"]),
                name="organisation_kind_valid",
            ),
        ]
        permissions = [("provision_organisation", _("Kan organisaties inrichten"))]

    def clean(self):
        super().clean()
        self.clean_huisstijl()
        validate_official_code(self.kind, self.official_code)
        clash = OrganisationPage.objects.filter(
            official_code=self.official_code, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        if self.official_code and clash.exists():
            raise ValidationError(
                {"official_code": _("Er bestaat al een organisatie met deze code.")}
            )

    @classmethod
    def for_page(cls, page: Page) -> OrganisationPage | None:
        """The organisation a page belongs to (the page itself or its nearest ancestor)."""
        if isinstance(page, cls):
            return page
        if KNOWN_ORGANISATION in page.__dict__:  # set by home.routing for a known address
            return page.__dict__[KNOWN_ORGANISATION]
        return cls.objects.ancestor_of(page).select_related("locale").order_by("-depth").first()

    def contact(self, role: str) -> OrganisationContact | None:
        return next((c for c in self.contacts.all() if c.role == role), None)


class ContactRole(models.TextChoices):
    VEILIGHEIDSCOORDINATOR = "veiligheidscoordinator", _("Veiligheidscoördinator")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("Vertrouwenspersoon")
    COMMUNICATIE = "communicatie", _("Communicatie")


class OrganisationContact(Orderable):
    """A named contact of an organisation for one role; at most one per role."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(
        _("rol"),
        max_length=30,
        choices=ContactRole.choices,
        help_text=_("Per rol kan de organisatie één contactpersoon opgeven."),
    )
    name = models.CharField(_("naam"), max_length=200, help_text=_("Naam of functienaam."))
    email = models.EmailField(
        _("e-mailadres"),
        blank=True,
        help_text=_("Staat openbaar op de website van de organisatie; gebruik een zakelijk adres."),
    )
    phone = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        blank=True,
        help_text=_(
            "Staat openbaar op de website van de organisatie; gebruik een zakelijk nummer."
        ),
    )

    panels = [FieldPanel("role"), FieldPanel("name"), FieldPanel("email"), FieldPanel("phone")]

    class Meta(Orderable.Meta):
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        constraints = [
            models.UniqueConstraint(fields=["page", "role"], name="one_contact_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name}"


@register_setting(icon="help")
class ContactSettings(BaseGenericSetting):
    """National contact details shown in every page footer."""

    vertrouwenslijn_phone = models.CharField(
        _("telefoonnummer Vertrouwenslijn"),
        max_length=30,
        blank=True,
        help_text=_("Vertrouwelijk (ook anoniem) gesprek voor ambtsdragers en hun naasten."),
    )
    vertrouwenslijn_url = models.URLField(
        _("website Vertrouwenslijn"),
        blank=True,
        help_text=_("Pagina met meer informatie; de voettekst van elke pagina linkt ernaar."),
    )
    vertrouwenslijn_hours = models.CharField(
        _("bereikbaarheid Vertrouwenslijn"),
        max_length=100,
        blank=True,
        help_text=_("Bijvoorbeeld: ma-vr 9.00-17.00 uur."),
    )
    checked_on = models.DateField(
        _("laatst gecontroleerd"),
        null=True,
        blank=True,
        help_text=_(
            "Datum waarop deze gegevens voor het laatst zijn gecontroleerd; staat in de voettekst."
        ),
    )

    panels = [
        FieldPanel("vertrouwenslijn_phone"),
        FieldPanel("vertrouwenslijn_url"),
        FieldPanel("vertrouwenslijn_hours"),
        FieldPanel("checked_on"),
    ]

    class Meta:
        verbose_name = _("contactgegevens")
