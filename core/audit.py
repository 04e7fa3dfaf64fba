"""Recording and verifying the audit trail (a hash chain over workflows.AuditEvent)."""

from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone

from core.models import AuditEvent

GENESIS = "0" * 64
LOCK_ID = 7_340_001  # PostgreSQL advisory lock serialising appends to the chain


def record(actor, action: str, *, melding=None, organisation=None, detail: str = "") -> AuditEvent:
    """Append one event; detail must not contain personal data. Inside a caller's transaction
    it is part of it (no savepoint): the event and what it records commit together."""
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])
        last = AuditEvent.objects.order_by("-pk").values_list("hash", flat=True).first()
        authenticated = actor is not None and actor.is_authenticated
        event = AuditEvent(
            at=timezone.now(),
            actor=actor if authenticated else None,
            actor_name=actor.get_username() if authenticated else "",
            action=action,
            melding=melding,
            organisation=organisation or (melding.organisation if melding else None),
            reference=melding.reference if melding else "",
            detail=detail[:300],
            prev_hash=last or GENESIS,
        )
        event.hash = event.compute_hash()
        event.save()
        return event


def verify() -> list[str]:
    """Walk the chain; returns the problems found (empty when intact)."""
    problems = []
    previous = GENESIS
    for event in AuditEvent.objects.order_by("pk").iterator():
        if event.prev_hash != previous:
            problems.append(f"regel {event.pk}: verwijzing naar vorige regel klopt niet")
        if event.compute_hash() != event.hash:
            problems.append(f"regel {event.pk}: inhoud is gewijzigd")
        previous = event.hash
    return problems
