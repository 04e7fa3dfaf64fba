"""Schema-based fuzzing of the meldapp API (schemathesis): every operation in
/api/openapi.json, random valid and invalid input, logged in with an API key; no 5xx.
Bounded: a few examples per operation, no shrinking, so the run takes seconds."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from wagtail.models import APIToken

from tests import factories


@pytest.fixture
def api_schema(db):
    # As Django's test client does: keep the test's connection (and transaction) open across
    # the in-process WSGI requests.
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture
def api_key(org_a, make_user) -> str:
    factories.melden_page(org_a)
    return APIToken.create_token(user=make_user("fuzz-melder"), name="fuzz")[1]


def test_api_has_no_server_errors(api_schema, api_key):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 8
    statuses: set[int] = set()

    # Input that fits the schema and input that does not (the schema now states enums and
    # required fields, so fitting input alone rarely reaches the validation).
    modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    for operation, mode in ((o, m) for o in operations for m in modes):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=10,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def no_server_error(case):
            response = case.call(headers={"Authorization": f"Bearer {api_key}"})
            statuses.add(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])

        no_server_error()

    # The key works and the fuzzer got past validation as well as into it.
    assert {200, 201} & statuses and 400 in statuses and max(statuses) < 500


def test_nul_characters_are_refused_not_a_server_error(client, api_key):
    """Found by the fuzzer: PostgreSQL cannot store NUL, so it must never reach the database."""
    auth = {"HTTP_AUTHORIZATION": f"Bearer {api_key}"}
    created = client.post(
        "/api/sleutels", {"name": "tele\x00foon"}, content_type="application/json", **auth
    )
    assert created.status_code == 400
    assert created.json()["errors"] == {"name": ["Ongeldige waarde."]}
    assert client.get("/api/meldingen/VB-%00", **auth).status_code == 400
