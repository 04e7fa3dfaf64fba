"""Builders for meldingen, partners and rules used across tests."""

from __future__ import annotations

import factory
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


class PartnerKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerKind
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"soort-{n}")
    name = factory.LazyAttribute(lambda kind: kind.code.capitalize())
    ack_deadline_hours = 16
    urgent_ack_deadline_hours = 4


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        skip_postgeneration_save = True  # users are a relation: nothing to save again

    kind = factory.SubFactory(PartnerKindFactory, code="politie", name="Politie")
    name = factory.Sequence(lambda n: f"Ketenpartner {n}")
    notification_email = factory.Sequence(lambda n: f"partner{n}@example.test")

    @factory.post_generation
    def users(self, create, extracted, **kwargs):
        if create and extracted:
            self.users.add(*extracted)


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoutingRule
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Regel {n}")

    @factory.post_generation
    def partner_kinds(self, create, extracted, **kwargs):
        if create and extracted:
            self.partner_kinds.set(extracted)


# Every external kind the tests route to; consent_to_share=False in overrides gives none.
ALL_EXTERNAL_KINDS = ["politie", "om", "nctv", "vertrouwenslijn", "slachtofferhulp"]


class MeldingFactory(factory.DictFactory):
    """The data of a valid melding, stored through its one door (meldingen.services): build()
    gives the dict, create(organisation=..., reporter=...) the stored melding."""

    kinds = factory.LazyFunction(lambda: ["bedreiging"])
    occurred_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=2))
    place = "vergadering"
    channel = "persoon"
    description = "Een bezoeker dreigde na afloop van de vergadering."
    related_to_office = "ja"
    perpetrator_known = "ja"
    wishes = factory.LazyFunction(lambda: ["aangifte"])
    consent_kinds = factory.LazyFunction(lambda: list(ALL_EXTERNAL_KINDS))
    reporter_role = "raadslid"
    name = "Rika Raadslid"
    email = "rika@example.test"

    @classmethod
    def _create(cls, model_class, *args, organisation, reporter=None, **data):
        return submit_melding(organisation=organisation, data=data, reporter=reporter)


def partner_kinds() -> dict[str, PartnerKind]:
    return {
        "politie": PartnerKindFactory(
            code="politie", name="Politie", ack_deadline_hours=48, urgent_ack_deadline_hours=4
        ),
        "vc": PartnerKindFactory(
            code="veiligheidscoordinator", name="Eigen veiligheidscoördinator", internal=True
        ),
    }


def partner(org, kind, name, email, *users) -> Partner:
    return PartnerFactory(
        organisation=org, kind=kind, name=name, notification_email=email, users=users
    )


def national_rules(kinds: dict[str, PartnerKind]) -> None:
    RoutingRuleFactory(
        name="Bedreiging naar politie", kinds=["bedreiging"], partner_kinds=[kinds["politie"]]
    )
    RoutingRuleFactory(name="Altijd intern meldpunt", sort_order=1, partner_kinds=[kinds["vc"]])


def melding(org, reporter=None, **overrides):
    if not overrides.pop("consent_to_share", True):
        overrides.setdefault("consent_kinds", [])
    return MeldingFactory.create(organisation=org, reporter=reporter, **overrides)


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
