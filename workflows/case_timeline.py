"""The coordinator's case timeline: one story of a melding, oldest first.

The history (meldingen.MeldingHistory) is the backbone: every write of the aggregate leaves a
row with its time and actor. The records behind those rows add what was written: the routing
note and the partners' deadlines, the reporter's additions with their attachments, partner
feedback, the aangifte, measures and objections, nazorg notes and the reporter's answers, the
evaluation. A record is attached to the row its service wrote in the same transaction (the
nearest row of the matching action); a record without such a row gets an entry of its own.
Notice deliveries have no history row and get their own entries.

Everything shown is a label, never a code. Free texts are decrypted personal data: the case
page is for the melding's coordinators only (audited there), and after an erasure the
timeline shows no free text at all.

Queries: prefetch_case() loads everything in a fixed number of queries, whatever the number of
rows; case_timeline() then reads nothing more.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldingen.models import (
    AangifteFiler,
    AangifteStatus,
    DeciderRole,
    Domicile,
    HistoryAction,
    Measure,
    Melding,
    MeldingAddition,
    MeldingHistory,
    NazorgContact,
    NazorgOutcome,
    Objection,
    Severity,
    Status,
)
from partners.models import Notice, NoticeStatus, PartnerFeedback, RoutingDecision

A = HistoryAction
# A record and the history row of its service are written in one transaction.
SAME_WRITE = datetime.timedelta(seconds=30)
# A status change written together with another action: shown as part of that entry.
STATUS_BEFORE = {A.CLOSED, A.REOPENED, A.EVALUATED}  # change_status, then the action's row
STATUS_AFTER = {A.TRIAGE, A.ROUTED}  # the action's row, then change_status
REPORTER_ACTIONS = {A.RECEIVED, A.ADDITION, A.NAZORG_ANSWER}
KIND_OF = {
    **dict.fromkeys(REPORTER_ACTIONS, "reporter"),
    **dict.fromkeys(
        [
            A.OPENED_BY_PARTNER,
            A.ACKNOWLEDGED_BY_PARTNER,
            A.FEEDBACK,
            A.FEEDBACK_TO_REPORTER,
            A.NEW_INFORMATION_SENT,
        ],
        "partner",
    ),
    **dict.fromkeys([A.TRIAGE, A.EXTRA_STEP, A.ROUTED, A.STATUS], "moderation"),
    **dict.fromkeys(
        [
            A.AANGIFTE,
            A.MEASURE,
            A.OBJECTION,
            A.NAZORG_PLANNED,
            A.NAZORG_DONE,
            A.CLOSED,
            A.REOPENED,
            A.EVALUATED,
        ],
        "casework",
    ),
    **dict.fromkeys([A.DEADLINE_PASSED, A.REMINDER], "warning"),
    A.ERASED: "system",
}
# What a typed comment is, per action (the default: "Opmerking").
COMMENT_LABELS = {
    A.TRIAGE: gettext_lazy("Opmerking bij de triage"),
    A.EXTRA_STEP: gettext_lazy("Wat is er gedaan of besloten"),
}
SEVERITY_CHANGE = re.compile(r"ernst (\w+) -> (\w+)")


@dataclass
class Entry:
    """One line of the timeline; facts are (label, value) pairs, texts (label, free text),
    links (url, text)."""

    at: datetime.datetime
    title: str
    kind: str = "moderation"
    action: str = ""
    actor: str = ""
    status: str = ""
    note: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    claims: set[str] = field(default_factory=set, repr=False)


# The case's one-to-one records, joined when the melding is read (prefetch_case skips them then).
CASE_JOINED = ("aangifte__recorded_by", "evaluation__recorded_by", "purge_record")


def prefetch_case(melding: Melding) -> Melding:
    """Load everything the case page shows onto melding, in a fixed number of queries (fewer
    when it was read with CASE_JOINED)."""
    prefetch_related_objects(
        [melding],
        Prefetch("history", queryset=MeldingHistory.objects.select_related("actor")),
        Prefetch(
            "routing_decisions",
            queryset=RoutingDecision.objects.select_related("decided_by").order_by(
                "decided_at", "pk"
            ),
        ),
        Prefetch(
            "notices",
            queryset=Notice.objects.select_related("partner__kind", "rule", "acknowledged_by")
            .prefetch_related(
                Prefetch("feedback", queryset=PartnerFeedback.objects.select_related("author"))
            )
            .order_by("pk"),
        ),
        Prefetch(
            "additions",
            queryset=MeldingAddition.objects.select_related("author").prefetch_related(
                "attachments"
            ),
        ),
        Prefetch("measures", queryset=Measure.objects.select_related("step", "recorded_by")),
        Prefetch("nazorg", queryset=NazorgContact.objects.select_related("recorded_by")),
        "attachments",
        "behaviours",
        "aangifte__recorded_by",
        "evaluation__recorded_by",
        "purge_record",
    )
    return melding


def person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def status_label(code: str) -> str:
    return str(Status(code).label) if code in Status.values else "—"


def day(value: datetime.date | None) -> str:
    return date_format(value, "j F Y") if value else "—"


def moment(value: datetime.datetime | None) -> str:
    return date_format(timezone.localtime(value), "j F Y H:i") if value else "—"


def yes_no(value: bool | None) -> str:
    if value is None:
        return _("onbekend")
    return _("ja") if value else _("nee")


def _label(choices, code: str) -> str:
    return str(choices(code).label) if code in choices.values else "—"


def _readable_note(note: str) -> str:
    """System notes with codes in them (triage corrections) in labels."""

    def severity(found: re.Match) -> str:
        return _("ernst %(old)s → %(new)s") % {
            "old": _label(Severity, found.group(1)).lower(),
            "new": _label(Severity, found.group(2)).lower(),
        }

    return SEVERITY_CHANGE.sub(severity, note).replace(" -> ", " → ")


def _title(row: MeldingHistory) -> str:
    if row.action in A.values:
        return str(A(row.action).label)
    return row.action.replace("_", " ").capitalize()  # another release's action: no code


def _transition(row: MeldingHistory) -> str:
    return f"{status_label(row.from_status)} → {status_label(row.to_status)}"


def _absorbed_status_rows(rows: list[MeldingHistory]) -> dict[int, int]:
    """Index of a status row -> index of the action row it was written with."""
    hosts = {}
    for index, row in enumerate(rows):
        if row.action != A.STATUS:
            continue
        for other in (index + 1, index - 1):
            if not 0 <= other < len(rows):
                continue
            candidate = rows[other]
            fits = STATUS_BEFORE if other > index else STATUS_AFTER
            if (
                candidate.action in fits
                and candidate.actor_id == row.actor_id
                and abs(candidate.at - row.at) <= SAME_WRITE
                and other not in hosts.values()
            ):
                hosts[index] = other
                break
    return hosts


def _history_entries(rows: list[MeldingHistory], erased: bool) -> list[Entry]:
    hosts = _absorbed_status_rows(rows)
    entries: dict[int, Entry] = {}
    for index, row in enumerate(rows):
        if index in hosts:
            continue
        actor = person(row.actor) or (_("Melder") if row.action in REPORTER_ACTIONS else "")
        entry = Entry(
            at=row.at,
            title=_title(row),
            kind=KIND_OF.get(row.action, "system"),
            action=row.action,
            actor=actor,
            note=_readable_note(row.note),
        )
        if row.action == A.STATUS:
            entry.status = _transition(row)
        if row.comment and not erased and row.action not in (A.FEEDBACK_TO_REPORTER,):
            entry.texts.append((str(COMMENT_LABELS.get(row.action, _("Opmerking"))), row.comment))
        entries[index] = entry
    for status_index, host_index in hosts.items():
        row, host = rows[status_index], entries[host_index]
        host.status = _transition(row)
        if row.comment and not erased:
            host.texts.append((_("Toelichting"), row.comment))
    return [entries[index] for index in sorted(entries)]


def _nearest(entries: list[Entry], actions, at, claim: str) -> Entry | None:
    """The entry of one of actions written nearest to at (same transaction), not yet claimed."""
    candidates = [
        e
        for e in entries
        if e.action in actions and claim not in e.claims and abs(e.at - at) <= SAME_WRITE
    ]
    if not candidates:
        return None
    found = min(candidates, key=lambda e: abs(e.at - at))
    found.claims.add(claim)
    return found


def _latest(entries: list[Entry], actions, claim: str, note: str | None = None) -> Entry | None:
    for entry in reversed(entries):
        if entry.action in actions and claim not in entry.claims:
            if note is None or entry.note == note:
                entry.claims.add(claim)
                return entry
    return None


def _attach(entries, extra, found: Entry | None, fallback: Entry) -> Entry:
    if found is not None:
        return found
    extra.append(fallback)
    return fallback


def _record_entry(entries, extra, action, at, tag: str, *, matches=None, **fields) -> Entry:
    """The history row (of action, or of one of matches) written with a record at `at`, or an
    entry of its own when that row is missing."""
    found = _nearest(entries, matches or {action}, at, tag)
    return _attach(
        entries, extra, found, Entry(at=at, title=str(action.label), action=action, **fields)
    )


def _routing(melding, entries, extra, erased) -> None:
    notices_by_decision = defaultdict(list)
    for notice in melding.notices.all():
        notices_by_decision[notice.decision_id].append(notice)
    for decision in melding.routing_decisions.all():
        notices = notices_by_decision[decision.pk]
        entry = _record_entry(
            entries,
            extra,
            A.ROUTED,
            decision.decided_at,
            "decision",
            actor=person(decision.decided_by),
            note=", ".join(str(n.partner) for n in notices),
        )
        if notices:
            entry.note = ""  # the partners are listed below, each with its deadline
        for notice in notices:
            entry.facts.append(
                (
                    str(notice.partner),
                    _("reactie uiterlijk %(deadline)s") % {"deadline": moment(notice.deadline_at)},
                )
            )
        if decision.note and not erased:
            entry.texts.append((_("Toelichting bij de routering"), decision.note))


def _deliveries(melding, extra) -> None:
    for notice in melding.notices.all():
        if notice.sent_at:
            extra.append(
                Entry(
                    at=notice.sent_at,
                    title=_("Bericht verzonden aan %(partner)s") % {"partner": notice.partner},
                    kind="partner",
                    note=_("reactie uiterlijk %(deadline)s")
                    % {"deadline": moment(notice.deadline_at)},
                )
            )
        elif notice.status in (NoticeStatus.FAILED, NoticeStatus.GAVE_UP):
            extra.append(
                Entry(
                    at=notice.last_attempt_at or notice.created_at,
                    title=_("Bericht aan %(partner)s niet verzonden") % {"partner": notice.partner},
                    kind="warning",
                    note=notice.get_status_display(),
                )
            )


def _additions(melding, entries, extra, erased) -> None:
    if erased:
        return
    for addition in melding.additions.all():
        entry = _record_entry(
            entries,
            extra,
            A.ADDITION,
            addition.created_at,
            "addition",
            kind="reporter",
            actor=person(addition.author) or _("Melder"),
        )
        entry.texts.append((_("Aanvulling"), addition.text))
        for attachment in addition.attachments.all():
            entry.links.append(
                (reverse("melding_attachment", args=[attachment.pk]), attachment.original_name)
            )


def _feedback(melding, entries, extra, erased) -> None:
    actions = {A.FEEDBACK, A.FEEDBACK_TO_REPORTER}
    items = [(f, n) for n in melding.notices.all() for f in n.feedback.all()]
    for feedback, notice in sorted(items, key=lambda item: (item[0].created_at, item[0].pk)):
        action = A.FEEDBACK_TO_REPORTER if feedback.for_reporter else A.FEEDBACK
        entry = _record_entry(
            entries,
            extra,
            action,
            feedback.created_at,
            "feedback",
            matches=actions,
            kind="partner",
            actor=person(feedback.author),
        )
        entry.note = ""  # partner and kind are listed below
        entry.facts += [
            (_("Ketenpartner"), str(notice.partner)),
            (_("Soort"), feedback.get_kind_display()),
            (_("Zichtbaar voor de melder"), yes_no(feedback.for_reporter)),
        ]
        if feedback.text and not erased:
            entry.texts.append((_("Terugkoppeling"), feedback.text))


def _aangifte(melding, entries, extra, aangifte, erased) -> None:
    if aangifte is None:
        return
    entry = _attach(
        entries,
        extra,
        _nearest(entries, {A.AANGIFTE}, aangifte.updated_at, "aangifte")
        or _latest(entries, {A.AANGIFTE}, "aangifte"),
        Entry(
            at=aangifte.updated_at,
            title=str(A.AANGIFTE.label),
            kind="casework",
            action=A.AANGIFTE,
            actor=person(aangifte.recorded_by),
        ),
    )
    entry.facts += aangifte_facts(aangifte, erased)


def aangifte_facts(aangifte, erased: bool = False) -> list[tuple[str, str]]:
    facts = [
        (_("Stand"), _label(AangifteStatus, aangifte.status)),
        (_("Wie doet aangifte"), _label(AangifteFiler, aangifte.filer)),
        (_("Adres in het dossier"), _label(Domicile, aangifte.domicile)),
        (_("VPT-code gevraagd"), yes_no(aangifte.vpt_requested)),
        (_("Datum aangifte"), day(aangifte.filed_on)),
    ]
    if aangifte.police_number and not erased:
        facts.append((_("Registratienummer politie"), aangifte.police_number))
    return facts


def measure_facts(measure: Measure) -> list[tuple[str, str]]:
    step = measure.step.name
    if measure.step.restrictive:
        step = _("%(step)s (beperkende maatregel)") % {"step": step}
    told = day(measure.told_on) if measure.told_on else _("nog niet meegedeeld")
    if measure.ends_on:
        duration = _("van %(start)s tot en met %(end)s") % {
            "start": day(measure.decided_on),
            "end": day(measure.ends_on),
        }
    else:
        duration = _("geen einddatum")
    return [
        (_("Maatregel"), step),
        (
            _("Besloten door"),
            f"{measure.decided_by_name} ({_label(DeciderRole, measure.decided_by_role)})",
        ),
        (_("Datum besluit"), day(measure.decided_on)),
        (_("Duur"), duration),
        (_("Meegedeeld aan de betrokkene"), told),
        (_("Bezwaar"), _label(Objection, measure.objection)),
    ]


def _measures(melding, entries, extra, erased) -> None:
    measures = list(melding.measures.all())
    for measure in measures:
        entry = _record_entry(
            entries,
            extra,
            A.MEASURE,
            measure.created_at,
            "measure",
            kind="casework",
            actor=person(measure.recorded_by),
        )
        entry.facts += measure_facts(measure)[:-1]
        if not erased:
            entry.texts.append((_("Onderbouwing"), measure.justification))
    # Objection rows (note "<step>: <objection>"): the outcome on the latest one of its measure.
    for measure in sorted(measures, key=lambda m: m.pk, reverse=True):
        if not measure.objection_outcome or erased:
            continue
        note = f"{measure.step.name}: {_label(Objection, measure.objection)}"
        entry = _latest(entries, {A.OBJECTION, A.MEASURE}, "objection", note=note)
        if entry is not None:
            entry.texts.append((_("Uitkomst van het bezwaar"), measure.objection_outcome))


def _nazorg(melding, entries, erased) -> None:
    contacts = list(melding.nazorg.all())
    done = sorted((c for c in contacts if c.done_on), key=lambda c: (c.done_on, c.pk), reverse=True)
    for contact in done:
        label = _label(NazorgOutcome, contact.outcome)
        entry = _latest(entries, {A.NAZORG_DONE}, "nazorg", note=label)
        if entry is None:
            continue
        entry.facts += [
            (_("Gepland op"), day(contact.due_on)),
            (_("Gedaan op"), day(contact.done_on)),
        ]
        if contact.note and not erased:
            entry.texts.append((_("Aantekening"), contact.note))
    for contact in contacts:
        if not contact.answered_at or erased:
            continue
        entry = _nearest(entries, {A.NAZORG_ANSWER}, contact.answered_at, "answer")
        if entry is not None and contact.reporter_answer:
            entry.facts.append((_("Nazorgcontact van"), day(contact.due_on)))
            entry.texts.append((_("Antwoord van de melder"), contact.reporter_answer))


def _evaluation(entries, evaluation, erased) -> None:
    if evaluation is None:
        return
    entry = _latest(entries, {A.EVALUATED}, "evaluation")
    if entry is None:
        return
    entry.facts += [
        (_("Nabesproken op"), day(evaluation.held_on)),
        (_("Met de melder"), yes_no(evaluation.with_reporter)),
    ]
    if evaluation.lessons and not erased:
        entry.texts.append((_("Wat we leren"), evaluation.lessons))


def one_or_none(melding: Melding, name: str):
    """A reverse one-to-one relation of melding (prefetched), or None (its DoesNotExist is
    an AttributeError too)."""
    return getattr(melding, name, None)


def case_timeline(melding: Melding) -> list[Entry]:
    """The merged timeline of melding, oldest first (call prefetch_case first)."""
    erased = melding.erasure is not None
    entries = _history_entries(list(melding.history.all()), erased)
    extra: list[Entry] = []
    _routing(melding, entries, extra, erased)
    _deliveries(melding, extra)
    _additions(melding, entries, extra, erased)
    _feedback(melding, entries, extra, erased)
    _aangifte(melding, entries, extra, one_or_none(melding, "aangifte"), erased)
    _measures(melding, entries, extra, erased)
    _nazorg(melding, entries, erased)
    _evaluation(entries, one_or_none(melding, "evaluation"), erased)
    ordered = [(e.at, 0, i, e) for i, e in enumerate(entries)]
    ordered += [(e.at, 1, i, e) for i, e in enumerate(extra)]
    return [item[-1] for item in sorted(ordered, key=lambda item: item[:3])]


def last_closing(melding: Melding) -> MeldingHistory | None:
    """The history row of the latest closing (its comment is the closing note)."""
    rows = [
        row
        for row in melding.history.all()
        if row.action == A.STATUS and row.to_status == Status.CLOSED
    ]
    return rows[-1] if rows else None
