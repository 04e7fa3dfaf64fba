"""Documents: served with the right content type; an organisation's restricted collection is
downloadable only by its own people."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from toolkit.documents import restricted_collection

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def document(title: str, name: str, collection=None):
    Document = get_document_model()
    doc = Document(title=title)
    if collection is not None:
        doc.collection = collection
    doc.file.save(name, ContentFile(b"%PDF-1.4 test"), save=False)
    doc.save()
    return doc


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("leidraad.pdf", "application/pdf"), ("protocol.docx", DOCX), ("cijfers.csv", "text/csv")],
)
def test_public_documents_are_served_with_their_content_type(client, home_page, name, content_type):
    doc = document("Bestand", name)
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body(response) == b"%PDF-1.4 test"


def test_pdf_opens_inline_other_files_download(client, home_page):
    assert client.get(document("A", "a.pdf").url)["Content-Disposition"].startswith("inline")
    assert client.get(document("B", "b.docx").url)["Content-Disposition"].startswith("attachment")


def test_restricted_collection_only_for_the_organisations_people(
    client, login, make_user, org_a, org_b, redacteur_a
):
    collection = restricted_collection(org_a)
    assert restricted_collection(org_a) == collection  # idempotent
    doc = document("Dreigingsanalyse", "analyse.pdf", collection)

    anonymous = client.get(doc.url)
    assert anonymous.status_code == 302 and "login" in anonymous.url

    other = login(make_user("coordinator-b", org_b.coordinators_group)).get(doc.url)
    assert other.status_code != 200

    own = login(redacteur_a).get(doc.url)
    assert own.status_code == 200
    assert own["Content-Type"] == "application/pdf"
    assert body(own) == b"%PDF-1.4 test"


def test_organisation_collection_without_restriction_stays_public(client, org_a):
    doc = document("Folder", "folder.pdf", org_a.collection)
    assert client.get(doc.url).status_code == 200
