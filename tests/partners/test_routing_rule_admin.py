"""The routing rule form offers every condition (role and kind of perpetrator included) as
labelled check boxes plus the instruction to the partner; the listing reads in words."""

import pytest

from partners.models import RoutingRule
from partners.setup import ensure_national_routing

pytestmark = pytest.mark.django_db


@pytest.fixture
def kinds(home_page):
    return ensure_national_routing()


def test_national_editor_sets_role_perpetrator_and_instruction(client, national_editor, kinds):
    client.force_login(national_editor)
    form = client.get("/admin/routingrule/new/").content.decode()
    for label in ("Fractiemedewerker", "Bestuurslid waterschap", "Een ambtenaar of medewerker"):
        assert label in form
    assert 'type="checkbox" name="reporter_roles" value="fractiemedewerker"' in form
    assert 'type="checkbox" name="perpetrator_types" value="ambtenaar"' in form
    assert 'name="instruction"' in form

    response = client.post(
        "/admin/routingrule/new/",
        {
            "name": "Landelijk: collega dreigt",
            "sort_order": "20",
            "active": "on",
            "kinds": ["bedreiging_naasten"],
            "channels": ["sociale_media"],
            "reporter_roles": ["fractiemedewerker", "waterschapsbestuurder"],
            "perpetrator_types": ["ambtenaar"],
            "instruction": "Bel eerst de melder terug.",
            "partner_kinds": [kinds["griffie"].pk],
        },
    )
    assert response.status_code == 302
    rule = RoutingRule.objects.get(name="Landelijk: collega dreigt")
    assert rule.organisation is None
    assert rule.reporter_roles == ["fractiemedewerker", "waterschapsbestuurder"]
    assert rule.perpetrator_types == ["ambtenaar"]
    assert rule.instruction == "Bel eerst de melder terug."

    listing = client.get("/admin/routingrule/?p=1").content.decode()
    assert "Landelijk: collega dreigt" in listing
    for label in (
        "Gedrag: Bedreiging van partner, kinderen of familie",
        "Kanaal: Sociale media",
        "Rol: Fractiemedewerker, Bestuurslid waterschap",
        "Dader: Een ambtenaar of medewerker",
        "Griffier of Statengriffier",  # the target, by the kind's name
        "Landelijk",
    ):
        assert label in listing
    for code in ("bedreiging_naasten", "sociale_media", "Rol: fractiemedewerker", "politicus,"):
        assert code not in listing


def test_coordinator_sets_role_conditions_on_own_rule(client, coordinator_a, org_a, kinds):
    client.force_login(coordinator_a)
    response = client.post(
        "/admin/routingrule/new/",
        {
            "organisation": org_a.pk,
            "name": "Wethouders ook naar de secretaris",
            "sort_order": "0",
            "active": "on",
            "reporter_roles": ["wethouder"],
            "partner_kinds": [kinds["secretaris"].pk],
        },
    )
    assert response.status_code == 302
    rule = RoutingRule.objects.get(name="Wethouders ook naar de secretaris")
    assert rule.organisation == org_a and rule.reporter_roles == ["wethouder"]
    listing = client.get("/admin/routingrule/").content.decode()
    assert "Rol: Wethouder" in listing and "Gemeente Aadorp" in listing
