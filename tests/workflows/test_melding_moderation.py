"""Moderation on Wagtail's workflow engine: triage and routing by the organisation's own
veiligheidscoördinatoren, the outbox of notices, and the partner inbox."""

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from meldingen.models import MeldingHistory
from partners.models import Notice, PartnerKind, RoutingDecision
from tests import factories
from workflows.engine import current_task_state
from workflows.models import RoutingTask, TriageTask
from workflows.panels import waiting_meldingen

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(org_a, org_b, make_user):
    kinds = factories.partner_kinds()
    factories.national_rules(kinds)
    police_user_a = make_user("politie-a")
    police_user_b = make_user("politie-b")
    return {
        "police_a": factories.partner(
            org_a,
            kinds["politie"],
            "Politie basisteam Aadorp",
            "politie-a@example.test",
            police_user_a,
        ),
        "vc_a": factories.partner(org_a, kinds["vc"], "Meldpunt Aadorp", "meldpunt@example.test"),
        "police_b": factories.partner(
            org_b,
            kinds["politie"],
            "Politie basisteam Beestad",
            "politie-b@example.test",
            police_user_b,
        ),
        "police_user_a": police_user_a,
        "police_user_b": police_user_b,
    }


def triage_and_route(client, melding, partners, django_capture_on_commit_callbacks):
    client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {"kinds": melding.kinds, "severity": melding.severity, "note": "Beoordeeld"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            f"/admin/meldingen/{melding.pk}/routering/",
            {"partners": [p.pk for p in partners], "note": "Doorgezet"},
        )


def test_new_melding_waits_for_triage_by_own_coordinators(
    org_a, setup, coordinator_a, coordinator_b
):
    melding = factories.melding(org_a)
    task_state = current_task_state(melding)
    assert isinstance(task_state.task.specific, TriageTask)
    assert task_state.task.specific.get_actions(melding, coordinator_a)
    assert not task_state.task.specific.get_actions(melding, coordinator_b)

    assert [m for m, _ in waiting_meldingen(coordinator_a)] == [melding]
    assert waiting_meldingen(coordinator_b) == []


def test_dashboard_lists_waiting_meldingen_of_own_organisation_only(
    client, org_a, setup, coordinator_a, coordinator_b
):
    melding = factories.melding(org_a)
    client.force_login(coordinator_a)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    body = dashboard.content.decode()
    assert "Meldingen die op je wachten" in body and melding.reference in body
    client.force_login(coordinator_b)
    body = client.get("/admin/").content.decode()
    assert melding.reference not in body
    for url in ("/admin/reports/workflow/", "/admin/reports/workflow_tasks/"):
        response = client.get(url)
        assert melding.reference not in response.content.decode(), url


def test_coordinator_listing_and_detail_are_scoped(
    client, org_a, setup, coordinator_a, coordinator_b
):
    melding = factories.melding(org_a)
    client.force_login(coordinator_a)
    assert melding.reference in client.get("/admin/meldingen/").content.decode()
    detail = client.get(f"/admin/meldingen/{melding.pk}/").content.decode()
    assert "Een bezoeker dreigde" in detail

    client.force_login(coordinator_b)
    assert melding.reference not in client.get("/admin/meldingen/").content.decode()
    for url in ("", "triage/", "routering/"):
        assert client.get(f"/admin/meldingen/{melding.pk}/{url}").status_code == 404
    response = client.post(f"/admin/meldingen/{melding.pk}/triage/", {"severity": "fysiek"})
    assert response.status_code == 404
    melding.refresh_from_db()
    assert melding.severity == "bedreiging"


def test_triage_corrects_and_moves_to_routing(client, org_a, setup, coordinator_a):
    melding = factories.melding(org_a)
    client.force_login(coordinator_a)
    response = client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {
            "kinds": ["bedreiging", "fysiek"],
            "severity": "fysiek",
            "urgent": "on",
            "note": "Ernstig",
        },
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.severity == "fysiek" and melding.urgent
    assert sorted(melding.kinds) == ["bedreiging", "fysiek"]
    assert melding.status == "in_behandeling"
    assert isinstance(current_task_state(melding).task.specific, RoutingTask)
    actions = list(MeldingHistory.objects.filter(melding=melding).values_list("action", flat=True))
    assert actions == ["ontvangen", "triage", "status"]


def test_routing_shows_rules_and_writes_outbox_in_one_go(
    client, org_a, setup, coordinator_a, django_capture_on_commit_callbacks
):
    melding = factories.melding(org_a)
    client.force_login(coordinator_a)
    client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {"kinds": ["bedreiging"], "severity": "bedreiging"},
    )
    page = client.get(f"/admin/meldingen/{melding.pk}/routering/").content.decode()
    assert "Bedreiging naar politie" in page and "Altijd intern meldpunt" in page
    assert "Politie basisteam Beestad" not in page  # another organisation's partner

    response = triage_and_route(
        client, melding, [setup["police_a"], setup["vc_a"]], django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.status == "doorgestuurd"
    decision = RoutingDecision.objects.get(melding=melding)
    notices = {n.partner.name: n for n in decision.notices.select_related("partner", "rule")}
    assert set(notices) == {"Politie basisteam Aadorp", "Meldpunt Aadorp"}
    assert notices["Politie basisteam Aadorp"].rule.name == "Bedreiging naar politie"
    assert all(n.status == "verzonden" and n.attempts == 1 for n in notices.values())
    assert WorkflowState.objects.get(object_id=str(melding.pk)).status == "approved"

    sent = {m.to[0]: m for m in mail.outbox}
    police_mail = sent["politie-a@example.test"]
    assert melding.reference in police_mail.subject
    assert f"/partner/berichten/{notices['Politie basisteam Aadorp'].pk}/" in police_mail.body
    assert "Een bezoeker dreigde" not in police_mail.body and "Rika" not in police_mail.body


def test_without_consent_external_partners_are_refused(
    client, org_a, setup, coordinator_a, django_capture_on_commit_callbacks
):
    melding = factories.melding(org_a, consent_to_share=False)
    client.force_login(coordinator_a)
    client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {"kinds": ["bedreiging"], "severity": "bedreiging"},
    )
    page = client.get(f"/admin/meldingen/{melding.pk}/routering/").content.decode()
    assert "niet zonder toestemming" in page
    response = triage_and_route(
        client, melding, [setup["police_a"]], django_capture_on_commit_callbacks
    )
    assert "gaf geen toestemming" in response.content.decode()
    assert not Notice.objects.exists() and not RoutingDecision.objects.exists()
    melding.refresh_from_db()
    assert melding.status == "in_behandeling"


def test_partner_inbox_shows_only_own_notices_and_records_acknowledgement(
    client, org_a, setup, coordinator_a, django_capture_on_commit_callbacks
):
    melding = factories.melding(org_a)
    client.force_login(coordinator_a)
    triage_and_route(client, melding, [setup["police_a"]], django_capture_on_commit_callbacks)
    notice = Notice.objects.get()

    client.force_login(setup["police_user_b"])
    assert melding.reference not in client.get("/partner/").content.decode()
    assert client.get(f"/partner/berichten/{notice.pk}/").status_code == 404
    assert client.post(f"/partner/berichten/{notice.pk}/ontvangst/").status_code == 404

    client.force_login(setup["police_user_a"])
    assert melding.reference in client.get("/partner/").content.decode()
    detail = client.get(f"/partner/berichten/{notice.pk}/")
    assert "Een bezoeker dreigde" in detail.content.decode()
    assert detail["Cache-Control"].startswith("max-age=0")
    client.post(f"/partner/berichten/{notice.pk}/ontvangst/")
    client.post(
        f"/partner/berichten/{notice.pk}/terugkoppeling/",
        {"kind": "aangifte", "text": "Aangifte opgenomen, zaak 2026-123"},
    )
    notice.refresh_from_db()
    assert notice.status == "bevestigd" and notice.acknowledged_by == setup["police_user_a"]
    assert notice.opened_at is not None
    actions = list(melding.history.values_list("action", flat=True))
    assert actions[-3:] == ["geopend_door_partner", "ontvangen_door_partner", "terugkoppeling"]

    client.force_login(coordinator_a)
    detail = client.get(f"/admin/meldingen/{melding.pk}/").content.decode()
    assert "Ontvangst bevestigd" in detail


def test_consent_per_partner_kind_decides_who_receives_and_sees_the_story(
    client, org_a, setup, coordinator_a, django_capture_on_commit_callbacks
):
    """Consent is given per partner kind: the police (consented) receive the story, the OM
    (not consented) cannot be routed to; the internal meldpunt needs no consent."""
    om_kind = PartnerKind.objects.create(code="om", name="Openbaar Ministerie")
    om = factories.partner(org_a, om_kind, "OM Aadorp", "om@example.test")
    melding = factories.melding(org_a, consent_kinds=["politie"])
    police_user = setup["police_user_a"]
    client.force_login(coordinator_a)
    refused = triage_and_route(
        client, melding, [setup["police_a"], om], django_capture_on_commit_callbacks
    )
    assert refused.status_code == 200 and "geen toestemming" in refused.content.decode()
    assert not Notice.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/meldingen/{melding.pk}/routering/",
            {"partners": [setup["police_a"].pk, setup["vc_a"].pk]},
        )
    assert set(Notice.objects.values_list("partner__name", flat=True)) == {
        setup["police_a"].name,
        setup["vc_a"].name,
    }
    client.force_login(police_user)
    notice = Notice.objects.get(partner=setup["police_a"])
    body = client.get(f"/partner/berichten/{notice.pk}/").content.decode()
    assert "Een bezoeker dreigde" in body and "rika@example.test" in body


def test_organisation_extra_step_only_for_that_organisation(
    client, org_a, org_b, setup, coordinator_a, coordinator_b
):
    from wagtail.models import WorkflowTask

    from workflows.engine import ensure_meldingen_workflow
    from workflows.models import ExtraStepTask

    workflow = ensure_meldingen_workflow()
    step = ExtraStepTask.objects.create(
        name="Overleg driehoek", instructions="Bespreek in de driehoek."
    )
    step.organisations.add(org_a)
    WorkflowTask.objects.filter(workflow=workflow, sort_order=1).update(sort_order=2)
    WorkflowTask.objects.create(workflow=workflow, task=step, sort_order=1)

    own, other = factories.melding(org_a), factories.melding(org_b)
    for melding, user in ((own, coordinator_a), (other, coordinator_b)):
        client.force_login(user)
        client.post(
            f"/admin/meldingen/{melding.pk}/triage/",
            {"kinds": ["bedreiging"], "severity": "bedreiging"},
        )
    assert isinstance(current_task_state(own).task.specific, ExtraStepTask)
    assert isinstance(current_task_state(other).task.specific, RoutingTask)  # skipped for B

    client.force_login(coordinator_a)
    page = client.get(f"/admin/meldingen/{own.pk}/stap/").content.decode()
    assert "Bespreek in de driehoek." in page
    assert client.get(f"/admin/meldingen/{own.pk}/routering/").status_code == 302  # not yet
    client.post(f"/admin/meldingen/{own.pk}/stap/", {"note": "Besproken"})
    assert isinstance(current_task_state(own).task.specific, RoutingTask)
    row = own.history.get(action="extra_stap")
    assert (row.note, row.comment) == ("Overleg driehoek", "Besproken")
    step_event = own.audit_events.get(action="stap")  # a step, not a status change
    assert (step_event.actor_name, step_event.detail) == ("coordinator-a", "Overleg driehoek")
