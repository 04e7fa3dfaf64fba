"""Prometheus metrics at /metrics: only for the token or a direct connection from an allowed
network, never stored by the page cache; the product metrics follow a melding through intake,
moderation, delivery, a missed deadline, acknowledgement and erasure, without personal data,
in a bounded number of queries."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
import yaml
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from meldingen.models import Melding
from partners.models import Notice
from tests import factories
from tests.meldingen.steps import post_melding
from workflows.engine import begin_moderation

pytestmark = pytest.mark.django_db

TOKEN = "metrics-test-token-0123456789abcdefghijklmnop"
OUTSIDE = "203.0.113.7"  # a visitor's address (TEST-NET-3)
NAME, EMAIL = "Mirjam Zwaluwstaart", "mirjam.zwaluwstaart@example.test"
ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
STORY = "Een man met een groene jas riep na de commissievergadering dreigementen."


@pytest.fixture(autouse=True)
def metrics_settings(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_NETWORKS = ["127.0.0.1/32", "::1/128"]


def get(client, token: str | None = None, address: str = OUTSIDE, **headers):
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.get("/metrics", REMOTE_ADDR=address, **headers)


def scrape(client) -> tuple[dict[tuple, float], str]:
    """The samples of a scrape by {(name, sorted labels): value}, and the text itself."""
    response = get(client, TOKEN)
    assert response.status_code == 200
    text = response.content.decode()
    samples = {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }
    return samples, text


def value(samples, name: str, **labels) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


def received(samples, kind: str) -> float:
    return value(samples, "veiligbestuur_meldingen_received_total", organisation_kind=kind)


# Access


def test_hidden_without_token_from_a_visitors_address(client):
    response = get(client)
    assert response.status_code == 404
    assert "veiligbestuur_" not in response.content.decode()


def test_hidden_with_a_wrong_token_from_any_address(client):
    assert get(client, "wrong-token").status_code == 404
    assert get(client, TOKEN[:-1]).status_code == 404
    assert get(client, "wrong-token", address="127.0.0.1").status_code == 404


def test_token_opens_it_from_anywhere_never_cached(client):
    response = get(client, TOKEN)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    text = response.content.decode()
    assert "veiligbestuur_meldingen_received_total" in text
    assert "django_http_requests_before_middlewares_total" in text  # django-prometheus


def test_no_token_configured_means_no_token_accepted(client, settings):
    settings.METRICS_TOKEN = ""
    assert get(client, "").status_code == 404
    assert get(client, "anything").status_code == 404


def test_allowed_networks_by_the_connections_own_address(client, settings):
    settings.METRICS_TOKEN = ""  # dev and demo: the machine itself only
    assert get(client, address="127.0.0.1").status_code == 200
    assert get(client, address="10.1.2.3").status_code == 404

    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert get(client, address="10.1.2.3").status_code == 200
    assert get(client, address="127.0.0.1").status_code == 404
    # A forwarded header never makes a visitor internal, even with a trusted proxy...
    settings.TRUSTED_PROXY_COUNT = 1
    forwarded = {"HTTP_X_FORWARDED_FOR": "10.1.2.3"}
    assert get(client, address=OUTSIDE, **forwarded).status_code == 404
    # ...and whatever came through a proxy (the load balancer in an allowed network) needs
    # the token.
    assert get(client, address="10.9.9.9", **{"HTTP_X_FORWARDED_FOR": OUTSIDE}).status_code == 404


def test_page_cache_never_serves_a_scrape_to_others(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300  # as in production with Redis
    assert get(client, TOKEN).status_code == 200
    response = get(client)
    assert response.status_code == 404
    assert "veiligbestuur_" not in response.content.decode()


# Product metrics


@pytest.fixture
def police(org_a, make_user):
    kinds = factories.partner_kinds()
    user = make_user("wijkagent-a")
    return factories.partner(
        org_a, kinds["politie"], "Politie basisteam Aadorp", "politie@example.test", user
    ), user


def submit_through_melden_page(client, org, reporter, capture) -> Melding:
    melden = factories.melden_page(org)
    client.force_login(reporter)
    with capture(execute=True):
        response = post_melding(
            client,
            melden,
            {
                "kinds": ["bedreiging"],
                "occurred_at": (timezone.localtime() - timedelta(hours=2)).strftime(
                    "%Y-%m-%dT%H:%M"
                ),
                "place": "buiten",
                "channel": "persoon",
                "description": STORY,
                "related_to_office": "ja",
                "perpetrator_known": "ja",
                "wishes": ["aangifte"],
                "consent_kinds": ["politie"],
                "reporter_role": "raadslid",
                "name": NAME,
                "email": EMAIL,
            },
        )
    assert response.status_code == 302, response.content.decode()[:1000]
    return Melding.objects.get()


def test_product_metrics_follow_a_melding_and_hold_no_personal_data(
    client, org_a, coordinator_a, make_user, police, django_capture_on_commit_callbacks
):
    partner, police_user = police
    before, _text = scrape(client)
    assert received(before, "gemeente") == 0
    assert value(before, "veiligbestuur_moderation_waiting") == 0
    assert value(before, "veiligbestuur_product_metrics_up") == 1

    # Intake through the Melden page: received, and waiting for triage.
    melding = submit_through_melden_page(
        client, org_a, make_user("raadslid-a"), django_capture_on_commit_callbacks
    )
    after_intake, text = scrape(client)
    assert received(after_intake, "gemeente") == 1
    assert received(after_intake, "provincie") == 0
    assert value(after_intake, "veiligbestuur_moderation_waiting") == 1
    assert 0 <= value(after_intake, "veiligbestuur_moderation_oldest_wait_seconds") < 60
    for personal in (NAME, EMAIL, STORY, "Zwaluwstaart", "raadslid-a", melding.reference):
        assert personal not in text

    # An hour later the melding still waits: the oldest wait says so.
    with time_machine.travel(timezone.now() + timedelta(hours=1), tick=False):
        waited, _text = scrape(client)
    assert value(waited, "veiligbestuur_moderation_oldest_wait_seconds") >= 3600

    # Triage and routing in the admin; the notice is delivered (immediately, in tests).
    client.force_login(coordinator_a)
    case = f"/admin/meldingen/{melding.pk}/"
    client.post(f"{case}triage/", {"kinds": ["bedreiging"], "severity": "bedreiging", "note": ""})
    with django_capture_on_commit_callbacks(execute=True):
        routed = client.post(f"{case}routering/", {"partners": [partner.pk], "note": ""})
    assert routed.status_code == 302
    notice = Notice.objects.get(melding=melding)
    assert notice.status == "verzonden"
    delivered, text = scrape(client)
    assert value(delivered, "veiligbestuur_partner_notices", state="verzonden") == 1
    assert value(delivered, "veiligbestuur_partner_notices", state="mislukt") == 0
    assert value(delivered, "veiligbestuur_partner_notices_overdue") == 0
    assert value(delivered, "veiligbestuur_moderation_waiting") == 0
    assert partner.name not in text and "politie@example.test" not in text

    # The deadline passes unacknowledged; the partner acknowledges afterwards.
    with time_machine.travel(notice.deadline_at + timedelta(hours=1), tick=False):
        overdue, _text = scrape(client)
        assert value(overdue, "veiligbestuur_partner_notices_overdue") == 1
        client.force_login(police_user)
        acknowledged = client.post(f"/partner/berichten/{notice.pk}/ontvangst/")
        assert acknowledged.status_code == 302
        after_ack, _text = scrape(client)
    assert value(after_ack, "veiligbestuur_partner_notices_overdue") == 0
    assert value(after_ack, "veiligbestuur_partner_notices", state="bevestigd") == 1
    assert value(after_ack, "veiligbestuur_partner_notices", state="verzonden") == 0

    # Erased on request: one purge more.
    assert value(after_ack, "veiligbestuur_purges_total", reason="verzoek") == 0
    client.force_login(coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        erased = client.post(f"{case}wissen/", {"reason": "Verzoek van de betrokkene"})
    assert erased.status_code == 302
    purged, text = scrape(client)
    assert value(purged, "veiligbestuur_purges_total", reason="verzoek") == 1
    assert value(purged, "veiligbestuur_purges_total", reason="bewaartermijn") == 0
    assert "Verzoek van de betrokkene" not in text


def test_database_trouble_leaves_the_process_metrics_and_says_so(client, caplog):
    """A table the product metrics read is gone (rolled back after the test): the scrape still
    answers, with the process's own metrics and product_metrics_up 0."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE partners_notice RENAME TO partners_notice_away")
    samples, text = scrape(client)
    assert value(samples, "veiligbestuur_product_metrics_up") == 0
    assert "veiligbestuur_partner_notices" not in text
    assert "django_http_requests_before_middlewares_total" in text
    assert "Productmetrieken konden niet" in caplog.text


def test_oldest_waiting_task_shows_a_stopped_worker(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    samples, _text = scrape(client)
    assert value(samples, "veiligbestuur_task_queue_oldest_wait_seconds") == 0
    begin_moderation.enqueue(1)  # nobody works the queue
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=11))
    samples, _text = scrape(client)
    assert value(samples, "veiligbestuur_task_queue_oldest_wait_seconds") >= 660


def test_failed_logins_and_lockouts(client, make_user, settings):
    settings.LOGIN_LOCKOUT = {"attempts_per_user": 3, "attempts_per_address": 20, "window": 900}
    make_user("raadslid-b")
    samples, _text = scrape(client)
    assert value(samples, "veiligbestuur_failed_logins") == 0
    assert value(samples, "veiligbestuur_login_lockouts", by="account") == 0

    for _attempt in range(3):
        client.post("/account/inloggen/", {"username": "raadslid-b", "password": "fout"})
    samples, text = scrape(client)
    assert value(samples, "veiligbestuur_failed_logins") == 3
    assert value(samples, "veiligbestuur_login_lockouts", by="account") == 1
    assert value(samples, "veiligbestuur_login_lockouts", by="address") == 0
    assert "raadslid-b" not in text

    # Once the window has passed, the lock-out is over and the count with it.
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        samples, _text = scrape(client)
    assert value(samples, "veiligbestuur_failed_logins") == 0
    assert value(samples, "veiligbestuur_login_lockouts", by="account") == 0


def test_a_scrape_takes_a_bounded_number_of_queries(
    client, org_a, org_b, coordinator_a, django_assert_max_num_queries
):
    kinds = factories.partner_kinds()
    partners = [factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test")]
    for org in (org_a, org_a, org_b):
        melding = factories.melding(org, name=NAME, email=EMAIL)
        if org == org_a:
            factories.triage_and_route(melding, coordinator_a, partners)
    scrape(client)  # first use of the process's registry and content types
    with django_assert_max_num_queries(8):
        samples, _text = scrape(client)
    assert received(samples, "gemeente") == 3


# Production wiring


SCRAPE = """
import json
import django
django.setup()
from django.test import Client
client = Client()
denied = client.get("/metrics", REMOTE_ADDR="203.0.113.7")
scraped = client.get("/metrics", REMOTE_ADDR="203.0.113.7", HTTP_AUTHORIZATION="Bearer {token}")
print(json.dumps({{"denied": denied.status_code, "scraped": scraped.status_code,
                   "text": scraped.content.decode()}}))
"""


def test_production_counts_database_and_cache_and_lets_prometheus_in_over_http(settings):
    """Production settings in a process of their own: the database and Redis go through
    django-prometheus's backends, and a scrape over plain HTTP (straight to the web process,
    behind the load balancer's TLS) is not redirected."""
    if settings.TEST_DATABASE_VENDOR != "postgresql":
        pytest.skip("production runs on PostgreSQL")
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis unreachable at {REDIS_URL}: {exc}")
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "veiligbestuur.settings.production",
        "SECRET_KEY": "metrics-test-secret-key-not-for-production-0123456789",
        "ALLOWED_HOSTS": "testserver",
        "BASE_URL": "https://testserver",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "FIELD_ENCRYPTION_KEYS": settings.FIELD_ENCRYPTION_KEYS[0],
        "REDIS_URL": REDIS_URL,
        "RATELIMIT_REDIS_URL": REDIS_URL.rsplit("/", 1)[0] + "/15",
        "METRICS_TOKEN": TOKEN,
        "LOG_LEVEL": "WARNING",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRAPE.format(token=TOKEN)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["denied"] == 404 and answer["scraped"] == 200
    families = {f.name: f for f in text_string_to_metric_families(answer["text"])}
    executed = {s.labels["vendor"]: s.value for s in families["django_db_execute"].samples}
    assert executed["postgresql"] >= 1
    gets = {s.labels["backend"]: s.value for s in families["django_cache_get"].samples}
    assert gets["redis"] >= 1  # the page cache looked for a stored copy
    # Every metric the sample alert rules and dashboard ask for exists in a production scrape.
    exposed = {
        family.name + suffix
        for family in families.values()
        for suffix in ("", "_total", "_bucket", "_count", "_sum", "_created")
    }
    used = set(re.findall(r"\b(?:veiligbestuur|django)_\w+", "\n".join(documented_queries())))
    assert used and used <= exposed, used - exposed


# Sample alert rules and dashboard (docs/)

DOCS = ROOT / "docs"


def alert_rules() -> list[dict]:
    groups = yaml.safe_load((DOCS / "prometheus" / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def documented_queries() -> list[str]:
    dashboard = json.loads((DOCS / "grafana" / "veiligbestuur-dashboard.json").read_text())
    panels = [p for p in dashboard["panels"] if p["type"] != "row"]
    return [rule["expr"] for rule in alert_rules()] + [
        target["expr"] for panel in panels for target in panel["targets"]
    ]


def test_alert_rules_are_valid_and_fire_as_intended():
    rules = alert_rules()
    names = {rule["alert"] for rule in rules}
    assert {
        "VeiligBestuurWorkerStaatStil",
        "VeiligBestuurBerichtenOpgegeven",
        "VeiligBestuurBerichtenMislukken",
        "VeiligBestuurReactietermijnVerlopen",
    } <= names
    for rule in rules:
        assert rule["expr"].strip() and re.fullmatch(r"\d+[smh]", rule["for"]), rule["alert"]
        assert rule["labels"]["severity"] in ("critical", "warning"), rule["alert"]
        assert rule["annotations"]["summary"] and rule["annotations"]["description"]
    promtool = shutil.which("promtool", path=f"{ROOT / 'var/tools/bin'}:{os.environ['PATH']}")
    if promtool is None:
        if os.environ.get("REQUIRE_PROMTOOL") == "1":  # CI installs it (.ci/run)
            pytest.fail("REQUIRE_PROMTOOL=1 but promtool is not installed")
        pytest.skip("promtool not installed: structure checked, rules not evaluated")
    for command in (["check", "rules", "alerts.yml"], ["test", "rules", "alerts.test.yml"]):
        result = subprocess.run(
            [promtool, *command], cwd=DOCS / "prometheus", capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
