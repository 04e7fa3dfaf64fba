"""Deriving an organisation's protocol from the national template in one action."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from home.models import OrganisationContact
from protocols.models import ProtocolPage
from tests.pdf_helpers import pdf_text
from tests.protocol_factories import derive, fresh, make_template, section_value

pytestmark = pytest.mark.django_db


def test_redacteur_derives_protocol_in_one_action(org_a, redacteur_a, login, home_page):
    template = make_template(home_page)
    client = login(redacteur_a)

    confirm = client.get(reverse("protocols_derive", args=[org_a.pk]))
    assert confirm.status_code == 200
    assert "Agressieprotocol afleiden" in confirm.content.decode()

    response = client.post(reverse("protocols_derive", args=[org_a.pk]))
    protocol = ProtocolPage.objects.child_of(org_a).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    assert not protocol.live  # a draft: publishing goes through the organisation's workflow
    assert protocol.template_page_id == template.pk
    assert protocol.template_revision_id == template.live_revision_id
    assert [i["id"] for i in protocol.body.raw_data] == ["norm", "melden", "nazorg", "media"]
    assert "mode" not in section_value(protocol, "norm")
    assert protocol.latest_revision.user == redacteur_a

    # Deriving again does not create a second protocol.
    client.post(reverse("protocols_derive", args=[org_a.pk]))
    assert ProtocolPage.objects.child_of(org_a).count() == 1


def test_derive_button_shows_for_own_organisation_only(org_a, org_b, redacteur_a, login, home_page):
    make_template(home_page)
    client = login(redacteur_a)
    page = client.get(reverse("wagtailadmin_explore", args=[org_a.pk])).content.decode()
    assert reverse("protocols_derive", args=[org_a.pk]) in page
    # Wagtail answers PermissionDenied in the admin with a redirect to the dashboard.
    refused = client.post(reverse("protocols_derive", args=[org_b.pk]))
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    assert not ProtocolPage.objects.child_of(org_b).exists()


def test_derive_without_published_template_gives_dutch_error(org_a, redacteur_a, login):
    client = login(redacteur_a)
    response = client.post(reverse("protocols_derive", args=[org_a.pk]), follow=True)
    assert "Er is nog geen gepubliceerd landelijk sjabloon." in response.content.decode()
    assert not ProtocolPage.objects.exists()


def test_protocol_pages_cannot_be_created_by_hand(org_a):
    assert ProtocolPage not in org_a.specific_class.creatable_subpage_models()


def test_placeholders_are_filled_from_current_organisation_data(org_a, home_page, client):
    make_template(home_page)
    org_a.contacts.add(
        OrganisationContact(role="veiligheidscoordinator", name="Sanne de Vries", phone="06 111")
    )
    org_a.save_revision().publish()
    protocol = derive(org_a)
    protocol.save_revision().publish()

    html = client.get(fresh(protocol).url).content.decode()
    assert "Dit geldt binnen de gemeente Aadorp." in html
    assert "Meld elk incident bij Sanne de Vries, telefoon 06 111." in html
    assert "Na een incident neemt de burgemeester binnen enkele dagen contact op." in html
    assert "{organisatie}" not in html

    # Changing a contact changes the rendered protocol without touching the protocol page.
    updated = OrganisationContact.objects.filter(page=org_a).update(
        name="Kees Jansen", phone="06 222"
    )
    assert updated == 1
    html = client.get(fresh(protocol).url).content.decode()
    assert "Meld elk incident bij Kees Jansen, telefoon 06 222." in html


def test_placeholder_values_are_escaped(org_a, home_page, client):
    make_template(home_page)
    Page.objects.filter(pk=org_a.pk).update(title="Gemeente <script>x</script>")
    protocol = derive(fresh(org_a))
    protocol.save_revision().publish()
    html = client.get(fresh(protocol).url).content.decode()
    assert "<script>x</script>" not in html
    assert "Gemeente &lt;script&gt;x&lt;/script&gt;" in html


def test_office_holder_downloads_protocol_as_pdf(org_a, home_page, client):
    make_template(home_page)
    protocol = derive(org_a)
    protocol.save_revision().publish()
    page = client.get(fresh(protocol).url).content.decode()
    pdf_url = fresh(protocol).url + "pdf/"
    assert f'href="{pdf_url}"' in page
    response = client.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "agressieprotocol-gemeente-aadorp.pdf" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Dit geldt binnen de gemeente Aadorp." in text  # placeholders filled, as on the page
