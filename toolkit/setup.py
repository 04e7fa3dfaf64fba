"""Permissions of the national editors on the toolkit's national content (checklist, audiences).

Granted when the Landelijke redactie group is created (`setup_platform`), after every migrate,
and by the demo loader.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from home.provisioning import NATIONAL_EDITORS_GROUP

NATIONAL_MODELS = ["checklistheading", "checklistitem", "audience"]


def grant_national_editor_permissions(**kwargs) -> None:
    """Let the Landelijke redactie maintain checklist and audiences. Idempotent; also a
    post_migrate receiver, so a deploy after `setup_platform` keeps the grant in place."""
    group = Group.objects.filter(name=NATIONAL_EDITORS_GROUP).first()
    if group is None:
        return
    permissions = Permission.objects.filter(
        content_type__app_label="toolkit",
        content_type__model__in=NATIONAL_MODELS,
        codename__regex=r"^(add|change|delete|view)_",
    )
    group.permissions.add(*permissions)


def grant_on_group_created(sender, instance: Group, created: bool, raw: bool = False, **kwargs):
    if created and not raw and instance.name == NATIONAL_EDITORS_GROUP:
        grant_national_editor_permissions()
