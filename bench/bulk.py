"""Fast bulk loading into PostgreSQL for benchmark data: primary keys reserved from the
sequence in one statement, rows streamed with COPY. Values are prepared by the model fields
themselves (defaults, auto_now, encryption, JSON), so what lands is what the ORM would write."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connection, connections, models


def reserve_ids(model: type[models.Model], n: int) -> list[int]:
    """n fresh primary keys, contiguous, taken from the table's sequence."""
    if n <= 0:
        return []
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, %s), "
            "nextval(pg_get_serial_sequence(%s, %s)) + %s - 1)",
            [table, pk, table, pk, n],
        )
        last = cursor.fetchone()[0]
    return list(range(last - n + 1, last + 1))


# Django's own field classes whose Python value psycopg writes as is (no JSON, no encryption).
PLAIN = (
    models.AutoField,
    models.BigAutoField,
    models.BooleanField,
    models.CharField,
    models.DateTimeField,
    models.ForeignKey,
    models.IntegerField,
    models.OneToOneField,
    models.PositiveIntegerField,
    models.TextField,
)


def _preparer(field: models.Field):
    """A function giving the value the ORM would write for field; a timestamp already set on
    the instance wins over auto_now (history keeps its original time)."""
    attname, conn = field.attname, connections[DEFAULT_DB_ALIAS]
    if type(field) in PLAIN:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return lambda obj: getattr(obj, attname) or field.pre_save(obj, True)
        return lambda obj: getattr(obj, attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), conn)


def copy_instances(objs: list[models.Model]) -> int:
    """COPY unsaved instances into their table; primary keys not yet set are reserved here.
    Returns the count."""
    if not objs:
        return 0
    model = type(objs[0])
    missing = [obj for obj in objs if obj.pk is None]
    for obj, pk in zip(missing, reserve_ids(model, len(missing)), strict=True):
        obj.pk = pk
    fields = [f for f in model._meta.concrete_fields if not f.generated]
    prepare = [_preparer(f) for f in fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
        for obj in objs:
            copy.write_row([p(obj) for p in prepare])
    return len(objs)
