"""National-scale data for benchmarks: N organisations with protocols, toolkit items, checklist
progress and partners, and M meldingen with history and notices, created in bulk.

Run: `python -m bench.scale_data --organisations 400 --meldingen 1000000` (see bench/README.md).
The pages of an organisation go through Wagtail (tree, revisions); meldingen, history and
notices are streamed with COPY (bench.bulk), personal data encrypted as in production; the
newest received meldingen enter the moderation workflow as at intake.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import timedelta

BATCH = 2000


class Progress:
    """A plain progress bar on stderr (no dependency)."""

    def __init__(self, label: str, total: int):
        self.label, self.total, self.done, self.start = label, max(total, 1), 0, time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        share = self.done / self.total
        rate = self.done / max(time.monotonic() - self.start, 1e-6)
        bar = "#" * int(share * 30)
        sys.stderr.write(f"\r{self.label:<14} [{bar:<30}] {self.done}/{self.total} ({rate:,.0f}/s)")
        if self.done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _kind_and_code(i: int) -> tuple[str, str]:
    """As in the Netherlands: 12 provincies, 21 waterschappen, the rest gemeenten; each code
    unique (the demo organisations use GM9999, PV99 and WS9999)."""
    if i < 12:
        return "provincie", f"PV{20 + i}"
    if i < 33:
        return "waterschap", f"WS{i:04d}"
    return "gemeente", f"GM{i % 9999:04d}"


def organisations(n: int, start: int = 0, seed: int = 1) -> list:
    """n new organisations numbered from start (a rerun continues where the last one ended)."""

    from django.utils import timezone

    from home.provisioning import provision_organisation
    from partners.models import Partner, PartnerKind
    from protocols.models import ProtocolPage, ProtocolTemplatePage
    from protocols.sections import derive_protocol
    from toolkit.demo import local_toolkit
    from toolkit.demo_content import LOCAL_RESOURCES
    from toolkit.models import ChecklistItem, ChecklistProgress, ToolkitIndexPage
    from workflows.demo import melden_page

    rng = random.Random(seed + start)
    kinds = {k.code: k for k in PartnerKind.objects.all()}
    items = list(ChecklistItem.objects.all())
    has_template = ProtocolTemplatePage.objects.live().exists()
    orgs, bar = [], Progress("organisaties", n)
    for i in range(start, start + n):
        kind, code = _kind_and_code(i)
        title = f"{kind.capitalize()} Schaalstad {i}"
        try:
            org = provision_organisation(title=title, kind=kind, official_code=code).organisation
        except Exception:  # noqa: BLE001 - a clash with data made otherwise: skip that one
            bar.advance()
            continue
        if has_template and not ProtocolPage.objects.child_of(org).exists():
            derive_protocol(org).save_revision().publish()
        if not ToolkitIndexPage.objects.child_of(org).exists():
            local_toolkit(org, rng.choice(list(LOCAL_RESOURCES)))
        melden_page(org, accept_without_account=False)
        Partner.objects.bulk_create(
            [
                Partner(
                    organisation=org,
                    kind=kinds[code_],
                    name=f"{kinds[code_].name} {i}",
                    notification_email=f"{code_}@schaal{i}.example",
                )
                for code_ in ("veiligheidscoordinator", "politie", "om", "vertrouwenslijn")
                if code_ in kinds
            ],
            ignore_conflicts=True,
        )
        # Provisioning leaves placeholder addresses (…@nog-invullen.invalid) that delivery
        # refuses until an organisation fills them in; the bench organisations have done so.
        for partner in Partner.objects.filter(
            organisation=org, notification_email__endswith=".invalid"
        ):
            partner.notification_email = f"{partner.kind.code}@schaal{i}.example"
            partner.save(update_fields=["notification_email"])
        statuses = [rng.choice(["niet_gestart", "bezig", "gereed"]) for _ in items]
        ChecklistProgress.objects.bulk_create(
            [
                ChecklistProgress(
                    organisation=org,
                    item=item,
                    status=status,
                    completed_on=timezone.localdate() if status == "gereed" else None,
                )
                for item, status in zip(items, statuses, strict=True)
            ],
            ignore_conflicts=True,
        )
        orgs.append(org)
        bar.advance()
    return orgs


def _statuses(rng: random.Random, age_days: int) -> str:
    """Old meldingen are mostly closed; recent ones still open or with the partners."""
    from meldingen.models import Status

    if age_days < 3:
        return rng.choice([Status.RECEIVED, Status.ROUTED])
    if age_days < 60:
        return rng.choice([Status.ROUTED, Status.ROUTED, Status.CLOSED])
    return rng.choice([Status.CLOSED] * 9 + [Status.EVALUATED])


def _reference(pk: int) -> str:
    """Unique per primary key, in the format of new_reference (bench data only)."""
    from meldingen.models.melding import REFERENCE_ALPHABET as A

    chars, n = [], pk * 7919 + 104729
    for _ in range(8):
        n, r = divmod(n, len(A))
        chars.append(A[r])
    return f"VB-{''.join(chars[:4])}-{''.join(chars[4:])}"


def meldingen(orgs: list, total: int, seed: int = 2) -> int:
    """total meldingen over orgs with behaviours, personal data (encrypted), history,
    routing decisions and notices, streamed with COPY (PostgreSQL)."""
    from django.db import transaction
    from django.utils import timezone

    from meldingen.models import (
        BehaviourKind,
        Channel,
        Melding,
        MeldingBehaviour,
        MeldingHistory,
        MeldingPersonalData,
        Place,
        ReporterRole,
        Status,
    )
    from meldingen.models.choices import severity_for
    from partners.models import Notice, Partner, RoutingDecision

    from .bulk import copy_instances, reserve_ids

    rng = random.Random(seed)
    now = timezone.now()
    partners = {}
    for p in Partner.objects.filter(organisation__in=orgs).select_related("kind"):
        partners.setdefault(p.organisation_id, []).append(p)
    kinds = BehaviourKind.values
    bar, created = Progress("meldingen", total), 0
    while created < total:
        size = min(BATCH, total - created)
        with transaction.atomic():
            batch = []
            for pk in reserve_ids(Melding, size):
                chosen = rng.sample(kinds, rng.choice([1, 1, 2]))
                age = rng.randint(0, 730)
                when = now - timedelta(days=age, minutes=rng.randint(0, 1440))
                melding = Melding(
                    pk=pk,
                    reference=_reference(pk),
                    organisation=rng.choice(orgs),
                    status=_statuses(rng, age),
                    reporter_role=rng.choice(ReporterRole.values),
                    occurred_at=when,
                    place=rng.choice(Place.values),
                    channel=rng.choice(Channel.values),
                    severity=severity_for(chosen),
                    perpetrator_known="nee",
                    wishes=["registratie"],
                    consent_kinds=["politie"],
                )
                melding.created_at = melding.updated_at = when
                melding._kinds = chosen
                batch.append(melding)
            copy_instances(batch)
            copy_instances([MeldingBehaviour(melding=m, kind=k) for m in batch for k in m._kinds])
            copy_instances(
                [
                    MeldingPersonalData(
                        melding=m,
                        name="Schaal Melder",
                        email="melder@schaal.example",
                        description="Gegenereerde melding voor de benchmark.",
                    )
                    for m in batch
                ]
            )
            history = [
                MeldingHistory(
                    melding=m, at=m.created_at, action="ontvangen", to_status=Status.RECEIVED
                )
                for m in batch
            ]
            routed = [
                m for m in batch if m.status != Status.RECEIVED and partners.get(m.organisation_id)
            ]
            decisions = [
                RoutingDecision(pk=pk, melding=m)
                for m, pk in zip(routed, reserve_ids(RoutingDecision, len(routed)), strict=True)
            ]
            notices = []
            for m, decision in zip(routed, decisions, strict=True):
                decision.decided_at = m.occurred_at
                history.append(
                    MeldingHistory(
                        melding=m, at=m.created_at, action="doorgestuurd", to_status=Status.ROUTED
                    )
                )
                for partner in rng.sample(partners[m.organisation_id], 2):
                    acknowledged = m.status != Status.ROUTED or rng.random() < 0.7
                    notices.append(
                        Notice(
                            decision=decision,
                            melding=m,
                            partner=partner,
                            created_at=m.created_at,
                            status=("bevestigd" if acknowledged else "verzonden"),
                            attempts=1,
                            sent_at=m.occurred_at,
                            deadline_at=m.occurred_at + timedelta(hours=48),
                            acknowledged_at=m.occurred_at + timedelta(hours=rng.randint(1, 96))
                            if acknowledged
                            else None,
                        )
                    )
            copy_instances(decisions)
            copy_instances(history)
            copy_instances(notices)
        created += size
        bar.advance(size)
    return created


def open_in_workflow(limit: int) -> int:
    """Put the newest received meldingen into the moderation workflow as intake does, so the
    coordinators' queues and dashboards hold real task states."""
    from meldingen.models import Melding, Status
    from workflows.engine import start_moderation

    waiting = list(
        Melding.objects.filter(status=Status.RECEIVED, workflow_states__isnull=True).order_by(
            "-created_at"
        )[:limit]
    )
    bar = Progress("in workflow", len(waiting))
    for melding in waiting:
        start_moderation(melding)
        bar.advance()
    return len(waiting)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=400)
    parser.add_argument("--meldingen", type=int, default=1_000_000)
    parser.add_argument("--open", type=int, default=2000, help="meldingen in moderation")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veiligbestuur.settings.bench")
    import django

    django.setup()
    from django.db import connection

    from home.models import OrganisationPage
    from home.setup import ensure_platform
    from meldingen.models import Melding
    from partners.setup import ensure_national_routing
    from workflows.engine import ensure_meldingen_workflow

    start = time.monotonic()
    ensure_platform()
    ensure_national_routing()
    ensure_meldingen_workflow()
    # Safe to run again: only what is missing is added.
    orgs = list(OrganisationPage.objects.filter(title__contains=" Schaalstad "))
    orgs += organisations(max(args.organisations - len(orgs), 0), start=len(orgs))
    missing = args.meldingen - Melding.objects.filter(organisation__in=orgs).count()
    meldingen(orgs, max(missing, 0))
    open_in_workflow(args.open)
    with connection.cursor() as cursor:
        # Planner statistics, the visibility map and hint bits after the bulk load: otherwise
        # the first readers of every row write (hint bits) and index-only scans fall back to
        # the table until autovacuum comes by, in the middle of a measurement. (VACUUM cannot
        # run inside a transaction, as in the tests.)
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
    total = Melding.objects.filter(organisation__in=orgs).count()
    print(f"{len(orgs)} organisaties en {total} meldingen; {time.monotonic() - start:.0f} s.")


if __name__ == "__main__":
    main()
