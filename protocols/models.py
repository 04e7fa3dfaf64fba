"""The national template protocol and the organisation protocols derived from it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Revision

from home.models import OrganisationPage
from home.page_facts import PageFactsMixin

from .adoption_status import BODY_PHRASES, AdoptingBody
from .blocks import ProtocolSectionsBlock, TemplateSectionsBlock
from .forms import ProtocolPageForm
from .panels import AdoptionPanel, TemplateChangesPanel, TranslationStatusPanel
from .placeholders import PLACEHOLDER_HELP, fill_text, placeholder_values
from .section_content import content_digest
from .validation import validate_protocol


class ProtocolContentMixin(RoutablePageMixin):
    """Public rendering shared by template and protocol: filled sections, a table of contents
    and a PDF download at <page url>/pdf/."""

    def organisation_for_placeholders(self) -> OrganisationPage | None:
        return None

    def adoption_decision(self):
        """The decision in force shown with the protocol (none for the template)."""
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisation = self.organisation_for_placeholders()
        # Lazy: a cached protocol text (see protocol_page.html) needs neither.
        values = SimpleLazyObject(lambda: placeholder_values(organisation))
        context.update(
            sections=SimpleLazyObject(lambda: self.filled_sections(values)),
            placeholders=values,
            organisation=organisation,
            adoption=SimpleLazyObject(self.adoption_decision),
            pdf_url=(self.get_url(request) or "") + self.reverse_subpage("pdf"),
        )
        return context

    def filled_sections(self, values: dict[str, str]) -> list[dict]:
        """The sections with placeholders filled in headings and a unique anchor each."""
        sections, seen = [], set()
        for block in self.body:
            heading = fill_text(block.value["heading"], values)
            anchor = slugify(heading) or f"sectie-{len(sections) + 1}"
            while anchor in seen:
                anchor += "-2"
            seen.add(anchor)
            sections.append({"anchor": anchor, "heading": heading, "block": block})
        return sections

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from .pdf import protocol_pdf

        organisation = self.organisation_for_placeholders()
        name = slugify(f"{self.title} {organisation.title if organisation else ''}")
        response = HttpResponse(protocol_pdf(self, request), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response


class ProtocolTemplatePage(PageFactsMixin, ProtocolContentMixin, Page):
    """The national template Agressieprotocol, maintained by the Landelijke redactie."""

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Verschijnt boven het sjabloon. Een afgeleid protocol krijgt een eigen inleiding; "
            "plaatshouders worden hier niet ingevuld."
        ),
    )
    body = StreamField(
        TemplateSectionsBlock(),
        verbose_name=_("secties"),
        help_text=_("Markeer elke sectie als vast, aanpasbaar of optioneel."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        HelpPanel(content=PLACEHOLDER_HELP, heading=_("Plaatshouders")),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "protocols/protocol_page.html"

    class Meta:
        verbose_name = _("landelijk sjabloon agressieprotocol")
        verbose_name_plural = _("landelijke sjablonen agressieprotocol")


class ProtocolPage(PageFactsMixin, ProtocolContentMixin, Page):
    """An organisation's Agressieprotocol, derived from the national template.

    section_bases maps each template section (by block id) the organisation has taken over, or
    chose to leave out, to the template revision its text is based on; template_revision is the
    oldest of those, i.e. how far this protocol is behind. Only derivation, adoption and the
    publish-time sync of fixed sections change them (see protocols.sections).
    """

    # The national template this protocol was derived from.
    template_page = models.ForeignKey(
        ProtocolTemplatePage,
        verbose_name=_("sjabloon"),
        on_delete=models.PROTECT,
        editable=False,
        related_name="derived_protocols",
    )
    # The oldest template revision a section of this protocol is based on (kept by save()).
    template_revision = models.ForeignKey(
        Revision,
        verbose_name=_("basisversie sjabloon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    section_bases = models.JSONField(
        _("basisversie per sectie"),
        default=dict,
        blank=True,
        editable=False,
    )
    # Fingerprint of the content in this row (the live content once published), kept by save(),
    # so lists can tell "changed since adoption" from the database alone.
    content_digest = models.CharField(
        _("inhoudsvingerafdruk"), max_length=64, blank=True, editable=False
    )
    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Verschijnt boven het protocol en in de pdf; plaatshouders worden hier niet ingevuld."
        ),
    )
    body = StreamField(
        ProtocolSectionsBlock(),
        verbose_name=_("secties"),
        help_text=_(
            "Vaste secties komen letterlijk uit het landelijke sjabloon en kunnen niet worden "
            "gewijzigd; aanpasbare secties mag je herschrijven; optionele secties mag je weglaten. "
            "Nieuwe secties zijn eigen aanvullingen van je organisatie."
        ),
    )

    content_panels = [
        AdoptionPanel(),
        TemplateChangesPanel(),
        TranslationStatusPanel(),
        *Page.content_panels,
        FieldPanel("intro"),
        HelpPanel(content=PLACEHOLDER_HELP, heading=_("Plaatshouders")),
        FieldPanel("body"),
    ]
    base_form_class = ProtocolPageForm
    parent_page_types = ["home.OrganisationPage"]
    subpage_types: list[str] = []
    # Created only by deriving from the template (protocols.sections.derive_protocol).
    is_creatable = False
    max_count_per_parent = 1
    template = "protocols/protocol_page.html"

    class Meta:
        verbose_name = _("agressieprotocol")
        verbose_name_plural = _("agressieprotocollen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(section_bases__isnull=False),
                name="protocol_section_bases_not_null",
            ),
        ]

    def organisation_for_placeholders(self) -> OrganisationPage | None:
        return OrganisationPage.for_page(self)

    def adoption_decision(self) -> AdoptionDecision | None:
        # A translation shows its Dutch source's decision (they share the translation key).
        return (
            AdoptionDecision.objects.filter(protocol__translation_key=self.translation_key)
            .only("adopted_by", "decided_on", "reference")
            .first()
        )

    def clean(self):
        super().clean()
        validate_protocol(self)

    def save(self, *args, clean: bool = True, **kwargs):
        # Page.save() only fully validates live pages; a protocol is checked on every save.
        if clean and not self.live and not kwargs.get("update_fields"):
            validate_protocol(self)
        bases = {int(rev) for rev in (self.section_bases or {}).values()}
        self.template_revision_id = (
            Revision.objects.filter(pk__in=bases)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.content_digest = content_digest(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "content_digest"}
        return super().save(*args, clean=clean, **kwargs)


class AdoptionDecision(models.Model):
    """The formal decision adopting (vaststellen) a published version of a protocol.

    content_digest and revision say which published content the decision covers; the protocol
    has changed since adoption when its live content_digest differs. The latest decision (by
    date) is the one in force.
    """

    protocol = models.ForeignKey(
        ProtocolPage,
        verbose_name=_("agressieprotocol"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    adopted_by = models.CharField(
        _("vastgesteld door"), max_length=30, choices=AdoptingBody.choices
    )
    decided_on = models.DateField(_("datum besluit"))
    reference = models.CharField(
        _("kenmerk besluit"),
        max_length=150,
        help_text=_("Bijvoorbeeld het zaaknummer of de vindplaats van het besluit."),
    )
    review_on = models.DateField(
        _("herzien uiterlijk op"),
        help_text=_(
            "Leeg laten: het begin van de volgende zittingstermijn, hooguit vier jaar na het "
            "besluit."
        ),
    )
    revision = models.ForeignKey(
        Revision,
        verbose_name=_("vastgestelde versie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    content_digest = models.CharField(max_length=64, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("vaststellingsbesluit")
        verbose_name_plural = _("vaststellingsbesluiten")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(review_on__gt=models.F("decided_on")),
                name="adoption_review_after_decision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_adopted_by_display()} {self.decided_on:%d-%m-%Y}"

    @property
    def body_phrase(self) -> str:
        return str(BODY_PHRASES.get(self.adopted_by, self.get_adopted_by_display()))
