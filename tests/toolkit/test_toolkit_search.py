"""Site search over toolkit, Stappenplan and other public pages."""

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from tests.toolkit_helpers import publish_child, resource, toolkit_index
from toolkit.checklist import load_checklist
from toolkit.models import ChecklistItem, ChecklistPage, StappenplanPage, StappenplanStep

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home_page):
    index = toolkit_index(home_page)
    ela = resource(
        index,
        "Eenduidige Landelijke Afspraken",
        kind="landelijke_afspraken",
        summary="Politie en Openbaar Ministerie handelen agressie tegen ambtsdragers snel af.",
    )
    draft = resource(index, "Concept over domiciliekeuze", summary="Werkadres als domicilie.")
    draft.unpublish()
    plan = StappenplanPage(title="Stappenplan Veilig Bestuur", slug="stappenplan")
    plan.steps.add(
        StappenplanStep(
            role="ambtsdrager",
            moment="tijdens",
            title="Leg bewijs vast met schermafbeeldingen",
            text="<p>Noteer tijd, plaats en getuigen.</p>",
        )
    )
    publish_child(home_page, plan)
    return {"ela": ela, "plan": plan}


def result_titles(client, query: str) -> list[str]:
    response = client.get(reverse("toolkit_search"), {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


def test_finds_toolkit_resource_by_summary(client, content):
    assert result_titles(client, "Openbaar Ministerie") == ["Eenduidige Landelijke Afspraken"]


def test_finds_stappenplan_by_step_text(client, content):
    assert result_titles(client, "schermafbeeldingen") == ["Stappenplan Veilig Bestuur"]


def test_does_not_find_unpublished_pages(client, content):
    assert result_titles(client, "domiciliekeuze") == []


def test_empty_query_shows_only_the_form(client, content):
    response = client.get(reverse("toolkit_search"))
    assert response.status_code == 200
    assert response.context["results"] is None
    assert '<label for="search-q">' in response.content.decode()


def test_uses_postgresql_full_text_search_on_postgresql(content):
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if connection.vendor == "postgresql":
        # Wagtail's PostgreSQL full text search, with the Dutch configuration.
        assert isinstance(backend, PostgresSearchBackend)
        assert backend.config == "dutch"
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "toolkit.search_backend"


def test_finds_the_checklist_by_item_text_also_after_an_edit(client, home_page):
    load_checklist()
    publish_child(home_page, ChecklistPage(title="Checklist Veilig Openbaar Bestuur", slug="c"))
    assert result_titles(client, "vermijdingsgedrag") == ["Checklist Veilig Openbaar Bestuur"]
    item = ChecklistItem.objects.get(text="Sanctiebeleid bepalen")
    item.text = "Sanctiebeleid en maatregelenladder bepalen"
    item.save()
    assert result_titles(client, "maatregelenladder") == ["Checklist Veilig Openbaar Bestuur"]
