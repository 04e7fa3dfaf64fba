"""Admin screens for the veiligheidscoördinator: listing, melding, triage, routing, retry.
Every view is scoped to the user's own organisations (404 otherwise)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.audit import record
from core.choices import choice_label, display
from core.models import AuditAction
from meldingen.attachments import attachment_response
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
from meldingen.models import Attachment, BehaviourKind, Severity, Status, Target
from meldingen.permissions import coordinator_melding
from meldingen.status import CLOSED_STATUSES, TransitionError
from partners.delivery import retry_by_hand
from partners.models import Notice, Partner, PartnerKind
from partners.rules import Proposal, propose, shareable
from workflows.case_timeline import (
    CASE_JOINED,
    aangifte_facts,
    case_timeline,
    last_closing,
    measure_facts,
    moment,
    one_or_none,
    prefetch_case,
    yes_no,
)
from workflows.engine import current_task_state
from workflows.models import ExtraStepTask, RoutingTask, TriageTask
from workflows.moderation import complete_step, route, triage


def _status_label(code: str) -> str:
    return choice_label(Status, code) if code in Status.values else "—"


def _readable(event):
    """An audit event with its action and detail for people: a status change "old -> new" is
    stored as codes (the trail is append-only and hashed) and shown with the statuses' labels."""
    event.action_label = choice_label(AuditAction, event.action)
    event.readable_detail = event.detail
    if event.action == AuditAction.STATUS and " -> " in event.detail:
        old, new = event.detail.split(" -> ", 1)
        event.readable_detail = f"{_status_label(old)} → {_status_label(new)}"
    return event


def detail(request, pk):
    melding = coordinator_melding(request, pk, joined=CASE_JOINED)
    record(request.user, AuditAction.VIEW, melding=melding)
    prefetch_case(melding)
    task_state = current_task_state(melding)
    task = task_state.task.specific if task_state else None
    return TemplateResponse(
        request,
        "workflows/admin/detail.html",
        {
            "page_title": _("Melding %(reference)s") % {"reference": melding.reference},
            "melding": melding,
            "task": task,
            "actions": task.get_actions(melding, request.user) if task else [],
            "timeline": case_timeline(melding),
            "notices": melding.notices.all(),
            "attachments": melding.attachments.all(),
            "audit_events": [_readable(e) for e in melding.audit_events.order_by("-pk")[:50]],
            "erasure": melding.erasure,
            "facts": _facts(melding),
            **_casework(melding),
        },
    )


def _labels(choices, codes) -> list[str]:
    return [choice_label(choices, code) for code in codes if code in choices.values]


def _facts(melding) -> list[tuple[str, str]]:
    """The intake facts as Dutch labels ("onbekend" where the reporter did not say)."""
    unknown = _("niet opgegeven")
    consent = [
        kind.name for kind in PartnerKind.objects.filter(code__in=melding.consent_kinds or [])
    ]
    return [
        (_("Organisatie"), melding.organisation.title),
        (_("Soorten gedrag"), ", ".join(display(b, "kind") for b in melding.behaviours.all())),
        (
            _("Ernst"),
            display(melding, "severity") + (f" · {_('spoed')}" if melding.urgent else ""),
        ),
        (_("Wanneer"), moment(melding.occurred_at)),
        (_("Plaats en kanaal"), f"{display(melding, 'place')} · {display(melding, 'channel')}"),
        (_("Rol melder"), display(melding, "reporter_role")),
        (_("Namens een ander gemeld"), yes_no(melding.on_behalf)),
        (_("Gericht tegen"), ", ".join(_labels(Target, melding.targets)) or unknown),
        (_("Heeft te maken met het ambt"), yes_no(melding.related_to_office)),
        (_("Dader bekend"), display(melding, "perpetrator_known") or unknown),
        (_("Soort dader"), display(melding, "perpetrator_type") or unknown),
        (_("Herhaling"), yes_no(melding.repeated)),
        (_("Platform"), display(melding, "online_platform") or _("niet van toepassing")),
        (_("Politie of 112 ingeschakeld"), yes_no(melding.police_involved)),
        (_("Al aangifte gedaan"), yes_no(melding.aangifte_made)),
        (_("Zorgen over thuis of gezin"), yes_no(melding.worried_about_home)),
        (_("Wensen"), "; ".join(melding.wish_labels) or unknown),
        (_("Gewenste steun"), "; ".join(melding.support_labels) or unknown),
        (
            _("Toestemming om te delen met"),
            ", ".join(consent) or _("geen externe partners (alleen de eigen organisatie)"),
        ),
    ]


def _casework(melding) -> dict:
    """The case records with their forms (none where the case does not allow the step)."""
    erased = melding.erasure is not None
    closed = melding.status in CLOSED_STATUSES
    workable = not erased and not closed
    aangifte = one_or_none(melding, "aangifte")
    evaluation = one_or_none(melding, "evaluation")
    closing = last_closing(melding) if closed else None
    measures = [
        {
            "measure": measure,
            "facts": measure_facts(measure)[1:],  # the step is the card's heading
            "form": ObjectionForm(
                initial=ObjectionForm.initial_from(measure), auto_id=f"id_bezwaar{measure.pk}_%s"
            )
            if workable
            else None,
        }
        for measure in melding.measures.all()
    ]
    nazorg = [
        {
            "contact": contact,
            "form": NazorgForm(auto_id=f"id_nazorg{contact.pk}_%s")
            if workable and not contact.is_done
            else None,
        }
        for contact in melding.nazorg.all()
    ]
    return {
        "today": timezone.localdate(),
        "erased": erased,
        "closed": closed,
        "workable": workable,
        "aangifte": aangifte,
        "aangifte_facts": aangifte_facts(aangifte, erased) if aangifte else [],
        "aangifte_form": AangifteForm(
            initial=AangifteForm.initial_from(aangifte), auto_id="id_aangifte_%s"
        )
        if workable
        else None,
        "measures": measures,
        "measure_form": MeasureForm(auto_id="id_maatregel_%s") if workable else None,
        "nazorg": nazorg,
        "nazorg_add_form": NazorgAddForm(auto_id="id_nazorgplan_%s") if workable else None,
        "close_form": CloseForm(auto_id="id_afsluiten_%s") if not closed else None,
        "closing": closing,
        "closing_note": closing.comment if closing and not erased else "",
        "reopen_form": ReopenForm(auto_id="id_heropenen_%s") if closed and not erased else None,
        "evaluation": evaluation,
        "evaluation_form": EvaluationForm(auto_id="id_nabespreking_%s")
        if melding.status == Status.CLOSED
        else None,
    }


class TriageForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Soorten gedrag"),
        choices=BehaviourKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    severity = forms.ChoiceField(label=gettext_lazy("Ernst"), choices=Severity.choices)
    urgent = forms.BooleanField(label=gettext_lazy("Spoed"), required=False)
    note = forms.CharField(
        label=gettext_lazy("Notitie (geen persoonsgegevens)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _step_guard(request, melding, task_class):
    task_state = current_task_state(melding)
    if task_state is None or not isinstance(task_state.task.specific, task_class):
        messages.error(request, _("Deze stap is voor deze melding nu niet aan de orde."))
        return redirect("melding_detail", melding.pk)
    return None


def triage_view(request, pk):
    melding = coordinator_melding(request, pk)
    if response := _step_guard(request, melding, TriageTask):
        return response
    initial = {"kinds": melding.kinds, "severity": melding.severity, "urgent": melding.urgent}
    form = TriageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        triage(melding, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Triage vastgelegd; de melding staat klaar voor routering."))
        return redirect("melding_routing", melding.pk)
    return TemplateResponse(
        request,
        "workflows/admin/step_form.html",
        {
            "page_title": _("Triage"),
            "melding": melding,
            "form": form,
            "submit_label": _("Triage afronden"),
        },
    )


class StepForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Wat is er gedaan of besloten? (geen persoonsgegevens)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def step_view(request, pk):
    melding = coordinator_melding(request, pk)
    if response := _step_guard(request, melding, ExtraStepTask):
        return response
    task = current_task_state(melding).task.specific
    form = StepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        complete_step(melding, actor=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("Stap afgerond."))
        return redirect("melding_detail", melding.pk)
    return TemplateResponse(
        request,
        "workflows/admin/step_form.html",
        {
            "page_title": task.name,
            "melding": melding,
            "form": form,
            "task": task,
            "submit_label": _("Stap afronden"),
        },
    )


def routing_view(request, pk):
    melding = coordinator_melding(request, pk)
    if response := _step_guard(request, melding, RoutingTask):
        return response
    proposals = {p.partner.pk: p for p in propose(melding)}
    partners = Partner.objects.filter(organisation=melding.organisation, active=True)
    options = [
        {
            "partner": partner,
            "proposal": proposals.get(partner.pk),
            "allowed": shareable(partner, melding),
        }
        for partner in partners.select_related("kind")
    ]
    error = None
    if request.method == "POST":
        chosen_ids = {int(i) for i in request.POST.getlist("partners") if i.isdigit()}
        chosen = [
            proposals.get(o["partner"].pk) or Proposal(o["partner"], None)
            for o in options
            if o["partner"].pk in chosen_ids
        ]
        try:
            route(melding, actor=request.user, proposals=chosen, note=request.POST.get("note", ""))
        except TransitionError as exc:
            error = str(exc)
        else:
            messages.success(request, _("Routering bevestigd; de berichten worden verzonden."))
            return redirect("melding_detail", melding.pk)
    return TemplateResponse(
        request,
        "workflows/admin/routing.html",
        {"page_title": _("Routering"), "melding": melding, "options": options, "error": error},
    )


@require_POST
def retry_notice(request, pk):
    notice = get_object_or_404(Notice, pk=pk)
    coordinator_melding(request, notice.melding_id)  # 404 outside the coordinator's scope
    retry_by_hand(notice, actor=request.user)
    messages.success(request, _("Het bericht wordt opnieuw verzonden."))
    return redirect("melding_detail", notice.melding_id)


def attachment_download(request, pk):
    attachment = get_object_or_404(Attachment, pk=pk)
    melding = coordinator_melding(request, attachment.melding_id)
    record(request.user, AuditAction.DOWNLOAD, melding=melding, detail=f"bijlage {attachment.pk}")
    return attachment_response(attachment)
