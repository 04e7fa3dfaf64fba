"""Form of the admin progress editor. The Stappenplan page's form lives next to the page, in
toolkit.models.stappenplan."""

from __future__ import annotations

from django import forms
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.models import OrganisationPage

from .models import ChecklistProgress
from .progress import TRACKED_FIELDS, organisation_members


class ProgressForm(forms.ModelForm):
    """Edit one progress record; choices limited to the organisation's own people and files."""

    class Meta:
        model = ChecklistProgress
        fields = TRACKED_FIELDS
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, organisation: OrganisationPage, **kwargs):
        super().__init__(*args, **kwargs)
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
