"""The embedded default (SQLite, as `make demo` runs it) with editors at once: autosaves and
saves from several sessions against a live server never answer 500 ("database is locked").

A server process of its own on a fresh SQLite file with the demo content (the test database of
the other tests is PostgreSQL); the editors are real HTTP clients in threads.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time

import pytest

from tests.smtp import free_port
from tests.sqlite_template import ROOT, migrated_copy, settings_env

ROUNDS = 8

# Sessions and form data made inside the SQLite settings (bench.editor builds the same requests
# for `make bench`).
PREPARE = """
import json
import django

django.setup()
from bench.editor import demo_protocol, editor_cookie, editor_requests
from bench.run import staff_session

editors = [
    ("voorbeeldstad-redacteur", "gemeente-voorbeeldstad"),
    ("voorbeeldstad-publiceerder", "gemeente-voorbeeldstad"),
    ("voorbeeldland-redacteur", "provincie-voorbeeldland"),
    ("voorbeeldwaarden-redacteur", "waterschap-voorbeeldwaarden"),
]
print(json.dumps([
    editor_requests(demo_protocol(org), editor_cookie(staff_session, user))["opslaan"]
    for user, org in editors
]))
"""


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory):
    """runserver (threaded, as in `make demo`) and a task worker on a new SQLite database
    (a copy of the run's migrated one) with the demo content, under the development settings'
    database options."""
    tmp = tmp_path_factory.mktemp("sqlite")
    env = settings_env(tmp, migrated_copy(tmp_path_factory, tmp / "db.sqlite3"))

    def manage(*args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
            **kwargs,
        )

    manage("load_demo")
    requests = json.loads(manage("shell", "-c", PREPARE).stdout.strip().splitlines()[-1])
    port = free_port()
    server_log = tmp / "runserver.log"
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=server_log.open("w"),
        ),
        # The demo's worker writes to the same file (task results) meanwhile.
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "-v0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        deadline = time.monotonic() + 180  # a loaded machine starts Django slowly
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/gezond/")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "runserver kwam niet op"
            time.sleep(0.5)
        yield port, requests, server_log
    finally:
        for process in processes:
            process.terminate()
            process.wait(30)


def post(port: int, request: dict, *, autosave: bool, overwrite: str = "") -> tuple[int, dict]:
    headers = dict(request["headers"])
    body = request["body"]
    if autosave:
        # As Wagtail's autosave controller: JSON answer, its own revision overwritten.
        headers["Accept"] = "application/json"
        if overwrite:
            body += f"&overwrite_revision_id={overwrite}"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", request["path"], body=body, headers=headers)
    response = connection.getresponse()
    content = response.read()
    data = json.loads(content) if autosave and response.status in (200, 400) else {}
    return response.status, data


def test_editors_at_once_on_sqlite_get_no_server_error(sqlite_server):
    port, editors, server_log = sqlite_server
    stad_redacteur, stad_publiceerder, land_redacteur, waarden_redacteur = editors
    answers: list[tuple[str, int, dict]] = []

    def autosaving(name: str, request: dict) -> None:
        overwrite = ""
        for _ in range(ROUNDS):
            status, data = post(port, request, autosave=True, overwrite=overwrite)
            answers.append((name, status, data))
            overwrite = str(data.get("revision_id") or overwrite)

    def saving(name: str, request: dict) -> None:
        for _ in range(ROUNDS):
            answers.append((name, *post(port, request, autosave=False)))

    def recorded(work, name: str, request: dict) -> None:
        try:
            work(name, request)
        except OSError as exc:  # no answer at all counts as a failure too
            answers.append((name, 599, {"error": repr(exc)}))

    threads = [
        # Two editors of one protocol autosaving, two of two others autosaving and saving.
        threading.Thread(target=recorded, args=(autosaving, "stad redacteur", stad_redacteur)),
        threading.Thread(
            target=recorded, args=(autosaving, "stad publiceerder", stad_publiceerder)
        ),
        threading.Thread(target=recorded, args=(saving, "land redacteur", land_redacteur)),
        threading.Thread(
            target=recorded, args=(autosaving, "waarden redacteur", waarden_redacteur)
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)

    errors = [a for a in answers if a[1] >= 500]
    assert errors == [], server_log.read_text()[-4000:]
    assert len(answers) == 4 * ROUNDS
    saved = {name: 0 for name, _, _ in answers}
    for name, status, data in answers:
        if status == 400:
            # Only Wagtail's conflict notice, and only between the two editors of one page:
            # the other one saved meanwhile (the editor offers to reload or overwrite).
            assert name.startswith("stad") and data.get("error_code") == "invalid_revision"
        else:
            assert status in (200, 302), (name, status)
            saved[name] += 1
    assert saved["land redacteur"] == saved["waarden redacteur"] == ROUNDS
    assert saved["stad redacteur"] + saved["stad publiceerder"] >= ROUNDS
