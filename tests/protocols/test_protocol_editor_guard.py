"""The protocol editor guards the template's required sections: a refused edit keeps them in
the form, a copy of a fixed section is refused, and the editor hides the controls that would
delete, duplicate or move a fixed section."""

import re

import pytest
from django.urls import reverse

from protocols.validation import restore_required_sections
from tests.protocol_factories import (
    NORM_TEXT,
    UNCHANGED_SECTIONS,
    derive,
    edit_form_data,
    fresh,
    make_template,
)

pytestmark = pytest.mark.django_db

UNCHANGED = UNCHANGED_SECTIONS
OWN = ("eigen-1", "Extra afspraak", "<p>Wij evalueren elk kwartaal.</p>")


@pytest.fixture
def protocol(org_a, home_page):
    make_template(home_page)
    return derive(org_a)


def edit(client, protocol, sections, **extra):
    url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    return client.post(url, edit_form_data(protocol, sections, **extra))


KEYS = {"norm", "melden", "nazorg", "media", "eigen-1"}


def stream_state(html: str) -> str:
    """The StreamField's state as the editor page hands it to Wagtail's JavaScript."""
    return html[html.index('id="body"') :]


def section_ids(html: str) -> list[str]:
    ids = re.findall(r"&quot;id&quot;: &quot;([\w-]+)&quot;", stream_state(html))
    return [key for key in ids if key in KEYS]


def test_deleted_fixed_section_is_refused_and_stays_in_the_form(protocol, redacteur_a, login):
    before = fresh(protocol).latest_revision_id
    response = edit(login(redacteur_a), protocol, [*UNCHANGED[1:], OWN])

    assert response.status_code == 200
    html = response.content.decode()
    # The errors travel as JSON to Wagtail's StreamField script (so ‘ and ’ as \u2018, \u2019).
    restored = "Uitgangspunten\\u2019 uit het sjabloon mag niet worden weggelaten; ze is teruggezet"
    assert restored in html
    assert fresh(protocol).latest_revision_id == before
    # The form shown again has the fixed section back, in its place, and keeps the own section.
    assert section_ids(html) == ["norm", "melden", "nazorg", "media", "eigen-1"]
    assert "Emotie mag, agressie niet" in stream_state(html)


def test_saving_the_restored_form_succeeds(protocol, redacteur_a, login):
    client = login(redacteur_a)
    assert edit(client, protocol, [*UNCHANGED[1:], OWN]).status_code == 200
    # What the form showed (the fixed section restored) saves.
    response = edit(client, protocol, [*UNCHANGED, OWN])
    assert response.status_code == 302
    draft = fresh(protocol).get_latest_revision_as_object()
    assert [i["id"] for i in draft.body.raw_data] == [*(key for key, _, _ in UNCHANGED), "eigen-1"]


def test_deleted_adaptable_section_comes_back_with_the_organisations_own_text(
    protocol, redacteur_a, login
):
    client = login(redacteur_a)
    own_text = "<p>Meld het bij de griffie van Aadorp.</p>"
    sections = [UNCHANGED[0], ("melden", "Melden bij de griffie", own_text), *UNCHANGED[2:]]
    assert edit(client, protocol, sections).status_code == 302

    response = edit(client, protocol, [UNCHANGED[0], *UNCHANGED[2:]])
    assert response.status_code == 200
    state = stream_state(response.content.decode())
    assert "Melden bij de griffie" in state
    assert "griffie van Aadorp" in state


def test_deleted_fixed_and_changed_fixed_errors_point_at_the_right_section(
    protocol, redacteur_a, login
):
    """Both refusals at once (the fixed section changed, an adaptable one dropped): the
    restored section comes back in its place and the fixed section's error is shown too."""
    sections = [("norm", "Uitgangspunten", "<p>Anders.</p>"), UNCHANGED[2], UNCHANGED[3]]
    response = edit(login(redacteur_a), protocol, sections)
    html = response.content.decode()
    assert response.status_code == 200
    assert "registreren\\u2019 uit het sjabloon mag niet worden weggelaten" in html
    assert "is vast: de tekst komt uit het landelijke sjabloon" in html
    assert section_ids(html) == ["norm", "melden", "nazorg", "media"]


def test_restore_leaves_a_complete_body_alone(protocol):
    body = fresh(protocol).body
    restored, headings = restore_required_sections(fresh(protocol), body)
    assert headings == []
    assert restored is body


def test_optional_section_may_still_be_dropped(protocol, redacteur_a, login):
    response = edit(login(redacteur_a), protocol, UNCHANGED[:3])
    assert response.status_code == 302


def test_editor_hides_the_controls_of_fixed_sections_only(protocol, redacteur_a, login):
    response = login(redacteur_a).get(reverse("wagtailadmin_pages:edit", args=[protocol.pk]))
    html = response.content.decode()
    rules = re.findall(r'\[data-contentpath="([\w-]+)"\] :is\(([^{]*)\) \{ display: none', html)
    assert [key for key, _ in rules] == ["norm"]
    for action in ("DELETE", "DUPLICATE", "MOVE_UP", "MOVE_DOWN", "DRAG"):
        assert f'[data-streamfield-action="{action}"]' in rules[0][1]
    assert "protocols/fixed-sections.js" in html


def test_copy_of_a_fixed_section_is_refused(protocol, redacteur_a, login):
    before = fresh(protocol).latest_revision_id
    copy = ("norm-kopie", "Uitgangspunten", NORM_TEXT)
    response = edit(login(redacteur_a), protocol, [UNCHANGED[0], copy, *UNCHANGED[1:]])

    assert response.status_code == 200
    html = response.content.decode()
    assert "Uitgangspunten\\u2019 is vast en kan niet worden gekopieerd" in html
    assert fresh(protocol).latest_revision_id == before


def test_moving_a_fixed_section_is_refused(protocol, redacteur_a, login):
    before = fresh(protocol).latest_revision_id
    moved = [UNCHANGED[1], UNCHANGED[0], *UNCHANGED[2:]]
    response = edit(login(redacteur_a), protocol, moved)

    assert response.status_code == 200
    assert "Uitgangspunten\\u2019 is vast en moet op haar plaats blijven" in (
        response.content.decode()
    )
    assert fresh(protocol).latest_revision_id == before


def test_own_section_may_move_around_a_fixed_one(protocol, redacteur_a, login):
    response = edit(login(redacteur_a), protocol, [OWN, *UNCHANGED])

    assert response.status_code == 302
    draft = fresh(protocol).get_latest_revision_as_object()
    assert [i["id"] for i in draft.body.raw_data][:2] == ["eigen-1", "norm"]
