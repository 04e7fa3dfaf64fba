"""Tenancy of the registration records (retention period, yearly evaluation, deletion record):
the permission policy registered in reporting.apps hands each organisation's coordinators their
own rows only, and the admin screens go through it."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.permissions import policy_registry

from home.tenancy import OrganisationRolePermissionPolicy, Role
from reporting.models import EvaluationReport, PurgeReason, PurgeRecord, RetentionPolicy
from tests import factories

pytestmark = pytest.mark.django_db


def denied(response) -> bool:
    """Wagtail answers PermissionDenied in the admin with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def purge_record(org, reference: str) -> PurgeRecord:
    melding = factories.melding(org)
    closed = timezone.now() - timezone.timedelta(days=800)
    return PurgeRecord.objects.create(
        melding=melding,
        organisation=org,
        reference=reference,
        reason_kind=PurgeReason.RETENTION,
        closed_at=closed,
        retention_years=2,
        purged_at=timezone.now(),
        personal_data_removed=True,
        attachments_removed=0,
        additions_removed=0,
    )


def evaluation(org, author, conclusions: str) -> EvaluationReport:
    report = EvaluationReport.objects.create(
        organisation=org, year=2025, conclusions=conclusions, created_by=author
    )
    report.pdf.save("evaluatie.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return report


@pytest.fixture
def records(org_a, org_b, coordinator_a, coordinator_b):
    return {
        "a": {
            "retention": RetentionPolicy.objects.create(organisation=org_a, years=3),
            "evaluation": evaluation(org_a, coordinator_a, "Conclusies Aadorp"),
            "purge": purge_record(org_a, "AAD-0001"),
        },
        "b": {
            "retention": RetentionPolicy.objects.create(organisation=org_b, years=5),
            "evaluation": evaluation(org_b, coordinator_b, "Conclusies Beestad"),
            "purge": purge_record(org_b, "BEE-0001"),
        },
    }


# --- through the registered policy ------------------------------------------------------------


@pytest.mark.parametrize(
    "model, key, actions",
    [
        (RetentionPolicy, "retention", {"view", "add", "change"}),
        (EvaluationReport, "evaluation", {"view", "add"}),
        (PurgeRecord, "purge", {"view"}),
    ],
)
def test_policy_gives_coordinators_their_own_rows_only(
    records, coordinator_a, redacteur_a, national_editor, model, key, actions
):
    policy = policy_registry.get_by_type(model)
    assert isinstance(policy, OrganisationRolePermissionPolicy)
    assert policy.role == Role.COORDINATOR and policy.actions == actions
    own, other = records["a"][key], records["b"][key]

    assert list(policy.instances_user_has_any_permission_for(coordinator_a, ["view"])) == [own]
    assert policy.user_has_permission_for_instance(coordinator_a, "view", own)
    assert not policy.user_has_permission_for_instance(coordinator_a, "view", other)
    # Editors of the same organisation and national editors see none of these records.
    for user in (redacteur_a, national_editor):
        assert not policy.instances_user_has_any_permission_for(user, ["view"]).exists()
        assert not policy.user_has_permission_for_instance(user, "view", own)


def test_nobody_changes_or_deletes_a_deletion_record(records, coordinator_a):
    policy = policy_registry.get_by_type(PurgeRecord)
    own = records["a"]["purge"]
    for action in ("add", "change", "delete"):
        assert not policy.user_has_permission(coordinator_a, action)
        assert not policy.user_has_permission_for_instance(coordinator_a, action, own)


# --- through the admin screens ----------------------------------------------------------------


def test_retention_screen_shows_own_period_and_deletion_records(
    records, login, coordinator_a, org_b
):
    client = login(coordinator_a)
    page = client.get(reverse("reporting_retention"))
    assert page.status_code == 200
    assert page.context["form"].instance == records["a"]["retention"]
    html = page.content.decode()
    assert "AAD-0001" in html and "BEE-0001" not in html
    url = f"{reverse('reporting_retention')}?organisation={org_b.pk}"
    assert client.get(url).status_code == 404
    assert client.post(url, {"years": "1"}).status_code == 404
    records["b"]["retention"].refresh_from_db()
    assert records["b"]["retention"].years == 5


def test_evaluation_screen_and_pdf_are_own_organisation_only(records, login, coordinator_a, org_b):
    client = login(coordinator_a)
    page = client.get(reverse("reporting_evaluation"), {"jaar": 2025})
    assert page.status_code == 200
    assert list(page.context["reports"]) == [records["a"]["evaluation"]]
    assert "Conclusies Beestad" not in page.content.decode()
    other = {"organisation": org_b.pk, "jaar": 2025}
    assert client.get(reverse("reporting_evaluation"), other).status_code == 404
    response = client.post(
        f"{reverse('reporting_evaluation')}?organisation={org_b.pk}&jaar=2025",
        {"conclusions": "Gekaapt", "actions": ""},
    )
    assert response.status_code == 404
    assert not EvaluationReport.objects.filter(conclusions="Gekaapt").exists()

    own_pdf = reverse("reporting_evaluation_pdf", args=[records["a"]["evaluation"].pk])
    assert client.get(own_pdf).status_code == 200
    other_pdf = reverse("reporting_evaluation_pdf", args=[records["b"]["evaluation"].pk])
    assert client.get(other_pdf).status_code == 404


@pytest.mark.parametrize("user", ["redacteur_a", "national_editor"])
def test_others_are_refused_the_record_screens(request, records, login, user):
    client = login(request.getfixturevalue(user))
    assert denied(client.get(reverse("reporting_retention")))
    assert denied(client.get(reverse("reporting_evaluation"), {"jaar": 2025}))
    pdf = reverse("reporting_evaluation_pdf", args=[records["a"]["evaluation"].pk])
    assert denied(client.get(pdf))
