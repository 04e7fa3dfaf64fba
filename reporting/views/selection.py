"""The selection of the registration screens and exports: the organisations in the user's
scope and the filtered meldingen."""

from __future__ import annotations

from django.http import Http404

from meldingen.models import Melding
from reporting.access import Scope
from reporting.filters import RegistrationFilterSet


def requested_organisation(scope: Scope, value: str | None):
    """The requested organisation within the scope (404 otherwise), or the first one."""
    if not value:
        return scope.organisations.first()
    organisation = scope.organisations.filter(pk=value).first() if value.isdigit() else None
    if organisation is None:
        raise Http404
    return organisation


def filtered(request, scope: Scope) -> RegistrationFilterSet:
    requested = request.GET.get("organisation")
    if requested:  # another organisation's meldingen do not exist here
        requested_organisation(scope, requested)
    return RegistrationFilterSet(
        request.GET or None,
        queryset=Melding.objects.filter(organisation__in=scope.organisations),
        organisations=scope.organisations,
    )


def organisations_shown(filterset: RegistrationFilterSet, scope: Scope):
    chosen = filterset.form.cleaned_data.get("organisation") if filterset.is_valid() else None
    return scope.organisations.filter(pk=chosen.pk) if chosen else scope.organisations
