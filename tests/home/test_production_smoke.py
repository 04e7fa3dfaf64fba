"""Production smoke test: PostgreSQL, the local Redis (a database number of its own) and every
cache layer on exactly as in production (veiligbestuur.settings.shared_cache). Every address in
/sitemap.xml, in every language, answers 200: cold, warm, after each organisation page is
published, after a move, after a privacy change and after Redis is flushed."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from veiligbestuur.settings.shared_cache import shared_cache_settings
from wagtail.models import PageViewRestriction

from home.models import HomePage, OrganisationPage
from tests.servers import require_redis
from toolkit.models import ToolkitIndexPage, ToolkitResourcePage

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_caches(settings):
    if settings.TEST_DATABASE_VENDOR != "postgresql":
        pytest.skip("the production smoke test runs on PostgreSQL (CI requires it)")
    require_redis(REDIS_URL)
    for name, value in shared_cache_settings(REDIS_URL).items():
        setattr(settings, name, value)
    cache.clear()  # FLUSHDB on this test's own database number
    yield
    cache.clear()


@pytest.fixture
def demo(production_caches, demo_content):
    """The demo content, the production caches empty."""
    cache.clear()


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", response.text)]
    assert paths, "the sitemap lists no pages"
    return paths


def assert_all_answer(client, paths: list[str], moment: str) -> None:
    failed = {}
    for path in paths:
        status = client.get(path).status_code
        if status != 200:
            failed[path] = status
    assert not failed, f"{moment}: {failed}"


def serve_twice(client, paths, moment: str) -> None:
    """The first request after a change (cold) and the next (from the caches)."""
    assert_all_answer(client, paths, f"{moment} (koud)")
    assert_all_answer(client, paths, f"{moment} (warm)")


def test_every_public_address_answers_with_production_caching(
    client, demo, django_capture_on_commit_callbacks
):
    paths = sitemap_paths(client)
    homes = HomePage.objects.live().values_list("locale__language_code", flat=True)
    assert len(homes) > 1
    for language in homes:  # the sitemap covers every language's tree
        prefix = "/" if language == django_settings.LANGUAGE_CODE else f"/{language}/"
        assert [p for p in paths if p.startswith(prefix)], f"no {language} pages in the sitemap"
    assert "/" in paths
    serve_twice(client, paths, "na het laden")

    for organisation in OrganisationPage.objects.live().order_by("path"):
        with django_capture_on_commit_callbacks(execute=True):
            organisation.save_revision().publish()
        serve_twice(client, paths, f"na publiceren van {organisation.url_path}")

    # A move: a toolkit resource to another toolkit folder; its old address redirects.
    moved = ToolkitResourcePage.objects.live().filter(locale__language_code="nl").first()
    old_path = urlsplit(moved.full_url).path
    target = (
        ToolkitIndexPage.objects.exclude(pk=moved.get_parent().pk)
        .filter(locale=moved.locale)
        .first()
    )
    with django_capture_on_commit_callbacks(execute=True):
        moved.move(target, pos="last-child")
    paths = sitemap_paths(client)
    assert old_path not in paths
    serve_twice(client, paths, "na verplaatsen")
    moved.refresh_from_db()
    assert client.get(old_path)["Location"] == urlsplit(moved.full_url).path

    # A privacy change: a password on an organisation; its pages ask for it (200, no content).
    organisation = OrganisationPage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=organisation, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    protected = client.get(urlsplit(organisation.full_url).path)
    assert protected.status_code == 200 and 'name="password"' in protected.text
    assert organisation.title not in protected.text.split("<title>")[-1].split("<body")[-1]
    paths = sitemap_paths(client)  # the sitemap lists public pages only
    assert not [p for p in paths if p.startswith(urlsplit(organisation.full_url).path)]
    serve_twice(client, paths, "na een wachtwoord op een organisatie")
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    paths = sitemap_paths(client)
    serve_twice(client, paths, "na het weghalen van het wachtwoord")

    cache.clear()  # Redis flushed (a restart or eviction)
    serve_twice(client, paths, "na het legen van Redis")
