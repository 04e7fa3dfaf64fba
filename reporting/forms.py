"""Forms of the coordinator: an avoidance signal, the conclusions of the yearly evaluation, the
retention period and the purpose of an export with personal data."""

from __future__ import annotations

from django import forms
from django.db import models
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


class ExportPurpose(models.TextChoices):
    DATA_SUBJECT = "betrokkene", _("Verzoek van de betrokkene (AVG)")
    CRIMINAL_CASE = "strafzaak", _("Aangifte of strafzaak")
    INCIDENT = "incident", _("Evaluatie van een incident")
    SUPERVISOR = "toezicht", _("Verantwoording aan toezichthouder")
    OTHER = "anders", _("Anders, namelijk ...")


class PersonalExportForm(forms.Form):
    """What an export with personal data is for, in which format, and the promise to use it for
    that alone. The purpose goes into the watermark and the audit trail."""

    purpose = forms.ChoiceField(
        label=_("Doel van de export"),
        choices=ExportPurpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waarvoor je de persoonsgegevens exporteert.")},
    )
    purpose_other = forms.CharField(
        label=_("Ander doel"),
        required=False,
        max_length=150,
        help_text=_(
            "Alleen bij 'Anders'. Zonder namen of andere persoonsgegevens: het doel komt in de "
            "audittrail en bovenaan het bestand."
        ),
    )
    format = forms.ChoiceField(
        label=_("Bestandsformaat"),
        choices=[("xlsx", _("Excel (XLSX)")), ("csv", _("CSV"))],
        initial="xlsx",
        widget=forms.RadioSelect,
    )
    confirm = forms.BooleanField(
        label=_(
            "Ik gebruik deze persoonsgegevens alleen voor dit doel en bewaar het bestand niet "
            "langer dan nodig."
        ),
        error_messages={
            "required": _(
                "Bevestig dat je de persoonsgegevens alleen voor dit doel gebruikt en het bestand "
                "niet langer bewaart dan nodig."
            )
        },
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["purpose_other"] = " ".join((cleaned.get("purpose_other") or "").split())
        if cleaned.get("purpose") == ExportPurpose.OTHER and not cleaned["purpose_other"]:
            self.add_error("purpose_other", _("Beschrijf het doel als je 'Anders' kiest."))
        return cleaned

    def purpose_text(self) -> str:
        """The purpose in words, for the watermark and the audit trail."""
        purpose = ExportPurpose(self.cleaned_data["purpose"])
        if purpose == ExportPurpose.OTHER:
            return str(_("Anders: %(text)s")) % {"text": self.cleaned_data["purpose_other"]}
        return str(purpose.label)
