"""The partner listings read as Dutch: ketenpartners and routing rules in the admin (filters
folded away in Wagtail's drilldown, "Alle" for no choice, national rules shown read-only in
the order they apply) and the partner inbox, whose statuses are what the partner did."""

import re

import pytest

from partners.models import Notice, RoutingRule
from tests import factories

pytestmark = pytest.mark.django_db

CODES = ("True", "False", "None", "---------", "Onbekend")
FOLDED = 'data-w-dropdown-target="content" class="w-dropdown__content" hidden'


def listing_html(html: str) -> str:
    """The results and the filters of a Wagtail listing (not the page chrome around it)."""
    return html[html.index('id="filters-drilldown"') :]


def assert_dutch_and_folded(html: str, filters: list[str]) -> None:
    part = listing_html(html)
    for code in CODES:
        assert not re.search(rf"\b{re.escape(code)}(?![\w-])", part), code
    # Every filter sits inside the drilldown's content, which is hidden until "Toon filters".
    folded_at = html.index(FOLDED)
    for name in filters:
        assert html.count(f'name="{name}"') == 1 and html.index(f'name="{name}"') > folded_at
    assert '<option value="" selected>Alle</option>' in part


@pytest.fixture
def kinds(org_a, org_b):
    kinds = factories.partner_kinds()
    factories.national_rules(kinds)
    return kinds


def test_ketenpartners_listing_in_dutch_with_folded_filters(client, coordinator_a, org_a, kinds):
    factories.partner(org_a, kinds["politie"], "Politie Aadorp", "a@example.test")
    inactive = factories.partner(org_a, kinds["vc"], "OM Aadorp", "om@example.test")
    inactive.active = False
    inactive.save()
    client.force_login(coordinator_a)

    html = client.get("/admin/partner/").content.decode()
    assert_dutch_and_folded(html, ["kind", "active"])
    assert ">Ja<" in html and ">Nee<" in html  # Actief as words
    # One organisation: no column repeating its name on every row.
    assert "Gemeente Aadorp" not in listing_html(html)
    only_inactive = client.get("/admin/partner/", {"active": "nee"}).content.decode()
    assert "OM Aadorp" in only_inactive and "Politie Aadorp" not in only_inactive


def test_rules_listing_shows_national_rules_read_only_in_order(
    client, coordinator_a, org_a, org_b, kinds
):
    RoutingRule.objects.create(organisation=org_a, name="Eigen regel twee", sort_order=5)
    RoutingRule.objects.create(organisation=org_a, name="Eigen regel een", sort_order=1)
    RoutingRule.objects.create(organisation=org_b, name="Regel van Beestad")
    RoutingRule.objects.create(name="Uitgeschakelde landelijke regel", active=False)
    national = RoutingRule.objects.get(name="Bedreiging naar politie")
    client.force_login(coordinator_a)

    html = client.get("/admin/routingrule/").content.decode()
    assert "Er zijn geen routeringsregels" not in html
    assert_dutch_and_folded(html, ["national", "active"])
    names = [
        "Eigen regel een",
        "Eigen regel twee",
        "Bedreiging naar politie",
        "Altijd intern meldpunt",
    ]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)  # the order in which they apply
    assert "Regel van Beestad" not in html and "Uitgeschakelde landelijke regel" not in html
    assert html.count("landelijk, alleen lezen") == 2
    assert f"/admin/routingrule/edit/{national.pk}/" not in html
    own = RoutingRule.objects.get(name="Eigen regel een")
    assert f"/admin/routingrule/edit/{own.pk}/" in html
    assert client.get(f"/admin/routingrule/edit/{national.pk}/").status_code == 404

    only_national = client.get("/admin/routingrule/", {"national": "landelijk"}).content.decode()
    assert "Bedreiging naar politie" in only_national and "Eigen regel een" not in only_national


def test_national_editor_edits_national_rules(client, national_editor, kinds):
    national = RoutingRule.objects.get(name="Bedreiging naar politie")
    client.force_login(national_editor)
    html = client.get("/admin/routingrule/").content.decode()
    assert f"/admin/routingrule/edit/{national.pk}/" in html
    assert "landelijk, alleen lezen" not in html


def status_of(html: str, reference: str) -> str:
    row = re.search(rf"<tr>(?:(?!</tr>).)*{reference}(?:(?!</tr>).)*</tr>", html, re.S).group(0)
    return re.search(r'data-label="Status">([^<]*)</td>', row).group(1)


def test_partner_inbox_speaks_the_partners_language(client, org_a, coordinator_a, make_user):
    kinds = factories.partner_kinds()
    police_user = make_user("politie-a")
    police = factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test", police_user)
    meldingen = [factories.melding(org_a) for _ in range(4)]
    for melding in meldingen:
        factories.triage_and_route(melding, coordinator_a, [police])
    new, seen, acknowledged, answered = (Notice.objects.get(melding=m) for m in meldingen)
    client.force_login(police_user)
    client.get(f"/partner/berichten/{seen.pk}/")
    client.post(f"/partner/berichten/{acknowledged.pk}/ontvangst/")
    client.post(
        f"/partner/berichten/{answered.pk}/terugkoppeling/",
        {"kind": "in_behandeling", "text": "We pakken het op."},
    )

    html = client.get("/partner/").content.decode()
    expected = {new: "Nieuw", seen: "Bekeken", acknowledged: "Bevestigd", answered: "Beantwoord"}
    for notice, label in expected.items():
        assert status_of(html, notice.melding.reference) == label
    assert "Verzonden" not in html and "Mislukt" not in html and "wachtrij" not in html
    assert '<details class="filters">' in html  # folded until asked for
    options = re.findall(r'<option value="([^"]*)"', html[html.index('name="status"') :])
    assert options[:5] == ["", "nieuw", "bekeken", "bevestigd", "beantwoord"]

    filtered = client.get("/partner/", {"status": "bekeken"}).content.decode()
    assert seen.melding.reference in filtered
    assert {n.melding.reference for n in (new, acknowledged, answered)}.isdisjoint(
        re.findall(r"VB-[A-Z0-9]{4}-[A-Z0-9]{4}", filtered)
    )
    assert '<details class="filters" open>' in filtered
    answered_only = client.get("/partner/", {"status": "beantwoord"}).content.decode()
    assert re.findall(r"VB-[A-Z0-9]{4}-[A-Z0-9]{4}", answered_only) == [answered.melding.reference]


def test_partner_inbox_filters_on_the_partners_own_organisations(
    client, home_page, org_a, org_b, coordinator_a, coordinator_b, make_user
):
    """A regional police contact serving two organisations: the filter offers exactly those
    two, each choice shows only its meldingen, and another organisation is refused."""
    kinds = factories.partner_kinds()
    police_user = make_user("politie-regio")
    in_a = factories.partner(org_a, kinds["politie"], "Politie A", "a@example.test", police_user)
    in_b = factories.partner(org_b, kinds["politie"], "Politie B", "b@example.test", police_user)
    from_a, from_b = factories.melding(org_a), factories.melding(org_b)
    factories.triage_and_route(from_a, coordinator_a, [in_a])
    factories.triage_and_route(from_b, coordinator_b, [in_b])
    client.force_login(police_user)

    html = client.get("/partner/").content.decode()
    select = html[
        html.index('name="organisation"') : html.index(
            "</select>", html.index('name="organisation"')
        )
    ]
    offered = re.findall(r'<option value="(\d+)"', select)
    assert sorted(offered) == sorted([str(org_a.pk), str(org_b.pk)])
    only_a = client.get("/partner/", {"organisation": org_a.pk}).content.decode()
    assert from_a.reference in only_a and from_b.reference not in only_a
    only_b = client.get("/partner/", {"organisation": org_b.pk}).content.decode()
    assert from_b.reference in only_b and from_a.reference not in only_b
    # Another organisation: a clear error, and still only the partner's own notices.
    elsewhere = client.get("/partner/", {"organisation": home_page.pk}).content.decode()
    assert "Selecteer een geldige keuze" in elsewhere
