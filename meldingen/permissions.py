"""Who may do what with meldingen, resolved from the melding's organisation."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from home.models import OrganisationPage
from meldingen.models import Melding


def coordinated_organisations(user) -> QuerySet[OrganisationPage]:
    """Organisations whose meldingen the user moderates (veiligheidscoördinatoren)."""
    if not user.is_authenticated:
        return OrganisationPage.objects.none()
    if user.is_superuser:
        return OrganisationPage.objects.filter(locale__language_code="nl")
    return OrganisationPage.objects.filter(coordinators_group__in=user.groups.all())


def is_coordinator(user, organisation: OrganisationPage) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(pk=organisation.coordinators_group_id).exists()


def meldingen_for_coordinator(user):
    return Melding.objects.filter(organisation__in=coordinated_organisations(user))


def is_national_editor(user) -> bool:
    from home.provisioning import NATIONAL_EDITORS_GROUP

    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=NATIONAL_EDITORS_GROUP).exists()
    )


def editable_organisations(user) -> QuerySet[OrganisationPage]:
    """Organisations whose partners and routing rules the user maintains."""
    if is_national_editor(user):
        return OrganisationPage.objects.filter(locale__language_code="nl")
    return coordinated_organisations(user)


def coordinator_melding(request, pk) -> Melding:
    """The melding within the user's coordinator scope; 404 for everyone else."""
    return get_object_or_404(
        meldingen_for_coordinator(request.user).select_related("organisation", "personal"), pk=pk
    )
