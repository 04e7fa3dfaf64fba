"""National overview: every organisation, its protocol (or none) and how far it is behind the
template, with filters and a CSV export."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce, Length, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.models import Page, PageLogEntry, WorkflowState

from home.models import OrganisationKind, OrganisationPage
from home.tenancy import is_national_editor, originals

from ..adoption_status import AdoptionState
from ..decisions import with_adoption
from ..filters import ProtocolOverviewFilterSet
from ..models import AdoptionDecision, ProtocolPage


def _template_publications(**revision_condition) -> QuerySet:
    """Publications of the protocol's template (OuterRef) whose revision meets the condition,
    counted in one value."""
    return (
        PageLogEntry.objects.filter(
            page_id=OuterRef("template_page_id"), action="wagtail.publish", **revision_condition
        )
        .order_by()
        .values("page_id")
        .annotate(n=Count("pk"))
        .values("n")
    )


def annotated_protocols() -> QuerySet[ProtocolPage]:
    """Dutch source protocols with their parent's path, how many template publications they are
    behind, the template version they follow, whether they are in moderation and their latest
    adoption decision."""
    moderation = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    behind = _template_publications(revision_id__gt=Coalesce(OuterRef("template_revision_id"), 0))
    version = _template_publications(revision_id__lte=OuterRef("template_revision_id"))
    # Translations follow their Dutch source, not the template: only the source protocols.
    return with_adoption(
        ProtocolPage.objects.filter(locale=F("template_page__locale")).annotate(
            parent_path=Substr(
                F("path"), 1, Length(F("path")) - Page.steplen, output_field=CharField()
            ),
            behind=Coalesce(Subquery(behind, output_field=IntegerField()), 0),
            base_version=Subquery(version, output_field=IntegerField()),
            base_at=F("template_revision__created_at"),
            in_moderation=Exists(moderation),
        )
    )


# Annotations of an organisation row, from its protocol (None when it has none).
PROTOCOL_FIELDS = {
    "protocol_pk": "pk",
    "protocol_live": "live",
    "protocol_draft": "has_unpublished_changes",
    "protocol_digest": "content_digest",
    "behind": "behind",
    "base_version": "base_version",
    "base_at": "base_at",
    "in_moderation": "in_moderation",
    "adopted_on": "adopted_on",
    "adopted_by_body": "adopted_by_body",
    "review_on": "review_on",
    "adopted_digest": "adopted_digest",
}


def organisations_with_protocol() -> QuerySet[OrganisationPage]:
    """Every organisation (once, in the source language) annotated with its protocol's state:
    one query for any number of organisations."""
    protocol = annotated_protocols().filter(parent_path=OuterRef("path"))
    return originals().annotate(
        **{name: Subquery(protocol.values(field)[:1]) for name, field in PROTOCOL_FIELDS.items()}
    )


class ProtocolState:
    """Labels of an organisation row of organisations_with_protocol()."""

    NONE = "geen_protocol"
    IN_MODERATION = "ter_beoordeling"
    DRAFT = "concept"
    BEHIND = "achter"
    PUBLISHED = "gepubliceerd"


def protocol_state(org: OrganisationPage) -> str:
    if org.protocol_pk is None:
        return ProtocolState.NONE
    if org.in_moderation:
        return ProtocolState.IN_MODERATION
    if not org.protocol_live:
        return ProtocolState.DRAFT
    return ProtocolState.BEHIND if org.behind else ProtocolState.PUBLISHED


def status_label(org: OrganisationPage) -> str:
    state = protocol_state(org)
    if state == ProtocolState.NONE:
        return str(_("Geen protocol"))
    if state == ProtocolState.IN_MODERATION:
        return str(_("Ter beoordeling"))
    if state == ProtocolState.DRAFT:
        return str(_("Concept"))
    if org.protocol_draft:
        return str(_("Gepubliceerd, met concept"))
    return str(_("Gepubliceerd"))


def behind_label(org: OrganisationPage) -> str:
    if org.protocol_pk is None:
        return "–"
    if not org.behind:
        return str(_("Actueel"))
    return ngettext("Loopt %(n)d versie achter", "Loopt %(n)d versies achter", org.behind) % {
        "n": org.behind
    }


def base_label(org: OrganisationPage) -> str:
    if org.protocol_pk is None or org.base_at is None:
        return "–"
    day = date_format(localtime(org.base_at), "SHORT_DATE_FORMAT")
    if not org.base_version:
        return day
    return str(_("Versie %(version)d (%(date)s)")) % {"version": org.base_version, "date": day}


def _short_date(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def adoption_of(org: OrganisationPage) -> AdoptionState | None:
    """The adoption state of the row's protocol, without further queries (None: no protocol)."""
    if org.protocol_pk is None:
        return None
    decision = None
    if org.adopted_on:
        decision = AdoptionDecision(
            adopted_by=org.adopted_by_body,
            decided_on=org.adopted_on,
            review_on=org.review_on,
            content_digest=org.adopted_digest,
        )
    changed = bool(decision and org.protocol_live and org.adopted_digest != org.protocol_digest)
    return AdoptionState(decision, changed, timezone.localdate())


def adoption_label(org: OrganisationPage) -> str:
    state = adoption_of(org)
    if state is None:
        return "–"
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


def review_label(org: OrganisationPage) -> str:
    state = adoption_of(org)
    if state is None or state.decision is None:
        return "–"
    if state.review_overdue:
        return str(_("%(date)s (verlopen)")) % {"date": _short_date(state.decision.review_on)}
    return _short_date(state.decision.review_on)


def kind_label(org: OrganisationPage) -> str:
    return OrganisationKind(org.kind).label if org.kind else "–"


def _row_url(org: OrganisationPage) -> str:
    """The protocol's editor, or the organisation's page (where a protocol is derived)."""
    return reverse("wagtailadmin_pages:edit", args=[org.protocol_pk or org.pk])


class ProtocolOverviewView(IndexView):
    model = OrganisationPage
    filterset_class = ProtocolOverviewFilterSet
    index_url_name = "protocols_overview"
    index_results_url_name = "protocols_overview_results"
    any_permission_required = None
    page_title = _("Agressieprotocollen van organisaties")
    header_icon = "doc-full"
    default_ordering = "title"
    paginate_by = 50
    results_template_name = "protocols/admin/overview_results.html"
    # The name filter searches; Wagtail's search index does not know the annotations.
    is_searchable = False
    columns = [
        TitleColumn("title", label=_("Organisatie"), get_url=_row_url, sort_key="title"),
        Column("status", label=_("Status"), accessor=status_label),
        Column(
            "behind",
            label=_("Achterstand"),
            accessor=behind_label,
            sort_key="behind",
            classname="vb-nowrap",
        ),
        Column(
            "base",
            label=_("Volgt sjabloon"),
            accessor=base_label,
            sort_key="base_version",
            classname="vb-nowrap",
        ),
        Column("kind", label=_("Soort"), accessor=kind_label, sort_key="kind"),
        Column("adoption", label=_("Vaststelling"), accessor=adoption_label, sort_key="adopted_on"),
        Column(
            "review",
            label=_("Herziening"),
            accessor=review_label,
            sort_key="review_on",
            classname="vb-nowrap",
        ),
    ]
    # CSV export (Wagtail's export buttons): the same labels as the table.
    list_export = ["title", "kind", "status", "behind", "base", "adoption", "review"]
    export_headings = {
        "title": _("Organisatie"),
        "kind": _("Soort"),
        "status": _("Status"),
        "behind": _("Achterstand"),
        "base": _("Volgt sjabloon"),
        "adoption": _("Vaststelling"),
        "review": _("Herziening"),
    }
    export_filename = "agressieprotocollen"
    EXPORT_LABELS = {
        "kind": kind_label,
        "status": status_label,
        "behind": behind_label,
        "base": base_label,
        "adoption": adoption_label,
        "review": review_label,
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_national_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return organisations_with_protocol()

    def to_row_dict(self, item):
        return {
            field: (self.EXPORT_LABELS[field](item) if field in self.EXPORT_LABELS else item.title)
            for field in self.list_export
        }
