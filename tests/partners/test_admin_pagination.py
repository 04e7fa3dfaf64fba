"""Listings without caps: the scoped ketenpartner and routing rule listings page through every
row of the user's organisation (Wagtail's ?p=N), and no page shows another organisation's row."""

import pytest

from partners.models import Partner, RoutingRule
from partners.viewsets import PartnerViewSet, RoutingRuleViewSet
from tests import factories

pytestmark = pytest.mark.django_db


def pages_for(count: int, per_page: int) -> int:
    return -(-count // per_page)


def test_partner_listing_reaches_the_last_page(login, coordinator_a, org_a, org_b):
    per_page = PartnerViewSet.list_per_page
    count = 2 * per_page + 3  # three pages, the last one partly filled
    kind = factories.partner_kinds()["politie"]
    # Only these rows: not the meldpunt partners that provisioning created.
    Partner.objects.filter(organisation=org_a).delete()
    Partner.objects.bulk_create(
        Partner(
            organisation=org_a,
            kind=kind,
            name=f"Ketenpartner {i:03d}",
            notification_email=f"partner{i}@example.test",
        )
        for i in range(1, count + 1)
    )
    factories.partner(org_b, kind, "Politie Beestad", "b@example.test")
    client = login(coordinator_a)
    last = pages_for(count, per_page)

    response = client.get("/admin/partner/", {"p": last})
    assert response.status_code == 200
    page = response.context["page_obj"]
    assert (page.number, page.paginator.num_pages) == (last, last)
    assert page.paginator.count == count  # only the own organisation's rows are counted
    html = response.content.decode()
    assert f"Ketenpartner {count:03d}" in html
    assert len(page.object_list) == count - (last - 1) * per_page
    assert "Politie Beestad" not in html

    seen = set()
    for number in range(1, last + 1):
        listing = client.get("/admin/partner/", {"p": number})
        assert "Politie Beestad" not in listing.content.decode()
        seen |= {partner.name for partner in listing.context["page_obj"].object_list}
    assert seen == {f"Ketenpartner {i:03d}" for i in range(1, count + 1)}


def test_routing_rule_listing_reaches_the_last_page(login, coordinator_a, org_a, org_b):
    per_page = RoutingRuleViewSet.list_per_page
    count = 2 * per_page + 3
    # National rules are listed read-only after the organisation's own.
    factories.national_rules(factories.partner_kinds())
    national = {"Bedreiging naar politie", "Altijd intern meldpunt"}
    RoutingRule.objects.bulk_create(
        RoutingRule(organisation=org_a, name=f"Regel {i:03d}", sort_order=i)
        for i in range(1, count + 1)
    )
    RoutingRule.objects.create(organisation=org_b, name="Regel van Beestad")
    client = login(coordinator_a)
    total = count + len(national)
    last = pages_for(total, per_page)

    response = client.get("/admin/routingrule/", {"p": last})
    assert response.status_code == 200
    page = response.context["page_obj"]
    assert (page.number, page.paginator.num_pages, page.paginator.count) == (last, last, total)
    html = response.content.decode()
    assert "Regel van Beestad" not in html and "Bedreiging naar politie" in html

    seen = []
    for number in range(1, last + 1):
        listing = client.get("/admin/routingrule/", {"p": number})
        assert "Regel van Beestad" not in listing.content.decode()
        seen += [rule.name for rule in listing.context["page_obj"].object_list]
    assert seen[:count] == [f"Regel {i:03d}" for i in range(1, count + 1)]  # in their order
    assert seen[count:] == ["Bedreiging naar politie", "Altijd intern meldpunt"]
