"""Forms of the admin progress editor and of an organisation's own checklist items. The
Stappenplan page's form lives next to the page, in toolkit.models.stappenplan."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.models import OrganisationPage

from .models import ChecklistHeading, ChecklistItem, ChecklistProgress
from .progress import TRACKED_FIELDS, organisation_members


class ProgressForm(forms.ModelForm):
    """Edit one progress record; choices limited to the organisation's own people and files."""

    class Meta:
        model = ChecklistProgress
        fields = TRACKED_FIELDS
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, organisation: OrganisationPage, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.has_calendar:
            # Done at every event or incident: a date would only ever look overdue.
            del self.fields["due_date"]
        # A former member stays selectable as current owner until someone changes it.
        self.fields["owner"].queryset = organisation_members(
            organisation, also=self.instance.owner_id
        )
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.get_username()
        documents = get_document_model().objects.none()
        if organisation.collection_id:
            documents = get_document_model().objects.filter(
                collection__path__startswith=organisation.collection.path
            )
        self.fields["evidence_document"].queryset = documents.order_by("title")
        self.fields["evidence_page"].queryset = Page.objects.descendant_of(
            organisation, inclusive=True
        ).order_by("path")


class OwnItemForm(forms.ModelForm):
    """An organisation's own checklist item under a national heading."""

    class Meta:
        model = ChecklistItem
        fields = ["text", "explanation", "recurrence"]

    def __init__(self, *args, organisation: OrganisationPage, heading: ChecklistHeading, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation, self.heading = organisation, heading
        self.fields["text"].help_text = _("Kort en actief, zoals de punten van de checklist.")

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        clash = ChecklistItem.objects.filter(heading=self.heading, text__iexact=text).filter(
            models.Q(organisation__isnull=True) | models.Q(organisation=self.organisation)
        )
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Onder deze kop staat al een punt met deze tekst."))
        return text

    def save(self, commit: bool = True) -> ChecklistItem:
        item = super().save(commit=False)
        item.heading, item.organisation = self.heading, self.organisation
        if item.pk is None:
            last = ChecklistItem.objects.filter(heading=self.heading).aggregate(
                models.Max("sort_order")
            )["sort_order__max"]
            item.sort_order = (last or 0) + 1
        if commit:
            item.save()
        return item
