"""National partner kinds and default routing rules; idempotent."""

from __future__ import annotations

from django.db import transaction

from partners.demo_content import NATIONAL_RULES, PARTNER_KINDS
from partners.models import PartnerKind, RoutingRule


@transaction.atomic
def ensure_national_routing() -> dict[str, PartnerKind]:
    kinds = {}
    for order, (code, name, internal, hours, urgent_hours, description) in enumerate(PARTNER_KINDS):
        kinds[code], _ = PartnerKind.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "internal": internal,
                "ack_deadline_hours": hours,
                "urgent_ack_deadline_hours": urgent_hours,
                "description": description,
                "sort_order": order,
            },
        )
    for order, (name, conditions, targets) in enumerate(NATIONAL_RULES):
        rule, created = RoutingRule.objects.get_or_create(
            organisation=None, name=name, defaults={"sort_order": order, **conditions}
        )
        if created:
            rule.partner_kinds.set([kinds[code] for code in targets])
    return kinds
