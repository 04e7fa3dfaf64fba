"""Erasing a melding's personal data early, on request of a data subject (AVG): a confirmation
page asking for the reason, then the same erasure as the retention purge
(reporting.erasure). Only the veiligheidscoördinatoren of the melding's
organisation and the beheerder reach it: the melding is looked up in their scope (404 for
everyone else, as in the rest of the moderation admin)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldingen.permissions import coordinator_melding
from reporting.erasure import AlreadyErased, erase_personal_data, erasure_of
from reporting.models import PurgeReason


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reden"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Op welk verzoek je handelt, bijvoorbeeld: AVG-verzoek van betrokkene d.d. 12 maart "
            "2026. Wordt versleuteld bewaard in de verwijderregistratie."
        ),
        error_messages={
            "required": gettext_lazy(
                "Vul de reden in, bijvoorbeeld: AVG-verzoek van betrokkene d.d. 12 maart 2026."
            )
        },
    )


def _already_erased(request, melding, record):
    messages.info(
        request,
        _("De persoonsgegevens van melding %(reference)s zijn al gewist op %(date)s.")
        % {
            "reference": melding.reference,
            "date": date_format(localtime(record.purged_at), "j F Y"),
        },
    )
    return redirect("melding_detail", melding.pk)


def erase_view(request, pk):
    melding = coordinator_melding(request, pk)
    if (record := erasure_of(melding)) is not None:
        return _already_erased(request, melding, record)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            erase_personal_data(
                melding,
                reason_kind=PurgeReason.REQUEST,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except AlreadyErased:  # someone else was just ahead
            return _already_erased(request, melding, erasure_of(melding))
        messages.success(
            request,
            _(
                "De persoonsgegevens van melding %(reference)s zijn gewist. De melding telt "
                "zonder persoonsgegevens mee in de cijfers; het wissen staat in de "
                "verwijderregistratie en de audittrail."
            )
            % {"reference": melding.reference},
        )
        return redirect("melding_detail", melding.pk)
    return TemplateResponse(
        request,
        "reporting/admin/erase.html",
        {
            "page_title": _("Persoonsgegevens wissen op verzoek"),
            "melding": melding,
            "form": form,
            "attachment_count": melding.attachments.count(),
            "addition_count": melding.additions.count(),
        },
        status=400 if form.errors else 200,
    )
