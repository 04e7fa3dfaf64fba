"""What a reporter can do with their own meldingen (Mijn meldingen and the app): list them and
add information later. Shared by the HTML pages and the JSON API."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from django import forms
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.ratelimit import hit
from meldingen.attachments import check_uploads
from meldingen.forms import MeldingForm
from meldingen.models import Melding, MeldingAddition, MeldingHistory, NazorgContact
from meldingen.services import add_information
from meldingen.status import CLOSED_STATUSES

ADDITION_RATE_LIMITED_MESSAGE = _(
    "U heeft in korte tijd veel aanvullingen verstuurd. Wacht een paar minuten en probeer het "
    "opnieuw; uw tekst staat er nog. Bij acuut gevaar: bel 112."
)


def timeline_prefetches() -> list:
    """What a melding's timeline reads, for prefetch_related."""
    return [
        "behaviours",
        Prefetch("history", queryset=MeldingHistory.objects.order_by("at", "pk")),
        Prefetch("additions", queryset=MeldingAddition.objects.prefetch_related("attachments")),
    ]


def own_meldingen(user) -> QuerySet[Melding]:
    """Only the meldingen this user reported, newest first, ready for a timeline."""
    if not user.is_authenticated:
        return Melding.objects.none()
    return (
        Melding.objects.filter(reporter=user)
        .select_related("organisation")
        .prefetch_related(*timeline_prefetches())
        .order_by("-created_at")
    )


class AdditionForm(forms.Form):
    text = forms.CharField(
        label=_("Wat wilt u toevoegen?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
        help_text=_(
            "Bijvoorbeeld wat er daarna gebeurde, een nieuwe getuige of een registratienummer "
            "van de politie."
        ),
        error_messages={"required": _("Schrijf wat u wilt toevoegen.")},
    )
    # Same field, limits and checks as the intake form.
    attachments = copy.deepcopy(MeldingForm.base_fields["attachments"])

    def clean_attachments(self):
        return check_uploads(self.cleaned_data.get("attachments") or [])


class CheckInForm(forms.Form):
    text = forms.CharField(
        label=_("Hoe gaat het nu met u?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5_000,
        help_text=_(
            "Alleen de veiligheidscoördinator van uw organisatie leest dit. Schrijf ook of u "
            "hulp wilt, bijvoorbeeld een gesprek of contact met Slachtofferhulp."
        ),
        error_messages={"required": _("Schrijf een antwoord.")},
    )


def open_checkins(melding: Melding) -> QuerySet[NazorgContact]:
    """Nazorg contacts that are due and that the reporter has not answered yet."""
    if melding.status in CLOSED_STATUSES:
        return NazorgContact.objects.none()
    return melding.nazorg.filter(due_on__lte=timezone.localdate(), answered_at__isnull=True)


@dataclass
class AdditionResult:
    form: AdditionForm
    addition: MeldingAddition | None = None
    rate_limited: bool = False


def run_addition(request, melding: Melding, data, files) -> AdditionResult:
    """Rate-limit, validate and store information the reporter adds to their own melding."""
    form = AdditionForm(data, files)
    if not hit("aanvulling", f"user{request.user.pk}"):
        form.is_valid()
        return AdditionResult(form, rate_limited=True)
    if not form.is_valid():
        return AdditionResult(form)
    addition = add_information(
        melding,
        author=request.user,
        text=form.cleaned_data["text"],
        attachments=form.cleaned_data["attachments"],
    )
    return AdditionResult(form, addition)
