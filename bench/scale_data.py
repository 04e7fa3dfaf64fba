"""National-scale data for benchmarks: N organisations with protocols, toolkit items, checklist
progress and partners, and M meldingen with history and notices, created in bulk.

Run: `python -m bench.scale_data --organisations 400 --meldingen 1000000` (see bench/README.md).
The pages of an organisation go through Wagtail (tree, revisions); meldingen, history and
notices through bulk_create in batches, personal data encrypted as in production.
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


def organisations(n: int, seed: int = 1) -> list:

    from django.utils import timezone

    from home.provisioning import provision_organisation
    from protocols.models import ProtocolPage, ProtocolTemplatePage
    from protocols.sections import derive_protocol
    from toolkit.models import ChecklistItem, ChecklistProgress, ToolkitIndexPage
    from workflows.models import Partner, PartnerKind

    rng = random.Random(seed)
    kinds = {k.code: k for k in PartnerKind.objects.all()}
    items = list(ChecklistItem.objects.all())
    has_template = ProtocolTemplatePage.objects.live().exists()
    orgs, bar = [], Progress("organisaties", n)
    for i in range(n):
        kind, prefix, digits = rng.choice(
            [("gemeente", "GM", 4)] * 8 + [("waterschap", "WS", 4), ("provincie", "PV", 2)]
        )
        code = f"{prefix}{(i % 10**digits):0{digits}d}" if prefix != "PV" else f"PV{i % 100:02d}"
        title = f"{kind.capitalize()} Schaalstad {i}"
        try:
            org = provision_organisation(title=title, kind=kind, official_code=code).organisation
        except Exception:  # noqa: BLE001 - a code clash at this scale: skip that one
            bar.advance()
            continue
        if has_template and not ProtocolPage.objects.child_of(org).exists():
            derive_protocol(org).save_revision().publish()
        if not ToolkitIndexPage.objects.child_of(org).exists():
            index = ToolkitIndexPage(title="Toolkit", slug="toolkit")
            org.add_child(instance=index)
            index.save_revision().publish()
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


def meldingen(orgs: list, total: int, seed: int = 2) -> int:
    from django.db import transaction
    from django.utils import timezone

    from workflows.models import (
        BehaviourKind,
        Channel,
        Melding,
        MeldingBehaviour,
        MeldingHistory,
        MeldingPersonalData,
        Notice,
        Partner,
        Place,
        ReporterRole,
        RoutingDecision,
        Status,
    )
    from workflows.models.choices import severity_for

    rng = random.Random(seed)
    now = timezone.now()
    partners = {}
    for p in Partner.objects.filter(organisation__in=orgs).select_related("kind"):
        partners.setdefault(p.organisation_id, []).append(p)
    kinds, statuses = BehaviourKind.values, [Status.RECEIVED, Status.ROUTED, Status.CLOSED]
    bar, created = Progress("meldingen", total), 0
    while created < total:
        size = min(BATCH, total - created)
        with transaction.atomic():
            batch = []
            for _ in range(size):
                chosen = rng.sample(kinds, rng.choice([1, 1, 2]))
                when = now - timedelta(days=rng.randint(0, 730), minutes=rng.randint(0, 1440))
                batch.append(
                    Melding(
                        organisation=rng.choice(orgs),
                        status=rng.choice(statuses),
                        reporter_role=rng.choice(ReporterRole.values),
                        occurred_at=when,
                        place=rng.choice(Place.values),
                        channel=rng.choice(Channel.values),
                        severity=severity_for(chosen),
                        perpetrator_known="nee",
                        wishes=["registratie"],
                        consent_to_share=True,
                    )
                )
                batch[-1]._kinds = chosen
            Melding.objects.bulk_create(batch)
            MeldingBehaviour.objects.bulk_create(
                [MeldingBehaviour(melding=m, kind=k) for m in batch for k in m._kinds]
            )
            MeldingPersonalData.objects.bulk_create(
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
                MeldingHistory(melding=m, action="ontvangen", to_status=Status.RECEIVED)
                for m in batch
            ]
            routed = [
                m for m in batch if m.status != Status.RECEIVED and partners.get(m.organisation_id)
            ]
            decisions = RoutingDecision.objects.bulk_create(
                [RoutingDecision(melding=m) for m in routed]
            )
            notices = []
            for m, decision in zip(routed, decisions, strict=True):
                history.append(
                    MeldingHistory(melding=m, action="doorgestuurd", to_status=Status.ROUTED)
                )
                for partner in rng.sample(partners[m.organisation_id], 2):
                    acknowledged = m.status == Status.CLOSED
                    notices.append(
                        Notice(
                            decision=decision,
                            melding=m,
                            partner=partner,
                            status=("bevestigd" if acknowledged else "verzonden"),
                            attempts=1,
                            sent_at=m.occurred_at,
                            deadline_at=m.occurred_at,
                            acknowledged_at=m.occurred_at + timedelta(hours=rng.randint(1, 96))
                            if acknowledged
                            else None,
                        )
                    )
            MeldingHistory.objects.bulk_create(history)
            Notice.objects.bulk_create(notices)
        created += size
        bar.advance(size)
    return created


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=400)
    parser.add_argument("--meldingen", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veiligbestuur.settings.bench")
    import django

    django.setup()
    from home.setup import ensure_platform
    from workflows.setup import ensure_national_routing

    start = time.monotonic()
    ensure_platform()
    ensure_national_routing()
    orgs = organisations(args.organisations)
    count = meldingen(orgs, args.meldingen)
    print(f"{len(orgs)} organisaties en {count} meldingen in {time.monotonic() - start:.0f} s.")


if __name__ == "__main__":
    main()
