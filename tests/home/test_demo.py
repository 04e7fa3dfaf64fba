"""`manage.py load_demo`: complete, idempotent, and refused with production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from wagtail.models import Page, ReferenceIndex

from home.models import HomePage, OrganisationPage

pytestmark = pytest.mark.django_db(transaction=False)

ROOT = Path(__file__).resolve().parents[2]
COUNTED = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "wagtailcore.Locale",
    "wagtailcore.Site",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission",
    "wagtailcore.Collection",
    "wagtailcore.Workflow",
    "wagtailcore.WorkflowPage",
    "auth.User",
    "auth.Group",
    "home.OrganisationContact",
    "meldingen.Melding",
    "meldingen.MeldingHistory",
    "partners.Notice",
    "partners.Partner",
    "partners.RoutingRule",
    "partners.PartnerKind",
]


def counts():
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


@pytest.fixture
def load_demo(django_capture_on_commit_callbacks):
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", stdout=open(os.devnull, "w"))

    return run


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("empty_database")
def test_demo_content_is_complete(load_demo, client):
    load_demo()
    home = HomePage.objects.get(locale__language_code="nl")
    english = home.get_translations().get(locale__language_code="en")
    assert english.live and english.title == "Safe Governance"

    orgs = {o.official_code: o for o in OrganisationPage.objects.filter(locale=home.locale)}
    assert {(o.title, o.kind) for o in orgs.values()} == {
        ("Gemeente Voorbeeldstad", "gemeente"),
        ("Provincie Voorbeeldland", "provincie"),
        ("Waterschap Voorbeeldwaarden", "waterschap"),
    }
    for org in orgs.values():
        assert org.live and org.contacts.count() == 3
        assert client.get(org.url).status_code == 200

    User = get_user_model()
    stad = orgs["GM9999"]
    for username, group in [
        ("voorbeeldstad-redacteur", stad.editors_group),
        ("voorbeeldstad-publiceerder", stad.publishers_group),
        ("voorbeeldstad-coordinator", stad.coordinators_group),
    ]:
        user = User.objects.get(username=username)
        assert list(user.groups.all()) == [group]
        # axes refuses authenticate() without a request: no login may skip the lock-out.
        request = HttpRequest()
        request.META["REMOTE_ADDR"] = "127.0.0.1"
        assert client.login(request=request, username=username, password="demo")
    client.logout()  # a password-only login of these roles waits for the second factor
    assert User.objects.get(username="redactie").has_perm("home.provision_organisation")
    assert client.get("/en/").status_code == 200

    # Wagtail's reference index, renewed once per object at the end of the load, is the
    # index a full rebuild gives ("where is this image or page used" in the admin).
    def references():
        fields = ["content_type", "object_id", "to_content_type", "to_object_id", "content_path"]
        return sorted(ReferenceIndex.objects.values_list(*fields))

    indexed = references()
    assert indexed
    call_command("rebuild_references_index", stdout=open(os.devnull, "w"))
    assert references() == indexed


@pytest.mark.usefixtures("demo_content")
def test_load_demo_twice_changes_nothing(load_demo):
    # demo_content is the first load (tests/demo_snapshot.py); this is the second.
    before = counts()
    load_demo()
    assert counts() == before
    assert Page.objects.filter(depth=2, locale__language_code="nl").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("empty_database")
def test_load_demo_refused_when_demo_content_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="uitgeschakeld"):
        call_command("load_demo")
    assert not HomePage.objects.exists()


def production_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REQUIRE_POSTGRES")}
    for line in (ROOT / "production.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value.strip('"')
    return env


def test_load_demo_refuses_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Democontent is in deze omgeving uitgeschakeld" in result.stderr
