"""Admin URLs of the coordinator's case handling (meldingen.views.casework) and the
organisation's case settings; the case page itself and the moderation steps are registered by
workflows."""

from django.urls import path
from wagtail import hooks

from meldingen.views import casework
from meldingen.views.case_settings import case_settings_view


@hooks.register("register_admin_urls")
def register_casework_urls():
    return [
        path("meldingen/<int:pk>/aangifte/", casework.aangifte_view, name="melding_aangifte"),
        path("meldingen/<int:pk>/maatregel/", casework.measure_view, name="melding_measure"),
        path(
            "meldingen/maatregel/<int:pk>/bezwaar/",
            casework.objection_view,
            name="melding_measure_objection",
        ),
        path("meldingen/<int:pk>/nazorg/", casework.nazorg_add_view, name="melding_nazorg_add"),
        path("meldingen/nazorg/<int:pk>/", casework.nazorg_view, name="melding_nazorg"),
        path("meldingen/<int:pk>/afsluiten/", casework.close_view, name="melding_close"),
        path("meldingen/<int:pk>/heropenen/", casework.reopen_view, name="melding_reopen"),
        path("meldingen/<int:pk>/nabespreking/", casework.evaluate_view, name="melding_evaluate"),
        path("meldingen/instellingen/", case_settings_view, name="melding_case_settings"),
    ]


@hooks.register("construct_homepage_panels")
def add_cases_panel(request, panels):
    from meldingen.dashboard import CasesPanel

    panels.append(CasesPanel())
