"""The intake form page of an organisation (Melden)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.models import OrganisationPage
from home.page_facts import PageFactsMixin
from home.tenancy import originals
from meldingen.views.intake import confirmation, intake


class QuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Vraag"), max_length=200)
    help_text = blocks.CharBlock(label=_("Toelichting"), required=False, max_length=300)
    answer_type = blocks.ChoiceBlock(
        label=_("Soort antwoord"),
        choices=[
            ("text", _("Korte tekst")),
            ("textarea", _("Lange tekst")),
            ("yes_no", _("Ja of nee")),
            ("choice", _("Keuze uit opties")),
        ],
        default="text",
    )
    options = blocks.TextBlock(
        label=_("Opties"), required=False, help_text=_("Bij 'keuze uit opties': één per regel.")
    )
    required = blocks.BooleanBlock(label=_("Verplicht"), required=False)

    class Meta:
        icon = "help"
        label = _("Aanvullende vraag")


class MeldenPage(PageFactsMixin, RoutablePageMixin, Page):
    """Where an organisation's office holders report an incident."""

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Tekst boven het meldformulier."),
    )
    accept_without_account = models.BooleanField(
        _("melden zonder account toestaan"),
        default=False,
        help_text=_(
            "Als dit uit staat, moeten melders inloggen. Meldingen zonder account zijn moeilijker "
            "op te volgen."
        ),
    )
    extra_questions = StreamField(
        [("question", QuestionBlock())],
        verbose_name=_("aanvullende vragen"),
        blank=True,
        help_text=_("Vragen die je organisatie toevoegt aan de vaste vragen."),
    )
    confirmation_text = RichTextField(
        _("tekst na melden"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Wat de melder na het versturen te lezen krijgt, boven het kenmerk."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("accept_without_account"),
        FieldPanel("extra_questions"),
        FieldPanel("confirmation_text"),
    ]
    parent_page_types = ["home.OrganisationPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("meldformulier")
        verbose_name_plural = _("meldformulieren")

    @property
    def organisation(self):
        """The organisation (its Dutch source page, also when reached through a translation)."""
        organisation = OrganisationPage.for_page(self)
        if organisation is None or organisation.locale.language_code == "nl":
            return organisation
        return originals().filter(translation_key=organisation.translation_key).first()

    @path("")
    def form_view(self, request):
        return intake(request, self)

    @path("stap/<int:number>/")
    def step_view(self, request, number):
        return intake(request, self, number)

    @path("bevestiging/")
    def confirmation_view(self, request):
        return confirmation(request, self)
