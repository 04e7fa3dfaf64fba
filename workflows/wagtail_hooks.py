from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import coordinated_organisations
from .views import erasure, moderation


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("meldingen/", moderation.listing, name="workflows_melding_list"),
        path("meldingen/<int:pk>/", moderation.detail, name="workflows_melding_detail"),
        path("meldingen/<int:pk>/triage/", moderation.triage_view, name="workflows_melding_triage"),
        path("meldingen/<int:pk>/stap/", moderation.step_view, name="workflows_melding_step"),
        path(
            "meldingen/<int:pk>/routering/",
            moderation.routing_view,
            name="workflows_melding_routing",
        ),
        path("meldingen/<int:pk>/wissen/", erasure.erase_view, name="workflows_melding_erase"),
        path(
            "meldingen/berichten/<int:pk>/opnieuw/",
            moderation.retry_notice,
            name="workflows_notice_retry",
        ),
        path(
            "meldingen/bijlagen/<int:pk>/",
            moderation.attachment_download,
            name="workflows_attachment",
        ),
    ]


class MeldingenMenuItem(MenuItem):
    def is_shown(self, request):
        return coordinated_organisations(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_meldingen_menu_item():
    return MeldingenMenuItem(
        _("Meldingen"), reverse("workflows_melding_list"), icon_name="warning", order=150
    )


@hooks.register("register_admin_viewset")
def register_ketenpartners():
    from .viewsets import KetenpartnersGroup

    return KetenpartnersGroup()


@hooks.register("construct_homepage_panels")
def add_meldingen_panel(request, panels):
    from .panels import MeldingenWaitingPanel

    if coordinated_organisations(request.user).exists():
        panels.append(MeldingenWaitingPanel(request.user))
