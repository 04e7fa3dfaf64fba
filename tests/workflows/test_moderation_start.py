"""The workflow of a new melding starts in a worker: the task commits with the melding, starts
the workflow once, and the sweep re-offers any melding left without one."""

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import WorkflowState

from meldingen.models import Melding
from tests import factories
from workflows.engine import begin_moderation, sweep_moderation

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def states(melding):
    return WorkflowState.objects.filter(object_id=str(melding.pk))


def test_intake_queues_the_start_with_the_melding(org_a, database_queue):
    melding = factories.melding(org_a)
    assert not states(melding).exists()  # not yet: no worker ran
    queued = DBTaskResult.objects.filter(task_path="workflows.engine.begin_moderation")
    assert [row.args_kwargs["args"] for row in queued] == [[melding.pk]]


def test_begin_moderation_starts_the_workflow_once(org_a, database_queue, coordinator_a):
    melding = factories.melding(org_a)
    assert begin_moderation.call(melding.pk) is True
    assert begin_moderation.call(melding.pk) is False  # a second task (sweep) does nothing
    assert states(melding).count() == 1
    assert states(melding).get().current_task_state.task.name.startswith("Triage")


def test_sweep_reoffers_meldingen_left_without_workflow(org_a, database_queue):
    waiting = factories.melding(org_a)
    recent = factories.melding(org_a)
    Melding.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - timezone.timedelta(minutes=3)
    )
    DBTaskResult.objects.all().delete()  # the original tasks were lost
    assert sweep_moderation.call() == 1
    queued = DBTaskResult.objects.filter(task_path="workflows.engine.begin_moderation")
    assert [row.args_kwargs["args"] for row in queued] == [[waiting.pk]]
    begin_moderation.call(waiting.pk)
    assert sweep_moderation.call() == 0 and not states(recent).exists()


def test_coordinator_sees_a_melding_before_its_workflow_starts(
    client, org_a, coordinator_a, database_queue
):
    melding = factories.melding(org_a)
    client.force_login(coordinator_a)
    assert melding.reference in client.get("/admin/meldingen/").content.decode()
    detail = client.get(f"/admin/meldingen/{melding.pk}/").content.decode()
    assert "wordt klaargezet voor triage" in detail
