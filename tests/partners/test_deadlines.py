"""Acknowledgement deadlines of notices in working time: the organisation's office hours,
no weekends or public holidays; urgent meldingen in clock hours, day and night."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from meldingen.models import CaseSettings
from partners.delivery import check_deadlines, deadline_for, deliver_notice, undeliverable
from partners.models import Notice, NoticeStatus, Partner, PartnerKind
from partners.rules import Proposal
from tests import factories
from workflows.engine import begin_moderation
from workflows.moderation import route, triage

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
FRIDAY_16 = datetime(2026, 3, 6, 16, 0, tzinfo=AMS)  # an ordinary Friday, no holiday near


def at(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.fixture
def police_kind():
    return PartnerKind.objects.create(
        code="politie", name="Politie", ack_deadline_hours=16, urgent_ack_deadline_hours=4
    )


@pytest.fixture
def meldpunt_kind():
    return PartnerKind.objects.create(
        code="veiligheidscoordinator",
        name="Meldpunt",
        internal=True,
        ack_deadline_hours=8,
        urgent_ack_deadline_hours=2,
    )


def new_melding(org, coordinator, *, urgent: bool = False):
    melding = factories.melding(org, consent_kinds=["politie"], acute_danger=urgent)
    begin_moderation.call(melding.pk)
    return triage(
        melding, actor=coordinator, severity="bedreiging", urgent=urgent, kinds=["bedreiging"]
    )


def route_at(moment, monkeypatch, melding, coordinator, partners):
    """Route as the coordinator does in the admin, with the clock standing at ``moment``."""
    with monkeypatch.context() as clock:
        clock.setattr(timezone, "now", lambda: moment)
        route(melding, actor=coordinator, proposals=[Proposal(p, None) for p in partners])
    return {n.partner.name: timezone.localtime(n.deadline_at, AMS) for n in Notice.objects.all()}


def test_friday_afternoon_deadline_falls_after_the_weekend(
    org_a, coordinator_a, police_kind, meldpunt_kind, monkeypatch
):
    police = factories.partner(org_a, police_kind, "Politie A", "politie@example.test")
    meldpunt = factories.partner(org_a, meldpunt_kind, "Meldpunt A", "meldpunt@example.test")
    melding = new_melding(org_a, coordinator_a)

    deadlines = route_at(FRIDAY_16, monkeypatch, melding, coordinator_a, [police, meldpunt])

    # 08:30-17:00 by default: Friday 1 hour, Monday 8.5 hours, Tuesday the rest.
    assert deadlines["Meldpunt A"] == at(2026, 3, 9, 15, 30)  # 8 working hours: Monday
    assert deadlines["Politie A"] == at(2026, 3, 10, 15, 0)  # 16 working hours: Tuesday
    assert all(d.weekday() < 5 for d in deadlines.values())


def test_urgent_melding_counts_clock_hours_through_the_night_and_weekend(
    org_a, coordinator_a, police_kind, meldpunt_kind, monkeypatch
):
    police = factories.partner(org_a, police_kind, "Politie A", "politie@example.test")
    meldpunt = factories.partner(org_a, meldpunt_kind, "Meldpunt A", "meldpunt@example.test")
    melding = new_melding(org_a, coordinator_a, urgent=True)
    assert melding.urgent

    late_friday = at(2026, 3, 6, 23, 0)
    deadlines = route_at(late_friday, monkeypatch, melding, coordinator_a, [police, meldpunt])
    assert deadlines["Politie A"] == at(2026, 3, 7, 3, 0)  # Saturday night: 4 clock hours
    assert deadlines["Meldpunt A"] == at(2026, 3, 7, 1, 0)  # 2 clock hours


def test_office_hours_of_the_organisation_count(org_a, org_b, police_kind):
    CaseSettings.objects.create(organisation=org_a, office_opens=time(9), office_closes=time(13))
    melding_a = factories.melding(org_a)
    melding_b = factories.melding(org_b)  # no settings: 08:30-17:00

    # Four hours a day at org_a: Monday to Thursday.
    assert deadline_for(police_kind, melding_a, FRIDAY_16) == at(2026, 3, 12, 13, 0)
    assert deadline_for(police_kind, melding_b, FRIDAY_16) == at(2026, 3, 10, 15, 0)
    # Starting before opening time counts from the opening.
    assert deadline_for(police_kind, melding_a, at(2026, 3, 9, 7, 0)) == at(2026, 3, 12, 13, 0)


def test_public_holidays_do_not_count(org_a, police_kind):
    melding = factories.melding(org_a)
    # Thursday before Easter 2026: Good Friday and Easter Monday are holidays.
    start = at(2026, 4, 2, 16, 0)
    assert deadline_for(police_kind, melding, start) == at(2026, 4, 8, 15, 0)


def test_passed_working_time_deadline_is_reported_by_the_sweep(
    org_a, coordinator_a, police_kind, monkeypatch, django_capture_on_commit_callbacks
):
    police = factories.partner(org_a, police_kind, "Politie A", "politie@example.test")
    melding = new_melding(org_a, coordinator_a)
    deadlines = route_at(FRIDAY_16, monkeypatch, melding, coordinator_a, [police])

    monkeypatch.setattr(timezone, "now", lambda: at(2026, 3, 10, 14, 59))
    assert check_deadlines.call() == 0  # Tuesday 14:59: still in time
    monkeypatch.setattr(
        timezone, "now", lambda: deadlines["Politie A"] + timezone.timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert check_deadlines.call() == 1
    assert melding.history.filter(action="termijn_verlopen").count() == 1


def test_placeholder_address_is_never_mailed_and_says_why(
    org_a, coordinator_a, police_kind, mailoutbox
):
    placeholder = Partner.objects.create(
        organisation=org_a,
        kind=police_kind,
        name="Politie A",
        notification_email="politie.gm9001@nog-invullen.invalid",
    )
    assert undeliverable(placeholder.notification_email)
    assert not undeliverable("politie@example.test")
    melding = new_melding(org_a, coordinator_a)
    route(melding, actor=coordinator_a, proposals=[Proposal(placeholder, None)])
    notice = Notice.objects.get()

    assert deliver_notice.call(notice.pk) == "mislukt"
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.FAILED and notice.next_attempt_at is not None
    assert "nog niet ingevuld" in notice.last_error
    assert not [m for m in mailoutbox if "nog-invullen" in str(m.to)]

    placeholder.notification_email = "politie@example.test"  # the organisation fills it in
    placeholder.save()
    mailoutbox.clear()
    assert deliver_notice.call(notice.pk) == "verzonden"
    assert [m.to for m in mailoutbox] == [["politie@example.test"]]
