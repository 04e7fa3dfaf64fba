"""Admin home panel: the adoption and review reminders of the user's own organisations."""

from __future__ import annotations

from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from home.models import OrganisationPage
from home.tenancy import for_user

from .decisions import annotated_state, with_adoption
from .models import ProtocolPage


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
