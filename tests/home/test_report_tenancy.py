"""Wagtail's admin page search, its page listings and every report in its reports menu show an
organisation's people only their own organisation's pages: a withdrawn page of the other
organisation, with a draft revision, a lock, a running workflow, history and a translation, is
the marker whose title must never appear, nor its author's name as a filter choice. The same
kind of page of the own organisation does appear where the view lists it, so no test passes on
an empty page. National editors see both."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils.text import slugify
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.page_listing import TenantPageViewSet
from meldingen.pages import MeldenPage

pytestmark = pytest.mark.django_db

OWN, OTHER = "Ingetrokken Aadorp geheim", "Ingetrokken Beestad geheim"
OTHER_AUTHOR = "auteur-beestad"


def marker_page(org, title, author):
    """A page of org that was published once and withdrawn, with a newer draft, locked by its
    author, in the organisation's workflow, with history and a translation in progress."""
    page = MeldenPage(title=title, slug=slugify(title), live=False)
    org.add_child(instance=page)
    log(page, "wagtail.create", user=author)
    page.save_revision(user=author, log_action=True).publish(user=author)
    page.unpublish()
    page.save_revision(user=author, log_action=True)
    page.locked, page.locked_by = True, author
    page.save(update_fields=["locked", "locked_by"])
    page.get_workflow().start(page, author)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="en"))
    return page


@pytest.fixture
def markers(org_a, org_b, make_user):
    # The other organisation's page is the most recently edited one: an unscoped "last edited"
    # column would show it.
    own = marker_page(org_a, OWN, make_user("auteur-a", org_a.publishers_group))
    other = marker_page(org_b, OTHER, make_user(OTHER_AUTHOR, org_b.publishers_group))
    return own, other


URLS = {
    "search": "/admin/pages/search/?q=geheim",
    "search_results": "/admin/pages/search/results/?q=geheim",
    "page_types_usage": "/admin/reports/page-types-usage/",
    "type_use": "/admin/pages/usage/meldingen/meldenpage/",
    "explorer": "/admin/pages/{org_a}/",
    "aging_pages": "/admin/reports/aging-pages/",
    "aging_pages_csv": "/admin/reports/aging-pages/?export=csv",
    "locked_pages": "/admin/reports/locked/",
    "locked_pages_csv": "/admin/reports/locked/?export=csv",
    "site_history": "/admin/reports/site-history/",
    "site_history_csv": "/admin/reports/site-history/?export=csv",
    "workflow": "/admin/reports/workflow/",
    "workflow_csv": "/admin/reports/workflow/?export=csv",
    "workflow_tasks": "/admin/reports/workflow_tasks/",
    "workflow_tasks_csv": "/admin/reports/workflow_tasks/?export=csv",
    "translations": "/admin/localize/reports/translations/",
}
# Where each role finds its own page; elsewhere it is refused the view or lists nothing
# (editors may not publish or unlock).
PUBLISHERS_ONLY = {"aging_pages", "aging_pages_csv", "locked_pages", "locked_pages_csv"}
SHOWS_OWN = {
    "redacteur_a": set(URLS) - PUBLISHERS_ONLY,
    "publiceerder_a": set(URLS),
    "coordinator_a": set(),
}


def url(name, markers) -> str:
    return URLS[name].format(org_a=markers[0].get_parent().pk)


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("role", sorted(SHOWS_OWN))
@pytest.mark.parametrize("name", sorted(URLS))
def test_organisation_people_see_no_other_organisations_page(request, login, markers, role, name):
    client = login(request.getfixturevalue(role))
    response = client.get(url(name, markers))
    html = body(response)
    assert OTHER not in html
    assert OTHER_AUTHOR not in html  # not even as a filter choice
    if name in SHOWS_OWN[role]:
        assert response.status_code == 200
        assert OWN in html


# Page types usage names one page per type (the latest), its counts are tested below; the
# explorer shows one organisation.
@pytest.mark.parametrize("name", sorted(set(URLS) - {"page_types_usage", "explorer"}))
def test_national_editor_sees_every_organisation(login, national_editor, markers, name):
    html = body(login(national_editor).get(url(name, markers)))
    assert OWN in html and OTHER in html


def test_page_types_usage_counts_only_pages_in_reach(login, redacteur_a, national_editor, markers):
    def melden_count(user) -> int:
        response = login(user).get(URLS["page_types_usage"])
        (row,) = [r for r in response.context["object_list"] if r.model_class() is MeldenPage]
        return row.count

    own = MeldenPage.objects.descendant_of(markers[0].get_parent()).count()
    assert melden_count(redacteur_a) == own
    assert melden_count(national_editor) == MeldenPage.objects.count() > own


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailadmin_reports:page_types_usage",
        "wagtailadmin_reports:locked_pages",
        "wagtailadmin_reports:workflow",
        "wagtailadmin_reports:site_history",
        "wagtail_localize:translations_report",
    ],
)
def test_wagtails_menu_leads_to_the_scoped_reports(url_name):
    for suffix in ("", "_results"):
        match = resolve(reverse(url_name + suffix))
        assert match.namespace == "home_admin_reports"
        assert match.func.view_class.__module__ == "home.admin_reports"


def test_page_listings_use_the_scoped_filters():
    assert isinstance(page_viewset_registry.get_by_type(MeldenPage), TenantPageViewSet)


def test_scoped_reports_make_no_query_per_row(login, publiceerder_a, org_a, make_user, markers):
    """The reports whose rows home.admin_reports builds (Wagtail's locked pages and workflow
    reports keep their own per-row lookups)."""
    client = login(publiceerder_a)
    scoped = ["page_types_usage", "translations", "site_history"]

    def queries() -> dict[str, int]:
        counts = {}
        for name in scoped:
            with CaptureQueriesContext(connection) as captured:
                assert OWN in body(client.get(url(name, markers)))
            counts[name] = len(captured)
        return counts

    queries()  # warm the caches (content types, locales)
    before = queries()
    author = make_user("auteur-aadorp-2", org_a.publishers_group)
    for number in range(3):
        marker_page(org_a, f"{OWN} {number}", author)
    queries()  # the new publisher renews the kept admin sidebar (home.admin_sidebar) once
    assert queries() == before
