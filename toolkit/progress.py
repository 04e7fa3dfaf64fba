"""Checklist progress per organisation: who may see it, every write (with its history row), the
organisation's own items and the overview per heading. Recurring items come back through the
daily sweep in toolkit.tasks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.permissions import policy_registry

from home.models import OrganisationPage
from home.tenancy import Role, is_member

from .models import (
    ChecklistItem,
    ChecklistProgress,
    ChecklistProgressChange,
    ProgressStatus,
    checklist_phases,
)

TRACKED_FIELDS = ["status", "owner", "due_date", "note", "evidence_document", "evidence_page"]
ORGANISATION_GROUPS = [role.value for role in Role]


def user_organisations(user: AbstractBaseUser) -> QuerySet[OrganisationPage]:
    """Organisations whose progress user may see and edit, by the permission policy registered
    for ChecklistProgress (toolkit.apps): where they have any role. Superusers see all;
    national editors, members of none, see none."""
    return policy_registry.get_by_type(ChecklistProgress).organisations(user).order_by("title")


def user_progress(user: AbstractBaseUser, action: str = "view") -> QuerySet[ChecklistProgress]:
    """The progress records user may `action`, by the same registered policy."""
    policy = policy_registry.get_by_type(ChecklistProgress)
    return policy.instances_user_has_any_permission_for(user, [action])


def organisation_members(organisation: OrganisationPage, also: int | None = None) -> QuerySet:
    """Active users in one of the organisation's groups (plus user `also`, if given): the
    possible owners of an item."""
    from django.contrib.auth import get_user_model

    group_ids = [getattr(organisation, f"{attr}_id") for attr in ORGANISATION_GROUPS]
    condition = Q(is_active=True, groups__in=[g for g in group_ids if g])
    if also is not None:
        condition |= Q(pk=also)
    return (
        get_user_model()
        .objects.filter(condition)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def may_edit_own_items(user: AbstractBaseUser, organisation: OrganisationPage) -> bool:
    """Only the organisation's editors add, change and remove its own checklist items; every
    member keeps the progress on them."""
    return is_member(user, organisation, Role.EDITOR)


def organisation_items(organisation: OrganisationPage) -> QuerySet[ChecklistItem]:
    """The items an organisation works on: the national ones and its own."""
    return ChecklistItem.objects.filter(Q(organisation__isnull=True) | Q(organisation=organisation))


def progress_records(organisation: OrganisationPage) -> QuerySet[ChecklistProgress]:
    """The organisation's progress, with a (not started) record for every item, created lazily."""
    existing = set(
        ChecklistProgress.objects.filter(organisation=organisation).values_list(
            "item_id", flat=True
        )
    )
    missing = organisation_items(organisation).exclude(pk__in=existing)
    ChecklistProgress.objects.bulk_create(
        [ChecklistProgress(organisation=organisation, item=item) for item in missing],
        ignore_conflicts=True,
    )
    return ChecklistProgress.objects.filter(organisation=organisation).select_related(
        "item__heading", "organisation", "owner", "evidence_document", "evidence_page"
    )


def _display(progress: ChecklistProgress, field: str) -> str:
    value = getattr(progress, field)
    if field == "status":
        return str(progress.get_status_display())
    if value is None or value == "":
        return ""
    if field == "owner":
        return value.get_full_name() or value.get_username()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


@transaction.atomic
def update_progress(
    progress: ChecklistProgress,
    user: AbstractBaseUser | None,
    *,
    reason: str = "",
    today: datetime.date | None = None,
    **values,
) -> ChecklistProgress:
    """The one way to change progress: applies values, keeps the invariants, writes history."""
    unknown = set(values) - set(TRACKED_FIELDS)
    if unknown:
        raise ValueError(f"Not a progress field: {', '.join(sorted(unknown))}")
    today = today or timezone.localdate()
    progress = ChecklistProgress.objects.select_for_update().get(pk=progress.pk)
    before = {field: _display(progress, field) for field in TRACKED_FIELDS}
    old_due = progress.due_date
    for field, value in values.items():
        setattr(progress, field, value)
    if progress.status == ProgressStatus.DONE:
        progress.completed_on = progress.completed_on or today
    else:
        progress.completed_on = None
    if progress.due_date != old_due:
        progress.reminded_on = None
    after = {field: _display(progress, field) for field in TRACKED_FIELDS}
    changes = {f: [before[f], after[f]] for f in TRACKED_FIELDS if before[f] != after[f]}
    if changes:
        progress.save()
        ChecklistProgressChange.objects.create(
            progress=progress,
            changed_by=user if user is not None and user.is_authenticated else None,
            changes=changes,
            reason=reason,
        )
    return progress


@dataclass
class HeadingProgress:
    heading: object
    records: list[ChecklistProgress]

    @property
    def applicable(self) -> int:
        return sum(r.status != ProgressStatus.NOT_APPLICABLE for r in self.records)

    @property
    def done(self) -> int:
        return sum(r.status == ProgressStatus.DONE for r in self.records)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.applicable) if self.applicable else 100


def progress_overview(organisation: OrganisationPage) -> list[dict]:
    """Per phase, per heading: the records in checklist order (the organisation's own items
    after the national ones) and the share that is done."""
    records = {r.item_id: r for r in progress_records(organisation)}
    phases = checklist_phases(organisation)
    for phase in phases:
        phase["headings"] = [
            HeadingProgress(heading, [records[item.pk] for item in heading.item_list])
            for heading in phase["headings"]
        ]
    return phases
