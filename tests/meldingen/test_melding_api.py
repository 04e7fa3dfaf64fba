"""The meldapp JSON API: auth (token and session), listing meldpunten, submitting with the web
form's validation and limits, own meldingen only, additions, OpenAPI schema, privacy."""

import base64
import json
import logging
import uuid

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken, PageViewRestriction

from meldingen.models import Attachment, Melding, MeldingAddition, MeldingHistory
from tests.meldingen import test_melding_intake as intake_tests
from tests.meldingen.steps import post_melding
from tests.meldingen.test_melding_intake import EXE, PNG, new_questions, valid_data

API = "/api"


# The intake tests' fixtures: a published Melden page of org_a and a reporter with a name.
fresh_rate_limit = intake_tests.fresh_rate_limit
partner_kinds = intake_tests.partner_kinds


@pytest.fixture
def token(reporter) -> str:
    return APIToken.create_token(user=reporter, name="test")[1]


def auth(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def api_data(**overrides) -> dict:
    data = valid_data(occurred_at="2026-11-20T21:15:00+01:00")
    del data["name"], data["email"]  # filled in from the account
    data.update(overrides)
    return data


def b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


def post(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


def submit_url(page) -> str:
    return f"{API}/meldpunten/{page.pk}/meldingen"


@pytest.mark.django_db
def test_openapi_schema_is_served_and_lists_the_endpoints(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in [
        "/api/meldpunten",
        "/api/meldpunten/{page_id}/meldingen",
        "/api/meldpunten/{page_id}/meldingen/multipart",
        "/api/meldingen",
        "/api/meldingen/{reference}",
        "/api/meldingen/{reference}/aanvullingen",
        "/api/sleutels",
    ]:
        assert path in paths, path
    assert "post" in paths["/api/meldpunten/{page_id}/meldingen"]
    schemes = schema["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
    assert "kinds" in schema["components"]["schemas"]["MeldingIn"]["properties"]


@pytest.mark.django_db
@pytest.mark.parametrize("method, path", [("get", "/meldpunten"), ("get", "/meldingen")])
def test_unauthenticated_gets_401_in_dutch(client, melden, method, path):
    response = getattr(client, method)(API + path)
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Log in met een geldige API-sleutel")
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.django_db
def test_api_requires_a_user_even_where_the_web_form_does_not(client, melden):
    melden.accept_without_account = True
    melden.save_revision().publish()
    assert post(client, submit_url(melden), api_data()).status_code == 401
    assert post(client, submit_url(melden), api_data(), **auth("vb-verzonnen")).status_code == 401
    assert Melding.objects.count() == 0


@pytest.mark.django_db
def test_token_is_stored_as_hash_and_can_be_revoked(client, melden, reporter, token):
    stored = APIToken.objects.get(user=reporter)
    assert token not in {stored.key_hash, stored.prefix}
    assert client.get(f"{API}/meldpunten", **auth(token)).status_code == 200
    stored.revoke()
    assert client.get(f"{API}/meldpunten", **auth(token)).status_code == 401


@pytest.mark.django_db
def test_invalid_token_is_not_rescued_by_a_session(client, melden, reporter):
    client.force_login(reporter)
    assert client.get(f"{API}/meldpunten").status_code == 200
    assert client.get(f"{API}/meldpunten", **auth("vb-fout")).status_code == 401


@pytest.mark.django_db
def test_admin_manages_tokens_with_the_management_command(client, melden, reporter, capsys):
    call_command("api_tokens", "create", "--user", reporter.username, "--name", "meldapp")
    plaintext = capsys.readouterr().out.strip()
    assert client.get(f"{API}/meldingen", **auth(plaintext)).status_code == 200
    call_command("api_tokens", "revoke", "--id", str(APIToken.objects.get().pk))
    assert client.get(f"{API}/meldingen", **auth(plaintext)).status_code == 401


@pytest.mark.django_db
def test_user_creates_lists_and_revokes_own_tokens(client, reporter, make_user):
    client.force_login(reporter)
    created = post(client, f"{API}/sleutels", {"name": "Telefoon"})
    assert created.status_code == 201
    body = created.json()
    assert body["token"].startswith(body["prefix"])
    client.logout()
    listed = client.get(f"{API}/sleutels", **auth(body["token"])).json()
    assert [t["name"] for t in listed] == ["Telefoon"] and "token" not in listed[0]

    other = APIToken.create_token(user=make_user("ander"), name="ander")[0]
    response = client.delete(f"{API}/sleutels/{other.pk}", **auth(body["token"]))
    assert response.status_code == 404
    response = client.delete(f"{API}/sleutels/{body['id']}", **auth(body["token"]))
    assert response.status_code == 204
    assert client.get(f"{API}/sleutels", **auth(body["token"])).status_code == 401


@pytest.mark.django_db
def test_meldpunten_lists_pages_with_their_questions(client, melden, org_a, token):
    melden.extra_questions = [
        (
            "question",
            {
                "label": "In welke commissie zit u?",
                "help_text": "",
                "answer_type": "choice",
                "options": "Ruimte\nBestuur\n",
                "required": True,
            },
        )
    ]
    melden.save_revision().publish()
    response = client.get(f"{API}/meldpunten", **auth(token))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    [item] = response.json()
    assert item["id"] == melden.pk
    assert item["organisation"] == {"id": org_a.pk, "title": "Gemeente Aadorp", "kind": "gemeente"}
    [question] = item["questions"]
    assert question["field"] == f"extra_{melden.extra_questions[0].id}"
    assert question["options"] == ["Ruimte", "Bestuur"] and question["required"] is True


@pytest.mark.django_db
@pytest.mark.parametrize("route_cache", [0, 3600], ids=["per-process cache", "shared cache"])
def test_restricted_meldpunt_is_hidden_and_refuses_with_403(
    client, melden, org_b, token, settings, route_cache
):
    settings.ROUTE_CACHE_SECONDS = route_cache  # privacy known before it changed (home.routing)
    assert [p["id"] for p in client.get(f"{API}/meldpunten", **auth(token)).json()] == [melden.pk]
    restriction = PageViewRestriction.objects.create(
        page=melden, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Raad Aadorp"))
    assert client.get(f"{API}/meldpunten", **auth(token)).json() == []
    response = post(client, submit_url(melden), api_data(), **auth(token))
    assert response.status_code == 403
    assert response.json()["detail"] == "U kunt bij dit meldpunt niet melden."
    assert Melding.objects.count() == 0


@pytest.mark.django_db
def test_unknown_meldpunt_is_404(client, token, home_page):
    response = post(client, f"{API}/meldpunten/999999/meldingen", api_data(), **auth(token))
    assert response.status_code == 404 and response.json()["detail"] == "Niet gevonden."


@pytest.mark.django_db
def test_valid_melding_is_stored_confirmed_and_in_history(
    client, melden, reporter, token, partner_kinds, django_capture_on_commit_callbacks
):
    data = api_data(
        consent_kinds=["politie"],
        attachments=[{"name": "scherm.png", "content_base64": b64(PNG)}],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, submit_url(melden), data, **auth(token))
    assert response.status_code == 201, response.content
    body = response.json()
    melding = Melding.objects.get()
    assert body["reference"] == melding.reference and body["status"] == "ontvangen"
    assert [e["action"] for e in body["timeline"]] == ["ontvangen"]
    assert body["consent_kinds"] == ["politie"]
    assert melding.reporter == reporter and melding.organisation_id == melden.get_parent().pk
    assert melding.personal.name == "Rika Raadslid"
    assert melding.personal.email == "raadslid-a@example.test"
    assert melding.consent_kinds == ["politie"] and melding.consent_to_share is True
    assert Attachment.objects.get(melding=melding).content_type == "image/png"
    assert [h.action for h in MeldingHistory.objects.filter(melding=melding)] == ["ontvangen"]
    assert len(mail.outbox) == 1 and melding.reference in mail.outbox[0].subject


@pytest.mark.django_db
def test_submitting_reads_back_nothing_it_just_stored(client, melden, org_a, token, settings):
    """The answer comes from what the request stored, and the meldpunt's organisation and
    privacy from the shared cache: no query reads them (intake at scale, docs/performance.md)."""
    settings.ROUTE_CACHE_SECONDS = 3600  # as in production with Redis
    # As in production: the workflow starts in a worker, not inside the request.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert post(client, submit_url(melden), api_data(), **auth(token)).status_code == 201
    with CaptureQueriesContext(connection) as queries:
        response = post(client, submit_url(melden), api_data(kinds=["online"]), **auth(token))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kinds"] == ["online"] and body["organisation"]["title"] == org_a.title
    assert [e["action"] for e in body["timeline"]] == ["ontvangen"]
    read = ("meldingbehaviour", "meldinghistory", "meldingaddition", "pageviewrestriction")
    selects = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    assert [
        sql
        for sql in selects
        if any(f'FROM "workflows_{t}"' in sql or f'FROM "wagtailcore_{t}"' in sql for t in read)
    ] == []
    assert not [sql for sql in selects if 'FROM "home_organisationpage"' in sql]
    assert Melding.objects.get(reference=body["reference"]).organisation_id == org_a.pk


@pytest.mark.django_db
def test_invalid_melding_gives_400_with_dutch_messages_per_field(client, melden, token):
    data = api_data(kinds=[], occurred_at="gisteren", email="geen-adres", place="maan")
    response = post(client, submit_url(melden), data, **auth(token))
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Controleer de gegevens."
    errors = body["errors"]
    assert errors["kinds"] == ["Kies ten minste één soort gedrag."]
    assert errors["occurred_at"][0].startswith("Vul een geldige datum en tijd in")
    assert errors["email"][0].startswith("Vul een geldig e-mailadres in")
    assert "place" in errors
    assert Melding.objects.count() == 0


@pytest.mark.django_db
def test_wrong_json_types_give_400_not_422(client, melden, token):
    response = post(client, submit_url(melden), api_data(kinds=5), **auth(token))
    assert response.status_code == 400
    assert response.json()["errors"]["kinds"] == ["Ongeldige waarde."]


@pytest.mark.django_db
def test_organisation_questions_are_validated(client, melden, token):
    melden.extra_questions = [
        (
            "question",
            {
                "label": "Commissie?",
                "help_text": "",
                "answer_type": "text",
                "options": "",
                "required": True,
            },
        )
    ]
    melden.save_revision().publish()
    field = f"extra_{melden.extra_questions[0].id}"
    response = post(client, submit_url(melden), api_data(), **auth(token))
    assert response.status_code == 400 and field in response.json()["errors"]
    data = api_data(extra_answers={field: "Ruimte"})
    assert post(client, submit_url(melden), data, **auth(token)).status_code == 201
    assert Melding.objects.get().personal.extra_answers == {"Commissie?": "Ruimte"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "attachment, message",
    [
        ({"name": "a.pdf", "content_base64": b64(EXE)}, "is geen toegestaan bestand"),
        ({"name": "b.png", "content_base64": "@@geen base64@@"}, "geen geldige base64"),
        ({"name": "c.png", "content_base64": b64(PNG + b"\x00" * 2048)}, "is te groot"),
    ],
)
def test_rejected_attachments_give_400_and_store_nothing(
    client, melden, token, settings, attachment, message
):
    settings.MELDING_ATTACHMENT_MAX_BYTES = 1024
    response = post(client, submit_url(melden), api_data(attachments=[attachment]), **auth(token))
    assert response.status_code == 400
    assert message in response.json()["errors"]["attachments"][0]
    assert Melding.objects.count() == 0 and Attachment.objects.count() == 0


@pytest.mark.django_db
def test_too_many_attachments(client, melden, token, settings):
    settings.MELDING_ATTACHMENT_MAX_FILES = 1
    files = [{"name": f"{i}.png", "content_base64": b64(PNG)} for i in range(2)]
    response = post(client, submit_url(melden), api_data(attachments=files), **auth(token))
    assert response.status_code == 400
    assert "maximaal 1 bestanden" in response.json()["errors"]["attachments"][0]


@pytest.mark.django_db
def test_request_too_big_is_413_in_dutch(client, melden, token, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    big = [{"name": "a.png", "content_base64": b64(PNG + b"\x00" * 4096)}]
    response = post(client, submit_url(melden), api_data(attachments=big), **auth(token))
    assert response.status_code == 413
    assert "te groot" in response.json()["detail"]


@pytest.mark.django_db
def test_rate_limit_is_shared_with_the_web_form(client, melden, reporter, token, settings):
    settings.MELDING_RATE_LIMIT = (2, 3600)
    assert post(client, submit_url(melden), api_data(), **auth(token)).status_code == 201
    client.force_login(reporter)
    assert post_melding(client, melden, valid_data()).status_code == 302
    client.logout()
    response = post(client, submit_url(melden), api_data(), **auth(token))
    assert response.status_code == 429
    assert "te veel meldingen" in response.json()["detail"]
    assert Melding.objects.count() == 2


@pytest.mark.django_db
def test_session_needs_csrf_token_for_writes(melden, reporter):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(reporter)
    response = post(client, submit_url(melden), api_data())
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    client.get(melden.url)  # the web form sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    response = post(client, submit_url(melden), api_data(), HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 201


@pytest.mark.django_db
def test_own_meldingen_only(client, melden, reporter, token, make_user):
    mine = post(client, submit_url(melden), api_data(), **auth(token)).json()["reference"]
    other_token = APIToken.create_token(user=make_user("raadslid-b"), name="b")[1]
    theirs = post(client, submit_url(melden), api_data(), **auth(other_token)).json()["reference"]

    listed = client.get(f"{API}/meldingen", **auth(token)).json()
    assert [m["reference"] for m in listed] == [mine]
    assert client.get(f"{API}/meldingen/{mine}", **auth(token)).status_code == 200
    assert client.get(f"{API}/meldingen/{theirs}", **auth(token)).status_code == 404
    response = post(
        client, f"{API}/meldingen/{theirs}/aanvullingen", {"text": "ik ook"}, **auth(token)
    )
    assert response.status_code == 404
    assert MeldingAddition.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("holder", ["coordinator", "beheerder"])
def test_api_key_skips_the_second_factor_but_reaches_only_own_meldingen(
    client, melden, org_a, token, make_user, holder
):
    """API keys skip the second factor by design (the meldapp has no TOTP step): whoever holds
    one, even a coordinator or the beheerder whose web login needs the second factor, reaches
    only the meldingen they reported themselves, never those of their organisation."""
    from accounts.policy import requires_second_factor

    theirs = post(client, submit_url(melden), api_data(), **auth(token)).json()["reference"]
    if holder == "coordinator":
        user = make_user("coordinator-a", org_a.coordinators_group)
    else:
        user = make_user("beheerder", superuser=True)
    assert requires_second_factor(user)
    key = auth(APIToken.create_token(user=user, name="app")[1])

    assert client.get(f"{API}/meldingen", **key).json() == []
    assert client.get(f"{API}/meldingen/{theirs}", **key).status_code == 404
    response = post(client, f"{API}/meldingen/{theirs}/aanvullingen", {"text": "ik ook"}, **key)
    assert response.status_code == 404 and MeldingAddition.objects.count() == 0
    # A key is no login: the moderation admin stays behind password and second factor.
    melding = Melding.objects.get(reference=theirs)
    response = client.get(f"/admin/meldingen/{melding.pk}/", **key)
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
    # What the key does reach: the holder's own meldingen.
    mine = post(client, submit_url(melden), api_data(), **key).json()["reference"]
    assert [m["reference"] for m in client.get(f"{API}/meldingen", **key).json()] == [mine]


@pytest.mark.django_db
def test_add_information_through_the_api(client, melden, token):
    reference = post(client, submit_url(melden), api_data(), **auth(token)).json()["reference"]
    url = f"{API}/meldingen/{reference}/aanvullingen"
    response = post(client, url, {"text": ""}, **auth(token))
    assert response.status_code == 400
    assert response.json()["errors"]["text"] == ["Schrijf wat u wilt toevoegen."]
    data = {
        "text": "Hij stond weer voor de deur.",
        "attachments": [{"name": "f.png", "content_base64": b64(PNG)}],
    }
    response = post(client, url, data, **auth(token))
    assert response.status_code == 201 and response.json()["attachments"] == 1
    timeline = client.get(f"{API}/meldingen/{reference}", **auth(token)).json()["timeline"]
    assert [e["action"] for e in timeline] == ["ontvangen", "aanvulling"]


@pytest.mark.django_db
def test_personal_data_not_in_logs(client, melden, token, caplog):
    marker = f"MARKER-{uuid.uuid4().hex}"
    caplog.set_level(logging.DEBUG)
    bad = api_data(description=f"Bedreiging {marker}", kinds=[])
    assert post(client, submit_url(melden), bad, **auth(token)).status_code == 400
    good = api_data(
        description=f"Bedreiging {marker}",
        name=f"Naam {marker}",
        attachments=[{"name": f"{marker}.png", "content_base64": b64(PNG)}],
    )
    response = post(client, submit_url(melden), good, **auth(token))
    assert response.status_code == 201
    reference = response.json()["reference"]
    url = f"{API}/meldingen/{reference}/aanvullingen"
    assert post(client, url, {"text": f"later {marker}"}, **auth(token)).status_code == 201
    assert marker in Melding.objects.get().personal.description
    assert marker not in caplog.text
    assert all(marker not in h.note for h in MeldingHistory.objects.all())


@pytest.mark.django_db
def test_multipart_variant_for_large_attachments(client, melden, token, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096  # file parts do not count against this
    url = f"{submit_url(melden)}/multipart"
    big_png = PNG + b"\x00" * 8192
    files = [SimpleUploadedFile("groot.png", big_png), SimpleUploadedFile("b.png", PNG)]
    data = {"melding": json.dumps(api_data()), "attachments": files}
    response = client.post(url, data, **auth(token))
    assert response.status_code == 201, response.content
    melding = Melding.objects.get(reference=response.json()["reference"])
    assert sorted(a.size for a in melding.attachments.all()) == [len(PNG), len(big_png)]

    bad = {"melding": json.dumps(api_data(kinds=[])), "attachments": [SimpleUploadedFile("x", EXE)]}
    response = client.post(url, bad, **auth(token))
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["kinds"] == ["Kies ten minste één soort gedrag."]
    assert "is geen toegestaan bestand" in errors["attachments"][0]
    response = client.post(url, {"melding": "{niet: json"}, **auth(token))
    assert response.status_code == 400
    missing = client.post(url, {}, **auth(token)).json()["errors"]
    assert missing == {"melding": ["Dit veld is verplicht."]}
    assert Melding.objects.count() == 1


def api_new_questions(**overrides) -> dict:
    return new_questions(worried_about_home=True, **overrides)


@pytest.mark.django_db
def test_new_questions_are_stored_through_the_api(client, melden, token, partner_kinds):
    data = api_data(**api_new_questions(avoidance=["online"]))
    response = post(client, submit_url(melden), data, **auth(token))
    assert response.status_code == 201, response.content
    assert response.json()["consent_kinds"] == ["politie", "om"]
    melding = Melding.objects.get()
    assert melding.perpetrator_type == "groep" and melding.online_platform == "x"
    assert melding.aangifte_made is True and melding.worried_about_home is True
    assert melding.support == ["gesprek", "beveiliging"]
    assert melding.consent_kinds == ["politie", "om"]
    assert melding.personal.online_accounts == "@dreiger"
    assert melding.personal.police_reference == "PL0900-2026123456"
    assert [s.kind for s in melding.avoidance_signals.all()] == ["online"]


@pytest.mark.django_db
@pytest.mark.parametrize("answer, stored", [("nee", False), ("onbekend", None), (None, None)])
def test_aangifte_made_through_the_api(client, melden, token, answer, stored):
    data = api_data(aangifte_made=answer)
    assert post(client, submit_url(melden), data, **auth(token)).status_code == 201
    assert Melding.objects.get().aangifte_made is stored


@pytest.mark.django_db
def test_unknown_values_give_400_with_all_dutch_messages_and_store_nothing(
    client, melden, token, partner_kinds
):
    """Values outside an enum and unknown consent kinds are refused by the form, together with
    the other fields' errors: one answer lists everything that is wrong."""
    data = api_data(
        **api_new_questions(
            perpetrator_type="buurman",
            online_platform="myspace",
            aangifte_made="misschien",
            support=["massage"],
            consent_kinds=["politie", "nctv"],
        ),
        channel="thuis",
        kinds=[],
    )
    response = post(client, submit_url(melden), data, **auth(token))
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Controleer de gegevens."
    errors = body["errors"]
    assert errors["consent_kinds"] == [
        "Met 'nctv' kunt u uw melding niet delen: die partner staat niet in de lijst. Kies uit "
        "de lijst."
    ]
    for field, value in [
        ("perpetrator_type", "buurman"),
        ("online_platform", "myspace"),
        ("aangifte_made", "misschien"),
        ("support", "massage"),
        ("channel", "thuis"),
    ]:
        assert errors[field] == [
            f"'{value}' is geen van de mogelijke antwoorden. Kies uit de lijst."
        ], field
    assert errors["kinds"] == ["Kies ten minste één soort gedrag."]
    assert Melding.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value", [("perpetrator_type", 5), ("support", "gesprek"), ("worried_about_home", [])]
)
def test_wrong_json_types_of_new_fields_give_400(client, melden, token, field, value):
    response = post(client, submit_url(melden), api_data(**{field: value}), **auth(token))
    assert response.status_code == 400
    assert response.json()["errors"] == {field: ["Ongeldige waarde."]}
    assert Melding.objects.count() == 0


@pytest.mark.django_db
def test_missing_required_fields_give_400_in_dutch(client, melden, token):
    data = api_data()
    del data["place"], data["wishes"]
    response = post(client, submit_url(melden), data, **auth(token))
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Controleer de gegevens.",
        "errors": {"place": ["Dit veld is verplicht."], "wishes": ["Dit veld is verplicht."]},
    }
    assert Melding.objects.count() == 0


def resolve(schema: dict, node: dict) -> dict:
    """The schema of a property, following $ref and a nullable anyOf."""
    node = next((n for n in node.get("anyOf", [node]) if n.get("type") != "null"), node)
    if "$ref" in node:
        return schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


@pytest.mark.django_db
def test_openapi_schema_states_required_fields_and_allowed_values(client, partner_kinds):
    from meldingen.forms import YesNoUnknown
    from meldingen.models import AvoidanceKind
    from meldingen.models.choices import (
        BehaviourKind,
        Channel,
        OnlinePlatform,
        PerpetratorKnown,
        PerpetratorType,
        Place,
        ReporterRole,
        SupportWish,
        Target,
        Wish,
    )

    schema = client.get(f"{API}/openapi.json").json()
    melding_in = schema["components"]["schemas"]["MeldingIn"]
    assert set(melding_in["required"]) == {
        "kinds",
        "occurred_at",
        "place",
        "channel",
        "description",
        "related_to_office",
        "perpetrator_known",
        "wishes",
        "reporter_role",
    }
    properties = melding_in["properties"]
    single = {
        "place": Place,
        "channel": Channel,
        "related_to_office": YesNoUnknown,
        "perpetrator_known": PerpetratorKnown,
        "perpetrator_type": PerpetratorType,
        "online_platform": OnlinePlatform,
        "aangifte_made": YesNoUnknown,
        "reporter_role": ReporterRole,
    }
    several = {
        "kinds": BehaviourKind,
        "targets": Target,
        "avoidance": AvoidanceKind,
        "wishes": Wish,
        "support": SupportWish,
    }
    for field, choices in single.items():
        assert resolve(schema, properties[field])["enum"] == choices.values, field
    for field, choices in several.items():
        assert properties[field]["type"] == "array", field
        assert resolve(schema, properties[field]["items"])["enum"] == choices.values, field
    assert "thuis" not in resolve(schema, properties["channel"])["enum"]
    assert properties["kinds"]["minItems"] == 1 and properties["wishes"]["minItems"] == 1
    assert properties["occurred_at"]["format"] == "date-time"
    # Partner kinds are data: strings, with today's external kinds in the description.
    consent_kinds = properties["consent_kinds"]
    assert consent_kinds["type"] == "array" and consent_kinds["items"] == {"type": "string"}
    assert "politie = Politie" in consent_kinds["description"]
    assert "om = Openbaar Ministerie" in consent_kinds["description"]
    assert "veiligheidscoordinator" not in consent_kinds["description"]
    # Answers are described, errors declared.
    melding_out = schema["components"]["schemas"]["MeldingOut"]
    assert set(melding_out["required"]) == set(melding_out["properties"])
    assert all("description" in p for p in melding_out["properties"].values())
    submit = schema["paths"]["/api/meldpunten/{page_id}/meldingen"]["post"]
    assert set(submit["responses"]) == {"201", "400", "401", "403", "404", "413", "415", "429"}
    problem = {"$ref": "#/components/schemas/Problem"}
    assert submit["responses"]["400"]["content"]["application/json"]["schema"] == problem
    multipart = schema["paths"]["/api/meldpunten/{page_id}/meldingen/multipart"]["post"]
    body = multipart["requestBody"]["content"]["multipart/form-data"]
    assert body["schema"]["properties"]["melding"]["$ref"] == "#/components/schemas/MeldingIn"
    assert body["encoding"] == {"melding": {"contentType": "application/json"}}


@pytest.mark.django_db
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_json_sent_as_another_type_is_refused_with_415(client, melden, token, content_type):
    """A cross-site form or fetch may send text/plain without a preflight: never read as JSON."""
    response = client.post(
        submit_url(melden), json.dumps(api_data()), content_type=content_type, **auth(token)
    )
    assert response.status_code == 415
    assert response.json()["detail"].startswith("Stuur de gegevens als JSON")
    assert not Melding.objects.exists()
    schema = client.get(f"{API}/openapi.json").json()
    submit = schema["paths"][f"{API}/meldpunten/{{page_id}}/meldingen"]["post"]
    assert {"401", "403", "404", "413", "415", "429"} <= set(submit["responses"])
