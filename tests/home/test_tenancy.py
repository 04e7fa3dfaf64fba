"""Tenancy in one place (home.tenancy): organisations per user and role, and the permission
policy that Wagtail's registry hands out for organisation-scoped models."""

import pytest
from wagtail.permissions import policy_registry

from home.tenancy import OrganisationPermissionPolicy, Role, for_user, is_national_editor
from partners.models import Partner, RoutingRule
from tests import factories

pytestmark = pytest.mark.django_db


def test_organisations_per_role(org_a, org_b, redacteur_a, coordinator_a, national_editor):
    assert list(for_user(redacteur_a)) == [org_a]
    assert list(for_user(redacteur_a, Role.COORDINATOR)) == []
    assert list(for_user(coordinator_a, Role.COORDINATOR)) == [org_a]
    assert list(for_user(national_editor)) == []  # no member of any organisation
    assert is_national_editor(national_editor) and not is_national_editor(coordinator_a)


def test_translations_are_not_counted_twice(org_a, coordinator_a):
    from wagtail.models import Locale

    org_a.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0], copy_parents=True
    )
    assert for_user(coordinator_a, Role.COORDINATOR).count() == 1


def test_registered_policy_scopes_partners_and_rules(org_a, org_b, coordinator_a, national_editor):
    kinds = factories.partner_kinds()
    own = factories.partner(org_a, kinds["politie"], "Politie A", "a@example.test")
    factories.partner(org_b, kinds["politie"], "Politie B", "b@example.test")
    national = RoutingRule.objects.create(name="Landelijk")
    policy = policy_registry.get_by_type(Partner)
    assert isinstance(policy, OrganisationPermissionPolicy)
    # Politie A and the meldpunt partners provisioning created for A; nothing of B.
    scoped = set(policy.instances_user_has_any_permission_for(coordinator_a, ["change"]))
    assert own in scoped and scoped == set(Partner.objects.filter(organisation=org_a))
    assert policy.user_has_permission_for_instance(coordinator_a, "change", own)
    assert not Partner.objects.filter(organisation=org_b).filter(pk__in=[p.pk for p in scoped])
    everything = policy.instances_user_has_any_permission_for(national_editor, ["change"])
    assert everything.count() == Partner.objects.count() > len(scoped)
    rules = policy_registry.get_by_type(RoutingRule)
    assert not rules.user_has_permission_for_instance(coordinator_a, "change", national)
    assert rules.user_has_permission_for_instance(national_editor, "change", national)
