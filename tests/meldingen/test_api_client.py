"""The meldapp API works with a client generated from its live OpenAPI schema, without hand
edits (DESIGN.md, Meldingen step 1): openapi-python-client generates the client, which then
submits meldingen to a live server."""

from __future__ import annotations

import datetime
import importlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import APIToken

from meldingen.models import Melding
from tests.meldingen import test_melding_intake as intake_tests
from tests.meldingen.test_melding_intake import PNG

fresh_rate_limit = intake_tests.fresh_rate_limit
partner_kinds = intake_tests.partner_kinds

PACKAGE = "vb_meldapp_client"


@pytest.fixture
def generated(client, tmp_path):
    """The client generated from /api/openapi.json as served, imported as PACKAGE."""
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema_path = tmp_path / "openapi.json"
    schema_path.write_text(json.dumps(response.json()))
    bin_dir = str(Path(sys.executable).parent)  # ruff, for the generator's formatting step
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(schema_path),
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / PACKAGE),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Warning" not in output and "Error" not in output, output
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


def module(name: str):
    return importlib.import_module(f"{PACKAGE}.{name}")


def a_melding(**overrides):
    """A melding built with the generated models only: the enums come from the schema."""
    models = module("models")
    fields = {
        "kinds": [models.BehaviourKind("bedreiging"), models.BehaviourKind("online")],
        "occurred_at": datetime.datetime(2026, 11, 20, 21, 15, tzinfo=datetime.UTC),
        "place": models.Place("online"),
        "channel": models.Channel("sociale_media"),
        "description": "Na de raadsvergadering kreeg ik berichten met een dreigement.",
        "related_to_office": models.YesNoUnknown("ja"),
        "perpetrator_known": models.PerpetratorKnown("deels"),
        "wishes": [models.Wish("aangifte"), models.Wish("steun")],
        "reporter_role": models.ReporterRole("raadslid"),
        "perpetrator_type": models.PerpetratorType("groep"),
        "online_platform": models.OnlinePlatform("x"),
        "online_links": "https://x.example/status/1",
        "online_accounts": "@dreiger",
        "aangifte_made": models.YesNoUnknown("ja"),
        "police_reference": "PL0900-2026123456",
        "support": [models.SupportWish("gesprek"), models.SupportWish("beveiliging")],
        "worried_about_home": True,
        "consent_kinds": ["politie"],
    }
    fields.update(overrides)
    return models.MeldingIn(**fields)


@pytest.mark.django_db(transaction=True)
def test_generated_client_submits_a_melding(
    generated, live_server, melden, reporter, partner_kinds
):
    token = APIToken.create_token(user=reporter, name="meldapp")[1]
    api = generated.AuthenticatedClient(base_url=live_server.url, token=token)
    meldingen = module("api.meldingen")
    [meldpunt] = importlib.import_module(f"{meldingen.__name__}.meldpunten").sync(client=api)
    assert meldpunt.id == melden.pk and meldpunt.organisation.title == "Gemeente Aadorp"

    submit = importlib.import_module(f"{meldingen.__name__}.melding_doen")
    response = submit.sync_detailed(meldpunt.id, client=api, body=a_melding())
    assert response.status_code == 201, response.content
    answer = response.parsed
    assert answer.status == "ontvangen" and answer.consent_kinds == ["politie"]
    assert [entry.action for entry in answer.timeline] == ["ontvangen"]

    melding = Melding.objects.get(reference=answer.reference)
    assert melding.reporter == reporter
    assert sorted(melding.kinds) == ["bedreiging", "online"]
    assert (melding.place, melding.channel) == ("online", "sociale_media")
    assert melding.perpetrator_type == "groep" and melding.online_platform == "x"
    assert melding.aangifte_made is True and melding.worried_about_home is True
    assert melding.support == ["gesprek", "beveiliging"]
    assert melding.consent_kinds == ["politie"]
    assert melding.personal.online_links == "https://x.example/status/1"
    assert melding.personal.online_accounts == "@dreiger"
    assert melding.personal.police_reference == "PL0900-2026123456"
    assert melding.personal.email == reporter.email  # from the account

    mine = importlib.import_module(f"{meldingen.__name__}.mijn_meldingen").sync(client=api)
    assert [m.reference for m in mine] == [answer.reference]


@pytest.mark.django_db(transaction=True)
def test_generated_client_reads_dutch_errors(
    generated, live_server, melden, reporter, partner_kinds
):
    token = APIToken.create_token(user=reporter, name="meldapp")[1]
    api = generated.AuthenticatedClient(base_url=live_server.url, token=token)
    submit = module("api.meldingen.melding_doen")
    body = a_melding(consent_kinds=["politie", "nctv"], description="")
    response = submit.sync_detailed(melden.pk, client=api, body=body)
    assert response.status_code == 400
    problem = response.parsed
    assert problem.detail == "Controleer de gegevens."
    errors = problem.errors.to_dict()
    assert errors["consent_kinds"][0].startswith("Met 'nctv' kunt u uw melding niet delen")
    assert errors["description"] == ["Beschrijf kort wat er gebeurde."]
    assert Melding.objects.count() == 0

    anonymous = generated.Client(base_url=live_server.url)
    response = submit.sync_detailed(melden.pk, client=anonymous, body=a_melding())
    assert response.status_code == 401
    assert response.parsed.detail.startswith("Log in met een geldige API-sleutel")


@pytest.mark.django_db(transaction=True)
def test_generated_client_sends_large_evidence_as_multipart(
    generated, live_server, melden, reporter, partner_kinds
):
    token = APIToken.create_token(user=reporter, name="meldapp")[1]
    api = generated.AuthenticatedClient(base_url=live_server.url, token=token)
    multipart = module("api.meldingen.melding_doen_multipart")
    models = module("models")
    body_class = next(
        getattr(models, name) for name in models.__all__ if name.endswith("MultiPartBodyParams")
    )
    evidence = module("types").File(
        payload=io.BytesIO(PNG), file_name="scherm.png", mime_type="image/png"
    )
    body = body_class(melding=a_melding(), attachments=[evidence])
    response = multipart.sync_detailed(melden.pk, client=api, body=body)
    assert response.status_code == 201, response.content
    melding = Melding.objects.get(reference=response.parsed.reference)
    assert melding.consent_kinds == ["politie"] and melding.perpetrator_type == "groep"
    assert [a.content_type for a in melding.attachments.all()] == ["image/png"]
