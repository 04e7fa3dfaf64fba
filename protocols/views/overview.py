"""National overview: every organisation's protocol and how far it is behind the template."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Count, Exists, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce, Length, Substr
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.models import Page, PageLogEntry, WorkflowState

from home.models import OrganisationKind, OrganisationPage
from home.tenancy import is_national_editor

from ..decisions import annotated_state, with_adoption
from ..filters import ProtocolOverviewFilterSet
from ..models import ProtocolPage


def annotated_protocols():
    """Protocols with their organisation's title and kind, how many template publications they
    are behind, and whether they are in moderation."""
    parent = OrganisationPage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    )
    publications = (
        PageLogEntry.objects.filter(
            page_id=OuterRef("template_page_id"),
            action="wagtail.publish",
            revision_id__gt=Coalesce(OuterRef("template_revision_id"), 0),
        )
        .order_by()
        .values("page_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    moderation = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    # Translations follow their Dutch source, not the template: list the source protocols.
    return with_adoption(
        ProtocolPage.objects.filter(locale=F("template_page__locale"))
        .annotate(
            organisation_title=Subquery(parent.values("title")[:1]),
            organisation_kind=Subquery(parent.values("kind")[:1]),
            behind=Coalesce(Subquery(publications, output_field=IntegerField()), 0),
            in_moderation=Exists(moderation),
        )
        .select_related("template_revision", "locale")
    )


def _behind_label(protocol: ProtocolPage) -> str:
    if not protocol.behind:
        return str(_("Actueel"))
    return ngettext(
        "%(n)d sjabloonversie achter", "%(n)d sjabloonversies achter", protocol.behind
    ) % {"n": protocol.behind}


def _short_date(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _adoption_label(protocol: ProtocolPage) -> str:
    state = annotated_state(protocol)
    if state.decision is None:
        return str(_("Niet vastgesteld"))
    if state.changed:
        return str(_("Gewijzigd na vaststelling op %(date)s")) % {
            "date": _short_date(state.decision.decided_on)
        }
    return str(_("Vastgesteld op %(date)s door %(body)s")) % {
        "date": _short_date(state.decision.decided_on),
        "body": state.decision.body_phrase,
    }


def _review_label(protocol: ProtocolPage) -> str:
    state = annotated_state(protocol)
    if state.decision is None:
        return "–"
    if state.review_overdue:
        return str(_("%(date)s (verlopen)")) % {"date": _short_date(state.decision.review_on)}
    return _short_date(state.decision.review_on)


def _status_label(protocol: ProtocolPage) -> str:
    if protocol.in_moderation:
        return str(_("Ter beoordeling"))
    if not protocol.live:
        return str(_("Concept"))
    if protocol.has_unpublished_changes:
        return str(_("Gepubliceerd, met concept"))
    return str(_("Gepubliceerd"))


class ProtocolOverviewView(IndexView):
    model = ProtocolPage
    filterset_class = ProtocolOverviewFilterSet
    index_url_name = "protocols_overview"
    index_results_url_name = "protocols_overview_results"
    any_permission_required = None
    page_title = _("Agressieprotocollen van organisaties")
    header_icon = "doc-full"
    default_ordering = "organisation_title"
    paginate_by = 50
    columns = [
        TitleColumn(
            "organisation_title",
            label=_("Organisatie"),
            get_url=lambda p: reverse("wagtailadmin_pages:edit", args=[p.pk]),
            sort_key="organisation_title",
        ),
        Column(
            "organisation_kind",
            label=_("Soort"),
            accessor=lambda p: (
                OrganisationKind(p.organisation_kind).label if p.organisation_kind else "–"
            ),
            sort_key="organisation_kind",
        ),
        Column("status", label=_("Status"), accessor=_status_label),
        Column("behind", label=_("Achterstand"), accessor=_behind_label, sort_key="behind"),
        Column(
            "adoption", label=_("Vaststelling"), accessor=_adoption_label, sort_key="adopted_on"
        ),
        Column("review", label=_("Herziening"), accessor=_review_label, sort_key="review_on"),
        Column(
            "base",
            label=_("Basisversie sjabloon"),
            accessor=lambda p: (
                date_format(localtime(p.template_revision.created_at), "SHORT_DATETIME_FORMAT")
                if p.template_revision
                else "–"
            ),
        ),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not is_national_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return annotated_protocols()
