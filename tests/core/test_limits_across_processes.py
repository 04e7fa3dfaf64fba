"""Rate limits and lock-out hold across web processes: two real gunicorn workers with the
production settings (rate limits in Redis, RATELIMIT_REDIS_URL; failed logins in the database)
behind a simulated load balancer (X-Forwarded-For, TRUSTED_PROXY_COUNT=1). Requests sent at
the same time are answered by both workers, and the limit is reached at exactly its count."""

from __future__ import annotations

import os
import random
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from meldingen.models import Melding
from meldingen.steps import REVIEW
from meldingen.views.intake import step_url
from tests import factories
from tests.conftest import PASSWORD
from tests.meldingen.test_melding_intake import valid_data
from tests.servers import Gunicorn, csrf, require_redis

RATELIMIT_REDIS_URL = os.environ.get("TEST_RATELIMIT_REDIS_URL", "redis://127.0.0.1:6379/14")
LOGIN = "/account/inloggen/"

pytestmark = pytest.mark.django_db(transaction=True)


def visitor() -> str:
    """An address of this run's own: counters left in Redis by another run never meet it."""
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


@pytest.fixture
def server(tmp_path, org_a):
    require_redis(RATELIMIT_REDIS_URL)
    with Gunicorn(tmp_path, workers=2, RATELIMIT_REDIS_URL=RATELIMIT_REDIS_URL) as running:
        yield running


def post_form(server, path: str, data: dict, address: str) -> tuple[int, str]:
    cookie, token = csrf(server, path)
    body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
    headers = {
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": address,  # as the load balancer appends it
    }
    status, _headers, text = server.request("POST", path, body, headers)
    return status, text


def ready_to_send(server, melden, data: dict, address: str):
    """A new visitor fills in every step of the melding form but the last; returns the final
    submit as a function giving its status (the melding is only stored by that one)."""
    cookie, token = csrf(server, melden.url)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address}
    for number in range(1, REVIEW):
        body = urlencode({**data, "actie": "volgende", "csrfmiddlewaretoken": token}, doseq=True)
        path = step_url(melden, number)
        status, answer, _text = server.request("POST", path, body, {**headers, "Cookie": cookie})
        assert status == 302, (number, status)
        session = re.search(r"sessionid=([^;]+)", " ".join(answer.get_all("Set-Cookie") or []))
        if session:
            cookie = f"{cookie.split('; ')[0]}; sessionid={session.group(1)}"
    final = urlencode({"actie": "versturen", "csrfmiddlewaretoken": token})

    def send() -> int:
        path = step_url(melden, REVIEW)
        return server.request("POST", path, final, {**headers, "Cookie": cookie})[0]

    return send


def at_once(count: int, send) -> list:
    """count calls of send, started together (each worker answers one request at a time)."""
    start = threading.Barrier(count)

    def one(_):
        start.wait()
        return send()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def test_anonymous_intake_limit_holds_across_workers(server, org_a):
    melden = factories.melden_page(org_a)
    melden.accept_without_account = True
    melden.save_revision().publish()
    limit, _window = settings.MELDING_RATE_LIMIT
    address = visitor()

    senders = [ready_to_send(server, melden, valid_data(), address) for _ in range(3 * limit)]
    statuses = at_once(3 * limit, lambda: senders.pop()())

    assert sorted(statuses) == [302] * limit + [429] * (2 * limit), statuses
    assert Melding.objects.count() == limit
    assert len(server.worker_pids("POST", step_url(melden, REVIEW))) == 2  # both workers answered
    # Another visitor behind the same load balancer has a budget of its own.
    assert ready_to_send(server, melden, valid_data(), visitor())() == 302


def test_failed_logins_lock_out_across_workers(server):
    get_user_model().objects.create(
        username="doelwit", password=PBKDF2PasswordHasher().encode(PASSWORD, "zout1234")
    )  # a hasher the production settings know
    limit = settings.LOGIN_LOCKOUT["attempts_per_user"]
    address = visitor()

    def attempt(password: str = "fout-wachtwoord") -> str:
        data = {"username": "doelwit", "password": password}
        return post_form(server, LOGIN, data, address)[1]

    wrong = "Gebruikersnaam of wachtwoord klopt niet"
    locked = "Te veel mislukte pogingen"
    # In pairs sent together, so both workers count failures, up to one below the limit.
    for _ in range((limit - 1) // 2):
        assert all(wrong in page for page in at_once(2, attempt))
    for _ in range((limit - 1) % 2):
        assert wrong in attempt()
    recorded = AccessAttempt.objects.filter(username="doelwit")
    assert sum(recorded.values_list("failures_since_start", flat=True)) == limit - 1
    assert len(server.worker_pids("POST", LOGIN)) == 2
    last = attempt()  # the limit-th failure is still judged on the password
    assert wrong in last and locked not in last
    assert locked in attempt(PASSWORD)  # then even the right password is refused
    assert locked in attempt(PASSWORD)
