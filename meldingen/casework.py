"""The one door for case handling after intake (DESIGN.md, "Meldingen: a closed loop"):
aangifte, measures against the perpetrator, nazorg, closing, reopening and the evaluation.
Each function checks the input, writes the record, the history row and the audit event in one
transaction, and raises CaseError (a clear Dutch message) without storing anything on bad input.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core import audit, worktime
from core.models import AuditAction
from meldingen.models import (
    Aangifte,
    AangifteStatus,
    CaseSettings,
    CloseOutcome,
    HistoryAction,
    IncidentEvaluation,
    Measure,
    MeasureStep,
    Melding,
    NazorgContact,
    NazorgOutcome,
    Objection,
    Status,
)
from meldingen.services import change_status, record_history
from meldingen.signals import melding_closed, melding_reopened
from meldingen.status import CLOSED_STATUSES


class CaseError(ValueError):
    """Bad input or a step that does not fit the case's state; nothing was stored."""


def case_settings(organisation) -> CaseSettings:
    """The organisation's settings, or the defaults (unsaved) when it has none."""
    found = CaseSettings.objects.filter(organisation=organisation).first()
    return found or CaseSettings(organisation=organisation)


def office_hours(organisation) -> worktime.OfficeHours:
    found = case_settings(organisation)
    return worktime.OfficeHours(start=found.office_opens, end=found.office_closes)


def dutch_date(day: datetime.date) -> str:
    """ "30 november 2026": history notes are stored text, written in Dutch."""
    with translation.override(settings.LANGUAGE_CODE):
        return date_format(day, "j F Y")


def _locked(melding: Melding) -> Melding:
    return Melding.objects.select_for_update().get(pk=melding.pk)


def _check_workable(melding: Melding) -> None:
    if melding.erasure is not None:
        raise CaseError(_("De persoonsgegevens van deze melding zijn gewist."))
    if melding.status in CLOSED_STATUSES:
        raise CaseError(_("Deze melding is afgesloten; heropen haar eerst."))


def _check_date(value: datetime.date | None, melding: Melding, label: str) -> None:
    """Not before the incident, not in the future."""
    if value is None:
        return
    incident = timezone.localdate(melding.occurred_at)
    if value < incident:
        raise CaseError(
            _("%(label)s ligt vóór het incident (%(date)s).")
            % {"label": label, "date": dutch_date(incident)}
        )
    if value > timezone.localdate():
        raise CaseError(_("%(label)s ligt in de toekomst.") % {"label": label})


def _done(melding: Melding, actor, action: HistoryAction, note: str, detail: str) -> None:
    record_history(melding, actor, action, note=note)
    Melding.objects.filter(pk=melding.pk).update(updated_at=timezone.now())
    audit.record(actor, AuditAction.CASEWORK, melding=melding, detail=detail)


@transaction.atomic
def record_aangifte(
    melding: Melding,
    *,
    actor,
    filer: str,
    domicile: str,
    status: str,
    vpt_requested: bool = False,
    police_number: str = "",
    filed_on: datetime.date | None = None,
) -> Aangifte:
    """Create or update the melding's aangifte record."""
    locked = _locked(melding)
    _check_workable(locked)
    if status == AangifteStatus.FILED and filed_on is None:
        raise CaseError(_("Vul de datum van de aangifte in."))
    _check_date(filed_on, locked, _("De datum van de aangifte"))
    aangifte, _created = Aangifte.objects.update_or_create(
        melding=locked,
        defaults={
            "filer": filer,
            "domicile": domicile,
            "status": status,
            "vpt_requested": vpt_requested,
            "police_number": police_number.strip(),
            "filed_on": filed_on,
            "recorded_by": actor,
        },
    )
    _done(locked, actor, HistoryAction.AANGIFTE, str(AangifteStatus(status).label), "aangifte")
    return aangifte


def _check_measure(
    melding: Melding,
    step: MeasureStep,
    decided_on: datetime.date,
    ends_on: datetime.date | None,
    told_on: datetime.date | None,
    justification: str,
) -> None:
    if not justification.strip():
        raise CaseError(_("Onderbouw de maatregel: waarom is hij nodig en evenredig?"))
    _check_date(decided_on, melding, _("De datum van het besluit"))
    if step.restrictive and ends_on is None:
        raise CaseError(_("Een beperkende maatregel heeft een einddatum nodig."))
    if ends_on is not None and ends_on < decided_on:
        raise CaseError(_("De einddatum ligt vóór de datum van het besluit."))
    if told_on is not None and told_on < decided_on:
        raise CaseError(_("De dader kan het besluit niet vóór de datum van het besluit horen."))
    if told_on is not None and told_on > timezone.localdate():
        raise CaseError(_("De datum van meedelen ligt in de toekomst."))


@transaction.atomic
def record_measure(
    melding: Melding,
    *,
    actor,
    step: MeasureStep,
    decided_by_role: str,
    decided_by_name: str,
    decided_on: datetime.date,
    justification: str,
    ends_on: datetime.date | None = None,
    told_on: datetime.date | None = None,
) -> Measure:
    locked = _locked(melding)
    _check_workable(locked)
    _check_measure(locked, step, decided_on, ends_on, told_on, justification)
    measure = Measure.objects.create(
        melding=locked,
        step=step,
        decided_by_role=decided_by_role,
        decided_by_name=decided_by_name.strip(),
        decided_on=decided_on,
        justification=justification.strip(),
        ends_on=ends_on,
        told_on=told_on,
        recorded_by=actor,
    )
    _done(locked, actor, HistoryAction.MEASURE, step.name, "maatregel")
    return measure


@transaction.atomic
def record_objection(
    measure: Measure,
    *,
    actor,
    objection: str,
    outcome: str = "",
    told_on: datetime.date | None = None,
) -> Measure:
    """Record that the decision was told, and the objection (bezwaar) and its outcome."""
    locked = _locked(measure.melding)
    _check_workable(locked)
    measure = Measure.objects.select_for_update().get(pk=measure.pk, melding=locked)
    told_on = told_on or measure.told_on
    _check_measure(
        locked, measure.step, measure.decided_on, measure.ends_on, told_on, measure.justification
    )
    if objection in (Objection.UPHELD, Objection.REJECTED) and not outcome.strip():
        raise CaseError(_("Beschrijf de uitkomst van het bezwaar."))
    measure.objection, measure.objection_outcome, measure.told_on = objection, outcome, told_on
    measure.save(update_fields=["objection", "objection_outcome", "told_on"])
    label = f"{measure.step.name}: {Objection(objection).label}"
    _done(locked, actor, HistoryAction.OBJECTION, label, "bezwaar")
    return measure


def plan_nazorg(melding: Melding, *, actor=None) -> list[NazorgContact]:
    """Schedule the organisation's nazorg contacts counted from now (called when a melding is
    routed, in that transaction). Once per melding: a re-routing keeps the existing plan."""
    if melding.nazorg.exists():
        return []
    today = timezone.localdate()
    contacts = NazorgContact.objects.bulk_create(
        [
            NazorgContact(melding=melding, due_on=_due(today, days), days_after_routing=days)
            for days in case_settings(melding.organisation).days
        ]
    )
    record_history(
        melding,
        actor,
        HistoryAction.NAZORG_PLANNED,
        note=", ".join(dutch_date(contact.due_on) for contact in contacts),
    )
    return contacts


def _due(today: datetime.date, days: int) -> datetime.date:
    """days after today, moved to the next working day (a contact on a Sunday is missed)."""
    due = today + datetime.timedelta(days=days)
    while not worktime.is_working_day(due):
        due += datetime.timedelta(days=1)
    return due


@transaction.atomic
def add_nazorg_contact(melding: Melding, *, actor, due_on: datetime.date) -> NazorgContact:
    locked = _locked(melding)
    _check_workable(locked)
    if due_on < timezone.localdate():
        raise CaseError(_("Plan een nazorgcontact vandaag of later."))
    routed = locked.history.filter(to_status=Status.ROUTED).order_by("at").first()
    start = timezone.localdate(routed.at) if routed else timezone.localdate()
    contact = NazorgContact.objects.create(
        melding=locked, due_on=due_on, days_after_routing=max((due_on - start).days, 0)
    )
    _done(locked, actor, HistoryAction.NAZORG_PLANNED, dutch_date(due_on), "nazorg")
    return contact


@transaction.atomic
def record_nazorg(
    contact: NazorgContact, *, actor, done_on: datetime.date, outcome: str, note: str = ""
) -> NazorgContact:
    locked = _locked(contact.melding)
    _check_workable(locked)
    if outcome not in NazorgOutcome.values:
        raise CaseError(_("Kies de uitkomst van het contact."))
    _check_date(done_on, locked, _("De datum van het contact"))
    contact = NazorgContact.objects.select_for_update().get(pk=contact.pk, melding=locked)
    contact.done_on, contact.outcome, contact.note = done_on, outcome, note.strip()
    contact.recorded_by = actor
    contact.save(update_fields=["done_on", "outcome", "note", "recorded_by"])
    _done(locked, actor, HistoryAction.NAZORG_DONE, str(NazorgOutcome(outcome).label), "nazorg")
    return contact


@transaction.atomic
def answer_nazorg(contact: NazorgContact, *, reporter, text: str) -> NazorgContact:
    """The reporter's answer to a check-in, from Mijn meldingen (their own melding only: the
    caller scopes contact to the reporter)."""
    locked = _locked(contact.melding)
    if locked.erasure is not None:
        raise CaseError(_("De persoonsgegevens van deze melding zijn gewist."))
    if not text.strip():
        raise CaseError(_("Schrijf een antwoord."))
    contact = NazorgContact.objects.select_for_update().get(pk=contact.pk, melding=locked)
    contact.reporter_answer, contact.answered_at = text.strip(), timezone.now()
    contact.save(update_fields=["reporter_answer", "answered_at"])
    record_history(locked, reporter, HistoryAction.NAZORG_ANSWER)
    Melding.objects.filter(pk=locked.pk).update(updated_at=timezone.now())
    return contact


@transaction.atomic
def close(melding: Melding, *, actor, outcome: str, note: str = "") -> Melding:
    """Close the case with an outcome; starts the retention clock (reporting.retention counts
    from the last closing in the history)."""
    locked = _locked(melding)
    if locked.status in CLOSED_STATUSES:
        raise CaseError(_("Deze melding is al afgesloten."))
    if outcome not in CloseOutcome.values:
        raise CaseError(_("Kies de uitkomst van de melding."))
    locked = change_status(locked, Status.CLOSED, actor=actor, note=note.strip())
    locked.outcome = outcome
    locked.save(update_fields=["outcome", "updated_at"])
    record_history(locked, actor, HistoryAction.CLOSED, note=str(CloseOutcome(outcome).label))
    melding_closed.send(sender=Melding, melding=locked, actor=actor)
    melding.status, melding.outcome = locked.status, locked.outcome
    return locked


@transaction.atomic
def reopen(melding: Melding, *, actor, reason: str) -> Melding:
    """Reopen a closed case: back to routed when it was routed, else to triage (workflows
    restarts the moderation). The reason is required and kept in the history."""
    locked = _locked(melding)
    if locked.status not in CLOSED_STATUSES:
        raise CaseError(_("Alleen een afgesloten melding kan worden heropend."))
    if locked.erasure is not None:
        raise CaseError(_("De persoonsgegevens van deze melding zijn gewist."))
    if not reason.strip():
        raise CaseError(_("Geef aan waarom de melding wordt heropend."))
    was_routed = locked.routing_decisions.exists()
    target = Status.ROUTED if was_routed else Status.IN_TRIAGE
    locked = change_status(locked, target, actor=actor, note=reason.strip())
    locked.outcome = ""
    locked.save(update_fields=["outcome", "updated_at"])
    record_history(locked, actor, HistoryAction.REOPENED)
    melding_reopened.send(sender=Melding, melding=locked, actor=actor, to_status=target)
    melding.status, melding.outcome = locked.status, ""
    return locked


@transaction.atomic
def evaluate(
    melding: Melding,
    *,
    actor,
    held_on: datetime.date,
    with_reporter: bool = True,
    lessons: str = "",
) -> IncidentEvaluation:
    """Record the per-incident evaluation of a closed case (status Geëvalueerd)."""
    locked = _locked(melding)
    if locked.status != Status.CLOSED:
        raise CaseError(_("Een melding wordt nabesproken nadat zij is afgesloten."))
    _check_date(held_on, locked, _("De datum van de nabespreking"))
    evaluation, _created = IncidentEvaluation.objects.update_or_create(
        melding=locked,
        defaults={
            "held_on": held_on,
            "with_reporter": with_reporter,
            "lessons": lessons.strip(),
            "recorded_by": actor,
        },
    )
    change_status(locked, Status.EVALUATED, actor=actor)
    _done(locked, actor, HistoryAction.EVALUATED, "", "nabespreking")
    return evaluation
