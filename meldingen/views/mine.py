"""Mijn meldingen: a reporter's own meldingen, their timelines, and adding information later.
Per-user pages: login required and never cached."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from meldingen.casework import CaseError, answer_nazorg
from meldingen.reporter import (
    ADDITION_RATE_LIMITED_MESSAGE,
    AdditionForm,
    CheckInForm,
    open_checkins,
    own_meldingen,
    run_addition,
)
from meldingen.timeline import timeline


@never_cache
@login_required
def my_meldingen(request):
    meldingen = [(m, timeline(m)) for m in own_meldingen(request.user)]
    return TemplateResponse(request, "meldingen/mijn_meldingen.html", {"meldingen": meldingen})


@never_cache
@login_required
def melding_detail(request, reference: str):
    melding = get_object_or_404(own_meldingen(request.user), reference=reference)
    status, extra = 200, {}
    if request.method == "POST":
        result = run_addition(request, melding, request.POST, request.FILES)
        if result.addition is not None:
            messages.success(request, _("Uw aanvulling is toegevoegd aan de melding."))
            return redirect("my_melding", reference=melding.reference)
        form = result.form
        status = 429 if result.rate_limited else 400
        if result.rate_limited:
            extra["rate_limited"] = ADDITION_RATE_LIMITED_MESSAGE
    else:
        form = AdditionForm()
    return _page(request, melding, form, status=status, **extra)


def _page(request, melding, form, *, status=200, checkin_form=None, checkin=None, **extra):
    context = {
        "melding": melding,
        "timeline": timeline(melding),
        "form": form,
        "checkins": [
            (contact, checkin_form if contact == checkin else CheckInForm())
            for contact in open_checkins(melding)
        ],
        **extra,
    }
    return TemplateResponse(request, "meldingen/mijn_melding.html", context, status=status)


@never_cache
@login_required
@require_POST
def answer_checkin(request, reference: str, pk: int):
    """The reporter answers a nazorg check-in of their own melding."""
    melding = get_object_or_404(own_meldingen(request.user), reference=reference)
    contact = get_object_or_404(open_checkins(melding), pk=pk)
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            answer_nazorg(contact, reporter=request.user, text=form.cleaned_data["text"])
        except CaseError as exc:
            form.add_error("text", str(exc))
        else:
            messages.success(request, _("Dank u. De veiligheidscoördinator leest uw antwoord."))
            return redirect("my_melding", reference=melding.reference)
    return _page(request, melding, AdditionForm(), status=400, checkin_form=form, checkin=contact)
