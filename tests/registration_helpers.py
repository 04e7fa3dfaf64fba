"""Builders for the registration tests: meldingen at a given moment, notices with set times."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from partners.models import Notice, RoutingDecision
from tests import factories

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=AMS)


@pytest.fixture
def travel(monkeypatch):
    """Time travel: travel(moment) makes timezone.now() return moment from then on."""

    def go(moment: datetime.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return go


def melding(org, occurred: datetime.datetime, **overrides):
    return factories.melding(org, occurred_at=occurred, **overrides)


def notice(melding, partner, created, deadline, acknowledged=None) -> Notice:
    decision = RoutingDecision.objects.create(melding=melding)
    n = Notice.objects.create(
        decision=decision,
        melding=melding,
        partner=partner,
        deadline_at=deadline,
        acknowledged_at=acknowledged,
    )
    Notice.objects.filter(pk=n.pk).update(created_at=created)
    return n
