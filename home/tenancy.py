"""Tenancy in one place: which organisations a user belongs to, in which role, and the
permission policy every organisation-scoped model uses.

An organisation is its Dutch source page (`originals()`); translations share its groups. A user
belongs to an organisation through one of its three groups (editors, publishers,
coordinators). The Landelijke redactie (and superusers) work across all organisations.
"""

from __future__ import annotations

import enum

from django.conf import settings
from django.db.models import Model, Q, QuerySet
from wagtail.models import Page
from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy
from wagtail.permissions import policy_registry

from home.models import OrganisationIndexPage, OrganisationPage

NATIONAL_EDITORS_GROUP = "Landelijke redactie"


class Role(enum.Enum):
    """A role in an organisation, by the organisation's group that grants it."""

    EDITOR = "editors_group"
    PUBLISHER = "publishers_group"
    COORDINATOR = "coordinators_group"


def originals() -> QuerySet[OrganisationPage]:
    """Every organisation once: its page in the source language."""
    return OrganisationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def is_national_editor(user) -> bool:
    """A member of the Landelijke redactie, or a superuser. Asked many times per admin page
    (menus, hooks, listings): answered once per user instance, i.e. once per request."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    known = user.__dict__.get("_is_national_editor")
    if known is None:
        known = user.__dict__["_is_national_editor"] = user.is_superuser or (
            user.groups.filter(name=NATIONAL_EDITORS_GROUP).exists()
        )
    return known


def for_user(user, role: Role | None = None) -> QuerySet[OrganisationPage]:
    """The organisations in which user has role (any of the three when None). Superusers: all.
    National editors are no member of an organisation and get none here."""
    if not (user and user.is_authenticated and user.is_active):
        return originals().none()
    if user.is_superuser:
        return originals()
    groups = user.groups.all()
    roles = [role] if role else list(Role)
    condition = Q()
    for each in roles:
        condition |= Q(**{f"{each.value}__in": groups})
    return originals().filter(condition)


def visible_pages(pages: QuerySet, user) -> QuerySet:
    """pages without the subtrees of organisations user does not belong to (in any language):
    what the page chooser and its search may list. National editors see every page."""
    if is_national_editor(user):
        return pages
    own = OrganisationPage.objects.filter(
        translation_key__in=for_user(user).values("translation_key")
    ).values_list("path", flat=True)
    inside_an_index = Q(pk__in=[])
    for path in OrganisationIndexPage.objects.values_list("path", flat=True):
        inside_an_index |= Q(path__startswith=path) & ~Q(path=path)
    own_subtrees = Q(pk__in=[])
    for path in own:
        own_subtrees |= Q(path__startswith=path)
    return pages.filter(~inside_an_index | own_subtrees)


def reportable_pages(user) -> QuerySet[Page]:
    """The pages the admin's reports may count and name for user: those Wagtail lets user
    explore (own subtrees and their ancestors), never one inside another organisation.
    National editors: every page."""
    if is_national_editor(user):
        return Page.objects.all()
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    return visible_pages(explorable, user)


def is_member(user, organisation: OrganisationPage, role: Role | None = None) -> bool:
    return for_user(user, role).filter(pk=organisation.pk).exists()


class OrganisationPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions (what a group may do with the model at all), narrowed to the
    organisations where the user has `role`; national editors reach every organisation and,
    where `national_rows`, the national rows (organisation empty). Registered per model with
    Wagtail's register_permission_policy, so its viewsets, choosers and panels use it."""

    def __init__(self, model, role: Role = Role.COORDINATOR, national_rows: bool = False):
        super().__init__(model)
        self.role = role
        self.national_rows = national_rows

    def organisations(self, user) -> QuerySet[OrganisationPage]:
        """The organisations whose rows user may maintain."""
        return originals() if is_national_editor(user) else for_user(user, self.role)

    def may_leave_organisation_empty(self, user) -> bool:
        return self.national_rows and is_national_editor(user)

    def scope(self, queryset: QuerySet, user) -> QuerySet:
        """queryset narrowed to the rows of user's organisations (and national rows)."""
        condition = Q(organisation__in=self.organisations(user))
        if self.may_leave_organisation_empty(user):
            condition |= Q(organisation__isnull=True)
        return queryset.filter(condition)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(self.model._default_manager.all(), user)

    def user_has_permission_for_instance(self, user, action, instance: Model) -> bool:
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance: Model) -> bool:
        if not self.user_has_any_permission(user, actions):
            return False
        return self.scope(self.model._default_manager.filter(pk=instance.pk), user).exists()


class OrganisationRolePermissionPolicy(BasePermissionPolicy):
    """Access decided by the user's role in the row's organisation alone, without Django model
    permissions: e.g. the veiligheidscoördinatoren view and handle their own organisation's
    meldingen, and nobody else's. role None: any of the three roles (every member)."""

    def __init__(self, model, role: Role | None, actions: tuple[str, ...] = ("view", "change")):
        super().__init__(model)
        self.role = role
        self.actions = set(actions)

    def organisations(self, user) -> QuerySet[OrganisationPage]:
        """The organisations whose rows user may reach (for the actions of this policy)."""
        return for_user(user, self.role)

    def user_has_permission(self, user, action) -> bool:
        return action in self.actions and self.organisations(user).exists()

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.actions.intersection(actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(organisation__in=self.organisations(user))

    def user_has_permission_for_instance(self, user, action, instance: Model) -> bool:
        return action in self.actions and is_member(user, instance.organisation, self.role)
