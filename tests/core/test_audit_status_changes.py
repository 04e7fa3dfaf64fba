"""Every status change of a melding writes an audit event with from and to, on every path that
changes it: intake (web form and API), triage, routing and every transition of the status table
(closing, reopening, evaluating). Wagtail's own workflow actions never change the status."""

import json

import pytest
from wagtail.models import APIToken

from core.audit import verify
from core.models import AuditAction, AuditEvent
from meldingen.models import Melding, Status
from meldingen.services import change_status
from meldingen.status import TRANSITIONS
from tests import factories
from tests.meldingen.conftest import melden, reporter  # noqa: F401 - fixtures
from tests.meldingen.steps import post_melding
from tests.meldingen.test_melding_intake import valid_data
from workflows.engine import current_task_state

pytestmark = pytest.mark.django_db


def status_events(melding) -> list[tuple[str, str]]:
    return list(
        AuditEvent.objects.filter(reference=melding.reference, action=AuditAction.STATUS)
        .order_by("pk")
        .values_list("actor_name", "detail")
    )


def test_intake_by_web_form(client, melden, reporter):  # noqa: F811
    client.force_login(reporter)
    assert post_melding(client, melden, valid_data()).status_code == 302
    melding = Melding.objects.get()
    # No actor: the trail cannot be purged, so it never names the reporter.
    assert status_events(melding) == [("", "- -> ontvangen")]


def test_intake_by_api(client, melden, reporter):  # noqa: F811
    token = APIToken.create_token(user=reporter, name="app")[1]
    data = valid_data(occurred_at="2026-11-20T21:15:00+01:00")
    del data["name"], data["email"]
    response = client.post(
        f"/api/meldpunten/{melden.pk}/meldingen",
        json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201
    assert status_events(Melding.objects.get()) == [("", "- -> ontvangen")]


def test_triage_and_routing_in_the_admin(
    client, org_a, coordinator_a, django_capture_on_commit_callbacks
):
    kinds = factories.partner_kinds()
    police = factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test")
    melding = factories.melding(org_a)
    client.force_login(coordinator_a)
    client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {"kinds": ["bedreiging"], "severity": "bedreiging"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/meldingen/{melding.pk}/routering/", {"partners": [police.pk]})
    melding.refresh_from_db()
    assert melding.status == Status.ROUTED
    assert status_events(melding) == [
        ("", "- -> ontvangen"),
        ("coordinator-a", "ontvangen -> in_behandeling"),
        ("coordinator-a", "in_behandeling -> doorgestuurd"),
    ]
    assert verify() == []


@pytest.mark.parametrize(
    ("old", "new"),
    [(old, new) for old, targets in TRANSITIONS.items() for new in sorted(targets)],
)
def test_every_transition_of_the_status_table(org_a, coordinator_a, old, new):
    """Closing, reopening, evaluating, ...: each allowed transition goes through
    change_status, the only writer of Melding.status, and is audited with from and to."""
    melding = factories.melding(org_a)
    Melding.objects.filter(pk=melding.pk).update(status=old)  # arrange the starting status
    melding.refresh_from_db()
    change_status(melding, new, actor=coordinator_a)
    melding.refresh_from_db()
    assert melding.status == new
    assert status_events(melding)[-1] == ("coordinator-a", f"{old} -> {new}")
    event = AuditEvent.objects.filter(reference=melding.reference).last()
    assert event.organisation_id == org_a.pk and event.melding_id == melding.pk


@pytest.mark.parametrize("action", ["cancel", "reject"])
def test_wagtail_workflow_actions_leave_the_status_alone(org_a, coordinator_a, action):
    """The workflow engine's own cancel and reject (and its finish action, see
    workflows.finish) do not touch Melding.status, so they need no status event."""
    melding = factories.melding(org_a)
    before = status_events(melding)
    if action == "cancel":
        melding.current_workflow_state.cancel(user=coordinator_a)
    else:
        current_task_state(melding).reject(user=coordinator_a)
    melding.refresh_from_db()
    assert melding.status == Status.RECEIVED
    assert status_events(melding) == before
