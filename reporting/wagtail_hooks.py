from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.tenancy import is_national_editor
from meldingen.models import Melding
from reporting.access import organisations
from reporting.views import dashboard as views
from reporting.views import erasure, exports


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path("registratie/", views.dashboard, name="reporting_dashboard"),
        path("registratie/landelijk/", views.national, name="reporting_national"),
        path(
            "registratie/export/persoonsgegevens/",
            exports.personal_export,
            name="reporting_export_personal",
        ),
        path("registratie/export/<str:fmt>/", exports.export, name="reporting_export"),
        path("registratie/vermijding/", views.avoidance, name="reporting_avoidance"),
        path("registratie/bewaartermijn/", views.retention, name="reporting_retention"),
        path("registratie/evaluatie/", views.evaluation, name="reporting_evaluation"),
        path(
            "registratie/evaluatie/<int:pk>/pdf/",
            views.evaluation_pdf,
            name="reporting_evaluation_pdf",
        ),
        path("meldingen/<int:pk>/wissen/", erasure.erase_view, name="melding_erase"),
    ]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return organisations(Melding, request.user).exists()


class NationalMenuItem(MenuItem):
    def is_shown(self, request):
        return is_national_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return CoordinatorMenuItem(
        _("Registratie"), reverse("reporting_dashboard"), icon_name="table", order=151
    )


@hooks.register("register_admin_menu_item")
def register_national_menu_item():
    return NationalMenuItem(
        _("Landelijk overzicht"), reverse("reporting_national"), icon_name="table", order=152
    )
