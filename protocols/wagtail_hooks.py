from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from home.models import OrganisationPage
from home.tenancy import is_national_editor

from .dashboard import AdoptionRemindersPanel, OwnProtocolPanel, TemplateFollowPanel
from .decisions import AdoptionStatus, adoption_state
from .models import ProtocolPage
from .permissions import can_derive, can_edit_protocol
from .sections import follows_template
from .views.adoption import adoption_view
from .views.derive import compare_view, derive_view
from .views.overview import ProtocolOverviewView


@hooks.register("register_admin_urls")
def register_protocol_urls():
    return [
        path("protocollen/afleiden/<int:organisation_id>/", derive_view, name="protocols_derive"),
        path("protocollen/<int:page_id>/sjabloon/", compare_view, name="protocols_compare"),
        path("vaststelling/<int:page_id>/", adoption_view, name="protocols_adoption"),
        path("protocollen/", ProtocolOverviewView.as_view(), name="protocols_overview"),
        path(
            "protocollen/resultaten/",
            ProtocolOverviewView.as_view(results_only=True),
            name="protocols_overview_results",
        ),
    ]


class DeriveButton(PageMenuItem):
    label = _("Agressieprotocol afleiden")
    icon_name = "doc-full"
    url_name = "protocols_derive"
    priority = 12

    def is_shown(self, user):
        return can_derive(user, self.page) and not ProtocolPage.objects.child_of(self.page).exists()


class CompareButton(PageMenuItem):
    label = _("Vergelijk met sjabloon")
    icon_name = "doc-full"
    url_name = "protocols_compare"
    priority = 12

    def is_shown(self, user):
        return can_edit_protocol(user, self.page) and follows_template(self.page.specific)


@hooks.register("register_page_header_buttons")
def protocol_header_buttons(page, user, view_name, next_url=None):
    specific_class = page.specific_class
    if specific_class is OrganisationPage:
        yield DeriveButton(page=page)
    elif specific_class is ProtocolPage:
        yield CompareButton(page=page)


class NationalEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_national_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return NationalEditorsMenuItem(
        _("Protocollen"), reverse("protocols_overview"), icon_name="doc-full", order=250
    )


@hooks.register("insert_editor_js")
def fixed_sections_js():
    return format_html('<script src="{}" defer></script>', static("protocols/fixed-sections.js"))


@hooks.register("after_publish_page")
def ask_for_new_adoption(request, page):
    """Publishing a protocol whose content the decision in force does not cover asks whether it
    needs a new adoption (the adoption screen offers both answers)."""
    page = page.specific
    if not isinstance(page, ProtocolPage) or not follows_template(page):
        return None
    if adoption_state(page).status not in (AdoptionStatus.CHANGED, AdoptionStatus.NOT_ADOPTED):
        return None
    return redirect(reverse("protocols_adoption", args=[page.pk]) + "?na_publicatie=1")


@hooks.register("after_edit_page")
def ask_after_approval_in_the_editor(request, page):
    """ "Goedkeuren en publiceren" in the editor publishes through the workflow, which calls no
    publish hook: when that approval published the protocol, ask the same question."""
    if "action-workflow-action" not in request.POST:
        return None
    page = type(page).objects.get(pk=page.pk)
    if not page.live or page.live_revision_id != page.latest_revision_id:
        return None  # a step before the last one: nothing published yet
    return ask_for_new_adoption(request, page)


@hooks.register("register_log_actions")
def register_adoption_log_actions(actions):
    actions.register_action(
        "protocols.adoption_recorded", _("Vaststelling vastgelegd"), _("Vaststelling vastgelegd")
    )
    actions.register_action(
        "protocols.adoption_confirmed",
        _("Wijziging zonder nieuw besluit"),
        _("Wijziging na vaststelling vraagt geen nieuw besluit"),
    )


@hooks.register("construct_homepage_panels")
def add_adoption_reminders_panel(request, panels):
    panels.extend([OwnProtocolPanel(), TemplateFollowPanel(), AdoptionRemindersPanel()])
