"""Public intake: the melding form on an organisation's Melden page and its confirmation."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from meldingen.forms import MeldingForm
from meldingen.intake import RATE_LIMITED_MESSAGE, run_intake
from meldingen.models import Melding

SESSION_KEY = "melding_confirmation"


def _initial_for(user) -> dict:
    if not user.is_authenticated:
        return {}
    return {"name": user.get_full_name(), "email": user.email}


def _render(request, page, form, status=200, **extra):
    context = page.get_context(request) | {"form": form, **extra}
    return TemplateResponse(request, "meldingen/melden_page.html", context, status=status)


@never_cache
def intake(request, page):
    if not page.accept_without_account and not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(page.url)
        return _render(request, page, None, login_required=True)

    questions = page.extra_questions
    if request.method != "POST":
        form = MeldingForm(initial=_initial_for(request.user), extra_questions=questions)
        return _render(request, page, form)

    result = run_intake(request, page, request.POST, request.FILES)
    if result.rate_limited:
        return _render(request, page, result.form, status=429, rate_limited=RATE_LIMITED_MESSAGE)
    if result.melding is None:
        return _render(request, page, result.form, status=400)
    melding = result.melding
    # The transaction has committed here: only now is the confirmation shown.
    request.session[SESSION_KEY] = melding.reference
    return redirect(page.url + page.reverse_subpage("confirmation_view"))


@never_cache
def confirmation(request, page):
    reference = request.session.get(SESSION_KEY)
    melding = Melding.objects.filter(reference=reference, organisation=page.organisation).first()
    if melding is None:
        return redirect(page.url)
    context = page.get_context(request) | {"melding": melding}
    return TemplateResponse(request, "meldingen/melding_confirmation.html", context)
