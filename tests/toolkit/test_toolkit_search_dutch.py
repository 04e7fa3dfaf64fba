"""Search understands Dutch word forms ("bedreigd" finds "bedreiging") on PostgreSQL and on
the embedded SQLite default; results name the page type and show a snippet; each language
searches its own pages."""

from __future__ import annotations

import os
import subprocess  # nosec B404 - runs this module's tests again on SQLite
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.sqlite_template import migrated_copy
from tests.toolkit_helpers import resource, toolkit_index

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch_afterwards():
    """A request under /en/ leaves English active in this thread: later tests start in Dutch."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def threats(home_page):
    index = toolkit_index(home_page)
    return resource(
        index,
        "Omgaan met bedreigingen",
        summary="Wat u doet na een bedreiging van een ambtsdrager via sociale media.",
    )


def search(client, query: str, language: str = "nl"):
    with translation.override(language):
        url = reverse("toolkit_search")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return [page.title for page in response.context["results"]]


@pytest.mark.parametrize("query", ["bedreigd", "bedreigde", "bedreigt", "bedreiging"])
def test_a_verb_form_finds_the_page_about_the_noun(client, threats, query):
    assert titles(search(client, query)) == ["Omgaan met bedreigingen"]


def test_all_words_must_match(client, threats):
    assert titles(search(client, "bedreigd media")) == ["Omgaan met bedreigingen"]
    assert titles(search(client, "bedreigd belastingaangifte")) == []


def test_a_result_names_its_page_type_and_shows_the_match(client, threats):
    html = search(client, "bedreigd").content.decode()
    assert "Hulpmiddel ·" in html
    assert "na een <mark>bedreiging</mark> van een ambtsdrager" in html


def test_english_search_finds_the_english_pages_only(client, threats):
    english, _ = Locale.objects.get_or_create(language_code="en")
    home_en = threats.get_parent().get_parent().copy_for_translation(english)
    home_en.save_revision().publish()
    index_en = threats.get_parent().copy_for_translation(english)
    index_en.save_revision().publish()
    threats_en = threats.copy_for_translation(english)
    threats_en.title = "Dealing with threats"
    threats_en.summary = "What to do after a threat against an office holder."
    threats_en.save_revision().publish()

    assert titles(search(client, "threats", "en")) == ["Dealing with threats"]
    assert titles(search(client, "threat")) == []
    assert titles(search(client, "bedreigd", "en")) == []


def test_the_backend_stems_on_this_database():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if os.environ.get("VB_SEARCH_ON_SQLITE") == "1":
        assert connection.vendor == "sqlite"
    if connection.vendor == "sqlite":  # the SQLite module only imports on SQLite
        from toolkit.search_sqlite import StemmedSQLiteSearchBackend

        assert isinstance(backend, StemmedSQLiteSearchBackend)
    else:
        assert backend.config == "dutch"


@pytest.mark.skipif(
    connection.vendor == "sqlite" or os.environ.get("VB_SEARCH_ON_SQLITE") == "1",
    reason="this is the run on SQLite",
)
def test_the_same_on_the_embedded_sqlite_default(tmp_path_factory, tmp_path):
    """The tests above again, on SQLite (the test settings fall back to it), in a copy of the
    run's migrated SQLite database."""
    env = {
        **os.environ,
        "DATABASE_URL": "sqlite://",
        "VB_SEARCH_ON_SQLITE": "1",
        "VB_SQLITE_TEST_FILE": str(migrated_copy(tmp_path_factory, tmp_path / "test.sqlite3")),
    }
    env.pop("REQUIRE_POSTGRES", None)
    env.pop("PYTEST_ADDOPTS", None)  # e.g. --create-db would undo --reuse-db
    arguments = ["-p", "no:cacheprovider", "-n", "0", "-q", "--reuse-db", __file__]
    run = subprocess.run(  # nosec B603 - fixed arguments
        [sys.executable, "-m", "pytest", *arguments],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert " passed" in run.stdout and "failed" not in run.stdout


def test_the_snippet_of_a_body_is_text_without_code(client, home_page):
    """A rich text body is searchable content as a list of texts: the snippet shows the text,
    not the list (it once read "['Bel 0800 ...']")."""
    index = toolkit_index(home_page)
    body = "<p>Bel de politie als u wordt bedreigd.</p>"
    resource(index, "Hulp na intimidatie", summary="Steun.", body=body)
    html = search(client, "bedreigd").content.decode()
    assert "Bel de politie als u wordt <mark>bedreigd.</mark>" in html
    assert "[&#x27;" not in html and "&#x27;]" not in html and "['" not in html
