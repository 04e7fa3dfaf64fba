from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.tenancy import visible_pages

from .admin_views import PROVISION_PERMISSION, provision_view
from .dashboard import MyOrganisationPanel, ProvisioningPanel
from .page_listing import TenantPageViewSet


@hooks.register("register_admin_urls")
def register_provision_url():
    return [
        path("organisaties/inrichten/", provision_view, name="home_provision_organisation"),
    ]


class ProvisionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PROVISION_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_provision_menu_item():
    return ProvisionMenuItem(
        _("Organisatie inrichten"),
        reverse("home_provision_organisation"),
        icon_name="group",
        order=150,
    )


@hooks.register("register_permissions")
def register_provision_permission():
    return Permission.objects.filter(
        content_type__app_label="home", codename="provision_organisation"
    )


@hooks.register("construct_page_chooser_queryset")
def only_own_organisations_in_the_chooser(pages, request):
    """The page chooser (browsing and search) lists no page of another organisation."""
    return visible_pages(pages, request.user)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    """In place of Wagtail's viewset for Page (registered at order -1): page listings whose
    "owner" and "edited by" filters offer only people of the user's organisation."""
    return TenantPageViewSet()


@hooks.register("construct_homepage_panels")
def add_home_panels(request, panels):
    panels.extend([MyOrganisationPanel(), ProvisioningPanel()])
