"""Organisations as tenants: provisioning by command and admin action, idempotent."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
)

from home.models import OrganisationPage
from home.provisioning import provision_organisation
from partners.delivery import undeliverable
from partners.models import Partner, PartnerKind

pytestmark = pytest.mark.django_db

TENANT_MODELS = [
    "wagtailcore.Page",
    "auth.Group",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission",
    "wagtailcore.Collection",
    "wagtailcore.Workflow",
    "wagtailcore.Task",
    "wagtailcore.WorkflowTask",
    "wagtailcore.WorkflowPage",
    "wagtailcore.Revision",
    "partners.Partner",
    "partners.PartnerKind",
]


def row_counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in TENANT_MODELS}


def page_codenames(group, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_provisioning_creates_the_whole_tenant(org_a):
    assert org_a.live
    assert org_a.get_parent().specific_class.__name__ == "OrganisationIndexPage"
    assert org_a.kind == "gemeente" and org_a.official_code == "GM9001"

    assert page_codenames(org_a.editors_group, org_a) == {"add_page", "change_page", "lock_page"}
    assert "publish_page" in page_codenames(org_a.publishers_group, org_a)
    assert "publish_page" not in page_codenames(org_a.editors_group, org_a)
    for group in (org_a.editors_group, org_a.publishers_group, org_a.coordinators_group):
        assert group.permissions.filter(codename="access_admin").exists()
        assert "Gemeente Aadorp" in group.name

    assert org_a.collection.get_parent() == Collection.get_first_root_node()
    doc_perms = set(
        GroupCollectionPermission.objects.filter(
            group=org_a.editors_group, collection=org_a.collection
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_document", "change_document", "choose_document"} <= doc_perms

    workflow = WorkflowPage.objects.get(page=org_a).workflow
    tasks = [t.specific for t in workflow.tasks.all()]
    assert len(tasks) == 1 and isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.all()) == [org_a.publishers_group]


def test_provisioning_twice_changes_nothing(org_a):
    before = row_counts()
    result = provision_organisation(
        title="Gemeente Aadorp", kind="gemeente", official_code="GM9001"
    )
    assert result.changes == []
    assert result.organisation.pk == org_a.pk
    assert row_counts() == before


def test_provisioning_repairs_what_was_removed(org_a):
    GroupPagePermission.objects.filter(group=org_a.editors_group).delete()
    result = provision_organisation(
        title="Gemeente Aadorp", kind="gemeente", official_code="GM9001"
    )
    assert result.changed
    assert page_codenames(org_a.editors_group, org_a) == {"add_page", "change_page", "lock_page"}


def test_provisioning_rejects_a_code_that_does_not_fit_the_kind(home_page):
    before = row_counts()
    with pytest.raises(ValidationError) as err:
        provision_organisation(title="Provincie X", kind="provincie", official_code="GM0001")
    assert "PV27" in str(err.value)
    assert row_counts() == before


def test_management_command_is_idempotent(home_page, capsys):
    args = ["--name", "Waterschap Zee", "--kind", "waterschap", "--code", "WS9005"]
    call_command("provision_organisation", *args)
    first = capsys.readouterr().out
    assert "ingericht" in first and "+ groep" in first
    before = row_counts()
    call_command("provision_organisation", *args)
    assert "was al volledig ingericht" in capsys.readouterr().out
    assert row_counts() == before
    with pytest.raises(CommandError, match="Ongeldige code"):
        call_command("provision_organisation", "--name", "X", "--kind", "gemeente", "--code", "X1")


def test_admin_action_provisions_for_national_editor(login, national_editor):
    client = login(national_editor)
    url = "/admin/organisaties/inrichten/"
    assert client.get(url).status_code == 200
    data = {"name": "Provincie Proefland", "kind": "provincie", "official_code": "pv98"}
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    org = OrganisationPage.objects.get(official_code="PV98")
    assert org.title == "Provincie Proefland" and org.publishers_group is not None
    assert "is ingericht" in response.content.decode()

    before = row_counts()
    response = client.post(url, data, follow=True)
    assert "was al volledig ingericht" in response.content.decode()
    assert row_counts() == before


def test_admin_action_shows_dutch_error_and_keeps_input(login, national_editor):
    client = login(national_editor)
    data = {"name": "Waterschap Fout", "kind": "waterschap", "official_code": "GM0363"}
    response = client.post("/admin/organisaties/inrichten/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ongeldige code voor een waterschap" in body
    assert 'value="Waterschap Fout"' in body
    assert not OrganisationPage.objects.filter(title="Waterschap Fout").exists()


def test_admin_action_forbidden_for_organisation_editor(login, redacteur_a):
    client = login(redacteur_a)
    response = client.post(
        "/admin/organisaties/inrichten/",
        {"name": "Gemeente Stiekem", "kind": "gemeente", "official_code": "GM9009"},
    )
    assert response.status_code in (302, 403)
    assert not OrganisationPage.objects.filter(official_code="GM9009").exists()
    assert not Group.objects.filter(name__contains="Stiekem").exists()


def test_translation_of_organisation_gets_the_same_permissions_and_workflow(
    org_a, django_capture_on_commit_callbacks
):
    from home.localize import translate_page

    with django_capture_on_commit_callbacks(execute=True):
        translate_page(org_a.get_parent().get_parent().specific, "en", {})
        translate_page(org_a, "en", {"Gemeente Aadorp": "Municipality of Aadorp"})
    english = org_a.get_translations().get(locale__language_code="en")
    assert page_codenames(org_a.editors_group, english) == {"add_page", "change_page", "lock_page"}
    assert (
        WorkflowPage.objects.get(page=english).workflow
        == WorkflowPage.objects.get(page=org_a).workflow
    )


def meldpunt(org) -> dict[str, str]:
    return dict(
        Partner.objects.filter(organisation=org).values_list("kind__code", "name").order_by()
    )


@pytest.mark.parametrize(
    ("title", "kind", "code", "names"),
    [
        (
            "Gemeente Proefdorp",  # a new organisation (the session built Aadorp and Beestad)
            "gemeente",
            "GM9101",
            ["Burgemeester", "Griffier", "Gemeentesecretaris"],
        ),
        (
            "Provincie Proefland",
            "provincie",
            "PV98",
            ["Commissaris van de Koning", "Statengriffier", "Provinciesecretaris"],
        ),
        (
            "Waterschap Zee",
            "waterschap",
            "WS9005",
            ["Dijkgraaf", "Secretaris van het algemeen bestuur", "Secretaris-directeur"],
        ),
    ],
)
def test_provisioning_creates_a_meldpunt_partner_per_role_once(home_page, title, kind, code, names):
    result = provision_organisation(title=title, kind=kind, official_code=code)
    org = result.organisation
    assert meldpunt(org) == dict(zip(["burgemeester", "griffie", "secretaris"], names, strict=True))
    for partner in Partner.objects.filter(organisation=org):
        assert partner.kind.internal and partner.active
        assert undeliverable(partner.notification_email)  # to be filled in by the organisation
        assert code.lower() in partner.notification_email
    assert any("e-mailadres nog invullen" in change for change in result.changes)

    before = row_counts()
    again = provision_organisation(title=title, kind=kind, official_code=code)
    assert again.changes == [] and row_counts() == before


def test_provisioning_leaves_the_organisations_own_meldpunt_rows_alone(org_a):
    griffier = Partner.objects.get(organisation=org_a, name="Griffier")
    griffier.notification_email = "griffie@aadorp.example"
    griffier.save()
    Partner.objects.filter(organisation=org_a, name="Burgemeester").update(
        name="Kabinet van de burgemeester"
    )
    Partner.objects.filter(organisation=org_a, name="Gemeentesecretaris").delete()

    result = provision_organisation(
        title="Gemeente Aadorp", kind="gemeente", official_code="GM9001"
    )
    assert result.changes == ["ketenpartner Gemeentesecretaris (e-mailadres nog invullen)"]
    assert meldpunt(org_a) == {
        "burgemeester": "Kabinet van de burgemeester",
        "griffie": "Griffier",
        "secretaris": "Gemeentesecretaris",
    }
    griffier.refresh_from_db()
    assert griffier.notification_email == "griffie@aadorp.example"


def test_provisioning_keeps_existing_partner_kinds_as_the_editors_set_them(home_page):
    # The kind exists (made by an earlier provisioning); the national editors renamed it.
    PartnerKind.objects.update_or_create(
        code="griffie", defaults={"name": "Griffie", "internal": True, "ack_deadline_hours": 24}
    )
    org = provision_organisation(
        title="Gemeente Proefdorp", kind="gemeente", official_code="GM9101"
    ).organisation
    assert PartnerKind.objects.get(code="griffie").name == "Griffie"
    assert Partner.objects.get(organisation=org, name="Griffier").kind.name == "Griffie"


def test_meldpunt_partners_are_connected_to_provisioning_at_start_up():
    """In a fresh process (no test module imported partners.setup), provisioning must already
    reach the partners app: its receiver is connected when Django starts (partners.apps)."""
    code = (
        "import django; django.setup()\n"
        "from home.models import OrganisationPage\n"
        "from home.provisioning import organisation_provisioned as s\n"
        "print(s.has_listeners(OrganisationPage))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "veiligbestuur.settings.test"}
    out = subprocess.run(  # noqa: S603 - our own interpreter and fixed code
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1] == "True"


def test_admin_action_ends_on_next_steps_and_keeps_the_new_home_a_draft(login, national_editor):
    editor = login(national_editor)
    url = "/admin/organisaties/inrichten/"
    data = {"name": "Gemeente Nieuwdorp", "kind": "gemeente", "official_code": "GM9077"}
    response = editor.post(url, data)
    org = OrganisationPage.objects.get(official_code="GM9077")
    assert response.status_code == 302 and response["Location"] == f"{url}?ingericht={org.pk}"

    body = editor.get(response["Location"]).content.decode()
    assert "Gemeente Nieuwdorp is ingericht." in body
    assert "onderdelen aangemaakt of hersteld" not in body
    for step in (
        "Accounts aanmaken",
        "Contactgegevens invullen",
        "Huisstijl",
        "komen later",
        "Agressieprotocol afleiden",
        "Startpagina publiceren",
    ):
        assert step in body, step
    assert "/admin/users/new/" in body
    assert f"/admin/groups/edit/{org.coordinators_group.pk}/" in body
    assert f"/admin/pages/{org.pk}/edit/" in body
    assert f"/admin/protocollen/afleiden/{org.pk}/" in body
    assert "bezoekers zien hem pas als je hem publiceert" in body

    # The new home is a draft: not on the public site until an editor publishes it.
    assert not org.live
    public_url = org.get_parent().url + org.slug + "/"
    anonymous = Client()
    assert anonymous.get(public_url).status_code == 404
    org.get_latest_revision().publish()
    assert anonymous.get(public_url).status_code == 200
    steps = editor.get(f"{url}?ingericht={org.pk}").content.decode()
    assert "De startpagina is gepubliceerd." in steps

    # Provisioning again repairs nothing, unpublishes nothing.
    before = row_counts()
    editor.post(url, data)
    org.refresh_from_db()
    assert org.live and row_counts() == before


def test_existing_organisation_stays_live_when_provisioned_again(login, national_editor, org_a):
    client = login(national_editor)
    data = {"name": org_a.title, "kind": org_a.kind, "official_code": org_a.official_code}
    response = client.post("/admin/organisaties/inrichten/", data, follow=True)
    assert "was al volledig ingericht" in response.content.decode()
    org_a.refresh_from_db()
    assert org_a.live and not org_a.has_unpublished_changes


def test_command_leaves_a_new_home_a_draft_and_points_to_the_next_steps(home_page, capsys):
    call_command(
        "provision_organisation", "--name", "Gemeente Z", "--kind", "gemeente", "--code", "GM9078"
    )
    out = capsys.readouterr().out
    org = OrganisationPage.objects.get(official_code="GM9078")
    assert not org.live and "concept" in out
    assert f"/admin/organisaties/inrichten/?ingericht={org.pk}" in out
    call_command(
        "provision_organisation",
        "--name",
        "Gemeente Y",
        "--kind",
        "gemeente",
        "--code",
        "GM9079",
        "--publiceer",
    )
    assert OrganisationPage.objects.get(official_code="GM9079").live
