"""Case handling after routing through its one door (meldingen.casework): what it refuses with a
Dutch message and nothing stored, nazorg planned at routing, closing and reopening that keep the
workflow in step, and reminders sent once."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from meldingen import casework
from meldingen.casework import CaseError
from meldingen.models import (
    Aangifte,
    CaseSettings,
    HistoryAction,
    Measure,
    MeasureStep,
    Reminder,
    ReminderKind,
    Status,
)
from meldingen.reminders import Due, due_reminders, remind, send_due
from meldingen.services import add_information
from partners.models import PartnerFeedback
from partners.services import add_feedback
from tests import factories
from workflows.engine import begin_moderation, current_task_state


@pytest.fixture
def routed(org_a, coordinator_a):
    kinds = factories.partner_kinds()
    police = factories.partner(org_a, kinds["politie"], "Politie A", "politie@example.test")
    melding = factories.melding(org_a, perpetrator_known="ja")
    begin_moderation.call(melding.pk)
    factories.triage_and_route(melding, coordinator_a, [police])
    melding.refresh_from_db()
    return melding


def ladder(code):
    return MeasureStep.objects.get(code=code)


def test_the_ladder_is_seeded_light_to_heavy(db):
    codes = list(MeasureStep.objects.values_list("code", flat=True))
    assert codes[0] == "aanspreken" and codes[-1] == "beveiliging"
    assert {"stopgesprek", "halt", "gebiedsverbod", "ordegesprek"} <= set(codes)
    assert MeasureStep.objects.get(code="toegangsverbod").restrictive


def test_routing_plans_nazorg_on_working_days_from_the_organisation_schedule(org_a, coordinator_a):
    CaseSettings.objects.create(organisation=org_a, nazorg_days="0,14")
    kinds = factories.partner_kinds()
    police = factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test")
    melding = factories.melding(org_a)
    begin_moderation.call(melding.pk)
    factories.triage_and_route(melding, coordinator_a, [police])
    contacts = list(melding.nazorg.all())
    assert [c.days_after_routing for c in contacts] == [0, 14]
    assert all(c.due_on.weekday() < 5 for c in contacts)
    assert contacts[0].due_on >= timezone.localdate()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"justification": "  "}, "Onderbouw de maatregel"),
        ({"decided_on": datetime.date(2000, 1, 1)}, "vóór het incident"),
        ({"step": "toegangsverbod", "ends_on": None}, "einddatum nodig"),
        ({"told_on": "tomorrow"}, "toekomst"),
    ],
)
def test_a_bad_measure_is_refused_and_nothing_stored(routed, coordinator_a, change, message):
    today = timezone.localdate()
    values = {
        "step": "ordegesprek",
        "decided_by_role": "burgemeester",
        "decided_by_name": "Burgemeester van Aadorp",
        "decided_on": today,
        "justification": "Herhaald gedrag na waarschuwing.",
        "ends_on": None,
        "told_on": None,
        **change,
    }
    values["step"] = ladder(values["step"])
    if values["told_on"] == "tomorrow":
        values["told_on"] = today + datetime.timedelta(days=1)
    history = routed.history.count()
    with pytest.raises(CaseError, match=message):
        casework.record_measure(routed, actor=coordinator_a, **values)
    assert not Measure.objects.exists() and routed.history.count() == history


def test_filed_aangifte_needs_its_date(routed, coordinator_a):
    with pytest.raises(CaseError, match="datum van de aangifte"):
        casework.record_aangifte(
            routed, actor=coordinator_a, filer="organisatie", domicile="werkadres", status="gedaan"
        )
    assert not Aangifte.objects.exists()


def test_closing_twice_is_refused_and_reopening_returns_to_routed(routed, coordinator_a):
    casework.close(routed, actor=coordinator_a, outcome="afgehandeld", note="Klaar.")
    routed.refresh_from_db()
    assert routed.status == Status.CLOSED and routed.outcome == "afgehandeld"
    with pytest.raises(CaseError, match="al afgesloten"):
        casework.close(routed, actor=coordinator_a, outcome="afgehandeld")
    with pytest.raises(CaseError, match="heropen"):
        casework.record_measure(
            routed,
            actor=coordinator_a,
            step=ladder("ordegesprek"),
            decided_by_role="burgemeester",
            decided_by_name="B",
            decided_on=timezone.localdate(),
            justification="x",
        )
    with pytest.raises(CaseError, match="waarom"):
        casework.reopen(routed, actor=coordinator_a, reason="")
    casework.reopen(routed, actor=coordinator_a, reason="Nieuw incident met dezelfde dader.")
    routed.refresh_from_db()
    assert routed.status == Status.ROUTED and routed.outcome == ""


def test_closing_before_routing_ends_the_workflow_and_reopening_restarts_it(org_a, coordinator_a):
    melding = factories.melding(org_a)
    begin_moderation.call(melding.pk)
    assert current_task_state(melding) is not None
    casework.close(melding, actor=coordinator_a, outcome="geregistreerd")
    melding.refresh_from_db()
    assert current_task_state(melding) is None
    assert melding.workflow_states.get().status == "cancelled"
    casework.reopen(melding, actor=coordinator_a, reason="Melder wil toch opvolging.")
    melding.refresh_from_db()
    assert melding.status == Status.IN_TRIAGE
    assert current_task_state(melding) is not None


def test_a_partner_cannot_answer_a_closed_case(routed, coordinator_a):
    notice = routed.notices.get()
    casework.close(routed, actor=coordinator_a, outcome="afgehandeld")
    with pytest.raises(CaseError, match="afgesloten"):
        add_feedback(notice, actor=None, kind="anders", text="Nog iets")
    assert not PartnerFeedback.objects.exists()


def test_evaluation_only_after_closing(routed, coordinator_a):
    with pytest.raises(CaseError, match="nadat zij is afgesloten"):
        casework.evaluate(routed, actor=coordinator_a, held_on=timezone.localdate())
    casework.close(routed, actor=coordinator_a, outcome="afgehandeld")
    casework.evaluate(routed, actor=coordinator_a, held_on=timezone.localdate(), lessons="Les")
    routed.refresh_from_db()
    assert routed.status == Status.EVALUATED


def test_reminders_are_sent_once_when_due(routed, coordinator_a, org_a, make_user):
    make_user("coordinator-mail", org_a.coordinators_group)
    now = timezone.now()
    # Right after routing at most the same-day nazorg contact is due (on a weekend or holiday
    # it moves to the next working day).
    first_due = routed.nazorg.first().due_on
    expected = {ReminderKind.NAZORG} if first_due <= timezone.localdate() else set()
    assert {d.kind for d in due_reminders(now)} == expected
    later = now + datetime.timedelta(days=8)
    kinds = {d.kind for d in due_reminders(later)}
    # A punishable threat where the reporter wanted aangifte, a known perpetrator without a
    # measure, nazorg due.
    assert {ReminderKind.AANGIFTE, ReminderKind.MEASURE, ReminderKind.NAZORG} <= kinds
    mail.outbox.clear()
    send_due(later)
    sent = Reminder.objects.count()
    assert sent >= 3
    assert routed.history.filter(action=HistoryAction.REMINDER).count() == sent
    assert len(mail.outbox) == sent and routed.reference in mail.outbox[0].subject
    assert "Een bezoeker dreigde" not in mail.outbox[0].body
    # A second run sends nothing again; a second remind of the same reminder is refused.
    assert due_reminders(later) == []
    assert send_due(later) == 0 and len(mail.outbox) == sent
    # Two runs racing for the same reminder: the second one is refused by the database.
    assert remind(Due(routed, ReminderKind.MEASURE)) is None


def test_recording_the_aangifte_and_a_measure_stops_their_reminders(routed, coordinator_a):
    today = timezone.localdate()
    casework.record_aangifte(
        routed,
        actor=coordinator_a,
        filer="organisatie",
        domicile="onder_nummer",
        status="gedaan",
        vpt_requested=True,
        police_number="PL-1",
        filed_on=today,
    )
    casework.record_measure(
        routed,
        actor=coordinator_a,
        step=ladder("waarschuwingsbrief"),
        decided_by_role="burgemeester",
        decided_by_name="Burgemeester van Aadorp",
        decided_on=today,
        justification="Brief na scheldpartij.",
    )
    kinds = {d.kind for d in due_reminders(timezone.now() + datetime.timedelta(days=8))}
    assert ReminderKind.AANGIFTE not in kinds and ReminderKind.MEASURE not in kinds


def test_a_quiet_routed_case_is_reminded_after_the_organisations_weeks(routed, org_a):
    CaseSettings.objects.create(organisation=org_a, inactivity_weeks=2)
    soon = timezone.now() + datetime.timedelta(days=10)
    assert ReminderKind.INACTIVE not in {d.kind for d in due_reminders(soon)}
    later = timezone.now() + datetime.timedelta(days=15)
    assert ReminderKind.INACTIVE in {d.kind for d in due_reminders(later)}


def test_information_added_to_a_closed_case_reaches_the_coordinator_not_the_partners(
    routed, coordinator_a, make_user
):
    casework.close(routed, actor=coordinator_a, outcome="afgehandeld")
    history = routed.history.count()
    addition = add_information(routed, author=None, text="Hij stond er weer.")
    # No partner is told (the case is closed); the coordinator is reminded once.
    assert routed.history.count() == history + 1
    due = [d for d in due_reminders(timezone.now()) if d.kind == ReminderKind.LATE_ADDITION]
    assert [(d.melding, d.key) for d in due] == [(routed, str(addition.pk))]
    assert send_due(timezone.now()) >= 1
    assert not [d for d in due_reminders(timezone.now()) if d.kind == ReminderKind.LATE_ADDITION]
