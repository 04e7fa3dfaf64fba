"""One migrated SQLite database per test run, for the tests that run the embedded default
(SQLite) in processes of their own. Applying every migration on SQLite takes about a minute;
the first test that asks does it, under a lock shared by the xdist workers, and every user
gets a copy of the file."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess  # nosec B404 - runs manage.py migrate
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def settings_env(directory: Path, database: Path) -> dict[str, str]:
    """The environment of a process under the development settings on the SQLite file
    `database` (a settings module written into `directory`)."""
    (directory / "sqlite_settings.py").write_text(
        "from veiligbestuur.settings.dev import *  # noqa: F403\n"
        f"DATABASES['default'] = {{**DATABASES['default'], 'NAME': {str(database)!r}}}"
        "  # noqa: F405\n"
    )
    return {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "sqlite_settings",
        "PYTHONPATH": os.pathsep.join([str(directory), str(ROOT)]),
    }


def migrated_copy(tmp_path_factory, destination: Path) -> Path:
    """Copy the run's migrated SQLite database to `destination`, migrating it first if no
    test of this run did yet."""
    shared = tmp_path_factory.getbasetemp()
    if shared.name == f"popen-{os.environ.get('PYTEST_XDIST_WORKER')}":
        shared = shared.parent  # an xdist worker's: one directory for all workers of this run
    template = shared / "migrated.sqlite3"
    with (shared / "migrated.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            work = shared / "migrating"
            shutil.rmtree(work, ignore_errors=True)  # with a WAL file of a broken attempt
            work.mkdir()
            partial = work / "db.sqlite3"
            run = subprocess.run(  # nosec B603 - fixed arguments
                [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
                cwd=ROOT,
                env=settings_env(work, partial),
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
            # manage.py closed its connection: the write-ahead log is in the file.
            assert not partial.with_name("db.sqlite3-wal").exists()
            partial.rename(template)
    shutil.copyfile(template, destination)
    return destination
