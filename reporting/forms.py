"""Forms of the coordinator: an avoidance signal and the conclusions of the yearly evaluation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from meldingen.models import AvoidanceSignal, Melding
from reporting.models import EvaluationReport, RetentionPolicy


class AvoidanceSignalForm(forms.ModelForm):
    reference = forms.CharField(
        label=_("Kenmerk van de melding (optioneel)"),
        required=False,
        max_length=16,
        help_text=_("Bijvoorbeeld VB-7K3M-Q9TX; leeg als het signaal los staat."),
    )

    class Meta:
        model = AvoidanceSignal
        fields = ["organisation", "kind", "reporter_role", "by_colleague", "observed_on"]
        widgets = {"observed_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None

    def clean(self):
        cleaned = super().clean()
        reference = (cleaned.get("reference") or "").strip().upper()
        organisation = cleaned.get("organisation")
        if reference and organisation:
            melding = Melding.objects.filter(organisation=organisation, reference=reference).first()
            if melding is None:
                self.add_error("reference", _("Geen melding met dit kenmerk bij deze organisatie."))
            self.instance.melding = melding
        return cleaned


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = EvaluationReport
        fields = ["conclusions", "actions"]
        widgets = {
            "conclusions": forms.Textarea(attrs={"rows": 6}),
            "actions": forms.Textarea(attrs={"rows": 6}),
        }


class RetentionForm(forms.ModelForm):
    class Meta:
        model = RetentionPolicy
        fields = ["years", "decided_on"]
        widgets = {"decided_on": forms.DateInput(attrs={"type": "date"})}
