"""The demo content once per test process: `manage.py load_demo` on an empty database (as on a
fresh installation) costs half a minute, and some twenty tests need its result. The first of
them loads it for real and keeps a copy of every table in a schema of the test database; the
others get that copy back in about a second.

Content types and permissions are never replaced: Django and Wagtail keep them per process by
id (Wagtail's model permission policies, for instance). They keep the ids migrate gave them for
the whole session: the flush after a transactional test creates them anew under new ids, and
`fixed_back` puts the first ones back (kept by `keep_fixed` when the test database is made).
Sequences only move forward, also when a test's transaction rolls the restored rows back
(setval is not transactional): an id is never handed out twice in a process, so nothing kept
under an id in an earlier test is met again.

PostgreSQL only (`INSERT ... SELECT` between schemas, constraints deferred to the end of the
transaction). On SQLite, `restore` simply runs `load_demo`.
"""

from __future__ import annotations

import io

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

DEMO = "vb_demo_snapshot"
BEFORE = "vb_world_snapshot"
MIGRATED = "vb_migrated_snapshot"
FIXED = ("django_content_type", "auth_permission")


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _tables(*, fixed: bool = False) -> list[str]:
    tables = sorted(connection.introspection.django_table_names(only_existing=True))
    return tables if fixed else [t for t in tables if t not in FIXED]


def _keep(schema: str, tables: list[str] | None = None) -> None:
    """Copy the tables (all of the models) into `schema` (replacing an earlier copy)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {_q(schema)} CASCADE")
        cursor.execute(f"CREATE SCHEMA {_q(schema)}")
        for table in tables or _tables(fixed=True):
            cursor.execute(f"CREATE UNLOGGED TABLE {_q(schema)}.{_q(table)} AS TABLE {_q(table)}")


def keep_fixed() -> None:
    """Content types and permissions as migrate made them (once, with the test database)."""
    if connection.vendor == "postgresql":
        _keep(MIGRATED, list(FIXED))


def fixed_back() -> None:
    """After a flush: the content types and permissions of `keep_fixed` again, under their ids
    (the flush emptied every table that refers to them)."""
    if connection.vendor == "postgresql" and _differs(MIGRATED):
        _copy_back(MIGRATED, list(FIXED), cascade=True)
        ContentType.objects.clear_cache()


def _empty(cursor, tables: list[str], *, cascade: bool = False) -> None:
    cascade_sql = " CASCADE" if cascade else ""
    cursor.execute("TRUNCATE " + ", ".join(_q(t) for t in tables) + cascade_sql)


def _forward_sequences(cursor) -> None:
    """Every sequence at least past the highest id of its table, never back."""
    cursor.execute(
        "SELECT s.oid::regclass::text, t.relname, a.attname FROM pg_class s"
        " JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass"
        " JOIN pg_class t ON t.oid = d.refobjid"
        " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
        " WHERE s.relkind = 'S' AND t.relnamespace = 'public'::regnamespace"
    )
    for sequence, table, column in cursor.fetchall():
        cursor.execute(
            f"SELECT setval(%s, GREATEST((SELECT last_value FROM {sequence}),"
            f" (SELECT COALESCE(MAX({_q(column)}), 1) FROM {_q(table)})))",
            [sequence],
        )


def _copy_back(schema: str, tables: list[str], *, cascade: bool = False) -> None:
    """Replace the content of the tables with their copy in `schema`, in one transaction
    (inside a test's own transaction it is rolled back with it); foreign keys are checked at
    the end. cascade: also empty the tables that refer to them."""
    with transaction.atomic(), connection.cursor() as cursor:
        _empty(cursor, tables, cascade=cascade)
        for table in tables:
            cursor.execute(f"INSERT INTO {_q(table)} SELECT * FROM {_q(schema)}.{_q(table)}")
        _forward_sequences(cursor)


def _put_back(schema: str) -> None:
    """Every table but FIXED as in `schema`."""
    _copy_back(schema, _tables())


def _differs(schema: str) -> bool:
    """Whether the content types or permissions differ from those in `schema`."""
    with connection.cursor() as cursor:
        for table in FIXED:
            kept = f"TABLE {_q(schema)}.{_q(table)}"
            cursor.execute(
                f"SELECT EXISTS (({kept} EXCEPT TABLE {_q(table)})"
                f" UNION ALL (TABLE {_q(table)} EXCEPT {kept}))"
            )
            if cursor.fetchone()[0]:
                return True
    return False


def _load() -> None:
    with connection.cursor() as cursor:
        _empty(cursor, _tables())
    call_command("load_demo", stdout=io.StringIO())


def take() -> None:
    """Load the demo into an emptied database (content types and permissions as migrate made
    them) and keep it; then put back what was there. Runs outside any test's transaction (a
    session fixture), so the copy survives the tests. Nothing to keep on SQLite."""
    if connection.vendor != "postgresql":
        return
    _keep(BEFORE)
    try:
        _load()
        _keep(DEMO)
    finally:
        _put_back(BEFORE)


def restore() -> None:
    """The database as `load_demo` leaves an empty one."""
    if connection.vendor != "postgresql":
        call_command("flush", interactive=False, verbosity=0)
        call_command("load_demo", stdout=io.StringIO())
    elif not _differs(DEMO):
        _put_back(DEMO)
    else:  # renumbered after all: the copy's rows would point at other content types
        with transaction.atomic():
            _load()
