"""The toolkit: index pages (national or per organisation), resources and their files, and the
filter form of an index page."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, PageQuerySet
from wagtail.search import index

from core.choices import FixedChoices
from home.models import OrganisationIndexPage, OrganisationPage
from home.page_facts import PageFactsMixin

from .listing import listing
from .taxonomy import MOMENT_FIELDS, Audience, Moment, ResourceKind

RICH_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


def national_resources(locale: Locale) -> PageQuerySet:
    """Live, public resources outside every organisation (the national library) in locale."""
    queryset = ToolkitResourcePage.objects.live().public().filter(locale=locale)
    for index_path in OrganisationIndexPage.objects.values_list("path", flat=True):
        queryset = queryset.exclude(path__startswith=index_path)
    return queryset


class ToolkitIndexPage(PageFactsMixin, Page):
    """The toolkit: national under the home page, or an organisation's own.

    An organisation's toolkit shows its own resources (children) and every national resource it
    has not hidden; both marked as lokaal or landelijk. National items are never copied.
    """

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "hidden_resources",
            heading=_("Verborgen landelijke hulpmiddelen"),
            label=_("Verborgen hulpmiddel"),
            help_text=_(
                "Alleen voor de toolkit van een organisatie: landelijke hulpmiddelen die hier "
                "niet getoond worden."
            ),
        ),
    ]
    parent_page_types = ["home.HomePage", "home.OrganisationPage"]
    subpage_types = ["toolkit.ToolkitResourcePage"]
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("toolkit")
        verbose_name_plural = _("toolkits")

    @property
    def organisation(self) -> OrganisationPage | None:
        return OrganisationPage.for_page(self)

    def resources(self) -> PageQuerySet:
        """Everything this toolkit shows: own children plus unhidden national resources."""
        own = ToolkitResourcePage.objects.live().public().child_of(self)
        if self.organisation is None:
            return national_resources(self.locale)
        hidden = self.hidden_resources.values_list("resource_id", flat=True)
        return (own | national_resources(self.locale).exclude(pk__in=hidden)).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing(self, request, ResourceFilterSet, ToolkitResourcePage))
        return context


class HiddenNationalResource(Orderable):
    """A national resource an organisation does not want in its own toolkit."""

    page = ParentalKey(ToolkitIndexPage, on_delete=models.CASCADE, related_name="hidden_resources")
    resource = models.ForeignKey(
        "toolkit.ToolkitResourcePage",
        verbose_name=_("landelijk hulpmiddel"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("verborgen landelijk hulpmiddel")
        verbose_name_plural = _("verborgen landelijke hulpmiddelen")
        constraints = [
            models.UniqueConstraint(fields=["page", "resource"], name="toolkit_hidden_once"),
        ]

    def clean(self):
        super().clean()
        if self.resource_id and not self.resource.is_national:
            raise ValidationError(
                {"resource": _("Alleen landelijke hulpmiddelen kun je verbergen.")}
            )


class ToolkitResourcePage(PageFactsMixin, Page):
    """One instrument of the toolkit: a guide, example protocol, app, presentation, link, ..."""

    kind = models.CharField(
        _("soort"),
        max_length=30,
        choices=ResourceKind.choices,
    )
    audiences = ParentalManyToManyField(
        Audience,
        verbose_name=_("doelgroepen"),
        blank=True,
        related_name="resources",
        help_text=_("Voor wie dit hulpmiddel bedoeld is; leeg betekent: voor iedereen."),
    )
    for_before = models.BooleanField(
        _("voor een incident"), default=True, help_text=_("Helpt bij de voorbereiding.")
    )
    for_during = models.BooleanField(_("tijdens een incident"), default=False)
    for_after = models.BooleanField(
        _("na een incident"), default=False, help_text=_("Helpt bij de afhandeling en nazorg.")
    )
    summary = models.TextField(
        _("samenvatting"),
        max_length=500,
        help_text=_("Twee of drie zinnen: wat is het en wanneer gebruik je het."),
    )
    body = RichTextField(
        _("toelichting"),
        blank=True,
        features=RICH_FEATURES,
    )
    external_url = models.URLField(
        _("externe link"),
        blank=True,
        help_text=_("Adres van het hulpmiddel elders op internet, als het daar staat."),
    )
    last_checked = models.DateField(
        _("laatst gecontroleerd"),
        default=datetime.date.today,
        help_text=_("Datum waarop inhoud, bestanden en links voor het laatst zijn nagekeken."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("for_before"),
                FieldPanel("for_during"),
                FieldPanel("for_after"),
            ],
            heading=_("Indeling"),
        ),
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Bestanden"), label=_("Bestand")),
        FieldPanel("external_url"),
        FieldPanel("last_checked"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.RelatedFields("audiences", [index.SearchField("name")]),
    ]
    parent_page_types = ["toolkit.ToolkitIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("hulpmiddel")
        verbose_name_plural = _("hulpmiddelen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(for_before=True)
                | models.Q(for_during=True)
                | models.Q(for_after=True),
                name="toolkit_resource_has_moment",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ResourceKind.values), name="toolkit_resource_kind"
            ),
        ]

    def clean(self):
        super().clean()
        if not (self.for_before or self.for_during or self.for_after):
            raise ValidationError(
                {"for_before": _("Kies minstens één moment: voor, tijdens of na een incident.")}
            )

    @property
    def is_national(self) -> bool:
        return OrganisationPage.for_page(self) is None

    @property
    def moments(self) -> list[str]:
        return [label for value, label in Moment.choices if getattr(self, MOMENT_FIELDS[value])]


class ResourceDocument(Orderable):
    """A file attached to a resource (pdf, presentation, example protocol)."""

    page = ParentalKey(ToolkitResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(
        _("omschrijving"),
        max_length=200,
        blank=True,
        help_text=_("Tekst van de downloadlink; leeg betekent de titel van het document."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("bestand")
        verbose_name_plural = _("bestanden")


class ResourceFilterSet(django_filters.FilterSet):
    """Filtering an index page's resources: kind, audience, moment and free text (GET form)."""

    q = django_filters.CharFilter(label=_("Zoekwoorden"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Soort"), choices=FixedChoices(ResourceKind.choices), empty_label=_("Alle soorten")
    )
    # Choices by slug from the audiences given (toolkit.models.listing keeps them cached).
    audience = django_filters.ChoiceFilter(
        label=_("Voor wie"), empty_label=_("Iedereen"), method="filter_audience"
    )
    moment = django_filters.ChoiceFilter(
        label=_("Moment"),
        choices=FixedChoices(Moment.choices),  # shared by every copy (core.choices)
        empty_label=_("Voor, tijdens en na"),
        method="filter_moment",
    )

    class Meta:
        model = ToolkitResourcePage
        fields = ["q", "kind", "audience", "moment"]

    def __init__(self, *args, audiences: list[Audience] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if audiences is None:
            audiences = list(Audience.objects.all())
        self.filters["audience"].extra["choices"] = [(a.slug, str(a)) for a in audiences]

    def filter_audience(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(audiences__slug=value)

    def filter_moment(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(**{MOMENT_FIELDS[value]: True})

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The search backend (PostgreSQL full-text search on PostgreSQL) finds the matches;
        # the other filters and the national/local merge stay in the database query.
        matches = ToolkitResourcePage.objects.live().search(value, operator="and")
        return queryset.filter(pk__in=[page.pk for page in matches])
