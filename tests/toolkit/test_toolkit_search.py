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


def test_stored_results_follow_query_page_and_the_next_publish(client, content, settings):
    """With fragments cached (production), the results of a query are kept per query and
    result page until the next publish: asked again, nothing is searched."""
    from django.test.utils import CaptureQueriesContext

    from home.models import ContactSettings

    settings.FRAGMENT_CACHE_SECONDS = 3600
    ContactSettings.load()  # made on the first render otherwise, which empties the cache
    url = reverse("toolkit_search")
    first = client.get(url, {"q": "Openbaar Ministerie"}).content.decode()
    assert "Eenduidige Landelijke Afspraken</a>" in first
    with CaptureQueriesContext(connection) as again:
        second = client.get(url, {"q": "Openbaar Ministerie"}).content.decode()
    assert "Eenduidige Landelijke Afspraken</a>" in second and "1 resultaat voor" in second
    assert not [q for q in again.captured_queries if "wagtailcore_page" in q["sql"]]
    # Another query is searched on its own; a publish shows at once.
    assert "Stappenplan Veilig Bestuur</a>" in client.get(url, {"q": "getuigen"}).content.decode()
    resource(toolkit_index_of(content), "Aangifte bij het OM", summary="Openbaar Ministerie.")
    assert (
        "Aangifte bij het OM</a>" in client.get(url, {"q": "Openbaar Ministerie"}).content.decode()
    )


def toolkit_index_of(content):
    return content["ela"].get_parent().specific
