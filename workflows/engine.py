"""Meldingen on Wagtail's workflow engine: the national workflow (triage, then routing),
starting moderation at intake, and the finish action."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import TaskState, Workflow, WorkflowContentType, WorkflowTask

from meldingen.models import Melding, Status
from workflows.models import RoutingTask, TriageTask
from workflows.wagtail_mail import silence_wagtail_mail_for_meldingen

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
    """Put a new melding into the workflow."""
    user = user if user is not None and user.is_authenticated else None
    melding.save_revision(user=user, log_action=False)
    ensure_meldingen_workflow().start(melding, user)


@task()
def begin_moderation(melding_id: int) -> bool:
    """Start the workflow of a stored melding, once. Enqueued inside the intake transaction
    (the task row commits with the melding, so neither exists without the other) and by the
    sweep for any melding still waiting; returns whether it started one now."""
    with transaction.atomic():
        melding = Melding.objects.select_for_update().filter(pk=melding_id).first()
        if melding is None or melding.workflow_states.exists():
            return False
        start_moderation(melding, melding.reporter)
        return True


WAITING_TOO_LONG = timedelta(minutes=2)


@task()
def sweep_moderation() -> int:
    """Re-enqueue begin_moderation for received meldingen that have no workflow two minutes
    after intake (a failed or lost task); returns how many. Run every minute."""
    waiting = list(
        Melding.objects.filter(
            status=Status.RECEIVED,
            created_at__lte=timezone.now() - WAITING_TOO_LONG,
            workflow_states__isnull=True,
        ).values_list("pk", flat=True)
    )
    for pk in waiting:
        begin_moderation.enqueue(pk)
    return len(waiting)


def current_task_state(melding: Melding) -> TaskState | None:
    state = melding.current_workflow_state
    return state.current_task_state.specific if state and state.current_task_state else None


def _queue_moderation(sender, melding, **kwargs) -> None:
    begin_moderation.enqueue(melding.pk)  # in the intake's transaction (outbox)


def _end_moderation(sender, melding, actor=None, **kwargs) -> None:
    """A melding closed before its steps were done: cancel the workflow, so no task waits
    for a case that is closed."""
    state = melding.current_workflow_state
    if state is not None:
        state.cancel(user=actor if actor is not None and actor.is_authenticated else None)


def _restart_moderation(sender, melding, to_status, actor=None, **kwargs) -> None:
    """A case reopened into triage goes through the organisation's steps again."""
    if to_status == Status.IN_TRIAGE and melding.current_workflow_state is None:
        start_moderation(melding, actor)


def connect() -> None:
    """From WorkflowsConfig.ready: start moderation for every submitted melding, end it when a
    melding is closed early and restart it when one is reopened into triage; keep Wagtail's
    workflow e-mails away from meldingen."""
    from meldingen.signals import melding_closed, melding_reopened, melding_submitted

    melding_submitted.connect(_queue_moderation, dispatch_uid="workflows_queue_moderation")
    melding_closed.connect(_end_moderation, dispatch_uid="workflows_end_moderation")
    melding_reopened.connect(_restart_moderation, dispatch_uid="workflows_restart_moderation")
    silence_wagtail_mail_for_meldingen()
