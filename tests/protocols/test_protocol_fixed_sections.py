"""Fixed sections cannot be changed by the organisation: enforced on the server."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.protocol_factories import (
    NORM_TEXT,
    UNCHANGED_SECTIONS,
    derive,
    edit_form_data,
    fresh,
    section_value,
)

pytestmark = pytest.mark.django_db

UNCHANGED = UNCHANGED_SECTIONS


@pytest.fixture
def protocol(org_a, home_page):
    from tests.protocol_factories import make_template

    make_template(home_page)
    return derive(org_a)


def post_edit(client, protocol, sections):
    url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    return client.post(url, edit_form_data(protocol, sections))


def test_unchanged_protocol_saves_through_the_editor(protocol, redacteur_a, login):
    response = post_edit(login(redacteur_a), protocol, UNCHANGED)
    assert response.status_code == 302
    assert fresh(protocol).latest_revision.user == redacteur_a


def test_crafted_post_changing_a_fixed_section_is_refused_in_dutch(protocol, redacteur_a, login):
    before = fresh(protocol).latest_revision_id
    sections = list(UNCHANGED)
    sections[0] = ("norm", "Uitgangspunten", "<p>Agressie hoort bij het vak.</p>")
    response = post_edit(login(redacteur_a), protocol, sections)

    assert response.status_code == 200
    html = response.content.decode()
    assert "is vast: de tekst komt uit het landelijke sjabloon" in html
    protocol = fresh(protocol)
    assert protocol.latest_revision_id == before
    assert "Agressie hoort bij het vak" not in str(
        section_value(protocol.get_latest_revision_as_object(), "norm")
    )


def test_crafted_post_renaming_a_fixed_section_heading_is_refused(protocol, redacteur_a, login):
    sections = list(UNCHANGED)
    sections[0] = ("norm", "Onze eigen uitgangspunten", NORM_TEXT)
    response = post_edit(login(redacteur_a), protocol, sections)
    assert response.status_code == 200
    assert "is vast" in response.content.decode()


def test_fixed_and_adaptable_sections_cannot_be_dropped(protocol, redacteur_a, login):
    client = login(redacteur_a)
    without_fixed = post_edit(client, protocol, UNCHANGED[1:])
    assert without_fixed.status_code == 200
    assert "mag niet worden weggelaten" in without_fixed.content.decode()

    without_adaptable = post_edit(client, protocol, [UNCHANGED[0], *UNCHANGED[2:]])
    assert without_adaptable.status_code == 200
    assert "Melden en registreren" in without_adaptable.content.decode()
    assert "mag niet worden weggelaten" in without_adaptable.content.decode()


def test_adaptable_sections_may_be_rewritten_and_optional_dropped(protocol, redacteur_a, login):
    own = "<p>Bel bij elk incident eerst de griffie van Aadorp.</p>"
    sections = [
        UNCHANGED[0],
        ("melden", "Melden bij de griffie", own),
        UNCHANGED[2],
        ("eigen-1", "Extra afspraak van Aadorp", "<p>Wij evalueren elk kwartaal.</p>"),
    ]
    response = post_edit(login(redacteur_a), protocol, sections)
    assert response.status_code == 302
    draft = fresh(protocol).get_latest_revision_as_object()
    assert [i["id"] for i in draft.body.raw_data] == ["norm", "melden", "nazorg", "eigen-1"]
    assert "griffie van Aadorp" in section_value(draft, "melden")["text"]


def test_fixed_section_is_enforced_on_every_save_not_only_in_the_form(protocol):
    raw = list(protocol.body.raw_data)
    raw[0]["value"] = {**raw[0]["value"], "text": "<p>Andere tekst.</p>"}
    protocol.body = raw
    for save in (protocol.save_revision, protocol.save):
        with pytest.raises(ValidationError) as refused:
            save()
        stream_error = refused.value.error_dict["body"][0]
        assert "is vast" in " ".join(stream_error.block_errors[0].messages)
    assert "Andere tekst" not in str(section_value(fresh(protocol), "norm"))
