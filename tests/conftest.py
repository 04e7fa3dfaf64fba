"""Shared fixtures: the platform structure, two provisioned organisations and their people."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.plugin import blocking_manager_key

from accounts.policy import requires_second_factor
from home.models import HomePage, OrganisationPage
from home.provisioning import NATIONAL_EDITORS_GROUP, provision_organisation
from home.setup import ensure_platform
from home.tenancy import originals
from meldingen.ladder import ensure_ladder
from tests import demo_snapshot

PASSWORD = "een-lang-testwachtwoord"


@pytest.fixture(autouse=True)
def _dutch_after_each_test():
    """A request to /en/ or /fy/ leaves its language active in the thread (LocaleMiddleware
    does not switch back); the next test starts in Dutch, as a fresh process would."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _verified_force_login(monkeypatch):
    """Tests' force_login stands for a complete login, second factor included: the session is
    marked verified with a confirmed TOTP device. Real logins (client.login, the login views)
    are untouched; tests/test_accounts.py covers the second factor itself. Also starts every
    test with an empty cache (lock-out counters, rate limits)."""
    cache.clear()
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if requires_second_factor(user):
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


# The platform and the two organisations most tests use are built once per session (per xdist
# worker), committed before the first test; every test's transaction rolls back on top of them.
# A transactional test empties the database, so they are built again right after one.
TENANTS = {"GM9001": ("Gemeente Aadorp", "gemeente"), "GM9002": ("Gemeente Beestad", "gemeente")}


def build_world() -> HomePage:
    ensure_ladder()  # national data from a migration, gone after a flush
    home = ensure_platform()
    for code, (title, kind) in TENANTS.items():
        provision_organisation(title=title, kind=kind, official_code=code)
    return home


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_world()
        demo_snapshot.keep_fixed()
    yield
    # Servers and workers the tests started may hold a connection PostgreSQL has not closed
    # yet; the test database could then not be dropped and would stay behind on the server.
    with django_db_blocker.unblock():
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


def _empties_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction"))
    return transactional or bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield  # every fixture is torn down now, the flush of a transactional test included
    # After the last test the session's fixtures are gone too: the test database with them.
    if nextitem is not None and _empties_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            demo_snapshot.fixed_back()  # content types and permissions under their first ids
            build_world()


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker):
    """`load_demo` on an empty database once per test process (tests/demo_snapshot.py)."""
    with django_db_blocker.unblock():
        demo_snapshot.take()


@pytest.fixture
def demo_content(_demo_snapshot, db):
    """The database as `manage.py load_demo` leaves an empty one (a fresh installation with
    the demo): organisations, accounts, protocols, toolkit, meldingen. Tests of `load_demo`
    itself call the command."""
    demo_snapshot.restore()


@pytest.fixture
def home_page(db) -> HomePage:
    return HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first() or (
        build_world()
    )


@pytest.fixture
def empty_database(transactional_db):
    """For tests of a fresh installation (loading the demo): nothing in the database, not even
    the session's platform; it is built again after the test (pytest_runtest_teardown)."""
    call_command("flush", interactive=False, verbosity=0)


def tenant(code: str) -> OrganisationPage:
    return originals().get(official_code=code)


@pytest.fixture
def org_a(home_page) -> OrganisationPage:
    return tenant("GM9001")


@pytest.fixture
def org_b(home_page) -> OrganisationPage:
    return tenant("GM9002")


@pytest.fixture
def make_user(db):
    def make(username: str, *groups: Group, superuser: bool = False):
        user = get_user_model().objects.create_user(
            username=username,
            email=f"{username}@example.test",
            password=PASSWORD,
            is_superuser=superuser,
            is_staff=superuser,
        )
        user.groups.add(*groups)
        return user

    return make


@pytest.fixture
def redacteur_a(make_user, org_a):
    return make_user("redacteur-a", org_a.editors_group)


@pytest.fixture
def publiceerder_a(make_user, org_a):
    return make_user("publiceerder-a", org_a.publishers_group)


@pytest.fixture
def national_editor(make_user, home_page):
    return make_user("redactie", Group.objects.get(name=NATIONAL_EDITORS_GROUP))


@pytest.fixture
def login(client):
    """Log a user in on the test client and return that client."""

    def do_login(user):
        client.force_login(user)
        return client

    return do_login


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture
def coordinator_a(make_user, org_a):
    return make_user("coordinator-a", org_a.coordinators_group)


@pytest.fixture
def coordinator_b(make_user, org_b):
    return make_user("coordinator-b", org_b.coordinators_group)


def pytest_sessionstart(session):
    """Drop test databases left by earlier runs whose process is gone (a run that was killed,
    or a teardown that found a connection still open). Each run has its own database
    (veiligbestuur.settings.test), so this never touches a run that is still going."""
    import os
    import re

    from django.conf import settings

    if hasattr(session.config, "workerinput") or settings.TEST_DATABASE_VENDOR != "postgresql":
        return
    import psycopg

    db = settings.DATABASES["default"]
    prefix = f"test_{db['NAME']}_"
    conninfo = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as conn:
        names = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [prefix + "%"]
        ).fetchall()
        for (name,) in names:
            found = re.match(rf"{re.escape(prefix)}(\d+)", name)
            if found and not os.path.exists(f"/proc/{found.group(1)}"):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
