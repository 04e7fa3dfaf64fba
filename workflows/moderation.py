"""The melding moderation steps as Wagtail tasks: each records its outcome through the
meldingen and partners services and approves its task in the same transaction, so the status
and the task state move together."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from core import audit
from core.models import AuditAction
from meldingen.models import HistoryAction, Melding
from meldingen.services import record_history, record_triage
from meldingen.status import TransitionError
from partners import services as partner_services
from partners.models import RoutingDecision
from workflows.engine import current_task_state
from workflows.models import ExtraStepTask, RoutingTask, TriageTask


def approve_task(melding: Melding, task_class, user) -> None:
    """Approve the current task. No comment goes to Wagtail: its task states and log entries
    are neither encrypted nor erased, so the person's note stays in MeldingHistory.comment."""
    task_state = current_task_state(melding)
    if task_state is None or not isinstance(task_state.task.specific, task_class):
        raise TransitionError(_("Deze stap is voor deze melding nu niet aan de orde."))
    task_state.approve(user=user)


@transaction.atomic
def triage(
    melding: Melding, *, actor, severity: str, urgent: bool, kinds: list[str], note: str = ""
) -> Melding:
    """Record the coordinator's triage (corrections included) and complete the triage task."""
    locked = record_triage(
        melding, actor=actor, severity=severity, urgent=urgent, kinds=kinds, note=note
    )
    approve_task(locked, TriageTask, actor)
    audit.record(actor, AuditAction.TRIAGE, melding=locked)
    return locked


@transaction.atomic
def complete_step(melding: Melding, *, actor, note: str = "") -> None:
    """Finish an organisation's extra workflow step."""
    task_state = current_task_state(melding)
    name = task_state.task.name if task_state else ""
    record_history(melding, actor, HistoryAction.EXTRA_STEP, note=name, comment=note)
    approve_task(melding, ExtraStepTask, actor)
    audit.record(actor, AuditAction.STEP, melding=melding, detail=name)


@transaction.atomic
def route(melding: Melding, *, actor, proposals, note: str = "") -> RoutingDecision:
    """Confirm routing (partners.services.route) and complete the routing task."""
    decision = partner_services.route(melding, actor=actor, proposals=proposals, note=note)
    approve_task(decision.melding, RoutingTask, actor)
    return decision
