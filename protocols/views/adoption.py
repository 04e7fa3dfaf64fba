"""Admin screen of an organisation's editors: record the adoption (vaststelling) of the published
protocol, or confirm after a publication that the change needs no new decision."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.widgets import AdminDateInput

from home.models import OrganisationPage

from ..decisions import (
    adoption_state,
    bodies_for,
    confirm_without_new_decision,
    default_review_date,
    record_decision,
)
from ..models import AdoptionDecision
from ..sections import ProtocolError
from .derive import _editable_protocol


class DecisionForm(forms.ModelForm):
    class Meta:
        model = AdoptionDecision
        fields = ["adopted_by", "decided_on", "reference", "review_on"]
        widgets = {"decided_on": AdminDateInput(), "review_on": AdminDateInput()}

    def __init__(self, *args, organisation: OrganisationPage | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        bodies = bodies_for(organisation.kind if organisation else None)
        self.fields["adopted_by"].choices = [("", _("Kies wie het besluit nam"))] + [
            (body.value, body.label) for body in bodies
        ]
        self.fields["review_on"].required = False

    def clean(self):
        data = super().clean()
        decided_on, review_on = data.get("decided_on"), data.get("review_on")
        if decided_on and decided_on > timezone.localdate():
            self.add_error(
                "decided_on", gettext_lazy("Een besluit kan niet in de toekomst liggen.")
            )
        if decided_on and review_on and review_on <= decided_on:
            self.add_error(
                "review_on",
                gettext_lazy("De herzieningsdatum moet na de datum van het besluit liggen."),
            )
        return data


@require_http_methods(["GET", "POST"])
def adoption_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """The protocol's adoption: state and history (GET); a new decision or a confirmation that
    the latest publication needs none (POST)."""
    protocol = _editable_protocol(request, page_id)
    organisation = OrganisationPage.for_page(protocol)
    form = DecisionForm(organisation=organisation, initial={"decided_on": timezone.localdate()})
    if request.method == "POST":
        try:
            if request.POST.get("action") == "confirm":
                confirm_without_new_decision(protocol, request.user)
                messages.success(
                    request,
                    _(
                        "Vastgelegd: de wijziging vraagt geen nieuw besluit. De vaststelling "
                        "blijft gelden."
                    ),
                )
                return redirect("wagtailadmin_pages:edit", protocol.pk)
            form = DecisionForm(request.POST, organisation=organisation)
            if form.is_valid():
                decision = record_decision(
                    protocol,
                    request.user,
                    **{name: form.cleaned_data[name] for name in form.Meta.fields},
                )
                messages.success(
                    request,
                    _("Vaststelling vastgelegd: door %(body)s op %(date)s.")
                    % {
                        "body": decision.body_phrase,
                        "date": decision.decided_on.strftime("%d-%m-%Y"),
                    },
                )
                return redirect("wagtailadmin_pages:edit", protocol.pk)
        except ProtocolError as exc:
            messages.error(request, str(exc))
            return redirect("protocols_adoption", protocol.pk)
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "protocols/admin/adoption.html",
        {
            "protocol": protocol,
            "organisation": organisation,
            "state": adoption_state(protocol),
            "after_publish": "na_publicatie" in request.GET,
            "form": form,
            "default_review": default_review_date(organisation, today),
            "decisions": protocol.adoptions.select_related("recorded_by"),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[protocol.pk]),
            "page_title": _("Vaststelling van het agressieprotocol"),
            "header_icon": "doc-full",
        },
    )
