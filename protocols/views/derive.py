"""Admin actions of an organisation's editors: derive the protocol, compare with the template,
adopt template changes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from home.models import OrganisationPage

from ..models import ProtocolPage
from ..permissions import can_derive, can_edit_protocol
from ..sections import (
    ProtocolError,
    adopt,
    compare,
    current_template,
    derive_protocol,
    follows_template,
    publications_since,
)


@require_http_methods(["GET", "POST"])
def derive_view(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """Confirm (GET) and create (POST) the organisation's protocol from the national template."""
    organisation = get_object_or_404(OrganisationPage, pk=organisation_id)
    if not can_derive(request.user, organisation):
        raise PermissionDenied
    existing = ProtocolPage.objects.child_of(organisation).first()
    if existing is not None:
        messages.info(request, _("Deze organisatie heeft al een agressieprotocol."))
        return redirect("wagtailadmin_pages:edit", existing.pk)
    if request.method == "POST":
        try:
            protocol = derive_protocol(organisation, user=request.user)
        except ProtocolError as exc:
            messages.error(request, str(exc))
            return redirect("wagtailadmin_explore", organisation.pk)
        messages.success(
            request,
            _(
                "Het agressieprotocol is afgeleid van het landelijke sjabloon. Pas de aanpasbare "
                "secties aan en dien het in ter goedkeuring."
            ),
        )
        return redirect("wagtailadmin_pages:edit", protocol.pk)
    return TemplateResponse(
        request,
        "protocols/admin/derive.html",
        {
            "organisation": organisation,
            "template": current_template(organisation.locale),
            "page_title": _("Agressieprotocol afleiden"),
            "header_icon": "doc-full",
        },
    )


def _editable_protocol(request: HttpRequest, page_id: int) -> ProtocolPage:
    protocol = get_object_or_404(ProtocolPage, pk=page_id)
    if not can_edit_protocol(request.user, protocol):
        raise PermissionDenied
    if not follows_template(protocol):
        # A translation follows its Dutch source (wagtail-localize), not the template.
        raise Http404
    return protocol


@require_http_methods(["GET", "POST"])
def compare_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """Per-section comparison with the current template (GET); adopt or keep sections (POST)."""
    protocol = _editable_protocol(request, page_id)
    if request.method == "POST":
        action = request.POST.get("action")
        keys = None if action == "adopt_all" else request.POST.getlist("section")
        if action not in {"adopt", "keep", "adopt_all"} or keys == []:
            messages.error(request, _("Kies een sectie en een actie."))
            return redirect("protocols_compare", protocol.pk)
        lock = protocol.get_lock()
        if lock and lock.for_user(request.user):
            messages.error(request, _("Deze pagina is vergrendeld; je kunt nu niets overnemen."))
            return redirect("protocols_compare", protocol.pk)
        try:
            adopt(protocol, request.user, keys, keep_own=action == "keep")
        except ProtocolError as exc:
            messages.error(request, str(exc))
            return redirect("protocols_compare", protocol.pk)
        messages.success(
            request,
            _(
                "Verwerkt in een nieuwe conceptversie. Dien het protocol in ter goedkeuring om "
                "de wijziging te publiceren."
            ),
        )
        return redirect("protocols_compare", protocol.pk)
    draft = protocol.get_latest_revision_as_object()
    try:
        comparison = compare(draft)
    except ProtocolError as exc:
        messages.error(request, str(exc))
        return redirect("wagtailadmin_pages:edit", protocol.pk)
    return TemplateResponse(
        request,
        "protocols/admin/compare.html",
        {
            "protocol": protocol,
            "comparison": comparison,
            "versions_behind": publications_since(comparison.template, draft.template_revision_id),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[protocol.pk]),
            "page_title": _("Wijzigingen in het landelijke sjabloon"),
            "header_icon": "doc-full",
        },
    )
