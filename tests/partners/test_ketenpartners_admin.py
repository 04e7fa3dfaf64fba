"""Ketenpartners and routing rules in the admin: kinds national, partners and rules per
organisation, every view scoped (also by posting to another organisation's URLs)."""

import pytest

from partners.models import Partner, PartnerKind, RoutingRule
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(org_a, org_b):
    kinds = factories.partner_kinds()
    factories.national_rules(kinds)
    own = factories.partner(org_a, kinds["politie"], "Politie Aadorp", "a@example.test")
    other = factories.partner(org_b, kinds["politie"], "Politie Beestad", "b@example.test")
    other_rule = RoutingRule.objects.create(organisation=org_b, name="Regel van Beestad")
    return {"kinds": kinds, "own": own, "other": other, "other_rule": other_rule}


def partner_post(org, kind, name, email="x@example.test"):
    return {
        "organisation": org.pk,
        "kind": kind.pk,
        "name": name,
        "notification_email": email,
        "active": "on",
    }


def test_coordinator_sees_and_edits_only_own_partners(client, coordinator_a, org_a, data):
    client.force_login(coordinator_a)
    listing = client.get("/admin/partner/").content.decode()
    assert "Politie Aadorp" in listing and "Politie Beestad" not in listing

    response = client.post(
        f"/admin/partner/edit/{data['own'].pk}/",
        partner_post(org_a, data["kinds"]["politie"], "Politie Aadorp-Noord"),
    )
    assert response.status_code == 302
    data["own"].refresh_from_db()
    assert data["own"].name == "Politie Aadorp-Noord"


@pytest.mark.parametrize("path", ["edit/{pk}/", "delete/{pk}/", "history/{pk}/", "usage/{pk}/"])
def test_other_organisations_partner_is_not_found(client, coordinator_a, data, path):
    client.force_login(coordinator_a)
    url = "/admin/partner/" + path.format(pk=data["other"].pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Gekaapt"}).status_code == 404
    data["other"].refresh_from_db()
    assert data["other"].name == "Politie Beestad"


def test_coordinator_cannot_create_partner_for_other_organisation(
    client, coordinator_a, org_b, data
):
    client.force_login(coordinator_a)
    response = client.post(
        "/admin/partner/new/", partner_post(org_b, data["kinds"]["politie"], "Stiekem")
    )
    assert response.status_code == 200  # form shown again with an error
    assert not Partner.objects.filter(name="Stiekem").exists()


def test_coordinator_edits_own_rules_and_never_national(client, coordinator_a, org_a, data):
    client.force_login(coordinator_a)
    listing = client.get("/admin/routingrule/").content.decode()
    assert "Regel van Beestad" not in listing
    national = RoutingRule.objects.get(name="Bedreiging naar politie")
    # National rules are listed (they route this organisation's meldingen), never editable.
    assert "Bedreiging naar politie" in listing
    assert f"/admin/routingrule/edit/{national.pk}/" not in listing
    assert f"/admin/routingrule/delete/{national.pk}/" not in listing
    assert client.get(f"/admin/routingrule/edit/{national.pk}/").status_code == 404
    assert client.get(f"/admin/routingrule/edit/{data['other_rule'].pk}/").status_code == 404

    base = {
        "name": "Alles naar politie",
        "sort_order": "0",
        "active": "on",
        "kinds": ["fysiek", "bedreiging"],
        "partner_kinds": [data["kinds"]["politie"].pk],
    }
    client.post("/admin/routingrule/new/", base)  # no organisation: not allowed for them
    assert not RoutingRule.objects.filter(name="Alles naar politie").exists()
    response = client.post("/admin/routingrule/new/", {**base, "organisation": org_a.pk})
    assert response.status_code == 302
    rule = RoutingRule.objects.get(name="Alles naar politie")
    assert rule.organisation == org_a and sorted(rule.kinds) == ["bedreiging", "fysiek"]


def test_national_editor_maintains_kinds_and_national_rules(client, national_editor, data):
    client.force_login(national_editor)
    response = client.post(
        "/admin/partnerkind/new/",
        {
            "code": "nctv",
            "name": "NCTV",
            "ack_deadline_hours": "120",
            "urgent_ack_deadline_hours": "48",
            "sort_order": "5",
        },
    )
    assert response.status_code == 302 and PartnerKind.objects.filter(code="nctv").exists()
    response = client.post(
        "/admin/routingrule/new/",
        {
            "name": "Landelijk: doxing",
            "sort_order": "3",
            "active": "on",
            "kinds": ["doxing"],
            "partner_kinds": [data["kinds"]["politie"].pk],
        },
    )
    assert response.status_code == 302
    assert RoutingRule.objects.get(name="Landelijk: doxing").organisation is None
    listing = client.get("/admin/routingrule/").content.decode()
    assert "Regel van Beestad" in listing and "Bedreiging naar politie" in listing


def test_coordinator_cannot_touch_partner_kinds(client, coordinator_a, data):
    client.force_login(coordinator_a)
    assert client.get("/admin/partnerkind/").status_code in (302, 403)
    client.post(
        "/admin/partnerkind/new/",
        {
            "code": "x",
            "name": "X",
            "ack_deadline_hours": "1",
            "urgent_ack_deadline_hours": "1",
            "sort_order": "0",
        },
    )
    assert not PartnerKind.objects.filter(code="x").exists()


def test_partner_accounts_chooser_is_not_shown_to_coordinators(
    client, coordinator_a, national_editor, make_user, data
):
    make_user("geheime-gebruiker-elders")
    client.force_login(coordinator_a)
    page = client.get(f"/admin/partner/edit/{data['own'].pk}/").content.decode()
    assert "geheime-gebruiker-elders" not in page
    client.force_login(national_editor)
    page = client.get(f"/admin/partner/edit/{data['own'].pk}/").content.decode()
    assert "geheime-gebruiker-elders" in page
