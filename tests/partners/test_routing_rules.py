"""The national routing rules (domain.md, "Ketenpartners and what goes where") through
partners.rules.propose: the meldpunt depends on the reporter's role, behaviour decides the
police, the integrity route for fellow politicians and civil servants, consent per kind."""

import pytest

from partners.demo_content import EVIDENCE_FIRST, NATIONAL_RULES
from partners.models import Notice, Partner, PartnerKind, RoutingDecision, RoutingRule
from partners.rules import propose
from partners.setup import ensure_meldpunt_partners, ensure_national_routing
from tests import factories

pytestmark = pytest.mark.django_db

EXTERNAL = {
    "politie": "Politie basisteam Aadorp",
    "om": "OM parket Aadorp",
    "vertrouwenslijn": "Vertrouwenslijn",
    "ondersteuningsteam": "Ondersteuningsteam",
}
INTERNAL = {
    "veiligheidscoordinator": "Meldpunt Aadorp",
    "vertrouwenspersoon": "Vertrouwenspersoon Aadorp",
}
ALL_EXTERNAL = list(EXTERNAL)


@pytest.fixture
def network(org_a):
    """National kinds and rules, the meldpunt partners from provisioning, and a partner of
    every other kind that matters here, as an organisation would set them up."""
    kinds = ensure_national_routing()
    ensure_meldpunt_partners(org_a)
    for code, name in {**EXTERNAL, **INTERNAL}.items():
        factories.partner(org_a, kinds[code], name, f"{code}@aadorp.example")
    return kinds


def proposed(melding) -> dict[str, RoutingRule | None]:
    """kind code -> the rule that chose that kind's partner."""
    return {p.partner.kind.code: p.rule for p in propose(melding)}


def new(org, **data):
    data.setdefault("wishes", ["registratie"])
    data.setdefault("consent_kinds", ALL_EXTERNAL)
    return factories.melding(org, **data)


def test_raadslid_threatened_reaches_griffie_burgemeester_police_and_meldpunt(org_a, network):
    melding = new(org_a, reporter_role="raadslid", kinds=["bedreiging"], consent_kinds=["politie"])
    chosen = proposed(melding)
    assert set(chosen) == {"veiligheidscoordinator", "griffie", "burgemeester", "politie"}
    assert "raadslid" in chosen["griffie"].reporter_roles  # the meldpunt by role
    assert chosen["politie"].name.startswith("Fysiek geweld of bedreiging")
    names = {p.partner.name for p in propose(melding)}
    assert {"Griffier", "Burgemeester"} <= names  # the provisioned meldpunt partners


def test_police_only_with_consent_and_never_the_om_by_default(org_a, network):
    melding = new(org_a, reporter_role="raadslid", kinds=["fysiek"], consent_kinds=[])
    assert set(proposed(melding)) == {"veiligheidscoordinator", "griffie", "burgemeester"}
    melding = new(org_a, reporter_role="raadslid", kinds=["fysiek"], wishes=["aangifte"])
    chosen = proposed(melding)  # consent for every external kind, the OM included
    assert "politie" in chosen and "om" not in chosen


@pytest.mark.parametrize("role", ["commissielid", "fractiemedewerker", "statenlid"])
def test_other_council_roles_reach_griffie_and_burgemeester(org_a, network, role):
    chosen = proposed(new(org_a, reporter_role=role, kinds=["verbaal"]))
    assert set(chosen) == {"veiligheidscoordinator", "griffie", "burgemeester"}


@pytest.mark.parametrize("role", ["wethouder", "gedeputeerde", "waterschapsbestuurder"])
def test_executive_reaches_burgemeester_and_secretaris(org_a, network, role):
    proposals = propose(new(org_a, reporter_role=role, kinds=["verbaal"]))
    assert {p.partner.kind.code for p in proposals} == {
        "veiligheidscoordinator",
        "burgemeester",
        "secretaris",
    }
    assert {"Burgemeester", "Gemeentesecretaris"} <= {p.partner.name for p in proposals}


def test_online_hate_goes_to_police_with_evidence_instruction_never_vertrouwenslijn(org_a, network):
    melding = new(org_a, reporter_role="raadslid", kinds=["online"], channel="sociale_media")
    chosen = proposed(melding)
    assert "vertrouwenslijn" not in chosen
    assert chosen["politie"].instruction == EVIDENCE_FIRST
    assert EVIDENCE_FIRST == (
        "Leg eerst bewijs vast: schermafbeeldingen met datum, link en accountnaam."
    )
    # Online and threatening: the police still read the evidence instruction first.
    chosen = proposed(new(org_a, reporter_role="raadslid", kinds=["online", "bedreiging"]))
    assert chosen["politie"].instruction == EVIDENCE_FIRST and "burgemeester" in chosen


def test_wish_for_support_goes_to_vertrouwenspersoon_not_the_vertrouwenslijn(org_a, network):
    chosen = proposed(new(org_a, reporter_role="anders", kinds=["verbaal"], wishes=["steun"]))
    assert set(chosen) == {"veiligheidscoordinator", "vertrouwenspersoon"}


def test_no_national_rule_targets_the_vertrouwenslijn_or_the_om(network):
    targets = set(
        RoutingRule.objects.filter(organisation=None, active=True).values_list(
            "partner_kinds__code", flat=True
        )
    )
    assert "vertrouwenslijn" not in targets and "om" not in targets
    assert PartnerKind.objects.filter(code="vertrouwenslijn").exists()  # kept for information


def test_integrity_route_without_police_unless_the_behaviour_is_punishable(org_a, network):
    melding = new(
        org_a,
        reporter_role="raadslid",
        kinds=["intimidatie", "verbaal"],
        perpetrator_type="politicus",
    )
    chosen = proposed(melding)
    assert set(chosen) == {
        "veiligheidscoordinator",
        "griffie",
        "vertrouwenspersoon",
        "burgemeester",
    }
    assert chosen["griffie"].perpetrator_types == ["politicus", "ambtenaar"]  # integrity first

    civil_servant = new(
        org_a, reporter_role="wethouder", kinds=["verbaal"], perpetrator_type="ambtenaar"
    )
    assert "politie" not in proposed(civil_servant)
    assert {"griffie", "vertrouwenspersoon"} <= set(proposed(civil_servant))

    threatened = new(
        org_a, reporter_role="raadslid", kinds=["bedreiging"], perpetrator_type="politicus"
    )
    assert {"griffie", "vertrouwenspersoon", "politie"} <= set(proposed(threatened))


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (["stalking"], {"politie"}),
        (["vernieling"], {"politie"}),
        (["discriminatie"], {"politie"}),
        (["fysiek"], {"politie", "burgemeester"}),
        (["bedreiging_naasten"], {"politie", "burgemeester"}),
        (["doxing"], {"politie", "burgemeester"}),
        (["huisbezoek"], {"politie", "burgemeester"}),
        (["verstoring"], {"burgemeester", "griffie"}),
        (["verbaal"], set()),
    ],
)
def test_behaviour_decides_the_partners(org_a, network, kinds, expected):
    chosen = proposed(new(org_a, reporter_role="anders", kinds=kinds))
    assert set(chosen) == {"veiligheidscoordinator", *expected}


def test_threat_at_home_asks_for_home_security(org_a, network):
    chosen = proposed(new(org_a, reporter_role="anders", kinds=["doxing"]))
    assert "woning" in chosen["politie"].instruction
    assert chosen["burgemeester"] == chosen["politie"]


def snapshot():
    rules = RoutingRule.objects.filter(organisation=None).order_by("sort_order", "pk")
    return [
        (
            r.name,
            r.sort_order,
            r.active,
            r.kinds,
            r.wishes,
            r.reporter_roles,
            r.perpetrator_types,
            r.instruction,
            sorted(r.partner_kinds.values_list("code", flat=True)),
        )
        for r in rules
    ] + list(PartnerKind.objects.values_list("code", "name", "ack_deadline_hours"))


def test_ensure_national_routing_twice_changes_nothing(db):
    ensure_national_routing()
    before = snapshot()
    ensure_national_routing()
    assert snapshot() == before
    assert [r[0] for r in before[: len(NATIONAL_RULES)]] == [name for name, *_ in NATIONAL_RULES]


def test_older_database_converges(org_a, coordinator_a):
    """Rules and kinds as an earlier version wrote them: updated in place, retired rules
    removed, or switched off while a notice still names them as its reason."""
    old_kinds = {  # provisioning org_a already made the meldpunt kinds: overwrite them
        code: PartnerKind.objects.update_or_create(
            code=code,
            defaults={
                "name": code,
                "internal": code == "griffie",
                "ack_deadline_hours": 48,
                "urgent_ack_deadline_hours": 4,
            },
        )[0]
        for code in ("politie", "om", "vertrouwenslijn", "griffie", "vertrouwenspersoon")
    }
    online = RoutingRule.objects.create(name="Online haat of bedreiging", kinds=["online"])
    online.partner_kinds.set([old_kinds["vertrouwenslijn"]])
    om = RoutingRule.objects.create(name="Fysieke agressie: Openbaar Ministerie")
    om.partner_kinds.set([old_kinds["om"]])
    steun = RoutingRule.objects.create(
        name="Melder wil aangifte doen", wishes=["steun"], urgent_only=True
    )
    steun.partner_kinds.set([old_kinds["vertrouwenslijn"], old_kinds["om"]])
    local = RoutingRule.objects.create(organisation=org_a, name="Online haat of bedreiging")
    # A notice chose its partner through the old online rule.
    lijn = Partner.objects.create(
        organisation=org_a,
        kind=old_kinds["vertrouwenslijn"],
        name="Vertrouwenslijn",
        notification_email="lijn@example.test",
    )
    melding = factories.melding(org_a)
    decision = RoutingDecision.objects.create(melding=melding, decided_by=coordinator_a)
    Notice.objects.create(
        decision=decision,
        melding=melding,
        partner=lijn,
        rule=online,
        deadline_at=melding.created_at,
    )

    ensure_national_routing()

    assert not RoutingRule.objects.filter(pk=om.pk).exists()
    online.refresh_from_db()
    assert not online.active and Notice.objects.get().rule == online
    local.refresh_from_db()
    assert local.active  # an organisation's own rule is never touched
    steun.refresh_from_db()
    assert steun.wishes == ["aangifte"] and not steun.urgent_only
    assert list(steun.partner_kinds.values_list("code", flat=True)) == ["politie"]
    griffie = PartnerKind.objects.get(code="griffie")
    assert griffie.name == "Griffier of Statengriffier" and griffie.ack_deadline_hours == 16
    assert PartnerKind.objects.get(code="secretaris").internal
    active = RoutingRule.objects.filter(organisation=None, active=True)
    assert sorted(active.values_list("name", flat=True)) == sorted(n for n, *_ in NATIONAL_RULES)
