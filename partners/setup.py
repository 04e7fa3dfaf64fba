"""National partner kinds and default routing rules, and the meldpunt partners of every
organisation; all idempotent.

``ensure_national_routing`` brings the kinds and the national rules to what
partners.demo_content says (run it again and nothing changes; an older database converges).
``ensure_meldpunt_partners`` runs when an organisation is provisioned (home.provisioning's
``organisation_provisioned`` signal, connected in PartnersConfig.ready).
"""

from __future__ import annotations

from django.db import transaction

from partners.demo_content import (
    MELDPUNT_KINDS,
    MELDPUNT_NAMES,
    NATIONAL_RULES,
    PARTNER_KINDS,
    PLACEHOLDER_EMAIL,
    RETIRED_NATIONAL_RULES,
)
from partners.models import Notice, Partner, PartnerKind, RoutingRule

# Every condition of a rule, at its empty value: a national rule sets what it lists, the rest
# is cleared (so a condition dropped from demo_content is dropped from the database too).
EMPTY_CONDITIONS = {
    "kinds": [],
    "min_severity": "",
    "channels": [],
    "wishes": [],
    "reporter_roles": [],
    "perpetrator_types": [],
    "urgent_only": False,
    "instruction": "",
}


def _plain(value):
    """Choices members as their plain values, so stored JSON compares equal."""
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value) if isinstance(value, str) else value


def _kind_fields(order: int, spec: tuple) -> tuple[str, dict]:
    code, name, internal, hours, urgent_hours, description = spec
    return code, {
        "name": name,
        "internal": internal,
        "ack_deadline_hours": hours,
        "urgent_ack_deadline_hours": urgent_hours,
        "description": description,
        "sort_order": order,
    }


def _update(instance, fields: dict) -> bool:
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    if changed:
        instance.save(update_fields=changed)
    return bool(changed)


@transaction.atomic
def ensure_national_routing() -> dict[str, PartnerKind]:
    """Kinds and national rules as in partners.demo_content; national rules retired from it
    are deleted, or only switched off while notices still name them as their reason."""
    kinds = {}
    for order, spec in enumerate(PARTNER_KINDS):
        code, fields = _kind_fields(order, spec)
        kind = PartnerKind.objects.filter(code=code).first()
        if kind is None:
            kind = PartnerKind.objects.create(code=code, **fields)
        else:
            _update(kind, fields)
        kinds[code] = kind

    for order, (name, conditions, targets) in enumerate(NATIONAL_RULES):
        fields = {
            **EMPTY_CONDITIONS,
            **{key: _plain(value) for key, value in conditions.items()},
            "sort_order": order,
        }
        rule = RoutingRule.objects.filter(organisation=None, name=name).order_by("pk").first()
        if rule is None:
            rule = RoutingRule.objects.create(organisation=None, name=name, **fields)
        else:
            _update(rule, fields)
        wanted = {kinds[code].pk for code in targets}
        if set(rule.partner_kinds.values_list("pk", flat=True)) != wanted:
            rule.partner_kinds.set(wanted)

    retired = RoutingRule.objects.filter(organisation=None, name__in=RETIRED_NATIONAL_RULES)
    cited = set(Notice.objects.filter(rule__in=retired).values_list("rule_id", flat=True))
    retired.exclude(pk__in=cited).delete()
    # A notice keeps the rule that chose its partner; deleting it would make the notice look
    # added by hand.
    retired.filter(pk__in=cited, active=True).update(active=False)
    return kinds


def _meldpunt_kinds() -> dict[str, PartnerKind]:
    """The meldpunt kinds, created from demo_content when missing; existing ones untouched."""
    kinds = {}
    for order, spec in enumerate(PARTNER_KINDS):
        code, fields = _kind_fields(order, spec)
        if code in MELDPUNT_KINDS:
            kinds[code], _ = PartnerKind.objects.get_or_create(code=code, defaults=fields)
    return kinds


def ensure_meldpunt_partners(organisation) -> list[str]:
    """A partner per internal meldpunt role (burgemeester, griffie, secretaris) for the
    organisation, named as its kind of organisation calls the role, with a placeholder e-mail
    address the organisation fills in. A role for which the organisation already has a partner
    of that kind (or one with that name) is left alone. Returns what was created."""
    names = MELDPUNT_NAMES.get(organisation.kind)
    if not names:
        return []
    kinds = _meldpunt_kinds()
    existing = Partner.objects.filter(organisation=organisation)
    taken_kinds = set(existing.values_list("kind__code", flat=True))
    taken_names = set(existing.values_list("name", flat=True))
    changes = []
    for code in MELDPUNT_KINDS:
        name = names[code]
        if code in taken_kinds or name in taken_names:
            continue
        Partner.objects.create(
            organisation=organisation,
            kind=kinds[code],
            name=name,
            notification_email=PLACEHOLDER_EMAIL.format(
                kind=code, code=organisation.official_code.lower()
            ),
        )
        changes.append(f"ketenpartner {name} (e-mailadres nog invullen)")
    return changes


def add_meldpunt_partners(sender, organisation, changes, **kwargs) -> None:
    changes.extend(ensure_meldpunt_partners(organisation))
