"""The Melden page model lives in meldingen.pages (above the services it calls) and is loaded
by MeldingenConfig.import_models, a Django hook: if Django stops calling it while it registers
models, the page type disappears. This fails first."""

from django.apps import apps

from meldingen.pages import MeldenPage


def test_the_melden_page_is_a_registered_model_of_meldingen():
    assert apps.get_model("meldingen", "MeldenPage") is MeldenPage
    assert MeldenPage._meta.app_label == "meldingen"
    assert "meldenpage" in apps.get_app_config("meldingen").models
