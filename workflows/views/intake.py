"""Public intake: the melding form on an organisation's Melden page and its confirmation."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..forms import MeldingForm
from ..models import Melding
from ..ratelimit import client_ip, hit
from ..services import submit_melding

SESSION_KEY = "melding_confirmation"


def _initial_for(user) -> dict:
    if not user.is_authenticated:
        return {}
    return {"name": user.get_full_name(), "email": user.email}


def _render(request, page, form, status=200, **extra):
    context = page.get_context(request) | {"form": form, **extra}
    return TemplateResponse(request, "workflows/melden_page.html", context, status=status)


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

    form = MeldingForm(request.POST, request.FILES, extra_questions=questions)
    rate_key = f"user{request.user.pk}" if request.user.is_authenticated else client_ip(request)
    if not hit("intake", rate_key):
        form.is_valid()  # keep what was typed, with field errors if any
        message = _(
            "Er zijn in korte tijd te veel meldingen verstuurd vanaf dit adres. Wacht een paar "
            "minuten en verstuur het formulier opnieuw; uw ingevulde tekst staat er nog. "
            "Bij acuut gevaar: bel 112."
        )
        return _render(request, page, form, status=429, rate_limited=message)
    if not form.is_valid():
        return _render(request, page, form, status=400)

    melding = submit_melding(
        organisation=page.organisation,
        data=form.cleaned_data,
        reporter=request.user,
        attachments=form.cleaned_data["attachments"],
        extra_answers=form.extra_answers(),
    )
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
    return TemplateResponse(request, "workflows/melding_confirmation.html", context)
