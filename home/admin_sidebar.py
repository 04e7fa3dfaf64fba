"""The admin sidebar (main menu, search, account menu) of a person, kept until what decides it
changes. Wagtail builds it on every admin page, and each menu item asks whether it is shown,
most with a permission or organisation query: 15-25 ms of every admin page at national scale.

A kept sidebar counts only within the permissions generation and only for the same name,
e-mail address (avatar) and superuser state. The generation is raised by every change to a
person's groups or permissions, to a group's permissions, to an organisation page (its role
groups) and to a Wagtail user profile (avatar, dismissed menu items). Whether an item is shown
is never the permission itself: every view checks its own."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .caching import Generation

PERMISSIONS = Generation("permissions", "adminsidebar:generation")
SECONDS = 600  # a backstop only: the generation decides


def _facts(generation: int, user) -> tuple:
    return (generation, user.get_username(), user.first_name, user.email, user.is_superuser)


def kept(build):
    """A sidebar_props tag that keeps build's output per person and language."""

    def sidebar_props(context):
        user = context["request"].user
        if not user.is_authenticated:
            return build(context)
        key = f"adminsidebar:{user.pk}:{get_language()}"
        generation, found = PERMISSIONS.with_keys(key)
        facts = _facts(generation, user)
        stored = found.get(key)
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == facts:
            return mark_safe(stored[1])  # noqa: S308 - Wagtail's own json_script output  # nosec B308, B703
        html = build(context)
        cache.set(key, (facts, str(html)), SECONDS)
        return html

    return sidebar_props


def renew(update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a login changes no menu
    PERMISSIONS.bump()


def connect() -> None:
    """Keep Wagtail's sidebar tag and raise the generation on every change that decides a menu
    (called from HomeConfig.ready)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.admin.templatetags import wagtailadmin_tags
    from wagtail.models import GroupCollectionPermission, GroupPagePermission
    from wagtail.users.models import UserProfile

    from .models import OrganisationPage

    wagtailadmin_tags.register.simple_tag(
        kept(wagtailadmin_tags.sidebar_props), takes_context=True, name="sidebar_props"
    )
    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(renew, sender=through, dispatch_uid=f"sidebar-m2m-{through.__name__}")
    for sender in (
        User,
        Group,
        GroupPagePermission,
        GroupCollectionPermission,
        OrganisationPage,
        UserProfile,
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                renew, sender=sender, dispatch_uid=f"sidebar-{sender.__name__}-{id(signal)}"
            )
