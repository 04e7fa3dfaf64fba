"""Admin views for an organisation's own checklist items: its editors add, change and remove
them; every member of the organisation keeps the progress on them (toolkit.views.progress)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.models import OrganisationPage

from ..forms import OwnItemForm
from ..models import ChecklistHeading, ChecklistItem
from ..progress import may_edit_own_items


def _organisation_for_editor(request: HttpRequest, organisation_id: int) -> OrganisationPage:
    organisation = get_object_or_404(OrganisationPage, pk=organisation_id)
    if not may_edit_own_items(request.user, organisation):
        raise PermissionDenied
    return organisation


def edit(
    request: HttpRequest,
    organisation_id: int,
    heading_id: int | None = None,
    item_id: int | None = None,
) -> HttpResponse:
    """Add an own item under a heading (heading_id) or change one (item_id)."""
    organisation = _organisation_for_editor(request, organisation_id)
    if item_id is not None:
        item = get_object_or_404(ChecklistItem, pk=item_id, organisation=organisation)
        heading = item.heading
    else:
        item, heading = None, get_object_or_404(ChecklistHeading, pk=heading_id)
    form = OwnItemForm(
        request.POST or None, instance=item, organisation=organisation, heading=heading
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Eigen punt opgeslagen."))
        return redirect("toolkit_progress_overview", organisation.pk)
    return TemplateResponse(
        request,
        "toolkit/admin/own_item_edit.html",
        {"organisation": organisation, "heading": heading, "item": item, "form": form},
    )


def delete(request: HttpRequest, organisation_id: int, item_id: int) -> HttpResponse:
    """Remove an own item with its progress and history, after confirmation."""
    organisation = _organisation_for_editor(request, organisation_id)
    item = get_object_or_404(ChecklistItem, pk=item_id, organisation=organisation)
    if request.method == "POST":
        item.delete()
        messages.success(request, _("Eigen punt verwijderd."))
        return redirect("toolkit_progress_overview", organisation.pk)
    return TemplateResponse(
        request,
        "toolkit/admin/own_item_delete.html",
        {"organisation": organisation, "item": item},
    )
