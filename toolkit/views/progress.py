"""Admin views for an organisation's checklist progress, scoped to the organisation's people.

These are our own views (not a snippet viewset), so every one checks the organisation itself,
by the permission policy registered for ChecklistProgress (toolkit.progress).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.models import OrganisationPage

from ..forms import ProgressForm
from ..progress import (
    may_edit_own_items,
    progress_overview,
    progress_records,
    update_progress,
    user_organisations,
    user_progress,
)


def _organisation_for(request: HttpRequest, organisation_id: int) -> OrganisationPage:
    organisation = get_object_or_404(OrganisationPage, pk=organisation_id)
    if not user_organisations(request.user).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    return organisation


def index(request: HttpRequest) -> HttpResponse:
    organisations = list(user_organisations(request.user))
    if len(organisations) == 1:
        return redirect("toolkit_progress_overview", organisations[0].pk)
    return TemplateResponse(
        request, "toolkit/admin/progress_index.html", {"organisations": organisations}
    )


def overview(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = _organisation_for(request, organisation_id)
    return TemplateResponse(
        request,
        "toolkit/admin/progress_overview.html",
        {
            "organisation": organisation,
            "phases": progress_overview(organisation),
            "may_edit_own_items": may_edit_own_items(request.user, organisation),
        },
    )


def edit(request: HttpRequest, organisation_id: int, item_id: int) -> HttpResponse:
    organisation = _organisation_for(request, organisation_id)
    progress_records(organisation)  # make sure the record exists
    progress = get_object_or_404(
        user_progress(request.user, "change").select_related("item__heading"),
        organisation=organisation,
        item_id=item_id,
    )
    form = ProgressForm(request.POST or None, instance=progress, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        update_progress(progress, request.user, **form.cleaned_data)
        messages.success(request, _("Voortgang opgeslagen."))
        return redirect("toolkit_progress_overview", organisation.pk)
    history = progress.history.select_related("changed_by")
    return TemplateResponse(
        request,
        "toolkit/admin/progress_edit.html",
        {
            "organisation": organisation,
            "progress": progress,
            "form": form,
            "history": history,
            "may_edit_own_items": may_edit_own_items(request.user, organisation),
        },
    )
