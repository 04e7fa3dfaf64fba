"""Who sees which registration figures, exports and records, resolved per request. The
organisations come from each model's permission policy registered with Wagtail (Melding in
meldingen.apps, the records of this app in reporting.apps): one source of tenancy."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from wagtail.permissions import policy_registry

from home.models import OrganisationPage
from home.tenancy import is_national_editor, originals
from meldingen.models import Melding


@dataclass
class Scope:
    organisations: QuerySet[OrganisationPage]
    personal_allowed: bool  # only the organisation's own coordinators see personal data
    national: bool


def organisations(model: type[Model], user) -> QuerySet[OrganisationPage]:
    """The organisations whose `model` rows user may reach, by the model's registered policy."""
    return policy_registry.get_by_type(model).organisations(user)


def rows(model: type[Model], user, action: str = "view") -> QuerySet:
    """The `model` rows user may `action`, by the model's registered policy."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, [action])


def may(user, action: str, instance: Model) -> bool:
    """Whether user may `action` instance (saved or not), by its model's registered policy."""
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, action, instance)


def coordinator_scope(user, model: type[Model] = Melding) -> Scope:
    """The organisations whose meldingen (or `model` records) user handles; refused when none."""
    found = organisations(model, user).order_by("title")
    if not found.exists():
        raise PermissionDenied
    return Scope(found, personal_allowed=True, national=False)


def national_scope(user) -> Scope:
    if not is_national_editor(user):
        raise PermissionDenied
    return Scope(originals().order_by("title"), personal_allowed=False, national=True)


def export_scope(user) -> Scope:
    """Coordinators export their own organisations (personal fields on request); national
    editors export everything without personal fields; anyone else is refused."""
    try:
        return coordinator_scope(user)
    except PermissionDenied:
        return national_scope(user)
