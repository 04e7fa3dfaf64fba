"""Structured logs: JSON lines in production, each with its request's id, without personal
data (core.logs)."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from core.logs import logging_config
from tests.home.test_demo import production_env

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_log():
    """The production configuration, writing to a buffer; the test settings' own afterwards."""
    config = logging_config("json")
    logging.config.dictConfig(config)
    handler = logging.getLogger().handlers[0]
    buffer = io.StringIO()
    handler.setStream(buffer)
    yield buffer
    logging.config.dictConfig(settings.LOGGING)


def lines(buffer: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_every_line_carries_the_request_id_that_the_response_returns(client, db, json_log):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = [entry for entry in lines(json_log) if entry["logger"] == "django.request"]
    assert line["request_id"] == request_id
    assert line["level"] == "WARNING" and line["message"] == "Not Found: /bestaat-niet/"
    assert line["time"].endswith("+00:00")


def test_the_load_balancers_request_id_is_kept_but_not_any_text(client, db, json_log):
    kept = client.get("/bestaat-niet/", headers={"X-Request-ID": "lb-4f9a2c1e77"})
    assert kept["X-Request-ID"] == "lb-4f9a2c1e77"
    forged = client.get("/bestaat-niet/", headers={"X-Request-ID": 'x"}\n{"level": "INFO'})
    assert len(forged["X-Request-ID"]) == 32
    ids = [entry["request_id"] for entry in lines(json_log)]  # every line is one JSON object
    assert ids == ["lb-4f9a2c1e77", forged["X-Request-ID"]]
    assert "request" not in lines(json_log)[0]  # its text would show the query string


def test_addresses_and_phone_numbers_never_reach_the_log(json_log):
    log = logging.getLogger("partners.delivery")
    log.warning("Mailserver weigerde %s (%s)", "jan.jansen@example.nl", "06-12345678")
    try:
        raise ValueError("duplicate key (email)=(rika@example.nl), tel +31 6 1234 5678")
    except ValueError:
        log.exception("Melding %s niet opgeslagen", "VB-2026-000123")
    text = json_log.getvalue()
    assert "jan.jansen" not in text and "12345678" not in text
    assert "rika@example.nl" not in text and "1234 5678" not in text
    first, second = lines(json_log)
    assert first["message"] == "Mailserver weigerde [e-mailadres] ([telefoonnummer])"
    assert second["message"] == "Melding VB-2026-000123 niet opgeslagen"
    assert "ValueError: duplicate key (email)=([e-mailadres])" in second["exc_info"]
    assert "Traceback" in second["exc_info"]


def test_production_writes_json_lines_and_text_on_request():
    code = "import logging; logging.getLogger('meldingen').warning('proef %s', 'a@b.nl')"
    for fmt, expect_json in (("", True), ("text", False)):
        env = production_env() | ({"LOG_FORMAT": fmt} if fmt else {})
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        [last] = [line for line in result.stderr.splitlines() if "proef" in line]
        if expect_json:
            entry = json.loads(last)
            assert entry["message"] == "proef [e-mailadres]" and entry["logger"] == "meldingen"
            assert entry["request_id"] == "-"
        else:
            assert last.endswith("WARNING meldingen [-] proef [e-mailadres]"), last
