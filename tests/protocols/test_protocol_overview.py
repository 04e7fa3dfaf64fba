"""National listing of all organisations' protocols: how far behind, filterable."""

import pytest
from django.urls import reverse

from home.provisioning import provision_organisation
from tests.protocol_factories import derive, make_template, publish_template_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def protocols(org_a, org_b, home_page):
    """Aadorp (gemeente) published and behind by 2, Beestad (gemeente) draft and current,
    Waterschap Wadland published and current."""
    template = make_template(home_page)
    water = provision_organisation(
        title="Waterschap Wadland", kind="waterschap", official_code="WS9001"
    ).organisation
    a = derive(org_a)
    a.save_revision().publish()
    publish_template_change(template, "media", text="<p>Nieuwe tekst.</p>")
    publish_template_change(template, "nazorg", text="<p>Nieuwe nazorg.</p>")
    derive(org_b)
    w = derive(water)
    w.save_revision().publish()
    return {"a": a, "w": w}


def rows(response) -> str:
    return response.content.decode()


def test_national_editor_sees_how_far_behind_each_protocol_is(protocols, national_editor, login):
    html = rows(login(national_editor).get(reverse("protocols_overview")))
    assert "Gemeente Aadorp" in html and "Gemeente Beestad" in html and "Waterschap Wadland" in html
    assert "2 sjabloonversies achter" in html
    assert html.count("Actueel") >= 2


def test_filter_by_kind_and_status(protocols, national_editor, login):
    client = login(national_editor)
    url = reverse("protocols_overview")
    waterschap = rows(client.get(url, {"kind": "waterschap"}))
    assert "Waterschap Wadland" in waterschap and "Gemeente Aadorp" not in waterschap

    behind = rows(client.get(url, {"status": "achter"}))
    assert "Gemeente Aadorp" in behind
    assert "Waterschap Wadland" not in behind and "Gemeente Beestad" not in behind

    draft = rows(client.get(url, {"status": "concept", "kind": "gemeente"}))
    assert "Gemeente Beestad" in draft and "Gemeente Aadorp" not in draft

    current = rows(client.get(url, {"status": "actueel"}))
    assert "Waterschap Wadland" in current and "Gemeente Aadorp" not in current

    results = rows(client.get(reverse("protocols_overview_results"), {"kind": "gemeente"}))
    assert "Gemeente Aadorp" in results and "Waterschap Wadland" not in results


def test_organisation_editors_cannot_see_the_national_listing(protocols, redacteur_a, login):
    response = login(redacteur_a).get(reverse("protocols_overview"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    menu = rows(login(redacteur_a).get(reverse("wagtailadmin_home")))
    assert reverse("protocols_overview") not in menu


def test_national_editors_have_a_menu_item(home_page, national_editor, login):
    menu = rows(login(national_editor).get(reverse("wagtailadmin_home")))
    assert reverse("protocols_overview") in menu
