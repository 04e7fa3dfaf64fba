"""Health checks: /gezond/ for the load balancer, /gereed/ for monitoring (database, cache
and a task queue that is being worked)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from workflows.engine import begin_moderation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_alive_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/gezond/")
    assert response.status_code == 200 and response.content == b"ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_ready_when_database_cache_and_queue_work(client):
    begin_moderation.enqueue(1)  # just queued: a worker has all the time it needs
    response = client.get("/gereed/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["problemen"] == []
    assert body["langste_wachttijd_taak_s"] < 60


def test_not_ready_when_a_task_waits_too_long(client, settings):
    settings.TASK_QUEUE_ALERT_SECONDS = 600
    begin_moderation.enqueue(1)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=11))
    response = client.get("/gereed/")
    assert response.status_code == 503
    body = response.json()
    assert body["problemen"] == ["wachtrij"] and body["langste_wachttijd_taak_s"] >= 660
    assert "wachtrij" in body["toelichting"]


def test_finished_and_future_tasks_do_not_count(client, settings):
    settings.TASK_QUEUE_ALERT_SECONDS = 600
    old = timezone.now() - timedelta(hours=2)
    begin_moderation.enqueue(1)
    DBTaskResult.objects.update(enqueued_at=old, status="SUCCESSFUL")
    begin_moderation.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(2)
    response = client.get("/gereed/")
    assert response.status_code == 200 and response.json()["langste_wachttijd_taak_s"] == 0


def test_not_ready_without_a_working_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    response = client.get("/gereed/")
    assert response.status_code == 503 and "cache" in response.json()["problemen"]


def test_alive_even_when_the_page_cache_is_unreachable(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300  # as in production with Redis
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/gezond/")
    assert response.status_code == 200 and response.content == b"ok"
