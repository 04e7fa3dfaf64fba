"""Delivery that loses nothing: a real SMTP server on loopback, retries, the sweep, and a real
database-queue worker."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from partners.delivery import sweep_notices
from partners.models import Notice
from partners.rules import Proposal
from tests import factories
from tests.smtp import SMTPServer, free_port
from workflows.engine import begin_moderation
from workflows.moderation import route, triage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def smtp(settings):
    server = SMTPServer(free_port())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def routed(org_a, coordinator_a, make_user):
    """Route a melding to two partners; returns a function so the test picks the moment."""
    kinds = factories.partner_kinds()
    partners = [
        factories.partner(org_a, kinds["politie"], "Politie A", "politie@example.test"),
        factories.partner(org_a, kinds["vc"], "Meldpunt A", "meldpunt@example.test"),
    ]

    def do_route():
        melding = factories.melding(org_a)
        begin_moderation.call(melding.pk)  # as the worker would; no-op if already started
        factories.triage_and_route(melding, coordinator_a, partners)
        return melding

    return do_route


WORKER = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]


def worker_env(smtp) -> dict:
    """A db_worker subprocess on this test's PostgreSQL database, mailing to smtp."""
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "veiligbestuur.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "TEST_WORKER_SMTP_PORT": str(smtp.port),
    }


def make_due():
    Notice.objects.update(next_attempt_at=timezone.now() - timezone.timedelta(seconds=1))


def received_by_address(server):
    counts = {}
    for item in server.messages:
        for address in item["to"]:
            counts[address] = counts.get(address, 0) + 1
    return counts


@pytest.mark.django_db
def test_smtp_down_during_routing_then_everything_delivered_once(
    routed, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        routed()  # the SMTP server is not running yet
    notices = list(Notice.objects.all())
    assert len(notices) == 2
    for notice in notices:
        assert notice.status == "mislukt" and notice.attempts == 1
        assert "Connection refused" in notice.last_error or "Errno" in notice.last_error
        assert notice.next_attempt_at > timezone.now()

    smtp.start()
    assert sweep_notices.call() == 0  # not due yet: backoff is respected
    make_due()
    assert sweep_notices.call() == 2
    assert set(Notice.objects.values_list("status", flat=True)) == {"verzonden"}
    assert received_by_address(smtp) == {"politie@example.test": 1, "meldpunt@example.test": 1}

    make_due()
    assert sweep_notices.call() == 0
    assert len(smtp.messages) == 2  # nothing sent twice


@pytest.mark.django_db
def test_notice_stuck_in_sending_is_delivered_by_the_sweep(routed, smtp):
    """A worker that died after claiming a notice leaves it 'sending'; the sweep recovers it."""
    smtp.start()
    routed()  # on_commit not run: the delivery tasks were never enqueued (a lost task)
    stale = timezone.now() - timezone.timedelta(minutes=30)
    Notice.objects.update(status="verzenden", attempts=1, last_attempt_at=stale, created_at=stale)
    assert sweep_notices.call() == 2
    assert set(Notice.objects.values_list("status", flat=True)) == {"verzonden"}
    # Each notice once (the reporter's confirmation went out at intake, separately).
    assert received_by_address(smtp) == {
        "politie@example.test": 1,
        "meldpunt@example.test": 1,
        "rika@example.test": 1,
    }


@pytest.mark.django_db
def test_manual_retry_after_giving_up(
    client, routed, smtp, coordinator_a, django_capture_on_commit_callbacks
):
    melding = routed()
    Notice.objects.update(status="opgegeven", attempts=8, last_error="SMTP 550")
    smtp.start()
    client.force_login(coordinator_a)
    detail = client.get(f"/admin/meldingen/{melding.pk}/").content.decode()
    assert "Opnieuw verzenden" in detail and "SMTP 550" in detail
    notice = Notice.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/meldingen/berichten/{notice.pk}/opnieuw/")
    notice.refresh_from_db()
    assert notice.status == "verzonden" and notice.attempts == 9
    assert len(smtp.messages) == 1


@pytest.mark.django_db(transaction=True)
def test_real_database_queue_and_worker_deliver_each_notice_once(routed, smtp, settings):
    if connection.vendor != "postgresql":
        pytest.skip("the worker subprocess needs a shared PostgreSQL test database")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    smtp.start()
    routed()  # committed: the enqueued delivery tasks are rows in the database queue
    assert set(Notice.objects.values_list("status", flat=True)) == {"wachtrij"}

    env = worker_env(smtp)
    result = subprocess.run(WORKER, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert set(Notice.objects.values_list("status", flat=True)) == {"verzonden"}
    # Both notices and the reporter's confirmation, each exactly once.
    assert received_by_address(smtp) == {
        "politie@example.test": 1,
        "meldpunt@example.test": 1,
        "rika@example.test": 1,
    }

    # A second worker run finds nothing left to send.
    subprocess.run(WORKER, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert len(smtp.messages) == 3


@pytest.mark.django_db(transaction=True)
def test_several_workers_at_once_deliver_every_notice_exactly_once(routed, smtp, settings):
    """Three workers race on the PostgreSQL queue, and every delivery task is queued twice
    (as a sweep would after a lost task): still one e-mail per notice."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker subprocesses need a shared PostgreSQL test database")
    from partners.delivery import deliver_notice

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    smtp.start()
    meldingen = [routed() for _ in range(15)]
    notices = list(Notice.objects.values_list("pk", flat=True))
    assert len(notices) == 30
    for pk in notices:
        deliver_notice.enqueue(pk)

    env = worker_env(smtp)
    workers = [
        subprocess.Popen(WORKER, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    for process in workers:
        _, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, stderr

    assert set(Notice.objects.values_list("status", flat=True)) == {"verzonden"}
    assert set(Notice.objects.values_list("attempts", flat=True)) == {1}
    ids = [m["message"]["Message-ID"] for m in smtp.messages]
    notice_ids = [i for i in ids if i.startswith("<notice-")]
    assert sorted(notice_ids) == sorted(set(notice_ids))  # none twice
    assert {int(i.split("-")[1].split("@")[0]) for i in notice_ids} == set(notices)
    # The reporters' confirmations too, one each.
    assert len(ids) - len(notice_ids) == len(meldingen)


@pytest.mark.django_db
def test_wagtail_sends_no_workflow_mail_about_meldingen(
    org_a, coordinator_a, make_user, django_capture_on_commit_callbacks
):
    """Wagtail mails requester and superusers on workflow events; for meldingen that would be
    the reporter and every national admin, from inside the intake. Only our own mails go."""
    from django.core import mail

    admin = make_user("landelijk-beheer", superuser=True)
    reporter = make_user("melder-rika")
    kinds = factories.partner_kinds()
    police = factories.partner(org_a, kinds["politie"], "Politie A", "politie@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        melding = factories.melding(org_a, reporter=reporter)
    with django_capture_on_commit_callbacks(execute=True):
        triage(
            melding, actor=coordinator_a, severity="bedreiging", urgent=False, kinds=["bedreiging"]
        )
        route(melding, actor=coordinator_a, proposals=[Proposal(police, None)])
    melding.refresh_from_db()
    assert melding.current_workflow_state is None  # the workflow was approved and finished
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == ["politie@example.test", "rika@example.test"]
    assert admin.email not in recipients and reporter.email not in recipients


@pytest.mark.django_db
def test_passed_deadline_is_reported_to_coordinators_once(
    routed, coordinator_a, django_capture_on_commit_callbacks
):
    from django.core import mail

    from partners.delivery import check_deadlines

    coordinator_a.email = "coordinator@example.test"
    coordinator_a.save()
    melding = routed()
    Notice.objects.filter(partner__name="Politie A").update(
        deadline_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert check_deadlines.call() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert check_deadlines.call() == 0
    assert [m.to for m in mail.outbox] == [["coordinator@example.test"]]
    assert melding.reference in mail.outbox[0].subject and "Politie A" in mail.outbox[0].subject
    assert melding.history.filter(action="termijn_verlopen").count() == 1


@pytest.mark.django_db
def test_urgent_melding_gets_shorter_deadline(org_a, coordinator_a):
    kinds = factories.partner_kinds()
    police = factories.partner(org_a, kinds["politie"], "Politie A", "politie@example.test")
    melding = factories.melding(org_a, acute_danger=True)
    triage(melding, actor=coordinator_a, severity="bedreiging", urgent=True, kinds=["bedreiging"])
    route(melding, actor=coordinator_a, proposals=[Proposal(police, None)])
    hours = (Notice.objects.get().deadline_at - timezone.now()).total_seconds() / 3600
    assert 3.9 < hours <= 4  # politie: 4 hours when urgent, 48 otherwise
