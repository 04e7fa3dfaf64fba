"""A redacteur of organisation A cannot see or touch organisation B's pages and documents."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_b(org_b):
    child = Page(title="Pagina van Beestad")
    org_b.add_child(instance=child)
    child.save_revision().publish()
    return child


@pytest.fixture
def page_a(org_a):
    child = Page(title="Pagina van Aadorp")
    org_a.add_child(instance=child)
    child.save_revision().publish()
    return child


def make_document(title, collection):
    Document = get_document_model()
    doc = Document(title=title, collection=collection)
    doc.file.save(f"{title}.txt", ContentFile(b"inhoud"), save=False)
    doc.save()
    return doc


@pytest.fixture
def client_a(login, redacteur_a):
    return login(redacteur_a)


def test_explorer_shows_only_own_subtree(client_a, org_a, org_b, page_a, page_b):
    response = client_a.get("/admin/pages/", follow=True)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Gemeente Aadorp" in body
    assert "Gemeente Beestad" not in body

    response = client_a.get(f"/admin/pages/{org_a.pk}/")
    assert response.status_code == 200
    assert "Pagina van Aadorp" in response.content.decode()

    response = client_a.get(f"/admin/pages/{org_b.pk}/", follow=True)
    assert "Pagina van Beestad" not in response.content.decode()


def test_can_edit_own_page(client_a, page_a):
    response = client_a.get(f"/admin/pages/{page_a.pk}/edit/")
    assert response.status_code == 200


def edit_post_data(page, title):
    return {
        "title": title,
        "slug": page.slug,
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize("action", [{}, {"action-publish": "1"}, {"action-submit": "1"}])
def test_cannot_edit_or_publish_other_organisation(client_a, page_b, action):
    revisions_before = page_b.revisions.count()
    get = client_a.get(f"/admin/pages/{page_b.pk}/edit/")
    assert get.status_code in (302, 403)
    response = client_a.post(
        f"/admin/pages/{page_b.pk}/edit/", {**edit_post_data(page_b, "Gekaapt"), **action}
    )
    assert response.status_code in (302, 403)
    page_b.refresh_from_db()
    assert page_b.title == "Pagina van Beestad"
    assert page_b.revisions.count() == revisions_before


def test_can_edit_own_page_by_post(client_a, page_a):
    response = client_a.post(
        f"/admin/pages/{page_a.pk}/edit/", edit_post_data(page_a, "Nieuwe titel")
    )
    assert response.status_code == 302
    page_a.refresh_from_db()
    assert page_a.get_latest_revision_as_object().title == "Nieuwe titel"


def test_cannot_add_pages_under_other_organisation(client_a, org_b):
    response = client_a.post(
        f"/admin/pages/add/wagtailcore/page/{org_b.pk}/",
        {**edit_post_data(Page(slug="ingevoegd"), "Ingevoegd")},
    )
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(title="Ingevoegd").exists()


def attempt_move(client, page, destination):
    """Post to both of Wagtail's move endpoints; each must answer, not 404."""
    for url, data in (
        (f"/admin/pages/{page.pk}/move/", {"new_parent_page": destination.pk}),
        (f"/admin/pages/{page.pk}/move/{destination.pk}/confirm/", {}),
    ):
        assert client.post(url, data).status_code in (200, 302, 403), url


def test_cannot_move_other_organisation_page(client_a, org_a, page_b):
    old_parent = page_b.get_parent()
    attempt_move(client_a, page_b, org_a)
    page_b.refresh_from_db()
    assert page_b.get_parent().pk == old_parent.pk


def test_cannot_move_own_page_into_other_organisation(client_a, page_a, org_b):
    attempt_move(client_a, page_a, org_b)
    page_a.refresh_from_db()
    assert not page_a.is_descendant_of(org_b)


def test_national_editor_can_move_between_organisations(login, national_editor, page_a, org_b):
    attempt_move(login(national_editor), page_a, org_b)
    page_a.refresh_from_db()
    assert page_a.is_descendant_of(org_b)


def test_cannot_delete_or_unpublish_other_organisation_page(client_a, org_b, page_b):
    for url in (
        f"/admin/pages/{page_b.pk}/delete/",
        f"/admin/pages/{page_b.pk}/unpublish/",
        f"/admin/pages/{org_b.pk}/delete/",
    ):
        response = client_a.post(url)
        assert response.status_code in (302, 403), url
    page_b.refresh_from_db()
    assert page_b.live
    assert Page.objects.filter(pk=org_b.pk).exists()


def test_documents_of_other_organisation_are_invisible(client_a, org_a, org_b):
    own = make_document("Eigen-handreiking", org_a.collection)
    other = make_document("Geheim-draaiboek-Beestad", org_b.collection)

    listing = client_a.get("/admin/documents/").content.decode()
    assert own.title in listing
    assert other.title not in listing

    chooser = client_a.get("/admin/documents/chooser/").content.decode()
    assert own.title in chooser
    assert other.title not in chooser

    search = client_a.get("/admin/documents/chooser/results/", {"q": "Geheim"}).content.decode()
    assert other.title not in search

    assert client_a.get(f"/admin/documents/edit/{other.pk}/").status_code in (302, 403)
    response = client_a.post(f"/admin/documents/delete/{other.pk}/")
    assert response.status_code in (302, 403)
    assert get_document_model().objects.filter(pk=other.pk).exists()


def test_upload_goes_only_into_own_collection(client_a, org_a, org_b):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("poging.txt", b"tekst", content_type="text/plain")
    client_a.post(
        "/admin/documents/add/",
        {"title": "Poging", "file": upload, "collection": org_b.collection.pk},
    )
    assert not get_document_model().objects.filter(collection=org_b.collection).exists()
