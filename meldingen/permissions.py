"""Who may do what with meldingen, resolved from the melding's organisation (home.tenancy)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from wagtail.permissions import policy_registry

from home.models import OrganisationPage
from home.tenancy import Role, for_user, is_member
from meldingen.models import Melding


def coordinated_organisations(user) -> QuerySet[OrganisationPage]:
    """Organisations whose meldingen the user moderates (veiligheidscoördinatoren)."""
    return for_user(user, Role.COORDINATOR)


def is_coordinator(user, organisation: OrganisationPage) -> bool:
    return is_member(user, organisation, Role.COORDINATOR)


def meldingen_for_coordinator(user) -> QuerySet[Melding]:
    """The meldingen user handles, by the policy registered for Melding (meldingen.apps)."""
    return policy_registry.get_by_type(Melding).instances_user_has_any_permission_for(
        user, ["view"]
    )


def coordinator_melding(request, pk, joined: tuple[str, ...] = ()) -> Melding:
    """The melding within the user's coordinator scope; 404 for everyone else. joined: more
    relations to load in the same query."""
    meldingen = meldingen_for_coordinator(request.user)
    return get_object_or_404(meldingen.select_related("organisation", "personal", *joined), pk=pk)
