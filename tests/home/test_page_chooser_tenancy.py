"""Wagtail's page chooser (browsing and search) lists no page of another organisation, not
even a draft's title; the national editors see every organisation."""

import pytest

from home.models import OrganisationIndexPage
from meldingen.pages import MeldenPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(org_a, org_b):
    """A draft in each organisation, with a title that says whose it is."""
    pages = {}
    for org, title in ((org_a, "Concept Aadorp geheim"), (org_b, "Concept Beestad geheim")):
        page = MeldenPage(title=title, slug="concept", live=False)
        org.add_child(instance=page)
        page.save_revision()
        pages[org.pk] = page
    return pages


def chooser_html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_editor_browses_and_searches_only_the_own_organisation(
    login, redacteur_a, org_a, org_b, drafts
):
    client = login(redacteur_a)
    index = OrganisationIndexPage.objects.get(locale__language_code="nl")
    listing = chooser_html(client, f"/admin/choose-page/{index.pk}/")
    assert org_a.title in listing and org_b.title not in listing
    assert "Concept Aadorp geheim" in chooser_html(client, f"/admin/choose-page/{org_a.pk}/")
    assert "Concept Beestad geheim" not in chooser_html(client, f"/admin/choose-page/{org_b.pk}/")
    found = chooser_html(client, "/admin/choose-page/search/?q=geheim")
    assert "Concept Aadorp geheim" in found and "Concept Beestad geheim" not in found
    # National pages (the home page, the toolkit) stay choosable.
    assert "Organisaties" in chooser_html(client, f"/admin/choose-page/{index.get_parent().pk}/")


def test_national_editor_chooses_in_every_organisation(login, national_editor, drafts):
    found = chooser_html(login(national_editor), "/admin/choose-page/search/?q=geheim")
    assert "Concept Aadorp geheim" in found and "Concept Beestad geheim" in found
