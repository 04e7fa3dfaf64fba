"""Meldingen on Wagtail's workflow engine: the national workflow (triage, then routing),
starting moderation at intake, and the finish action."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import TaskState, Workflow, WorkflowContentType, WorkflowTask

from .models import Melding, RoutingTask, TriageTask

WORKFLOW_NAME = "Meldingen: triage en routering"


@transaction.atomic
def ensure_meldingen_workflow() -> Workflow:
    """The workflow assigned to Melding (a model has one); created with its two tasks if
    missing. National editors may add steps in the admin afterwards."""
    content_type = ContentType.objects.get_for_model(Melding)
    link = WorkflowContentType.objects.filter(content_type=content_type).first()
    if link is not None:
        return link.workflow
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    triage = TriageTask.objects.create(name="Triage door veiligheidscoördinator")
    routing = RoutingTask.objects.create(name="Routering naar ketenpartners")
    WorkflowTask.objects.create(workflow=workflow, task=triage, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=routing, sort_order=1)
    WorkflowContentType.objects.create(content_type=content_type, workflow=workflow)
    return workflow


def start_moderation(melding: Melding, user=None) -> None:
    """Put a new melding into the workflow (inside the intake transaction)."""
    user = user if user is not None and user.is_authenticated else None
    melding.save_revision(user=user, log_action=False)
    ensure_meldingen_workflow().start(melding, user)


def current_task_state(melding: Melding) -> TaskState | None:
    state = melding.current_workflow_state
    return state.current_task_state.specific if state and state.current_task_state else None
