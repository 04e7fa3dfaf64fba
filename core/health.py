"""Health checks for the load balancer and monitoring: /gezond/ answers as soon as the process
runs (no database); /gereed/ checks the database, the cache and the task queue, and answers
503 when a task has waited longer than TASK_QUEUE_ALERT_SECONDS: then no worker is taking
work and meldingen are not moving (moderation start, confirmations, notices to partners).
Neither holds personal data; neither is ever cached."""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Min, When
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)


@never_cache
def alive(request):
    return HttpResponse("ok", content_type="text/plain")


def oldest_wait_seconds() -> float:
    """How long the longest-waiting runnable task has waited (0 when none waits): since it was
    queued, or since its run_after for a delayed one."""
    waiting_since = Case(When(run_after=get_date_max(), then="enqueued_at"), default="run_after")
    since = DBTaskResult.objects.ready().aggregate(since=Min(waiting_since))["since"]
    return max(0.0, (timezone.now() - since).total_seconds()) if since else 0.0


def _check(problems: list[str], name: str, check):
    """check()'s result, or None with name added to problems when it fails."""
    try:
        return check()
    except Exception:
        logger.exception("Gereedheidscontrole %s mislukt", name)
        problems.append(name)
        return None


def _database_round_trip() -> None:
    with connection.cursor() as cursor:  # a kept-open connection may have gone away
        cursor.execute("SELECT 1")


def _cache_round_trip() -> None:
    key = f"health:probe:{uuid.uuid4().hex}"  # its own key: probes may run at once
    cache.set(key, 1, 30)
    try:
        if cache.get(key) != 1:
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


@never_cache
def ready(request):
    problems: list[str] = []
    _check(problems, "database", _database_round_trip)
    _check(problems, "cache", _cache_round_trip)
    waited = None
    if "database" not in problems:
        waited = _check(problems, "wachtrij", oldest_wait_seconds)
    if waited is not None and waited > settings.TASK_QUEUE_ALERT_SECONDS:
        logger.error("Een taak wacht al %d s: draait er een worker?", waited)
        problems.append("wachtrij")
    body = {
        "status": "fout" if problems else "ok",
        "problemen": problems,
        "langste_wachttijd_taak_s": None if waited is None else round(waited),
        "toelichting": (
            _("Niet gereed: %(parts)s. Zie het log van deze server.")
            % {"parts": ", ".join(problems)}
            if problems
            else _("Alles werkt.")
        ),
    }
    return JsonResponse(body, status=503 if problems else 200)
