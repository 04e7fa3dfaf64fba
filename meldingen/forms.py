"""The intake form: the fixed core schema plus the organisation's own questions."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldingen.attachments import allowed_formats, check_uploads
from meldingen.models import AvoidanceKind
from meldingen.models.choices import (
    BehaviourKind,
    Channel,
    PerpetratorKnown,
    Place,
    ReporterRole,
    Target,
    Wish,
)

YES_NO_UNKNOWN = [("ja", _("Ja")), ("nee", _("Nee")), ("onbekend", _("Weet ik niet"))]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class MeldingForm(forms.Form):
    acute_danger = forms.BooleanField(
        label=_("Er is nu acuut gevaar of het incident is nog gaande"),
        required=False,
        help_text=_("Bel dan eerst 112. U kunt daarna dit formulier invullen."),
    )
    # What happened
    kinds = forms.MultipleChoiceField(
        label=_("Wat is er gebeurd?"),
        choices=BehaviourKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies alles wat van toepassing is."),
        error_messages={"required": _("Kies ten minste één soort gedrag.")},
    )
    occurred_at = forms.DateTimeField(
        label=_("Wanneer gebeurde het?"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        help_text=_("Datum en tijd, zo precies als u weet."),
        error_messages={
            "required": _("Vul in wanneer het gebeurde."),
            "invalid": _("Vul een geldige datum en tijd in, bijvoorbeeld 23-11-2026 14:30."),
        },
    )
    place = forms.ChoiceField(
        label=_("Waar gebeurde het?"),
        choices=[("", _("Kies een plaats")), *Place.choices],
        error_messages={"required": _("Kies waar het gebeurde.")},
    )
    channel = forms.ChoiceField(
        label=_("Hoe kwam het bij u binnen?"),
        choices=[("", _("Kies een kanaal")), *Channel.choices],
        error_messages={"required": _("Kies hoe het bij u binnenkwam.")},
    )
    description = forms.CharField(
        label=_("Beschrijf wat er gebeurde"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        help_text=_("Schrijf zo letterlijk mogelijk op wat er werd gezegd of gedaan."),
        error_messages={"required": _("Beschrijf kort wat er gebeurde.")},
    )
    targets = forms.MultipleChoiceField(
        label=_("Tegen wie was het gericht?"),
        choices=Target.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    related_to_office = forms.ChoiceField(
        label=_("Heeft het te maken met uw functie?"),
        choices=YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
        initial="ja",
    )
    perpetrator_known = forms.ChoiceField(
        label=_("Weet u wie de dader is?"),
        choices=PerpetratorKnown.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Geef aan of u weet wie de dader is.")},
    )
    perpetrator_description = forms.CharField(
        label=_("Beschrijving van de dader"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5_000,
        help_text=_("Bijvoorbeeld geslacht, leeftijd, kleding, voertuig of account."),
    )
    repeated = forms.BooleanField(
        label=_("Dit is eerder gebeurd met dezelfde persoon of groep"), required=False
    )
    witnesses = forms.CharField(
        label=_("Getuigen"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2_000,
    )
    impact = forms.CharField(
        label=_("Gevolgen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5_000,
        help_text=_("Letsel, schade, en wat het met u of uw naasten doet."),
    )
    avoidance = forms.MultipleChoiceField(
        label=_("Merkt u dat u door dit soort voorvallen dingen vermijdt of overweegt?"),
        choices=AvoidanceKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Vermijdingsgedrag telt mee in de cijfers van uw organisatie, anoniem."),
    )
    police_involved = forms.BooleanField(
        label=_("Ik heb al contact gehad met de politie of 112"), required=False
    )
    police_reference = forms.CharField(
        label=_("Registratienummer van de politie"), required=False, max_length=60
    )
    wishes = forms.MultipleChoiceField(
        label=_("Wat wilt u?"),
        choices=Wish.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één wens.")},
    )
    consent_to_share = forms.BooleanField(
        label=_(
            "Mijn melding mag gedeeld worden met de ketenpartners die nodig zijn voor de opvolging "
            "(zoals politie of Openbaar Ministerie)"
        ),
        required=False,
        help_text=_("Zonder toestemming blijft de melding binnen uw eigen organisatie."),
    )
    attachments = MultipleFileField(
        label=_("Bewijs (foto's, schermafbeeldingen, geluid, documenten)"),
        required=False,
        help_text=_("Toegestaan: %(formats)s.") % {"formats": allowed_formats()},
    )
    # Who reports
    reporter_role = forms.ChoiceField(
        label=_("Uw functie"),
        choices=[("", _("Kies uw functie")), *ReporterRole.choices],
        error_messages={"required": _("Kies uw functie.")},
    )
    on_behalf_of = forms.CharField(
        label=_("Meldt u namens iemand anders? Naam van die persoon"),
        required=False,
        max_length=200,
    )
    name = forms.CharField(
        label=_("Uw naam"), max_length=200, error_messages={"required": _("Vul uw naam in.")}
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        help_text=_("Hierheen sturen we de bevestiging (zonder inhoud van de melding)."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."),
        },
    )
    phone = forms.CharField(label=_("Uw telefoonnummer"), required=False, max_length=30)

    def __init__(self, *args, extra_questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.extra_fields: list[tuple[str, str]] = []
        for block in extra_questions:
            field_name = f"extra_{block.id}"
            self.fields[field_name] = self._extra_field(block.value)
            self.extra_fields.append((field_name, block.value["label"]))

    @staticmethod
    def _extra_field(question) -> forms.Field:
        common = {
            "label": question["label"],
            "help_text": question.get("help_text", ""),
            "required": bool(question.get("required")),
        }
        answer_type = question.get("answer_type")
        if answer_type == "textarea":
            return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)
        if answer_type == "yes_no":
            return forms.ChoiceField(
                choices=[("ja", _("Ja")), ("nee", _("Nee"))], widget=forms.RadioSelect, **common
            )
        if answer_type == "choice":
            options = [o.strip() for o in (question.get("options") or "").splitlines() if o.strip()]
            return forms.ChoiceField(choices=[("", "---"), *[(o, o) for o in options]], **common)
        return forms.CharField(max_length=1_000, **common)

    def clean_occurred_at(self):
        value = self.cleaned_data["occurred_at"]
        if value > timezone.now() + timezone.timedelta(minutes=5):
            raise ValidationError(_("Het tijdstip ligt in de toekomst."))
        return value

    def clean_attachments(self):
        return check_uploads(self.cleaned_data.get("attachments") or [])

    def extra_answers(self) -> dict[str, str]:
        return {
            label: self.cleaned_data.get(name, "")
            for name, label in self.extra_fields
            if self.cleaned_data.get(name)
        }
