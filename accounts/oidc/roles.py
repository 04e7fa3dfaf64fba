"""The roles a provider grants: its claim values through the role mapping, applied to the
provider's organisation only (the organisation's groups from provisioning, home.tenancy.Role)."""

from __future__ import annotations

from django.db import transaction

from home.models import OrganisationPage
from home.tenancy import Role, originals

from ..models import IdentityProvider


def claim_values(claims: dict, name: str) -> set[str]:
    """The values of a group claim: a list, or one string."""
    value = claims.get(name)
    if value is None:
        return set()
    if isinstance(value, str):
        return {value}
    if isinstance(value, list | tuple):
        return {str(each) for each in value}
    return {str(value)}


def granted_roles(provider: IdentityProvider, claims: dict) -> set[Role]:
    mapping = provider.role_map()
    values = claim_values(claims, provider.groups_claim)
    return {Role(role) for value in values for role in mapping.get(value, ())}


def organisation_of(provider: IdentityProvider) -> OrganisationPage:
    """The provider's organisation in the source language (the one whose groups count)."""
    return originals().get(translation_key=provider.organisation.translation_key)


@transaction.atomic
def apply_roles(user, organisation: OrganisationPage, roles: set[Role]) -> None:
    """Give user exactly `roles` in organisation: the groups of roles not granted are taken
    away; the groups of every other organisation stay as they are."""
    for role in Role:
        group = getattr(organisation, role.value)
        if group is None:
            continue
        if role in roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)
