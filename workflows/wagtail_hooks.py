from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from meldingen.permissions import coordinated_organisations
from workflows import (  # noqa: F401 - they register their edit view hooks
    autosave_guard,
    page_messages,
)
from workflows.views import moderation
from workflows.views.listing import MeldingIndexView


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("meldingen/", MeldingIndexView.as_view(), name="melding_list"),
        path(
            "meldingen/resultaten/",
            MeldingIndexView.as_view(results_only=True),
            name="melding_list_results",
        ),
        path("meldingen/<int:pk>/", moderation.detail, name="melding_detail"),
        path("meldingen/<int:pk>/triage/", moderation.triage_view, name="melding_triage"),
        path("meldingen/<int:pk>/stap/", moderation.step_view, name="melding_step"),
        path(
            "meldingen/<int:pk>/routering/",
            moderation.routing_view,
            name="melding_routing",
        ),
        path(
            "meldingen/berichten/<int:pk>/opnieuw/",
            moderation.retry_notice,
            name="melding_notice_retry",
        ),
        path(
            "meldingen/bijlagen/<int:pk>/",
            moderation.attachment_download,
            name="melding_attachment",
        ),
    ]


class MeldingenMenuItem(MenuItem):
    def is_shown(self, request):
        return coordinated_organisations(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_meldingen_menu_item():
    return MeldingenMenuItem(
        _("Meldingen"), reverse("melding_list"), icon_name="warning", order=150
    )


@hooks.register("construct_homepage_panels")
def add_meldingen_panel(request, panels):
    from workflows.dashboard import replace_stock_panels
    from workflows.panels import MeldingenWaitingPanel

    replace_stock_panels(panels)
    if coordinated_organisations(request.user).exists():
        panels.append(MeldingenWaitingPanel(request.user))
