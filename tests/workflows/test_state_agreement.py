"""One source of truth: a melding's status and its Wagtail task state move together. Walked
through real URLs: the office holder reports on the Melden page, the coordinator triages and
routes in the admin; after every step the status and the current task agree, and a step that
fails changes neither."""

import pytest
from wagtail.models import WorkflowState

from meldingen.models import Melding, Status
from tests import factories
from tests.meldingen.conftest import melden, reporter  # noqa: F401 - fixtures
from tests.meldingen.steps import post_melding
from tests.meldingen.test_melding_intake import valid_data
from workflows.engine import current_task_state
from workflows.models import RoutingTask, TriageTask

pytestmark = pytest.mark.django_db

# status -> the task that must be current (None: the workflow is finished)
EXPECTED_TASK = {
    Status.RECEIVED: TriageTask,
    Status.IN_TRIAGE: RoutingTask,
    Status.ROUTED: None,
}


def assert_agree(melding: Melding) -> None:
    melding.refresh_from_db()
    task_state = current_task_state(melding)
    task = type(task_state.task.specific) if task_state else None
    assert task is EXPECTED_TASK[melding.status], (melding.status, task)
    state = melding.workflow_states.get()
    finished = state.status == WorkflowState.STATUS_APPROVED
    assert finished is (melding.status == Status.ROUTED)


def test_status_and_task_state_never_disagree(
    client, melden, reporter, coordinator_a, org_a, django_capture_on_commit_callbacks  # noqa: F811
):
    kinds = factories.partner_kinds()
    police = factories.partner(org_a, kinds["politie"], "Politie Aadorp", "p@example.test")
    client.force_login(reporter)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_melding(client, melden, valid_data(consent_kinds=["politie"]))
        assert response.status_code == 302
    melding = Melding.objects.get()
    assert_agree(melding)

    client.force_login(coordinator_a)
    routing_url = f"/admin/meldingen/{melding.pk}/routering/"
    # Routing before triage is not this step's turn: nothing changes.
    client.post(routing_url, {"partners": [police.pk]})
    assert_agree(melding)
    assert melding.status == Status.RECEIVED and not melding.notices.exists()

    client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {"kinds": ["bedreiging"], "severity": "bedreiging", "urgent": ""},
    )
    assert_agree(melding)
    assert melding.status == Status.IN_TRIAGE

    # Triage again, now that routing is due: refused, nothing changes.
    client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {"kinds": ["bedreiging"], "severity": "fysiek", "urgent": "on"},
    )
    assert_agree(melding)
    assert melding.severity == "bedreiging" and not melding.urgent

    with django_capture_on_commit_callbacks(execute=True):
        client.post(routing_url, {"partners": [police.pk]})
    assert_agree(melding)
    assert melding.status == Status.ROUTED and melding.notices.count() == 1
