"""The coordinator's case handling after intake, in the Wagtail admin: aangifte, measures
against the perpetrator and objections, nazorg contacts, closing, reopening and the
evaluation. The case page (workflows) posts its forms here; GET shows the form on a page of
its own. Bad input or a step the case does not allow (meldingen.casework.CaseError) shows the
form again with the Dutch message and the typed input, status 400; nothing is stored.

Every object is looked up through its melding within the user's coordinator scope, so another
organisation's coordinator gets 404 on every URL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.audit import record
from core.models import AuditAction
from meldingen import casework
from meldingen.caseforms import (
    AangifteForm,
    CloseForm,
    EvaluationForm,
    MeasureForm,
    NazorgAddForm,
    NazorgForm,
    ObjectionForm,
    ReopenForm,
)
from meldingen.models import Aangifte, Measure, Melding, NazorgContact
from meldingen.permissions import coordinator_melding, meldingen_for_coordinator

get_and_post = require_http_methods(["GET", "POST"])


@dataclass(frozen=True)
class Screen:
    title: str
    submit_label: str
    success: str
    anchor: str  # the section of the case page to return to
    danger: bool = False


def case_url(melding: Melding, anchor: str) -> str:
    return f"{reverse('melding_detail', args=[melding.pk])}#{anchor}"


def _bound(request, form_class: type[forms.Form], **kwargs) -> forms.Form:
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def _screen(
    request,
    melding: Melding,
    form: forms.Form,
    screen: Screen,
    save: Callable[[dict], object],
    *,
    about: list[tuple[str, str]] | None = None,
):
    """On a valid POST: save through the service, then back to the case page. Otherwise the
    form page; 400 when the form or the service refused the input."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except casework.CaseError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, screen.success)
                return redirect(case_url(melding, screen.anchor))
        status = 400
    return TemplateResponse(
        request,
        "meldingen/admin/case_form.html",
        {
            "page_title": screen.title,
            "melding": melding,
            "form": form,
            "screen": screen,
            "about": about or [],
            "back_url": case_url(melding, screen.anchor),
        },
        status=status,
    )


def _audit_prefilled(request, melding: Melding, method_shows_record: bool, what: str) -> None:
    """A form page prefilled with a stored (decrypted) record counts as viewing it."""
    if request.method == "GET" and method_shows_record:
        record(request.user, AuditAction.VIEW, melding=melding, detail=what)


def _in_scope(request, queryset, pk):
    """An object of a melding within the user's coordinator scope, and that melding."""
    found = get_object_or_404(
        queryset.filter(melding__in=meldingen_for_coordinator(request.user)), pk=pk
    )
    return found, coordinator_melding(request, found.melding_id)


@get_and_post
def aangifte_view(request, pk):
    melding = coordinator_melding(request, pk)
    existing = Aangifte.objects.filter(melding=melding).first()
    form = _bound(request, AangifteForm, initial=AangifteForm.initial_from(existing))
    _audit_prefilled(request, melding, existing is not None, "formulier aangifte")
    screen = Screen(
        title=_("Aangifte vastleggen"),
        submit_label=_("Aangifte opslaan"),
        success=_("Aangifte vastgelegd."),
        anchor="aangifte",
    )
    return _screen(
        request,
        melding,
        form,
        screen,
        lambda data: casework.record_aangifte(melding, actor=request.user, **data),
    )


@get_and_post
def objection_view(request, pk):
    measure, melding = _in_scope(request, Measure.objects.select_related("step"), pk)
    form = _bound(request, ObjectionForm, initial=ObjectionForm.initial_from(measure))
    _audit_prefilled(request, melding, bool(measure.objection_outcome), "formulier bezwaar")
    screen = Screen(
        title=_("Meedelen en bezwaar vastleggen"),
        submit_label=_("Opslaan"),
        success=_("Meedelen en bezwaar vastgelegd."),
        anchor=f"maatregel-{measure.pk}",
    )
    about = [
        (_("Maatregel"), measure.step.name),
        (_("Datum besluit"), measure.decided_on.strftime("%d-%m-%Y")),
    ]
    return _screen(
        request,
        melding,
        form,
        screen,
        lambda data: casework.record_objection(measure, actor=request.user, **data),
        about=about,
    )


@get_and_post
def nazorg_view(request, pk):
    contact, melding = _in_scope(request, NazorgContact.objects.all(), pk)
    form = _bound(request, NazorgForm, initial=NazorgForm.initial_from(contact))
    _audit_prefilled(request, melding, bool(contact.note), "formulier nazorg")
    screen = Screen(
        title=_("Nazorgcontact vastleggen"),
        submit_label=_("Contact vastleggen"),
        success=_("Nazorgcontact vastgelegd."),
        anchor=f"nazorg-{contact.pk}",
    )
    about = [(_("Gepland op"), contact.due_on.strftime("%d-%m-%Y"))]
    return _screen(
        request,
        melding,
        form,
        screen,
        lambda data: casework.record_nazorg(contact, actor=request.user, **data),
        about=about,
    )


def melding_screen(form_class: type[forms.Form], service: Callable, screen: Screen):
    """A view for a form about the melding itself: its data go to service(melding, actor=...)."""

    @get_and_post
    def view(request, pk):
        melding = coordinator_melding(request, pk)
        return _screen(
            request,
            melding,
            _bound(request, form_class),
            screen,
            lambda data: service(melding, actor=request.user, **data),
        )

    return view


measure_view = melding_screen(
    MeasureForm,
    casework.record_measure,
    Screen(
        title=gettext_lazy("Maatregel vastleggen"),
        submit_label=gettext_lazy("Maatregel vastleggen"),
        success=gettext_lazy("Maatregel tegen de dader vastgelegd."),
        anchor="maatregelen",
    ),
)
nazorg_add_view = melding_screen(
    NazorgAddForm,
    casework.add_nazorg_contact,
    Screen(
        title=gettext_lazy("Nazorgcontact plannen"),
        submit_label=gettext_lazy("Contact plannen"),
        success=gettext_lazy("Nazorgcontact gepland."),
        anchor="nazorg",
    ),
)
close_view = melding_screen(
    CloseForm,
    casework.close,
    Screen(
        title=gettext_lazy("Melding afsluiten"),
        submit_label=gettext_lazy("Melding afsluiten"),
        success=gettext_lazy("Melding afgesloten. De bewaartermijn loopt vanaf nu."),
        anchor="afsluiten",
    ),
)
reopen_view = melding_screen(
    ReopenForm,
    casework.reopen,
    Screen(
        title=gettext_lazy("Melding heropenen"),
        submit_label=gettext_lazy("Melding heropenen"),
        success=gettext_lazy("Melding heropend."),
        anchor="afsluiten",
        danger=True,
    ),
)
evaluate_view = melding_screen(
    EvaluationForm,
    casework.evaluate,
    Screen(
        title=gettext_lazy("Nabespreking vastleggen"),
        submit_label=gettext_lazy("Nabespreking vastleggen"),
        success=gettext_lazy("Nabespreking vastgelegd."),
        anchor="afsluiten",
    ),
)
