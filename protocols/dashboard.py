"""Admin home panels of protocols: the own organisations' protocol (redacteur, publiceerder),
adoption and review reminders, and for national editors the organisations behind the template
or without a protocol. Each panel costs a fixed number of queries, whatever the data."""

from __future__ import annotations

from types import SimpleNamespace

from django.db.models import CharField, F, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from home.dashboard import DashboardPanel
from home.models import OrganisationPage
from home.tenancy import Role, for_user, is_national_editor

from .decisions import annotated_state, with_adoption
from .filters import OverviewStatus
from .models import ProtocolPage
from .views.overview import (
    ProtocolState,
    behind_label,
    organisations_with_protocol,
    protocol_state,
    status_label,
)

# Rows a national editor's panel lists per group; the overview has them all.
PANEL_ROWS = 8


def _parent_path():
    return Substr(F("path"), 1, Length(F("path")) - Page.steplen, output_field=CharField())


def own_protocols(user):
    """The protocols (Dutch sources) of user's organisations, annotated with the organisation's
    title and the latest decision: one query."""
    parent = OrganisationPage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    )
    return with_adoption(
        ProtocolPage.objects.filter(locale=F("template_page__locale"))
        .annotate(parent_path=_parent_path())
        .filter(parent_path__in=for_user(user).values("path"))
        .annotate(organisation_title=Subquery(parent.values("title")[:1]))
        .order_by("organisation_title")
    )


class OwnProtocolPanel(DashboardPanel):
    """Redacteur and publiceerder: the organisation's protocol, whether it waits for approval,
    how far it is behind the template (with the comparison), or that it is still to be
    derived."""

    name = "protocols_own_protocol"
    template_name = "protocols/admin/dashboard/own_protocol.html"
    order = 100

    def panel_context(self, user) -> dict:
        editors = for_user(user, Role.EDITOR).values("pk")
        publishers = for_user(user, Role.PUBLISHER).values("pk")
        organisations = organisations_with_protocol().filter(
            Q(pk__in=editors) | Q(pk__in=publishers)
        )
        editor_of = set(editors.values_list("pk", flat=True))
        publisher_of = set(publishers.values_list("pk", flat=True))
        rows = []
        for org in organisations.order_by("title"):
            state = protocol_state(org)
            rows.append(
                {
                    "organisation": org,
                    "state": state,
                    "status": status_label(org),
                    "behind": org.behind or 0,
                    "behind_label": behind_label(org),
                    "may_derive": org.pk in editor_of,
                    "approves": org.pk in publisher_of,
                    "derive_url": reverse("protocols_derive", args=[org.pk]),
                    "edit_url": (
                        reverse("wagtailadmin_pages:edit", args=[org.protocol_pk])
                        if org.protocol_pk
                        else None
                    ),
                    "compare_url": (
                        reverse("protocols_compare", args=[org.protocol_pk])
                        if org.protocol_pk
                        else None
                    ),
                }
            )
        return {"rows": rows, "states": ProtocolState}


class TemplateFollowPanel(DashboardPanel):
    """National editors: organisations behind the template and without a protocol."""

    name = "protocols_template_follow"
    template_name = "protocols/admin/dashboard/template_follow.html"
    order = 70

    def shown_to(self, user) -> bool:
        return is_national_editor(user)

    def panel_context(self, user) -> dict:
        # One row per organisation, few columns: one query (counting in the database over these
        # nested subqueries miscounts on some backends).
        rows = list(
            organisations_with_protocol()
            .order_by("title")
            .values("pk", "title", "protocol_pk", "protocol_live", "behind")
        )
        without = [row for row in rows if row["protocol_pk"] is None]
        behind = sorted((row for row in rows if row["behind"]), key=lambda row: -row["behind"])
        drafts = [row for row in rows if row["protocol_pk"] and not row["protocol_live"]]
        overview = reverse("protocols_overview")
        return {
            "counts": {
                "total": len(rows),
                "none": len(without),
                "behind": len(behind),
                "draft": len(drafts),
            },
            "behind": [
                {"title": row["title"], "label": behind_label(SimpleNamespace(**row))}
                for row in behind[:PANEL_ROWS]
            ],
            "without": without[:PANEL_ROWS],
            "behind_url": f"{overview}?status={OverviewStatus.BEHIND}",
            "without_url": f"{overview}?status={OverviewStatus.NONE}",
            "overview_url": overview,
        }


class AdoptionRemindersPanel(Component):
    name = "protocols_adoption_reminders"
    template_name = "protocols/admin/adoption_reminders_panel.html"
    order = 210

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        reminders = []
        for protocol in own_protocols(user).only(
            "pk", "title", "live", "content_digest", "path", "locale", "template_page"
        ):
            state = annotated_state(protocol)
            if state.needs_attention:
                reminders.append(
                    {
                        "organisation": protocol.organisation_title,
                        "state": state,
                        "live": protocol.live,
                        "url": reverse("protocols_adoption", args=[protocol.pk]),
                    }
                )
        context["reminders"] = reminders
        return context
