"""The Stappenplan: what each role can do before, during and after an incident."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.page_facts import PageFactsMixin

from .listing import fragment_seconds
from .resources import ToolkitResourcePage
from .taxonomy import Moment, StappenplanRole


class StappenplanForm(forms.Form):
    """The visitor's choice of role and moment on the Stappenplan page (a GET form)."""

    role = forms.ChoiceField(
        label=_("Ik ben"),
        choices=[("", _("Kies uw rol")), *StappenplanRole.choices],
        required=False,
    )
    moment = forms.ChoiceField(
        label=_("en het is"),
        choices=[("", _("voor, tijdens of na een incident")), *Moment.choices],
        required=False,
    )


class StappenplanPage(PageFactsMixin, Page):
    """What each role can do before, during and after an incident (Leidraad Veilig Bestuur)."""

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Tekst boven de keuze voor rol en moment."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("steps", heading=_("Stappen"), label=_("Stap")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("steps", [index.SearchField("title"), index.SearchField("text")]),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("stappenplan")
        verbose_name_plural = _("stappenplannen")

    def get_context(self, request, *args, **kwargs):
        """The chosen role's steps, read only when the page's stored fragment for this choice
        (content_key, kept content_seconds) is missing; an invalid choice is never kept."""
        context = super().get_context(request, *args, **kwargs)
        form = StappenplanForm(request.GET or None)
        valid = not form.is_bound or form.is_valid()
        role = moment = None
        if form.is_bound and valid:
            role = form.cleaned_data["role"] or None
            moment = form.cleaned_data["moment"] or None

        def groups() -> list[dict]:
            if not role:
                return []
            steps = self.steps.filter(role=role)
            if moment:
                steps = steps.filter(moment=moment)
            by_moment = [
                {"value": value, "label": label, "steps": [s for s in steps if s.moment == value]}
                for value, label in Moment.choices
            ]
            return [g for g in by_moment if g["steps"]]

        context.update(
            form=form,
            role=role,
            moment=moment,
            role_label=StappenplanRole(role).label if role else None,
            moment_groups=SimpleLazyObject(groups),
            roles=StappenplanRole.choices,
            moments=Moment.choices,
            chosen=bool(role),
            content_seconds=fragment_seconds(request) if valid else 0,
            content_key=f"{form.is_bound}|{role or ''}|{moment or ''}",
        )
        return context


class StappenplanStep(Orderable):
    """One step for one role at one moment, with links to the resources that help."""

    page = ParentalKey(StappenplanPage, on_delete=models.CASCADE, related_name="steps")
    role = models.CharField(
        _("rol"),
        max_length=30,
        choices=StappenplanRole.choices,
    )
    moment = models.CharField(
        _("moment"),
        max_length=10,
        choices=Moment.choices,
    )
    title = models.CharField(_("stap"), max_length=200, help_text=_("Korte, actieve zin."))
    text = RichTextField(
        _("uitleg"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
    )
    resources = StreamField(
        [("resource", blocks.PageChooserBlock(page_type="toolkit.ToolkitResourcePage"))],
        verbose_name=_("hulpmiddelen"),
        blank=True,
        help_text=_(
            "Staan als links bij de stap; een hulpmiddel dat niet gepubliceerd is, wordt "
            "overgeslagen."
        ),
    )

    panels = [
        FieldPanel("role"),
        FieldPanel("moment"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("resources"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=StappenplanRole.values), name="toolkit_step_role"
            ),
            models.CheckConstraint(
                condition=models.Q(moment__in=Moment.values), name="toolkit_step_moment"
            ),
        ]

    def linked_resources(self) -> list[ToolkitResourcePage]:
        pages = [block.value for block in self.resources if block.value is not None]
        return [page.specific for page in pages if page.live]
