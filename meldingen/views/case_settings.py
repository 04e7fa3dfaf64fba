"""Instellingen meldingen: the coordinator sets the organisation's office hours (for partner
deadlines) and nazorg schedule. One form per organisation the user coordinates."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from meldingen.models import CaseSettings
from meldingen.permissions import coordinated_organisations


class CaseSettingsForm(forms.ModelForm):
    class Meta:
        model = CaseSettings
        fields = ["office_opens", "office_closes", "nazorg_days", "inactivity_weeks"]
        widgets = {
            "office_opens": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "office_closes": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("office_opens"), cleaned.get("office_closes")
        if opens and closes and opens >= closes:
            self.add_error("office_closes", _("Het kantoor moet na het openen sluiten."))
        return cleaned


def case_settings_view(request):
    organisations = list(coordinated_organisations(request.user).order_by("title"))
    if not organisations:
        return redirect("wagtailadmin_home")
    chosen = request.POST.get("organisation") if request.method == "POST" else None
    forms_by_org = []
    status = 200
    for organisation in organisations:
        instance = CaseSettings.objects.filter(organisation=organisation).first()
        instance = instance or CaseSettings(organisation=organisation)
        posted = chosen == str(organisation.pk)
        form = CaseSettingsForm(
            request.POST if posted else None, instance=instance, prefix=f"org{organisation.pk}"
        )
        if posted:
            if form.is_valid():
                form.save()
                messages.success(
                    request,
                    _("Instellingen van %(organisation)s opgeslagen.")
                    % {"organisation": organisation.title},
                )
                return redirect("melding_case_settings")
            status = 400
        forms_by_org.append((organisation, form))
    if chosen and not any(str(o.pk) == chosen for o in organisations):
        raise Http404  # another organisation's settings
    return TemplateResponse(
        request,
        "meldingen/admin/case_settings.html",
        {"page_title": _("Kantoortijden en nazorg"), "forms": forms_by_org},
        status=status,
    )
