"""The intake form: the fixed core schema plus the organisation's own questions."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.choices import share_fixed_choices
from meldingen import consent
from meldingen.attachments import allowed_formats, check_uploads
from meldingen.models import AvoidanceKind
from meldingen.models.choices import (
    BehaviourKind,
    Channel,
    OnlinePlatform,
    PerpetratorKnown,
    PerpetratorType,
    Place,
    ReporterRole,
    SupportWish,
    Target,
    Wish,
)


# Answers to a yes/no question the reporter may not know (stored as True, False, None). No
# docstring: the API schema would show it as the enum's description.
class YesNoUnknown(models.TextChoices):
    YES = "ja", _("Ja")
    NO = "nee", _("Nee")
    UNKNOWN = "onbekend", _("Weet ik niet")


# For every fixed choice of the core schema: the same words on the web form and in the API.
INVALID_CHOICE = _("'%(value)s' is geen van de mogelijke antwoorden. Kies uit de lijst.")
CHOICE_ERRORS = {"invalid_choice": INVALID_CHOICE}


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
    """The fixed core schema. The API (meldingen.api.schemas.MeldingIn) has the same fields and
    is validated here too, so the web form and the meldapp answer with the same Dutch
    messages. meldingen.steps groups the fields into the web form's steps."""

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
        error_messages={"required": _("Kies ten minste één soort gedrag."), **CHOICE_ERRORS},
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
        error_messages={"required": _("Kies waar het gebeurde."), **CHOICE_ERRORS},
    )
    channel = forms.ChoiceField(
        label=_("Hoe kwam het bij u binnen?"),
        choices=[("", _("Kies een kanaal")), *Channel.choices],
        error_messages={"required": _("Kies hoe het bij u binnenkwam."), **CHOICE_ERRORS},
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
        error_messages=CHOICE_ERRORS,
    )
    related_to_office = forms.ChoiceField(
        label=_("Heeft het te maken met uw functie?"),
        choices=YesNoUnknown.choices,
        widget=forms.RadioSelect,
        initial=YesNoUnknown.YES,
        error_messages={
            "required": _("Geef aan of het te maken heeft met uw functie."),
            **CHOICE_ERRORS,
        },
    )
    # Online: asked of everyone, answered when it happened online (kinds online or doxing, or
    # channel social media, messaging app or e-mail).
    online_platform = forms.ChoiceField(
        label=_("Op welk platform of in welke app?"),
        choices=[("", _("Kies een platform")), *OnlinePlatform.choices],
        required=False,
        error_messages=CHOICE_ERRORS,
    )
    online_links = forms.CharField(
        label=_("Links naar de berichten of het account"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2_000,
        help_text=_(
            "Eén link per regel. Maak ook schermafbeeldingen met datum en tijd: berichten kunnen "
            "worden verwijderd."
        ),
    )
    online_accounts = forms.CharField(
        label=_("Accountnaam of telefoonnummer van de afzender"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=1_000,
        help_text=_("Bijvoorbeeld @gebruikersnaam. Meerdere accounts: één per regel."),
    )
    # The perpetrator
    perpetrator_known = forms.ChoiceField(
        label=_("Weet u wie de dader is?"),
        choices=PerpetratorKnown.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Geef aan of u weet wie de dader is."), **CHOICE_ERRORS},
    )
    perpetrator_type = forms.ChoiceField(
        label=_("Wie of wat is de dader?"),
        choices=PerpetratorType.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=CHOICE_ERRORS,
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
    # Consequences and evidence
    impact = forms.CharField(
        label=_("Gevolgen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5_000,
        help_text=_("Letsel, schade, en wat het met u of uw naasten doet."),
    )
    worried_about_home = forms.BooleanField(
        label=_("Ik maak me zorgen over de veiligheid thuis of van mijn gezin"),
        required=False,
        help_text=_(
            "Dan bespreken we met u wat nodig is, bijvoorbeeld advies over beveiliging van uw "
            "woning."
        ),
    )
    avoidance = forms.MultipleChoiceField(
        label=_("Merkt u dat u door dit soort voorvallen dingen vermijdt of overweegt?"),
        choices=AvoidanceKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Vermijdingsgedrag telt mee in de cijfers van uw organisatie, anoniem."),
        error_messages=CHOICE_ERRORS,
    )
    attachments = MultipleFileField(
        label=_("Bewijs (foto's, schermafbeeldingen, geluid, documenten)"),
        required=False,
        help_text=_("Toegestaan: %(formats)s.") % {"formats": allowed_formats()},
    )
    # Police and aangifte
    police_involved = forms.BooleanField(
        label=_("Ik heb al contact gehad met de politie of 112"), required=False
    )
    aangifte_made = forms.ChoiceField(
        label=_("Heeft u al aangifte gedaan?"),
        choices=YesNoUnknown.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=CHOICE_ERRORS,
    )
    police_reference = forms.CharField(
        label=_("Registratienummer van de politie"),
        required=False,
        max_length=60,
        help_text=_("Het nummer van uw aangifte of melding bij de politie, als u dat heeft."),
    )
    # Wishes, support and consent
    wishes = forms.MultipleChoiceField(
        label=_("Wat wilt u?"),
        choices=Wish.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één wens."), **CHOICE_ERRORS},
    )
    support = forms.MultipleChoiceField(
        label=_("Welke steun wilt u?"),
        choices=SupportWish.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kies alles wat u wilt. U kunt dit later ook nog aangeven."),
        error_messages=CHOICE_ERRORS,
    )
    # Choices are the external partner kinds at request time (__init__): they are data.
    consent_kinds = forms.MultipleChoiceField(
        label=_("Met wie mag uw melding gedeeld worden?"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "De veiligheidscoördinator en de andere meldpunten van uw eigen organisatie "
            "ontvangen uw melding altijd. Kiest u hier niets, dan blijft uw melding binnen uw "
            "eigen organisatie."
        ),
        error_messages={
            "invalid_choice": _(
                "Met '%(value)s' kunt u uw melding niet delen: die partner staat niet in de "
                "lijst. Kies uit de lijst."
            )
        },
    )
    # Who reports
    reporter_role = forms.ChoiceField(
        label=_("Uw functie"),
        choices=[("", _("Kies uw functie")), *ReporterRole.choices],
        error_messages={"required": _("Kies uw functie."), **CHOICE_ERRORS},
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
        self.fields["consent_kinds"].choices = consent.LazyChoices()
        self.extra_fields = extra_fields(extra_questions)
        for block, (field_name, _label) in zip(extra_questions, self.extra_fields, strict=True):
            self.fields[field_name] = self._extra_field(block.value)

    @staticmethod
    def _extra_field(question) -> forms.Field:
        common = {
            "label": question["label"],
            # Django's field template prints help_text unescaped (for markup in our own help
            # texts); an editor's text is plain text.
            "help_text": escape(question.get("help_text") or ""),
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

    def clean_support(self):
        support = self.cleaned_data["support"]
        if SupportWish.NONE in support and len(set(support)) > 1:
            raise ValidationError(
                _("Kies 'Geen steun nodig' niet samen met een vorm van steun."), code="none_and"
            )
        return support

    def clean_attachments(self):
        return check_uploads(self.cleaned_data.get("attachments") or [])

    def extra_answers(self) -> dict[str, str]:
        return {
            label: self.cleaned_data.get(name, "")
            for name, label in self.extra_fields
            if self.cleaned_data.get(name)
        }


def extra_fields(extra_questions) -> list[tuple[str, str]]:
    """Name and label of the form field of each of an organisation's own questions."""
    return [(f"extra_{block.id}", block.value["label"]) for block in extra_questions]


share_fixed_choices(MeldingForm)
