"""Who sees which registration figures and exports, resolved per request."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from home.models import OrganisationPage
from home.tenancy import is_national_editor, originals
from meldingen.permissions import coordinated_organisations


@dataclass
class Scope:
    organisations: QuerySet[OrganisationPage]
    personal_allowed: bool  # only the organisation's own coordinators see personal data
    national: bool


def coordinator_scope(user) -> Scope:
    organisations = coordinated_organisations(user).order_by("title")
    if not organisations.exists():
        raise PermissionDenied
    return Scope(organisations, personal_allowed=True, national=False)


def national_scope(user) -> Scope:
    if not is_national_editor(user):
        raise PermissionDenied
    organisations = originals().order_by("title")
    return Scope(organisations, personal_allowed=False, national=True)


def export_scope(user) -> Scope:
    """Coordinators export their own organisations (personal fields on request); national
    editors export everything without personal fields; anyone else is refused."""
    try:
        return coordinator_scope(user)
    except PermissionDenied:
        return national_scope(user)
