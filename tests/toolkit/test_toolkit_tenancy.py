"""Tenancy of checklist progress: the permission policy registered in toolkit.apps hands every
member of an organisation (any role) its own progress only, and the admin screens go through
it."""

import pytest
from django.urls import reverse
from wagtail.permissions import policy_registry

from home.tenancy import OrganisationRolePermissionPolicy
from toolkit.checklist import load_checklist
from toolkit.models import ChecklistItem, ChecklistProgress, ChecklistProgressChange
from toolkit.progress import progress_records, user_organisations

pytestmark = pytest.mark.django_db

ITEM = "Sanctiebeleid bepalen"


@pytest.fixture
def progress(org_a, org_b):
    load_checklist()
    progress_records(org_a)
    progress_records(org_b)
    item = ChecklistItem.objects.get(text=ITEM)
    return {
        "a": ChecklistProgress.objects.get(organisation=org_a, item=item),
        "b": ChecklistProgress.objects.get(organisation=org_b, item=item),
    }


def denied(response) -> bool:
    """Wagtail answers PermissionDenied in the admin with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


@pytest.mark.parametrize("user", ["redacteur_a", "publiceerder_a", "coordinator_a"])
def test_policy_gives_every_member_their_own_progress_only(request, org_a, progress, user):
    user = request.getfixturevalue(user)
    policy = policy_registry.get_by_type(ChecklistProgress)
    assert isinstance(policy, OrganisationRolePermissionPolicy) and policy.role is None
    own = policy.instances_user_has_any_permission_for(user, ["view"])
    assert own.count() == ChecklistItem.objects.count()
    assert set(own.values_list("organisation", flat=True)) == {org_a.pk}
    assert policy.user_has_permission_for_instance(user, "change", progress["a"])
    assert not policy.user_has_permission_for_instance(user, "view", progress["b"])
    assert not policy.user_has_permission_for_instance(user, "change", progress["b"])
    # Records come and go with the checklist (toolkit.progress), never by hand.
    assert not policy.user_has_permission_for_instance(user, "delete", progress["a"])
    assert list(user_organisations(user)) == [org_a]


def test_policy_gives_national_editors_no_progress(progress, national_editor):
    policy = policy_registry.get_by_type(ChecklistProgress)
    assert not policy.instances_user_has_any_permission_for(national_editor, ["view"]).exists()
    assert not policy.user_has_permission_for_instance(national_editor, "view", progress["a"])
    assert not user_organisations(national_editor).exists()


def test_member_of_a_cannot_reach_bs_progress_in_the_admin(
    login, redacteur_a, org_a, org_b, progress
):
    client = login(redacteur_a)
    own = client.get(reverse("toolkit_progress_overview", args=[org_a.pk]))
    assert own.status_code == 200
    edit_own = reverse("toolkit_progress_edit", args=[org_a.pk, progress["a"].item_id])
    assert client.get(edit_own).context["progress"] == progress["a"]

    assert denied(client.get(reverse("toolkit_progress_overview", args=[org_b.pk])))
    edit_other = reverse("toolkit_progress_edit", args=[org_b.pk, progress["b"].item_id])
    assert denied(client.get(edit_other))
    assert denied(client.post(edit_other, {"status": "gereed"}))
    progress["b"].refresh_from_db()
    assert progress["b"].status == "niet_gestart"
    assert not ChecklistProgressChange.objects.filter(progress=progress["b"]).exists()
