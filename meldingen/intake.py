"""The intake flow shared by the HTML form and the JSON API: one rate limit, one validation
(MeldingForm), one door for storing (submit_melding)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from core.ratelimit import client_ip, hit
from meldingen.forms import MeldingForm
from meldingen.models import Melding
from meldingen.services import submit_melding

if TYPE_CHECKING:
    from meldingen.pages import MeldenPage

RATE_LIMITED_MESSAGE = _(
    "Er zijn in korte tijd te veel meldingen verstuurd vanaf dit adres. Wacht een paar "
    "minuten en verstuur het formulier opnieuw; uw ingevulde tekst staat er nog. "
    "Bij acuut gevaar: bel 112."
)


@dataclass
class IntakeResult:
    form: MeldingForm
    melding: Melding | None = None
    rate_limited: bool = False


def rate_key(request) -> str:
    """Per user when logged in (web and app share the budget), else per address."""
    user = request.user
    return f"user{user.pk}" if user.is_authenticated else client_ip(request)


def run_intake(request, page: MeldenPage, data, files) -> IntakeResult:
    """Rate-limit, validate and store one melding for page's organisation.

    On a limit or invalid input nothing is stored and the bound form (with its errors) is
    returned, so the caller can show what was typed.
    """
    form = MeldingForm(data, files, extra_questions=page.extra_questions)
    if not hit("intake", rate_key(request)):
        form.is_valid()  # field errors too, if any
        return IntakeResult(form, rate_limited=True)
    if not form.is_valid():
        return IntakeResult(form)
    melding = submit_melding(
        organisation=page.organisation,
        data=form.cleaned_data,
        reporter=request.user,
        attachments=form.cleaned_data["attachments"],
        extra_answers=form.extra_answers(),
    )
    return IntakeResult(form, melding)
