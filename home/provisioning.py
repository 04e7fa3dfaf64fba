"""Provision an organisation (tenant) and the national editors, idempotently.

Creates or repairs: the organisation root page, its groups, subtree page permissions, a document
collection with permissions, and a page workflow (redacteur submits, publiceerder approves).
A new organisation's home page stays a draft until an editor publishes it (publish=False, as
the admin action and the command do). Apps above home add their own part of a tenant through
the ``organisation_provisioned`` signal (partners: a ketenpartner per internal meldpunt role).
Running it again for the same organisation changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import Signal
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import OrganisationIndexPage, OrganisationPage, validate_official_code
from .tenancy import NATIONAL_EDITORS_GROUP, originals

# Sent at the end of provision_organisation, inside its transaction, with ``organisation`` (the
# original OrganisationPage) and ``changes`` (the list of what was created or repaired).
# Receivers create what their app needs for a tenant, idempotently, append a short Dutch line
# to ``changes`` for each thing they created, and leave existing rows alone. home does not
# import the apps above it (import-linter); they connect here instead.
organisation_provisioned = Signal()

# Page permissions per organisation role, on the organisation's subtree.
ROLE_PAGE_PERMISSIONS = {
    "editors_group": ["add_page", "change_page", "lock_page"],
    "publishers_group": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "coordinators_group": [],
}
ROLE_LABELS = {
    "editors_group": "Redacteuren",
    "publishers_group": "Publiceerders",
    "coordinators_group": "Veiligheidscoördinatoren",
}
# Model permissions per organisation role; the views scope every object to the organisation.
ROLE_MODEL_PERMISSIONS = {
    "editors_group": [],
    "publishers_group": [],
    "coordinators_group": [
        ("partners", f"{action}_{model}")
        for model in ("partner", "routingrule")
        for action in ("add", "change", "delete", "view")
    ],
}
# National content the Landelijke redactie maintains (kept here, in one place, with the rest
# of what provisioning grants).
NATIONAL_MODELS = [
    ("partners", "partnerkind"),
    ("partners", "partner"),
    ("partners", "routingrule"),
    ("toolkit", "checklistheading"),
    ("toolkit", "checklistitem"),
    ("toolkit", "audience"),
]
NATIONAL_MODEL_PERMISSIONS = [
    (app_label, f"{action}_{model}")
    for app_label, model in NATIONAL_MODELS
    for action in ("add", "change", "delete", "view")
]
MEDIA_PERMISSIONS = [
    ("wagtaildocs", ["add_document", "change_document", "choose_document"]),
    ("wagtailimages", ["add_image", "change_image", "choose_image"]),
]
NATIONAL_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]


@dataclass
class ProvisionResult:
    organisation: OrganisationPage
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return _permission("wagtailcore", codename)


def _ensure(created: bool, changes: list[str], message: str) -> None:
    if created:
        changes.append(message)


def _grant_admin_access(group: Group, changes: list[str]) -> None:
    access = _permission("wagtailadmin", "access_admin")
    if not group.permissions.filter(pk=access.pk).exists():
        group.permissions.add(access)
        changes.append(f"toegang tot beheeromgeving voor {group.name}")


def _grant_model_permissions(group: Group, perms: list[tuple[str, str]], changes: list[str]):
    for app_label, codename in perms:
        permission = _permission(app_label, codename)
        if not group.permissions.filter(pk=permission.pk).exists():
            group.permissions.add(permission)
            changes.append(f"{codename} voor {group.name}")


def _grant_page_permissions(
    group: Group, pages: list[Page], codenames: list[str], changes: list[str]
) -> None:
    for page in pages:
        for codename in codenames:
            _, created = GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_page_permission(codename)
            )
            _ensure(created, changes, f"{codename} op {page.title} ({page.locale}) voor {group}")


def _grant_media_permissions(group: Group, collection: Collection, changes: list[str]) -> None:
    for app_label, codenames in MEDIA_PERMISSIONS:
        for codename in codenames:
            _, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )
            _ensure(created, changes, f"{codename} op collectie {collection} voor {group}")


def _organisation_index() -> OrganisationIndexPage:
    index = (
        OrganisationIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .select_for_update()
        .first()
    )
    if index is None:
        raise LookupError("Er is nog geen overzichtspagina 'Organisaties'; laad eerst de basis.")
    return index


def _ensure_group(org: OrganisationPage, attr: str, changes: list[str]) -> Group:
    group = getattr(org, attr)
    if group is None:
        name = f"{org.title} ({org.official_code}) – {ROLE_LABELS[attr]}"
        group, created = Group.objects.get_or_create(name=name)
        _ensure(created, changes, f"groep {name}")
        setattr(org, attr, group)
        changes.append(f"{attr} gekoppeld")
    return group


def _ensure_collection(org: OrganisationPage, changes: list[str]) -> Collection:
    if org.collection is None:
        name = f"{org.title} ({org.official_code})"
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first()
        if collection is None:
            collection = root.add_child(name=name)
            changes.append(f"collectie {name}")
        org.collection = collection
        changes.append("collectie gekoppeld")
    return org.collection


def _ensure_workflow(
    org: OrganisationPage, pages: list[Page], publishers: Group, changes: list[str]
) -> None:
    name = f"Publicatie {org.title} ({org.official_code})"
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    _ensure(created, changes, f"workflow {name}")
    task_name = f"Goedkeuring publiceerders {org.official_code}"
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
        changes.append(f"taak {task_name}")
    if not task.groups.filter(pk=publishers.pk).exists() or task.groups.count() != 1:
        task.groups.set([publishers])
        changes.append(f"taak {task_name} aan {publishers} toegewezen")
    _, created = WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    _ensure(created, changes, f"taak in workflow {name}")
    for page in pages:
        link = WorkflowPage.objects.filter(page=page).first()
        if link is None or link.workflow_id != workflow.pk:
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
            changes.append(f"workflow op {page.title} ({page.locale})")


@transaction.atomic
def provision_organisation(
    *, title: str, kind: str, official_code: str, publish: bool = True
) -> ProvisionResult:
    """Create or repair one organisation; a second call with the same code changes nothing.

    publish=False leaves a new home page a draft (not reachable by visitors) until an editor
    publishes it; an existing organisation's page is never published or unpublished here."""
    validate_official_code(kind, official_code)
    changes: list[str] = []
    index = _organisation_index()  # locked: serialises concurrent provisioning
    org = originals().filter(official_code=official_code).first()
    if org is None:
        org = OrganisationPage(title=title, kind=kind, official_code=official_code, live=publish)
        index.add_child(instance=org)
        revision = org.save_revision()
        if publish:
            revision.publish()
        changes.append(f"pagina {title}" if publish else f"pagina {title} (concept)")

    groups = {attr: _ensure_group(org, attr, changes) for attr in ROLE_PAGE_PERMISSIONS}
    collection = _ensure_collection(org, changes)
    if changes:
        org.save(update_fields=[*ROLE_PAGE_PERMISSIONS, "collection"])

    pages = list(org.get_translations(inclusive=True))
    for attr, group in groups.items():
        _grant_admin_access(group, changes)
        _grant_model_permissions(group, ROLE_MODEL_PERMISSIONS[attr], changes)
        _grant_page_permissions(group, pages, ROLE_PAGE_PERMISSIONS[attr], changes)
        if attr != "coordinators_group":
            _grant_media_permissions(group, collection, changes)
    _ensure_workflow(org, pages, groups["publishers_group"], changes)
    organisation_provisioned.send(sender=OrganisationPage, organisation=org, changes=changes)
    return ProvisionResult(organisation=org, changes=changes)


@transaction.atomic
def provision_national_editors() -> Group:
    """The Landelijke redactie: the whole tree, all collections, and provisioning itself."""
    group, _ = Group.objects.get_or_create(name=NATIONAL_EDITORS_GROUP)
    changes: list[str] = []
    _grant_admin_access(group, changes)
    provision = _permission("home", "provision_organisation")
    group.permissions.add(provision)
    _grant_model_permissions(group, NATIONAL_MODEL_PERMISSIONS, changes)
    homes = list(Page.objects.filter(depth=2))
    _grant_page_permissions(group, homes, NATIONAL_PAGE_PERMISSIONS, changes)
    root_collection = Collection.get_first_root_node()
    _grant_media_permissions(group, root_collection, changes)
    for app_label, codename in [
        ("wagtaildocs", "delete_document"),
        ("wagtailimages", "delete_image"),
    ]:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission(app_label, codename)
        )
    return group
