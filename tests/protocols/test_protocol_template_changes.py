"""Template changes: change notice, per-section comparison, adoption, fixed sections follow."""

import pytest
from django.urls import reverse

from protocols.models import ProtocolPage
from protocols.sections import SectionState, adopt, compare
from tests.protocol_factories import (
    AFTERCARE_TEXT,
    MEDIA_TEXT,
    NORM_TEXT,
    derive,
    edit_form_data,
    fresh,
    make_template,
    publish_template_change,
    section_value,
    text_section,
)

pytestmark = pytest.mark.django_db

NEW_NORM = "<p>Emotie mag, agressie en intimidatie niet. Dit geldt binnen {organisatie}.</p>"
NEW_AFTERCARE = "<p>Na een incident belt {bestuursvoorzitter} u binnen twee dagen.</p>"
OWN_REPORT = "<p>Meld het bij de griffie van Aadorp.</p>"


@pytest.fixture
def setup(org_a, home_page, redacteur_a):
    """A published protocol whose editor rewrote 'melden'; then the template changes."""
    template = make_template(home_page)
    protocol = derive(org_a, user=redacteur_a)
    raw = list(protocol.body.raw_data)
    raw[1]["value"] = {**raw[1]["value"], "text": OWN_REPORT}
    protocol.body = raw
    protocol.save_revision(user=redacteur_a).publish()
    base_revision = template.live_revision_id
    publish_template_change(template, "norm", text=NEW_NORM)
    publish_template_change(template, "nazorg", text=NEW_AFTERCARE)
    template = fresh(template)
    raw = list(template.body.raw_data)
    raw.append(text_section("evaluatie", "aanpasbaar", "Evaluatie", "<p>Jaarlijks evalueren.</p>"))
    template.body = raw
    template.save_revision().publish()
    return fresh(template), fresh(protocol), base_revision


def states(protocol):
    return {s.key: s.state for s in compare(protocol.get_latest_revision_as_object()).sections}


def test_protocol_records_base_revision_and_detects_changes(setup):
    template, protocol, base_revision = setup
    assert protocol.template_revision_id == base_revision
    assert states(protocol) == {
        "norm": SectionState.CHANGED,
        "melden": SectionState.UNCHANGED,
        "nazorg": SectionState.CHANGED,
        "media": SectionState.UNCHANGED,
        "evaluatie": SectionState.NEW,
    }
    by_key = {s.key: s for s in compare(protocol).sections}
    assert by_key["melden"].own_changed and "griffie van Aadorp" in by_key["melden"].own_diff
    assert '<span class="addition">en intimidatie </span>' in by_key["norm"].template_diff
    assert '<span class="addition">twee</span>' in by_key["nazorg"].template_diff


def test_editor_sees_notice_and_comparison(setup, redacteur_a, login):
    template, protocol, _ = setup
    client = login(redacteur_a)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[protocol.pk])).content.decode()
    assert "Het landelijke sjabloon is gewijzigd: 3 secties" in edit
    assert reverse("protocols_compare", args=[protocol.pk]) in edit

    page = client.get(reverse("protocols_compare", args=[protocol.pk])).content.decode()
    assert "Wijziging in het sjabloon sinds je basisversie" in page
    assert "Je tekst ten opzichte van het sjabloon" in page
    assert "Nieuw in het sjabloon" in page
    assert "3 publicaties achterloopt" in page


def test_adopt_one_section_records_new_base_for_that_section(setup, redacteur_a, login):
    template, protocol, base_revision = setup
    client = login(redacteur_a)
    response = client.post(
        reverse("protocols_compare", args=[protocol.pk]), {"section": "nazorg", "action": "adopt"}
    )
    assert response.status_code == 302
    draft = fresh(protocol).get_latest_revision_as_object()
    assert section_value(draft, "nazorg")["text"] == NEW_AFTERCARE
    assert draft.section_bases["nazorg"] == template.live_revision_id
    assert draft.section_bases["norm"] == base_revision
    assert section_value(draft, "melden")["text"] == OWN_REPORT  # untouched
    assert states(fresh(protocol))["nazorg"] == SectionState.UNCHANGED
    # Not public until published through the workflow.
    assert section_value(fresh(protocol), "nazorg")["text"] == AFTERCARE_TEXT


def test_new_section_is_inserted_in_template_order(setup, redacteur_a):
    template, protocol, _ = setup
    adopt(protocol, redacteur_a, ["evaluatie"])
    draft = fresh(protocol).get_latest_revision_as_object()
    assert [i["id"] for i in draft.body.raw_data] == [
        "norm",
        "melden",
        "nazorg",
        "media",
        "evaluatie",
    ]


def test_fixed_section_cannot_be_kept_as_own_text(setup, redacteur_a, login):
    template, protocol, _ = setup
    response = login(redacteur_a).post(
        reverse("protocols_compare", args=[protocol.pk]),
        {"section": "norm", "action": "keep"},
        follow=True,
    )
    assert "is vast; neem de tekst van het sjabloon over" in response.content.decode()
    assert states(fresh(protocol))["norm"] == SectionState.CHANGED


def test_adopt_all_brings_protocol_up_to_date_but_keeps_unchanged_own_text(
    setup, redacteur_a, login
):
    template, protocol, _ = setup
    login(redacteur_a).post(
        reverse("protocols_compare", args=[protocol.pk]), {"action": "adopt_all"}
    )
    draft = fresh(protocol).get_latest_revision_as_object()
    assert set(states(fresh(protocol)).values()) == {SectionState.UNCHANGED}
    assert set(draft.section_bases.values()) == {template.live_revision_id}
    assert section_value(draft, "melden")["text"] == OWN_REPORT
    assert section_value(draft, "norm")["text"] == NEW_NORM
    draft.save_revision().publish()
    assert fresh(protocol).template_revision_id == template.live_revision_id


def test_fixed_sections_follow_the_template_on_next_publish(
    setup, redacteur_a, publiceerder_a, client
):
    template, protocol, _ = setup
    html = client.get(protocol.url).content.decode()
    assert "agressie en intimidatie niet" not in html  # not before the organisation publishes

    # The organisation's next publication, through its workflow: submitted and approved.
    protocol.get_latest_revision_as_object().save_revision(user=redacteur_a)
    workflow_state = protocol.get_workflow().start(protocol, redacteur_a)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, publiceerder_a, "approve")
    protocol = fresh(protocol)
    assert section_value(protocol, "norm")["text"] == NEW_NORM
    assert protocol.section_bases["norm"] == template.live_revision_id
    # Adaptable sections are not touched automatically.
    assert section_value(protocol, "nazorg")["text"] == AFTERCARE_TEXT
    assert section_value(protocol, "melden")["text"] == OWN_REPORT
    assert not protocol.has_unpublished_changes
    html = client.get(protocol.url).content.decode()
    assert "Emotie mag, agressie en intimidatie niet. Dit geldt binnen de gemeente Aadorp." in html


def test_unchanged_fixed_text_from_old_base_still_validates(setup, redacteur_a, login):
    template, protocol, _ = setup
    sections = [
        ("norm", "Uitgangspunten", NORM_TEXT),
        ("melden", "Melden en registreren", OWN_REPORT),
        ("nazorg", "Nazorg", AFTERCARE_TEXT),
        ("media", "Communicatie", MEDIA_TEXT),
    ]
    url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    response = login(redacteur_a).post(url, edit_form_data(protocol, sections))
    assert response.status_code == 302
    # Copying the new template wording into a fixed section by hand is refused: adopt instead.
    sections[0] = ("norm", "Uitgangspunten", NEW_NORM)
    assert login(redacteur_a).post(url, edit_form_data(protocol, sections)).status_code == 200


def test_other_organisation_cannot_adopt(setup, org_b, make_user, login):
    template, protocol, _ = setup
    other = make_user("redacteur-b", org_b.editors_group)
    response = login(other).post(
        reverse("protocols_compare", args=[protocol.pk]), {"action": "adopt_all"}
    )
    assert response["Location"] == reverse("wagtailadmin_home")
    assert fresh(protocol).latest_revision.user != other
    assert isinstance(fresh(protocol), ProtocolPage)


def remove_from_template(template, key):
    template = fresh(template)
    template.body = [item for item in template.body.raw_data if item["id"] != key]
    template.save_revision().publish()


def test_removed_template_section_can_be_dropped_or_kept_as_own(org_a, home_page, redacteur_a):
    template = make_template(home_page)
    protocol = derive(org_a, user=redacteur_a)
    protocol.save_revision().publish()
    remove_from_template(template, "nazorg")
    remove_from_template(template, "media")
    assert states(fresh(protocol))["nazorg"] == SectionState.REMOVED

    adopt(fresh(protocol), redacteur_a, ["nazorg"])  # follow the template: remove
    adopt(fresh(protocol), redacteur_a, ["media"], keep_own=True)  # keep as own section
    draft = fresh(protocol).get_latest_revision_as_object()
    assert [i["id"] for i in draft.body.raw_data] == ["norm", "melden", "media"]
    assert set(draft.section_bases) == {"norm", "melden"}
    assert compare(draft).behind == []


def test_new_optional_section_can_be_left_out(org_a, home_page, redacteur_a):
    template = make_template(home_page)
    protocol = derive(org_a, user=redacteur_a)
    template = fresh(template)
    template.body = [
        *template.body.raw_data,
        text_section("pers", "optioneel", "Pers", "<p>Persbeleid.</p>"),
    ]
    template.save_revision().publish()
    adopt(fresh(protocol), redacteur_a, ["pers"], keep_own=True)
    draft = fresh(protocol).get_latest_revision_as_object()
    assert "pers" not in [i["id"] for i in draft.body.raw_data]
    assert draft.section_bases["pers"] == fresh(template).live_revision_id
    assert compare(draft).behind == []


def test_unknown_section_or_action_gives_dutch_error(setup, redacteur_a, login):
    template, protocol, _ = setup
    client = login(redacteur_a)
    url = reverse("protocols_compare", args=[protocol.pk])
    unknown = client.post(url, {"section": "bestaat-niet", "action": "adopt"}, follow=True)
    assert "Onbekende sectie." in unknown.content.decode()
    no_action = client.post(url, {"section": "norm", "action": "wissen"}, follow=True)
    assert "Kies een sectie en een actie." in no_action.content.decode()
    assert fresh(protocol).latest_revision.user == redacteur_a  # nothing new saved
    assert states(fresh(protocol))["norm"] == SectionState.CHANGED
