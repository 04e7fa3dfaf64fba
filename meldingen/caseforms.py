"""Forms of the coordinator's case handling after intake (aangifte, measures, nazorg, closing,
evaluation). They only check the shape of the input; meldingen.casework checks what the case
allows and says so in Dutch (CaseError). Used by meldingen.views.casework and, unbound or
prefilled, on the case page (workflows)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldingen.models import (
    Aangifte,
    AangifteFiler,
    AangifteStatus,
    CloseOutcome,
    DeciderRole,
    Domicile,
    Measure,
    MeasureStep,
    NazorgContact,
    NazorgOutcome,
    Objection,
)

# The messages of meldingen.casework, also given by the form when the field is left empty.
JUSTIFICATION_REQUIRED = _("Onderbouw de maatregel: waarom is hij nodig en evenredig?")
REASON_REQUIRED = _("Geef aan waarom de melding wordt heropend.")


def _choices(choices, prompt) -> list[tuple[str, str]]:
    return [("", prompt), *choices]


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label, *, required: bool = True, help_text: str = "", **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        help_text=help_text,
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 23-11-2026.")},
        **kwargs,
    )


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class AangifteForm(forms.Form):
    filer = forms.ChoiceField(
        label=_("Wie doet aangifte?"),
        choices=_choices(AangifteFiler.choices, _("Kies wie aangifte doet")),
        help_text=_("De organisatie mag als werkgever zelf aangifte doen."),
    )
    domicile = forms.ChoiceField(
        label=_("Welk adres komt in het dossier?"),
        choices=_choices(Domicile.choices, _("Kies het adres")),
        help_text=_(
            "De verdachte kan het proces-verbaal inzien: gebruik nooit het huisadres, maar het "
            "werkadres (domiciliekeuze) of aangifte onder nummer."
        ),
    )
    status = forms.ChoiceField(
        label=_("Stand van de aangifte"),
        choices=_choices(AangifteStatus.choices, _("Kies de stand")),
    )
    vpt_requested = forms.BooleanField(
        label=_("VPT-code gevraagd"),
        required=False,
        help_text=_(
            "Alleen met de VPT-code (Veilige Publieke Taak) gelden de Eenduidige Landelijke "
            "Afspraken van politie en OM."
        ),
    )
    police_number = forms.CharField(
        label=_("Registratienummer politie"),
        required=False,
        max_length=100,
        help_text=_("Het nummer van de aangifte of het proces-verbaal. Wordt versleuteld bewaard."),
    )
    filed_on = date_field(
        _("Datum aangifte"),
        required=False,
        help_text=_("Verplicht als de aangifte gedaan is."),
    )

    @classmethod
    def initial_from(cls, aangifte: Aangifte | None) -> dict:
        if aangifte is None:
            return {}
        return {
            "filer": aangifte.filer,
            "domicile": aangifte.domicile,
            "status": aangifte.status,
            "vpt_requested": aangifte.vpt_requested,
            "police_number": aangifte.police_number,
            "filed_on": aangifte.filed_on,
        }


class MeasureStepField(forms.ModelChoiceField):
    """The ladder, light to heavy; restrictive steps say that they need an end date."""

    def label_from_instance(self, obj: MeasureStep) -> str:
        if obj.restrictive:
            return str(_("%(name)s (beperkend: einddatum nodig)") % {"name": obj.name})
        return obj.name


class MeasureForm(forms.Form):
    step = MeasureStepField(
        label=_("Maatregel"),
        queryset=MeasureStep.objects.order_by("sort_order", "pk"),
        empty_label=_("Kies een stap van de maatregelenladder"),
        help_text=_(
            "Van licht naar zwaar. Een beperkende maatregel is een besluit met een einddatum dat "
            "aan de betrokkene wordt meegedeeld en waartegen bezwaar mogelijk is."
        ),
    )
    decided_by_role = forms.ChoiceField(
        label=_("Besloten door (rol)"),
        choices=_choices(DeciderRole.choices, _("Kies wie besloot")),
    )
    decided_by_name = forms.CharField(
        label=_("Besloten door (naam)"),
        max_length=200,
        help_text=_("Naam van de bestuurder of functionaris die besloot."),
    )
    decided_on = date_field(_("Datum besluit"))
    justification = forms.CharField(
        label=_("Onderbouwing"),
        widget=textarea(4),
        max_length=5000,
        help_text=_(
            "Waarom is deze maatregel nodig en evenredig? Beschrijf het gedrag, niet de mening "
            "van de betrokkene: kritiek op een besluit is geen reden voor een maatregel."
        ),
        error_messages={"required": JUSTIFICATION_REQUIRED},
    )
    ends_on = date_field(
        _("Geldt tot en met"),
        required=False,
        help_text=_("Verplicht bij een beperkende maatregel, bijvoorbeeld drie maanden."),
    )
    told_on = date_field(
        _("Meegedeeld aan de betrokkene op"),
        required=False,
        help_text=_("Leeg laten als het besluit nog niet is meegedeeld."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"decided_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class ObjectionForm(forms.Form):
    objection = forms.ChoiceField(label=_("Bezwaar"), choices=Objection.choices)
    outcome = forms.CharField(
        label=_("Uitkomst van het bezwaar"),
        required=False,
        widget=textarea(3),
        max_length=5000,
        help_text=_("Verplicht als het bezwaar gegrond of ongegrond is verklaard."),
    )
    told_on = date_field(
        _("Meegedeeld aan de betrokkene op"),
        required=False,
        help_text=_("Wanneer het besluit aan de betrokkene is meegedeeld."),
    )

    @classmethod
    def initial_from(cls, measure: Measure) -> dict:
        return {
            "objection": measure.objection,
            "outcome": measure.objection_outcome,
            "told_on": measure.told_on,
        }


class NazorgAddForm(forms.Form):
    due_on = date_field(
        _("Gepland op"),
        help_text=_("Een extra contactmoment met de melder, vandaag of later."),
    )


class NazorgForm(forms.Form):
    done_on = date_field(_("Gedaan op"))
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=_choices(NazorgOutcome.choices, _("Kies de uitkomst")),
        error_messages={"required": _("Kies de uitkomst van het contact.")},
    )
    note = forms.CharField(
        label=_("Aantekening"),
        required=False,
        widget=textarea(3),
        max_length=5000,
        help_text=_(
            "Bijvoorbeeld: vermijdt de melder vergaderingen of onderwerpen? Wordt versleuteld "
            "bewaard."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"done_on": timezone.localdate()})
        super().__init__(*args, **kwargs)

    @classmethod
    def initial_from(cls, contact: NazorgContact) -> dict:
        return {
            "done_on": contact.done_on or timezone.localdate(),
            "outcome": contact.outcome,
            "note": contact.note,
        }


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=CloseOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de uitkomst van de melding.")},
    )
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=textarea(3),
        max_length=5000,
        help_text=_("Wordt versleuteld bewaard. Afsluiten start de bewaartermijn."),
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom wordt de melding heropend?"),
        widget=textarea(3),
        max_length=5000,
        error_messages={"required": REASON_REQUIRED},
    )


class EvaluationForm(forms.Form):
    held_on = date_field(_("Nabesproken op"))
    with_reporter = forms.BooleanField(
        label=_("Met de melder nabesproken"), required=False, initial=True
    )
    lessons = forms.CharField(
        label=_("Wat we leren"),
        required=False,
        widget=textarea(4),
        max_length=5000,
        help_text=_(
            "Lessen voor het protocol en de organisatie. Noem geen namen: dit telt mee in de "
            "jaarlijkse evaluatie."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"held_on": timezone.localdate(), "with_reporter": True})
        super().__init__(*args, **kwargs)
