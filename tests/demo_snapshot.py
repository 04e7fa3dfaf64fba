"""The demo content once per test process: `manage.py load_demo` on an empty database (as on a
fresh installation) costs half a minute, and some twenty tests need its result. The first of
them loads it for real and keeps a copy of every table in a schema of the test database; the
others get that copy back in about a second.

PostgreSQL only (`INSERT ... SELECT` between schemas, constraints deferred to the end of the
transaction). On SQLite, `restore` simply runs `load_demo`.
"""

from __future__ import annotations

import io

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

DEMO = "vb_demo_snapshot"
BEFORE = "vb_world_snapshot"


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _keep(schema: str) -> None:
    """Copy every table of the models into `schema` (replacing an earlier copy)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {_q(schema)} CASCADE")
        cursor.execute(f"CREATE SCHEMA {_q(schema)}")
        for table in _tables():
            cursor.execute(f"CREATE UNLOGGED TABLE {_q(schema)}.{_q(table)} AS TABLE {_q(table)}")


def _put_back(schema: str) -> None:
    """Replace the content of every table with the copy in `schema`, in one transaction (inside
    a test's own transaction this is rolled back with it). Foreign keys are checked at the end;
    sequences continue after the restored rows."""
    tables = _tables()
    models = apps.get_models(include_auto_created=True)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE " + ", ".join(_q(t) for t in tables))
        for table in tables:
            cursor.execute(f"INSERT INTO {_q(table)} SELECT * FROM {_q(schema)}.{_q(table)}")
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    # Content types are cached per process by id; the copy may hold other ids.
    ContentType.objects.clear_cache()


def take() -> None:
    """Load the demo into an emptied database and keep it; then put back what was there. Runs
    outside any test's transaction (a session fixture), so the copy survives the tests."""
    _keep(BEFORE)
    try:
        call_command("flush", interactive=False, verbosity=0)
        call_command("load_demo", stdout=io.StringIO())
        _keep(DEMO)
    finally:
        _put_back(BEFORE)


def restore() -> None:
    """The database as `load_demo` leaves an empty one."""
    if connection.vendor != "postgresql":
        call_command("flush", interactive=False, verbosity=0)
        call_command("load_demo", stdout=io.StringIO())
        return
    _put_back(DEMO)


def forget_cached_ids() -> None:
    """After a test on the restored copy its rows are gone again (rolled back or flushed)."""
    ContentType.objects.clear_cache()
