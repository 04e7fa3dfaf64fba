"""The admin sidebar is kept per person (home.admin_sidebar): the same as Wagtail builds it, and
renewed at once when what decides it changes."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db
PAGE = "/admin/"


def sidebar(client) -> str:
    response = client.get(PAGE)
    assert response.status_code == 200
    found = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert found, "no sidebar on the admin page"
    return found.group(1)


def menu_labels(props: str) -> set[str]:
    """The labels of every menu item (submenus included) in the sidebar's JSON."""
    labels: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str) and "url" in node:
                labels.add(node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props))
    return labels


def test_a_kept_sidebar_is_the_sidebar_wagtail_builds_and_needs_no_permission_query(
    coordinator_a, login
):
    client = login(coordinator_a)
    built = sidebar(client)
    with CaptureQueriesContext(connection) as kept_queries:
        kept = sidebar(client)
    cache.clear()
    with CaptureQueriesContext(connection) as built_queries:
        assert sidebar(client) == built
    assert kept == built
    assert "Meldingen" in menu_labels(kept)
    assert len(kept_queries) < len(built_queries)


def test_joining_and_leaving_a_role_changes_the_menu_at_once(redacteur_a, org_a, login):
    client = login(redacteur_a)
    assert "Meldingen" not in menu_labels(sidebar(client))
    redacteur_a.groups.add(org_a.coordinators_group)
    assert "Meldingen" in menu_labels(sidebar(client))
    redacteur_a.groups.remove(org_a.coordinators_group)
    assert "Meldingen" not in menu_labels(sidebar(client))


def test_a_group_losing_a_permission_changes_the_menu_of_its_members(redacteur_a, org_a, login):
    client = login(redacteur_a)
    assert "Pagina's" in menu_labels(sidebar(client))
    GroupPagePermission.objects.filter(group=org_a.editors_group).delete()
    assert "Pagina's" not in menu_labels(sidebar(client))


def test_a_permission_given_to_a_group_shows_its_menu_item(redacteur_a, org_a, login):
    client = login(redacteur_a)
    assert "Organisatie inrichten" not in menu_labels(sidebar(client))
    org_a.editors_group.permissions.add(Permission.objects.get(codename="provision_organisation"))
    assert "Organisatie inrichten" in menu_labels(sidebar(client))


def test_the_account_menu_follows_a_new_name_and_a_profile_change(redacteur_a, login):
    client = login(redacteur_a)
    assert '"name": "redacteur-a"' in sidebar(client)
    redacteur_a.first_name = "Ria"
    redacteur_a.save()
    assert '"name": "Ria"' in sidebar(client)
    dismissed = '"data-w-dismissible-dismissed-value": "true"'
    assert dismissed not in sidebar(client)
    profile = UserProfile.get_for_user(redacteur_a)  # as Wagtail's dismissibles endpoint does
    profile.dismissibles = {"editor-guide": True}
    profile.save()
    assert dismissed in sidebar(client)


def test_each_person_gets_their_own_sidebar(coordinator_a, redacteur_a, client, login):
    coordinator_menu = menu_labels(sidebar(login(coordinator_a)))
    client.logout()
    redacteur_menu = menu_labels(sidebar(login(redacteur_a)))
    assert "Meldingen" in coordinator_menu and "Meldingen" not in redacteur_menu
