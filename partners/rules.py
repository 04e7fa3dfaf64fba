"""Evaluate routing rules for a melding: which partners, and which rule chose each."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from meldingen.models import Melding
from meldingen.models.choices import SEVERITY_ORDER
from partners.models import Partner, PartnerKind, RoutingRule


@dataclass(frozen=True)
class Proposal:
    partner: Partner
    rule: RoutingRule | None


def rules_for(organisation) -> list[RoutingRule]:
    """The organisation's own rules first, then the national defaults, each in their order."""
    rules = (
        RoutingRule.objects.filter(Q(organisation=organisation) | Q(organisation__isnull=True))
        .filter(active=True)
        .prefetch_related("partner_kinds")
    )
    return sorted(rules, key=lambda r: (r.organisation_id is None, r.sort_order, r.pk))


def matches(rule: RoutingRule, melding: Melding, kinds: list[str]) -> bool:
    if rule.kinds and not set(rule.kinds) & set(kinds):
        return False
    if rule.min_severity and SEVERITY_ORDER.index(melding.severity) < SEVERITY_ORDER.index(
        rule.min_severity
    ):
        return False
    if rule.channels and melding.channel not in rule.channels:
        return False
    if rule.wishes and not set(rule.wishes) & set(melding.wishes):
        return False
    if rule.reporter_roles and melding.reporter_role not in rule.reporter_roles:
        return False
    if rule.perpetrator_types and melding.perpetrator_type not in rule.perpetrator_types:
        return False
    return not (rule.urgent_only and not melding.urgent)


def external_kinds() -> list[tuple[str, str]]:
    """(code, name) of the partner kinds a reporter must consent to (meldingen.consent)."""
    return list(PartnerKind.objects.filter(internal=False).values_list("code", "name"))


def shareable(partner: Partner, melding: Melding) -> bool:
    """External partners only with the reporter's consent for their kind."""
    return partner.kind.internal or partner.kind.code in melding.consent_kinds


def propose(melding: Melding) -> list[Proposal]:
    """Partners of the melding's organisation chosen by the first matching rule for each."""
    kinds = melding.kinds
    partners = list(
        Partner.objects.filter(organisation=melding.organisation, active=True).select_related(
            "kind"
        )
    )
    chosen: dict[int, Proposal] = {}
    for rule in rules_for(melding.organisation):
        if not matches(rule, melding, kinds):
            continue
        kind_ids = {k.pk for k in rule.partner_kinds.all()}
        for partner in partners:
            if partner.kind_id in kind_ids and partner.pk not in chosen:
                if shareable(partner, melding):
                    chosen[partner.pk] = Proposal(partner, rule)
    return list(chosen.values())
