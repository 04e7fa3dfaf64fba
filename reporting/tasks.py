"""Background task of the retention purge (django-tasks); scheduled daily by cron or the
platform scheduler calling ``manage.py purge_personal_data`` or enqueueing this task."""

from __future__ import annotations

from django_tasks import task

from reporting.retention import purge


@task()
def purge_personal_data() -> int:
    return len(purge())
