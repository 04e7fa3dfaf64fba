"""Wagtail's database search backend with Dutch stemming on PostgreSQL and SQLite.

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "toolkit.search_backend"}}. PostgreSQL
indexes with the `dutch` text search configuration (SEARCH_CONFIG), SQLite stores the
Snowball stems of the page's language; both widen each query word (toolkit.search_terms).
After switching an existing database to this backend, run `manage.py update_index`.
"""

from __future__ import annotations

from django.db import connection


def SearchBackend(params: dict):  # noqa: N802 - the name Wagtail's backend loader looks up
    if connection.vendor == "postgresql":
        from toolkit.search_postgres import DutchPostgresSearchBackend

        return DutchPostgresSearchBackend({"SEARCH_CONFIG": "dutch", **params})
    from modelsearch.backends import database

    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from toolkit.search_sqlite import StemmedSQLiteSearchBackend

        return StemmedSQLiteSearchBackend(params)
    return backend
