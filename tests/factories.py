"""Builders for meldingen, partners and rules used across tests."""

from __future__ import annotations

from django.utils import timezone

from meldingen.pages import MeldenPage
from meldingen.services import submit_melding
from partners.models import Partner, PartnerKind, RoutingRule
from partners.rules import Proposal
from workflows.moderation import route, triage


def melden_page(org) -> MeldenPage:
    page = MeldenPage.objects.child_of(org).first()
    if page is None:
        page = MeldenPage(title="Melden", slug="melden")
        org.add_child(instance=page)
        page.save_revision().publish()
    return page


def partner_kinds() -> dict[str, PartnerKind]:
    politie, _ = PartnerKind.objects.get_or_create(
        code="politie",
        defaults={"name": "Politie", "ack_deadline_hours": 48, "urgent_ack_deadline_hours": 4},
    )
    vc, _ = PartnerKind.objects.get_or_create(
        code="veiligheidscoordinator",
        defaults={"name": "Eigen veiligheidscoördinator", "internal": True},
    )
    return {"politie": politie, "vc": vc}


def partner(org, kind, name, email, *users) -> Partner:
    p = Partner.objects.create(organisation=org, kind=kind, name=name, notification_email=email)
    p.users.add(*users)
    return p


def national_rules(kinds: dict[str, PartnerKind]) -> None:
    threat = RoutingRule.objects.create(name="Bedreiging naar politie", kinds=["bedreiging"])
    threat.partner_kinds.add(kinds["politie"])
    always = RoutingRule.objects.create(name="Altijd intern meldpunt", sort_order=1)
    always.partner_kinds.add(kinds["vc"])


# Every external kind the tests route to; consent_to_share=False in overrides gives none.
ALL_EXTERNAL_KINDS = ["politie", "om", "nctv", "vertrouwenslijn", "slachtofferhulp"]


def melding(org, reporter=None, **overrides):
    consent = overrides.pop("consent_to_share", True)
    data = {
        "kinds": ["bedreiging"],
        "occurred_at": timezone.now() - timezone.timedelta(hours=2),
        "place": "vergadering",
        "channel": "persoon",
        "description": "Een bezoeker dreigde na afloop van de vergadering.",
        "related_to_office": "ja",
        "perpetrator_known": "ja",
        "wishes": ["aangifte"],
        "consent_kinds": ALL_EXTERNAL_KINDS if consent else [],
        "reporter_role": "raadslid",
        "name": "Rika Raadslid",
        "email": "rika@example.test",
    }
    data.update(overrides)
    return submit_melding(organisation=org, data=data, reporter=reporter)


def triage_and_route(melding, coordinator, partners, marker: str = ""):
    """Triage as a threat and route to partners, as a coordinator does in the admin; with a
    marker, both steps carry a typed note containing it."""
    triage(
        melding,
        actor=coordinator,
        severity="bedreiging",
        urgent=False,
        kinds=["bedreiging"],
        note=f"Triage {marker}" if marker else "",
    )
    return route(
        melding,
        actor=coordinator,
        proposals=[Proposal(partner, None) for partner in partners],
        note=f"Route {marker}" if marker else "",
    )
