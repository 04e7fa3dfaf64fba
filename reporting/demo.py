"""Demo content: a year of meldingen per demo organisation, so the dashboards tell a story (a
rise around a heated debate in the summer, most closed, partners mostly in time). Bulk-created
so load_demo stays fast; an organisation that already has older meldingen is left alone."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from home.demo import ORGANISATIONS
from home.models import OrganisationPage
from meldingen.models import (
    Aangifte,
    AangifteFiler,
    AangifteStatus,
    AvoidanceKind,
    AvoidanceSignal,
    Channel,
    CloseOutcome,
    DeciderRole,
    Domicile,
    Measure,
    MeasureStep,
    Melding,
    MeldingBehaviour,
    MeldingHistory,
    MeldingPersonalData,
    PerpetratorKnown,
    Place,
    Status,
)
from meldingen.models.choices import severity_for
from partners.delivery import deadline_for
from partners.models import Notice, NoticeStatus, Partner, RoutingDecision
from reporting.models import RetentionPolicy

# Meldingen per month, oldest first (twelve months ago up to last month).
MONTHLY = {
    "gemeente": [3, 2, 4, 3, 5, 6, 11, 8, 5, 4, 6, 5],
    "provincie": [1, 2, 1, 2, 3, 2, 6, 4, 2, 2, 3, 2],
    "waterschap": [0, 1, 1, 1, 2, 1, 3, 2, 1, 1, 2, 1],
}
ROLES = {
    "gemeente": ["raadslid"] * 5 + ["wethouder"] * 3 + ["burgemeester", "commissielid", "naaste"],
    "provincie": ["statenlid"] * 4 + ["gedeputeerde"] * 2 + ["cdk"],
    "waterschap": ["waterschapsbestuurder"] * 3 + ["dijkgraaf"],
}
KINDS = (
    ["verbaal"] * 6
    + ["online"] * 5
    + ["intimidatie"] * 3
    + ["bedreiging"] * 3
    + ["bedreiging_naasten", "doxing", "huisbezoek", "discriminatie", "verstoring", "fysiek"]
)
# Closing outcomes of a year of meldingen, roughly as often as in the protocols' evaluations.
OUTCOMES = (
    [CloseOutcome.RESOLVED] * 5
    + [CloseOutcome.MEASURE] * 3
    + [CloseOutcome.CRIMINAL_CASE] * 2
    + [CloseOutcome.REFERRED, CloseOutcome.REGISTERED]
)
PLACE_OF_CHANNEL = {
    Channel.IN_PERSON: Place.MEETING,
    Channel.SOCIAL: Place.ONLINE,
    Channel.EMAIL: Place.ONLINE,
    Channel.MESSAGING: Place.ONLINE,
    Channel.PHONE: Place.OTHER,
    Channel.LETTER: Place.HOME,
}
CHANNELS = [Channel.SOCIAL] * 5 + [Channel.IN_PERSON] * 4 + [Channel.EMAIL] * 3 + list(Channel)
DESCRIPTIONS = [
    "Na de raadsvergadering werd ik in de hal hard uitgescholden.",
    "Onder mijn bericht verschenen reacties waarin mijn woonplaats werd genoemd.",
    "Een anonieme brief met een dreigende tekst op de deurmat.",
    "Tijdens de inspraak bleef een bezoeker schreeuwen na een waarschuwing.",
    "Via een berichtenapp kreeg ik herhaaldelijk beledigende berichten.",
]
AVOIDANCE = [
    AvoidanceKind.EVENTS,
    AvoidanceKind.ONLINE,
    AvoidanceKind.TOPICS,
    AvoidanceKind.NOT_AGAIN,
]


def _month_start(now: datetime.datetime, back: int) -> datetime.datetime:
    first = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    for _ in range(back):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return first


def _bulk_create_keeping(model, objects: list, field: str) -> None:
    """bulk_create, then restore the auto_now_add field that it overwrote with now."""
    wanted = [getattr(obj, field) for obj in objects]
    model.objects.bulk_create(objects)
    for obj, value in zip(objects, wanted, strict=True):
        setattr(obj, field, value)
    model.objects.bulk_update(objects, [field])


def _year(org: OrganisationPage, now: datetime.datetime, rng: random.Random) -> int:
    partners = list(Partner.objects.filter(organisation=org).select_related("kind"))
    police = [p for p in partners if p.kind.code in ("politie", "veiligheidscoordinator")]
    meldingen, kinds_of = [], []
    for index, count in enumerate(MONTHLY[org.kind]):
        start = _month_start(now, 12 - index)
        for _ in range(count):
            occurred = start + datetime.timedelta(
                days=rng.randrange(28), hours=rng.randrange(8, 22)
            )
            kinds = sorted(set(rng.sample(KINDS, rng.choice([1, 1, 2]))))
            channel = rng.choice(CHANNELS)
            meldingen.append(
                Melding(
                    organisation=org,
                    status=Status.EVALUATED if index < 6 else Status.CLOSED,
                    reporter_role=rng.choice(ROLES[org.kind]),
                    occurred_at=occurred,
                    place=PLACE_OF_CHANNEL[channel],
                    channel=channel,
                    severity=severity_for(kinds),
                    urgent="fysiek" in kinds or "huisbezoek" in kinds,
                    related_to_office=True,
                    perpetrator_known=rng.choice(PerpetratorKnown.values),
                    wishes=["registratie"],
                    consent_kinds=["politie"],
                    outcome=rng.choice(OUTCOMES),
                )
            )
            kinds_of.append(kinds)
    Melding.objects.bulk_create(meldingen)
    history, behaviours, personal, decisions = [], [], [], []
    for melding, kinds in zip(meldingen, kinds_of, strict=True):
        melding.created_at = melding.occurred_at + datetime.timedelta(hours=rng.randrange(1, 30))
        closed = melding.created_at + datetime.timedelta(days=rng.randrange(5, 40))
        behaviours += [MeldingBehaviour(melding=melding, kind=k) for k in kinds]
        personal.append(
            MeldingPersonalData(
                melding=melding,
                name="Demo-melder",
                email="demo-melder@example.invalid",
                description=rng.choice(DESCRIPTIONS),
            )
        )
        steps = [("ontvangen", "", Status.RECEIVED, melding.created_at)]
        steps.append(("status", Status.RECEIVED, Status.CLOSED, closed))
        if melding.status == Status.EVALUATED:
            steps.append(
                ("status", Status.CLOSED, Status.EVALUATED, closed + datetime.timedelta(days=30))
            )
        history += [
            MeldingHistory(melding=melding, action=a, from_status=f, to_status=t, at=at)
            for a, f, t, at in steps
        ]
        decisions.append(RoutingDecision(melding=melding, note="Demo-routering"))
    Melding.objects.bulk_update(meldingen, ["created_at"])
    _measures_and_aangiftes(meldingen, kinds_of, rng)
    MeldingBehaviour.objects.bulk_create(behaviours)
    MeldingPersonalData.objects.bulk_create(personal)
    _bulk_create_keeping(MeldingHistory, history, "at")
    RoutingDecision.objects.bulk_create(decisions)
    notices = []
    for decision in decisions:
        melding = decision.melding
        decision.decided_at = melding.created_at + datetime.timedelta(hours=rng.randrange(1, 20))
        for partner in rng.sample(police, min(len(police), rng.choice([1, 2]))):
            deadline = deadline_for(partner.kind, melding, start=decision.decided_at)
            # Most partners acknowledge in time, some late (as the figures should show).
            share = rng.random() * (0.9 if rng.random() < 0.85 else 2.0) + 0.02
            acked = decision.decided_at + (deadline - decision.decided_at) * share
            notices.append(
                Notice(
                    decision=decision,
                    melding=melding,
                    partner=partner,
                    status=NoticeStatus.ACKNOWLEDGED,
                    sent_at=decision.decided_at,
                    deadline_at=deadline,
                    acknowledged_at=acked,
                    created_at=decision.decided_at,
                )
            )
    RoutingDecision.objects.bulk_update(decisions, ["decided_at"])
    _bulk_create_keeping(Notice, notices, "created_at")
    AvoidanceSignal.objects.bulk_create(
        [
            AvoidanceSignal(
                organisation=org,
                melding=melding if rng.random() < 0.5 else None,
                kind=rng.choice(AVOIDANCE),
                reporter_role=melding.reporter_role,
                by_colleague=rng.random() < 0.3,
                observed_on=timezone.localdate(melding.occurred_at) + datetime.timedelta(days=7),
            )
            for melding in rng.sample(meldingen, len(meldingen) // 5)
        ]
    )
    return len(meldingen)


def load(stdout) -> list[tuple[str, str]]:
    now = timezone.now()
    loaded = 0
    for spec in ORGANISATIONS:
        org = OrganisationPage.objects.get(official_code=spec["code"], locale__language_code="nl")
        RetentionPolicy.objects.get_or_create(
            organisation=org, defaults={"decided_on": timezone.localdate()}
        )
        older = now - datetime.timedelta(days=40)
        if Melding.objects.filter(organisation=org, occurred_at__lt=older).exists():
            continue
        loaded += _year(org, now, random.Random(spec["code"]))  # noqa: S311 - demo data  # nosec B311
    stdout.write(f"Een jaar aan meldingen voor de dashboards geladen ({loaded} nieuw).")
    return []


DEMO_MEASURES = ["waarschuwingsbrief", "ordegesprek", "ordegesprek", "contactbeperking"]


def _measures_and_aangiftes(meldingen, kinds_of, rng) -> None:
    """A measure for meldingen closed with one, an aangifte for those with a criminal case."""
    steps = {step.code: step for step in MeasureStep.objects.all()}
    measures, aangiftes = [], []
    for melding, kinds in zip(meldingen, kinds_of, strict=True):
        day = melding.occurred_at.date() + datetime.timedelta(days=2)
        if melding.outcome == CloseOutcome.MEASURE:
            code = rng.choice(
                ["waarschuwingsbrief", "ordegesprek", "ordegesprek", "contactbeperking"]
            )
            measures.append(
                Measure(
                    melding=melding,
                    step=steps[code],
                    decided_by_role=DeciderRole.MAYOR,
                    decided_by_name="Demo-burgemeester",
                    decided_on=day,
                    justification="Demo: herhaald grensoverschrijdend gedrag.",
                    ends_on=day + datetime.timedelta(days=90) if steps[code].restrictive else None,
                    told_on=day,
                )
            )
        if melding.outcome == CloseOutcome.CRIMINAL_CASE or "fysiek" in kinds:
            aangiftes.append(
                Aangifte(
                    melding=melding,
                    filer=AangifteFiler.ORGANISATION,
                    vpt_requested=True,
                    domicile=Domicile.WORK_ADDRESS,
                    filed_on=day,
                    status=AangifteStatus.FILED,
                )
            )
    Measure.objects.bulk_create(measures)
    Aangifte.objects.bulk_create(aangiftes)
