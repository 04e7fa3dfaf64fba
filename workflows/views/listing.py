"""The coordinator's meldingen listing: Wagtail's generic index view, paginated, sortable and
filterable, scoped to the meldingen of the user's own organisations."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton

from core.choices import display
from home.admin_cells import DateColumn, LinkColumn, TextColumn
from meldingen.filters import MeldingFilterSet
from meldingen.models import Melding
from meldingen.permissions import coordinated_organisations, meldingen_for_coordinator


def _urgent(melding) -> str | None:
    return gettext("spoed") if melding.urgent else None


class MeldingIndexView(generic.IndexView):
    model = Melding
    page_title = _("Meldingen")
    header_icon = "warning"
    template_name = "workflows/admin/listing.html"
    # The table scrolls sideways inside its box on a phone (shared with the partner listings).
    results_template_name = "partners/admin/listing_results.html"
    index_url_name = "melding_list"
    index_results_url_name = "melding_list_results"
    filterset_class = MeldingFilterSet
    paginate_by = 50
    default_ordering = "-created_at"
    all_columns = [
        # The reference, linked to the case page, with a "spoed" tag for urgent meldingen.
        LinkColumn(
            "reference",
            tag=_urgent,
            label=_("Kenmerk"),
            url_name="melding_detail",
            sort_key="reference",
            classname="vb-nowrap",
        ),
        TextColumn(
            "organisation",
            label=_("Organisatie"),
            accessor="organisation.title",
            sort_key="organisation__title",
        ),
        DateColumn("created_at", label=_("Ontvangen"), sort_key="created_at"),
        TextColumn(
            "severity",
            label=_("Ernst"),
            accessor=lambda melding: display(melding, "severity"),
            sort_key="severity",
        ),
        TextColumn(
            "status",
            label=_("Status"),
            accessor=lambda melding: display(melding, "status"),
            sort_key="status",
        ),
    ]

    @cached_property
    def columns(self):
        """Without the organisation column for a coordinator of one organisation."""
        if coordinated_organisations(self.request.user)[:2].count() > 1:
            return self.all_columns
        return [column for column in self.all_columns if column.name != "organisation"]

    def get_base_queryset(self):
        return meldingen_for_coordinator(self.request.user).select_related("organisation")

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Kantoortijden en nazorg"),
                url=reverse("melding_case_settings"),
                icon_name="cog",
            )
        ]
