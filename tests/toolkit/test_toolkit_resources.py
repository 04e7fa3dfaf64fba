"""Toolkit resources: national and local together, marked, and hidden per organisation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.toolkit_helpers import resource, toolkit_index
from toolkit.models import (
    HiddenNationalResource,
    ResourceDocument,
    ToolkitIndexPage,
    ToolkitResourcePage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(home_page):
    index = toolkit_index(home_page, "Toolkit Veilig Bestuur")
    return {
        "index": index,
        "leidraad": resource(index, "Leidraad Veilig Bestuur"),
        "ela": resource(index, "Eenduidige Landelijke Afspraken", kind="landelijke_afspraken"),
    }


@pytest.fixture
def local_a(org_a, national):
    index = toolkit_index(org_a)
    return {
        "index": index,
        "own": resource(index, "Instructie raadzaal Aadorp", kind="handreiking"),
    }


def titles(response) -> list[str]:
    return [r.title for r in response.context["resources"]]


def test_organisation_toolkit_shows_own_and_national_items_marked(client, local_a, national):
    response = client.get(local_a["index"].url)
    assert response.status_code == 200
    assert titles(response) == [
        "Eenduidige Landelijke Afspraken",
        "Instructie raadzaal Aadorp",
        "Leidraad Veilig Bestuur",
    ]
    marks = {r.title: r.is_local for r in response.context["resources"]}
    assert marks == {
        "Eenduidige Landelijke Afspraken": False,
        "Instructie raadzaal Aadorp": True,
        "Leidraad Veilig Bestuur": False,
    }
    html = response.content.decode()
    assert html.count(">Landelijk</span>") == 2
    assert html.count(">Lokaal</span>") == 1
    # National items are shown, not copied.
    assert ToolkitResourcePage.objects.filter(title="Leidraad Veilig Bestuur").count() == 1


def test_local_items_stay_out_of_the_national_and_other_toolkits(client, org_b, local_a, national):
    index_b = toolkit_index(org_b)
    assert "Instructie raadzaal Aadorp" not in titles(client.get(national["index"].url))
    assert "Instructie raadzaal Aadorp" not in titles(client.get(index_b.url))
    assert "Leidraad Veilig Bestuur" in titles(client.get(index_b.url))


def test_organisation_can_hide_a_national_item_for_itself_only(client, org_b, local_a, national):
    index_a = local_a["index"]
    index_a.hidden_resources.add(HiddenNationalResource(resource=national["ela"]))
    index_a.save_revision().publish()
    index_b = toolkit_index(org_b)

    assert "Eenduidige Landelijke Afspraken" not in titles(client.get(index_a.url))
    assert "Eenduidige Landelijke Afspraken" in titles(client.get(index_b.url))
    assert "Eenduidige Landelijke Afspraken" in titles(client.get(national["index"].url))


def test_only_national_items_can_be_hidden(local_a):
    hidden = HiddenNationalResource(page=local_a["index"], resource=local_a["own"])
    with pytest.raises(ValidationError):
        hidden.full_clean()


def test_unpublished_national_item_is_not_shown(client, local_a, national):
    national["leidraad"].unpublish()
    assert "Leidraad Veilig Bestuur" not in titles(client.get(local_a["index"].url))


def test_resource_page_shows_kind_audience_moment_documents_link_and_check_date(client, national):
    page = resource(
        national["index"],
        "Presentatie bespreekbaar maken",
        kind="presentatie",
        audiences=["raadslid", "griffier"],
        moments=["voor", "na"],
        body="<p>Gebruik deze presentatie bij de installatie.</p>",
        external_url="https://www.veiligbestuur.nl",
    )
    document = get_document_model().objects.create(
        title="Presentatie (pdf)", file=ContentFile(b"%PDF-1.4 demo", name="presentatie.pdf")
    )
    page.documents.add(ResourceDocument(document=document, label="Download de presentatie"))
    page.last_checked = datetime.date(2026, 10, 5)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "Presentatie" in html
    assert "Raadslid of commissielid, Griffier" in html
    assert "Voor een incident, Na een incident" in html
    assert "Download de presentatie" in html and document.url in html
    assert 'href="https://www.veiligbestuur.nl"' in html
    assert '<time datetime="2026-10-05">5 oktober 2026</time>' in html
    assert ">Landelijk</span>" in html


def test_resource_needs_at_least_one_moment(national):
    page = national["leidraad"]
    page.for_before = page.for_during = page.for_after = False
    with pytest.raises(ValidationError):
        page.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        ToolkitResourcePage.objects.filter(pk=page.pk).update(for_before=False)


def test_organisation_editors_add_resources_to_their_own_toolkit_only(
    login, make_user, org_b, redacteur_a, local_a
):
    url = reverse(
        "wagtailadmin_pages:add", args=["toolkit", "toolkitresourcepage", local_a["index"].pk]
    )
    assert login(redacteur_a).get(url).status_code == 200
    other = login(make_user("redacteur-b", org_b.editors_group)).get(url)
    assert other.status_code in (302, 403)


def test_organisation_page_accepts_one_toolkit(org_a, local_a):
    assert not ToolkitIndexPage.can_create_at(org_a)  # max one per organisation, exists already
    assert ToolkitIndexPage in org_a.specific_class.allowed_subpage_models()
