"""Accounts: second factor for everyone who can see meldingen or use the admin, lock-out,
session lifetime, logout and password rules, through the real login views."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import DEMO_TOTP_SECRET, demo_totp_key
from accounts.middleware import SESSION_TOUCHED_KEY
from accounts.signals import SESSION_STARTED_KEY
from tests.conftest import PASSWORD
from tests.factories import melden_page, partner, partner_kinds

SETUP = "/account/tweestaps/instellen/"
VERIFY = "/account/tweestaps/controle/"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def password_login(client, username: str, password: str = PASSWORD, url="/account/inloggen/"):
    return client.post(url, {"username": username, "password": password})


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def test_coordinator_enrols_authenticator_after_public_login(client, coordinator_a):
    password_login(client, "coordinator-a")
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)

    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Tweestapsverificatie instellen" in html and "<svg" in html
    device = TOTPDevice.objects.get(user=coordinator_a, confirmed=False)
    assert "otpauth://totp/" in html and "Veilig%20Bestuur" in device.config_url

    wrong = client.post(SETUP, {"token": "000000", "next": "/admin/"})
    assert wrong.status_code == 400
    assert "Deze code klopt niet of is verlopen" in wrong.content.decode()

    device.refresh_from_db()
    device.throttle_reset()  # django-otp's back-off after a wrong code (1 s, 2 s, ...)
    done = client.post(SETUP, {"token": code_for(device), "next": "/admin/"})
    assert done.status_code == 302
    codes_page = client.get(done["Location"])
    codes = re.findall(r"<code>([0-9a-f]{10})</code>", codes_page.content.decode())
    assert len(codes) == 10
    assert client.get(done["Location"]).status_code == 302  # shown only once
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_admin_login_asks_for_code_and_accepts_recovery_code_once(client, make_user):
    admin = make_user("beheer", superuser=True)
    device = enrolled(admin)
    response = password_login(client, "beheer", url="/admin/login/")
    assert response.status_code == 302
    step = client.get("/admin/pages/")
    assert step.status_code == 302 and step["Location"].startswith(VERIFY)
    assert "Inlogcode" in client.get(step["Location"]).content.decode()

    ok = client.post(VERIFY, {"token": code_for(device), "next": "/admin/pages/"})
    assert ok["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200

    # Recovery code: a second browser without the phone.
    from accounts.otp import new_recovery_codes

    code = new_recovery_codes(admin)[0]
    other = client.__class__()
    password_login(other, "beheer", url="/admin/login/")
    assert other.post(VERIFY, {"token": code, "next": "/admin/"})["Location"] == "/admin/"
    assert not StaticToken.objects.filter(token=code).exists()
    third = client.__class__()
    password_login(third, "beheer", url="/admin/login/")
    assert third.post(VERIFY, {"token": code}).status_code == 400


def test_partner_user_and_api_need_the_second_factor(client, make_user, org_a):
    police_user = make_user("agent")
    partner(org_a, partner_kinds()["politie"], "Politie Aadorp", "p@example.test", police_user)
    enrolled(police_user)
    password_login(client, "agent")
    response = client.get("/partner/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    api = client.get("/api/meldingen")
    assert api.status_code == 403
    assert api.json()["detail"] == "Tweestapsverificatie vereist."


@pytest.mark.parametrize("group", ["coordinators_group", "editors_group"])
def test_every_admin_role_needs_the_second_factor(client, make_user, org_a, group):
    make_user("medewerker", getattr(org_a, group))
    password_login(client, "medewerker")
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_national_editor_needs_the_second_factor(client, national_editor):
    password_login(client, "redactie")
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_office_holder_has_no_second_factor(client, make_user, org_a):
    make_user("raadslid")
    melden_page(org_a)
    password_login(client, "raadslid")
    assert client.get("/mijn-meldingen/").status_code == 200


def test_lockout_per_user_name_with_dutch_message(client, make_user):
    make_user("doelwit")
    for _ in range(settings.LOGIN_LOCKOUT["attempts_per_user"]):
        response = password_login(client, "doelwit", "fout-wachtwoord")
        assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()
    locked = password_login(client, "doelwit")  # even the right password
    assert locked.status_code == 200
    assert "Te veel mislukte pogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    locked_admin = password_login(client, "doelwit", url="/admin/login/")
    assert "Te veel mislukte pogingen" in locked_admin.content.decode()


def test_lockout_per_address(client, make_user):
    make_user("iemand")
    for n in range(settings.LOGIN_LOCKOUT["attempts_per_address"]):
        password_login(client, f"gok-{n}", "fout-wachtwoord")
    locked = password_login(client, "iemand")
    assert "Te veel mislukte pogingen" in locked.content.decode()
    elsewhere = client.__class__(REMOTE_ADDR="192.0.2.7")
    assert password_login(elsewhere, "iemand").status_code == 302


def test_wrong_codes_lock_the_second_step(client, coordinator_a):
    device = enrolled(coordinator_a)
    password_login(client, "coordinator-a")
    for _ in range(settings.LOGIN_LOCKOUT["attempts_per_user"]):
        client.post(VERIFY, {"token": "123456"})
    response = client.post(VERIFY, {"token": code_for(device)})
    assert "Te veel mislukte pogingen" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_logout_ends_the_session_on_the_server(client, coordinator_a):
    client.force_login(coordinator_a)
    session_key = client.session.session_key
    assert client.get("/admin/").status_code == 200
    client.post("/account/uitloggen/")
    assert not SessionStore().exists(session_key)
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key  # replay the old cookie
    assert client.get("/admin/").status_code == 302


def test_session_times_out(client, coordinator_a):
    assert settings.SESSION_COOKIE_AGE <= 30 * 60 and settings.SESSION_TOUCH_SECONDS <= 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    client.force_login(coordinator_a)
    session = client.session
    session[SESSION_STARTED_KEY] = int(time.time()) - settings.SESSION_MAX_LIFETIME - 1
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")
    assert "_auth_user_id" not in client.session


def _stored_session(key: str) -> Session:
    return Session.objects.get(session_key=key)


def test_an_active_session_is_kept_alive_with_a_write_at_most_once_a_minute(
    client, coordinator_a
):
    client.force_login(coordinator_a)
    key = client.session.session_key
    assert client.get("/admin/").status_code == 200
    saved = _stored_session(key).expire_date
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    assert not [q for q in queries if q["sql"].startswith('UPDATE "django_session"')]
    assert _stored_session(key).expire_date == saved
    # Two minutes later (the last save moved back, as the clock would), with 28 to go:
    session = SessionStore(session_key=key)
    session[SESSION_TOUCHED_KEY] = int(time.time()) - 120
    session.save()
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=28)
    )
    assert client.get("/admin/").status_code == 200
    renewed = _stored_session(key).expire_date - timezone.now()
    assert datetime.timedelta(minutes=29) < renewed <= datetime.timedelta(minutes=30)


def test_an_idle_session_ends(client, coordinator_a):
    client.force_login(coordinator_a)
    key = client.session.session_key
    assert client.get("/admin/").status_code == 200
    Session.objects.filter(session_key=key).update(  # 30 minutes without a request
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_a_visitor_without_a_session_gets_none(client, org_a):
    response = client.get(org_a.url)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize(
    "password", ["kort-maar-1", "123456789012345", "qwerty123456", "coordinator-a-1"]
)
def test_password_rules(password, coordinator_a):
    with pytest.raises(ValidationError):
        password_validation.validate_password(password, coordinator_a)
    password_validation.validate_password("paars-kanaal-veldweg-7", coordinator_a)


def test_demo_accounts_get_the_documented_secret(demo_content, settings):
    device = TOTPDevice.objects.get(user__username="voorbeeldstad-coordinator")
    assert device.key == demo_totp_key() and DEMO_TOTP_SECRET in open("README.md").read()
    assert not TOTPDevice.objects.filter(user__username="voorbeeldstad-raadslid").exists()
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(Exception, match="not allowed"):
        from accounts.demo import ensure_demo_device

        ensure_demo_device(device.user)


LOAD_BALANCER = "10.0.0.1"


def behind_proxy(visitor: str, forged: str = "") -> Client:
    """A visitor behind the load balancer, which appends the address it saw."""
    chain = f"{forged}, {visitor}" if forged else visitor
    return Client(REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=chain)


def test_behind_the_load_balancer_each_visitor_has_an_own_lockout(make_user, settings):
    """All visitors reach the app from the load balancer's address: the limit counts the
    address the load balancer saw, so one visitor's failures do not lock out the others, and
    a header the visitor forged cannot move the count elsewhere."""
    settings.TRUSTED_PROXY_COUNT = 1
    make_user("iemand")
    attacker = "203.0.113.66"
    for n in range(settings.LOGIN_LOCKOUT["attempts_per_address"]):
        # Each attempt forges another address in front; the load balancer's entry decides.
        password_login(behind_proxy(attacker, forged=f"198.51.100.{n}"), f"gok-{n}", "fout")
    locked = password_login(behind_proxy(attacker, forged="192.0.2.99"), "iemand")
    assert "Te veel mislukte pogingen" in locked.content.decode()
    assert password_login(behind_proxy("203.0.113.7"), "iemand").status_code == 302


def test_a_direct_client_cannot_choose_its_address(make_user, settings):
    """Without trusted proxies (0) X-Forwarded-For is ignored: rotating it does not escape
    the lock-out of the connection's address."""
    settings.TRUSTED_PROXY_COUNT = 0
    make_user("iemand")
    for n in range(settings.LOGIN_LOCKOUT["attempts_per_address"]):
        direct = Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        password_login(direct, f"gok-{n}", "fout")
    again = Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert "Te veel mislukte pogingen" in password_login(again, "iemand").content.decode()


def test_lockout_is_kept_in_the_database_not_the_cache(client, make_user):
    """Failed attempts are rows every web process reads (django-axes): emptying or evicting
    the cache does not lift a lock-out, and what was typed as password or code is not stored."""
    from axes.models import AccessAttempt
    from django.core.cache import caches

    make_user("doelwit")
    for _ in range(settings.LOGIN_LOCKOUT["attempts_per_user"]):
        password_login(client, "doelwit", "geheim-fout-wachtwoord", url="/admin/login/")
    for alias in settings.CACHES:
        caches[alias].clear()
    locked = password_login(client, "doelwit")  # the admin's failures lock the public login
    assert "Te veel mislukte pogingen" in locked.content.decode()
    attempt = AccessAttempt.objects.get(username="doelwit")
    assert "geheim-fout-wachtwoord" not in attempt.post_data


def test_production_refuses_to_start_without_a_rate_limit_store():
    from tests.home.test_demo import production_env
    from tests.home.test_settings import run

    env = production_env()
    del env["RATELIMIT_REDIS_URL"]
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0 and "RATELIMIT_REDIS_URL is required" in result.stderr

    env["RATELIMIT_REDIS_URL"] = env["REDIS_URL"]  # the page cache's database evicts
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "must not be the page cache's database" in result.stderr


def test_admin_login_labels_are_dutch(client, db):
    html = client.get("/admin/login/").content.decode()
    assert "Wachtwoord" in html and "Gebruikersnaam" in html
    assert ">Password" not in html
