"""The audit trail: views, status changes, routing and partner actions recorded; append-only;
chain verified."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from core.audit import verify
from core.models import AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def routed(client, org_a, coordinator_a, make_user, django_capture_on_commit_callbacks):
    kinds = factories.partner_kinds()
    police_user = make_user("politie-a")
    police = factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test", police_user)
    melding = factories.melding(org_a)
    client.force_login(coordinator_a)
    client.get(f"/admin/meldingen/{melding.pk}/")
    client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {"kinds": ["bedreiging"], "severity": "bedreiging"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/meldingen/{melding.pk}/routering/", {"partners": [police.pk]})
    notice = melding.notices.get()
    client.force_login(police_user)
    client.get(f"/partner/berichten/{notice.pk}/")
    client.post(f"/partner/berichten/{notice.pk}/ontvangst/")
    return melding


def test_who_viewed_routed_and_acknowledged_is_recorded(routed, client, coordinator_a):
    rows = list(
        AuditEvent.objects.filter(reference=routed.reference).values_list("actor_name", "action")
    )
    assert rows == [
        ("", "status"),  # intake, without naming the reporter
        ("coordinator-a", "bekeken"),
        ("coordinator-a", "status"),
        ("coordinator-a", "triage"),
        ("coordinator-a", "status"),
        ("coordinator-a", "routering"),
        ("politie-a", "bekeken"),
        ("politie-a", "ontvangst"),
    ]
    assert all(
        e.organisation_id == routed.organisation_id
        for e in AuditEvent.objects.filter(reference=routed.reference)
    )
    client.force_login(coordinator_a)
    detail = client.get(f"/admin/meldingen/{routed.pk}/").content.decode()
    assert "audittrail" in detail and "politie-a" in detail


def test_logins_and_failed_logins_are_recorded(client, make_user):
    from tests.conftest import PASSWORD

    make_user("iemand")
    client.post("/account/inloggen/", {"username": "iemand", "password": "fout"})
    client.post("/account/inloggen/", {"username": "iemand", "password": PASSWORD})
    actions = list(AuditEvent.objects.values_list("action", "actor_name", "detail"))
    assert actions == [("inlog_mislukt", "", "iemand"), ("inlog", "iemand", "")]
    assert "fout" not in str(actions)


def test_chain_verifies_and_detects_tampering(routed):
    assert verify() == []
    call_command("verify_audit")
    event = AuditEvent.objects.order_by("pk")[2]
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditEvent.objects.filter(pk=event.pk).update(detail="vervalst")
        with connection.cursor() as cursor:  # an attacker with DDL rights
            cursor.execute("ALTER TABLE core_auditevent DISABLE TRIGGER USER")
            cursor.execute("UPDATE core_auditevent SET detail='vervalst' WHERE id=%s", [event.pk])
            cursor.execute("ALTER TABLE core_auditevent ENABLE TRIGGER USER")
    else:
        AuditEvent.objects.filter(pk=event.pk).update(detail="vervalst")
    assert verify() == [f"regel {event.pk}: inhoud is gewijzigd"]
    with pytest.raises(CommandError, match="niet intact"):
        call_command("verify_audit")


def test_a_refused_routing_leaves_no_audit_and_no_change(
    client, org_a, coordinator_a, django_capture_on_commit_callbacks
):
    """The service writes the audit in the change's own transaction: a routing the service
    refuses (an external partner, the police, without consent) leaves neither a decision nor
    an audit row."""
    kinds = factories.partner_kinds()
    outside = factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test")
    melding = factories.melding(org_a, consent_to_share=False)
    client.force_login(coordinator_a)
    client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {"kinds": ["bedreiging"], "severity": "bedreiging"},
    )
    before = AuditEvent.objects.filter(reference=melding.reference).count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/meldingen/{melding.pk}/routering/", {"partners": [outside.pk]}
        )
    assert response.status_code == 200 and "toestemming" in response.content.decode()
    assert AuditEvent.objects.filter(reference=melding.reference).count() == before
    assert not melding.notices.exists()
    melding.refresh_from_db()
    assert melding.status == "in_behandeling"
