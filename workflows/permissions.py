"""Who may do what with meldingen, resolved from the melding's organisation."""

from __future__ import annotations

from django.db.models import QuerySet

from home.models import OrganisationPage


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
    from .models import Melding

    return Melding.objects.filter(organisation__in=coordinated_organisations(user))


def notices_for_partner_user(user):
    """Notices addressed to any partner the user works for (partner inbox scope)."""
    from .models import Notice, Partner

    if not user.is_authenticated:
        return Notice.objects.none()
    # A subquery, not a join through the users table: no DISTINCT needed, so the newest
    # notices come straight from the created_at index.
    partners = Partner.objects.filter(users=user, active=True).values("pk")
    return Notice.objects.filter(partner__in=partners)


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
