"""The national template: a structured protocol only the Landelijke redactie can edit."""

import pytest
from django.urls import reverse

from protocols.blocks import SectionMode
from protocols.models import ProtocolTemplatePage
from tests.protocol_factories import make_template

pytestmark = pytest.mark.django_db


def test_template_sections_carry_a_mode(home_page):
    template = make_template(home_page)
    modes = {block.id: block.value["mode"] for block in template.body}
    assert modes == {
        "norm": SectionMode.FIXED,
        "melden": SectionMode.ADAPTABLE,
        "nazorg": SectionMode.ADAPTABLE,
        "media": SectionMode.OPTIONAL,
    }
    block_types = set(template.body.stream_block.child_blocks)
    assert block_types == {"text", "definitions", "ladder", "roles", "contacts"}


def test_only_national_editors_can_edit_the_template(
    home_page, national_editor, redacteur_a, publiceerder_a, login, client
):
    template = make_template(home_page)
    url = reverse("wagtailadmin_pages:edit", args=[template.pk])
    assert login(national_editor).get(url).status_code == 200
    for user in (redacteur_a, publiceerder_a):
        client.logout()
        response = login(user).get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_template_can_only_live_under_the_national_home(org_a):
    assert not ProtocolTemplatePage.can_create_at(org_a)
    assert ProtocolTemplatePage.can_create_at(org_a.get_parent().get_parent().specific)


def test_public_template_shows_generic_placeholder_wording(home_page, client):
    template = make_template(home_page)
    html = client.get(template.url).content.decode()
    assert "Dit geldt binnen uw organisatie." in html
    assert 'href="#uitgangspunten"' in html  # table of contents
