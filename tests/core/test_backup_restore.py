"""Backup and restore, proven: a database with meldingen is dumped with scripts/backup.sh,
restored into a fresh database with scripts/restore.sh, and the copy passes the audit check and
decrypts with the key set, while the wrong key is refused (docs/operations.md)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.db import connection

from core.models import AuditEvent
from tests import factories
from tests.home.test_demo import production_env

ROOT = Path(__file__).resolve().parents[2]


def database_url(name: str) -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def fresh_database():
    name = f"restore_{uuid.uuid4().hex[:12]}"
    admin = database_url("postgres")
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    yield database_url(name)
    subprocess.run(["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'])


def manage(url: str, keys: str, *args: str) -> subprocess.CompletedProcess:
    env = production_env() | {"DATABASE_URL": url, "FIELD_ENCRYPTION_KEYS": keys}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_is_whole_and_readable_only_with_its_key(
    org_a, coordinator_a, tmp_path, fresh_database
):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump/pg_restore: alleen op PostgreSQL (CI draait erop)")
    marker = f"Naam-{uuid.uuid4().hex[:8]}"
    melding = factories.melding(org_a, name=marker)
    factories.triage_and_route(melding, coordinator_a, [], marker="routeringsnotitie")
    events = AuditEvent.objects.count()
    assert events > 0

    source = database_url(settings.DATABASES["default"]["NAME"])
    env = os.environ | {"DATABASE_URL": source}
    backup = subprocess.run(
        ["scripts/backup.sh", str(tmp_path)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert backup.returncode == 0, backup.stderr
    dump = Path(backup.stdout.strip())
    assert dump.name.endswith(".dump") and dump.stat().st_size > 0
    assert not list(tmp_path.glob("*.part"))

    keys = ",".join(settings.FIELD_ENCRYPTION_KEYS)
    restore = subprocess.run(
        ["scripts/restore.sh", str(dump)],
        cwd=ROOT,
        env=production_env()
        | {"DATABASE_URL": fresh_database, "FIELD_ENCRYPTION_KEYS": keys, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert f"Audittrail intact ({events} regels)" in restore.stdout
    assert "Versleutelde gegevens leesbaar" in restore.stdout

    read = (
        "from meldingen.models import Melding; "
        f"print(Melding.objects.get(reference='{melding.reference}').personal.name)"
    )
    shown = manage(fresh_database, keys, "shell", "-c", read)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == marker

    wrong = Fernet.generate_key().decode()
    refused = manage(fresh_database, wrong, "verify_encryption")
    assert refused.returncode != 0
    assert "niet te ontsleutelen" in refused.stderr
    assert marker not in manage(fresh_database, wrong, "shell", "-c", read).stdout

    # The restored copy is a copy: tampering with it is caught like on the original.
    subprocess.run(
        [
            "psql",
            fresh_database,
            "-qc",
            "ALTER TABLE core_auditevent DISABLE TRIGGER USER;"
            " UPDATE core_auditevent SET action = 'x'"
            " WHERE id = (SELECT min(id) FROM core_auditevent)",
        ],
        check=True,
    )
    assert manage(fresh_database, keys, "verify_audit").returncode != 0
