"""After "Goedkeuren en publiceren" in the editor the message says the page was published."""

import pytest
from django.urls import reverse

from tests.protocol_factories import (
    AFTERCARE_TEXT,
    MEDIA_TEXT,
    NORM_TEXT,
    derive,
    edit_form_data,
    fresh,
    make_template,
)

pytestmark = pytest.mark.django_db


def sections(report_text):
    return [
        ("norm", "Uitgangspunten", NORM_TEXT),
        ("melden", "Melden en registreren", report_text),
        ("nazorg", "Nazorg", AFTERCARE_TEXT),
        ("media", "Communicatie", MEDIA_TEXT),
    ]


@pytest.fixture
def submitted(org_a, home_page, redacteur_a, client):
    """A protocol the redacteur submitted through the editor."""
    make_template(home_page)
    protocol = derive(org_a, user=redacteur_a)
    client.force_login(redacteur_a)
    url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    data = edit_form_data(
        protocol, sections("<p>Meld het eerst bij de griffie.</p>"), **{"action-submit": "1"}
    )
    assert client.post(url, data).status_code == 302
    assert fresh(protocol).workflow_in_progress
    return fresh(protocol)


def editor_action(client, protocol, action_name):
    """The editor footer's workflow button, as Wagtail's script submits it."""
    url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    data = edit_form_data(
        protocol,
        sections("<p>Meld het eerst bij de griffie.</p>"),
        **{"action-workflow-action": "true", "workflow-action-name": action_name},
    )
    return client.post(url, data, follow=True)


def test_approve_and_publish_in_the_editor_says_published(submitted, publiceerder_a, client):
    client.force_login(publiceerder_a)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk])).content.decode()
    assert "Goedkeuren en publiceren" in editor

    response = editor_action(client, submitted, "approve")
    assert response.status_code == 200
    assert fresh(submitted).live
    html = response.content.decode()
    assert "Pagina ‘Agressieprotocol’ is goedgekeurd en gepubliceerd." in html
    assert "is gewijzigd" not in html


def test_requesting_changes_in_the_editor_says_so(submitted, publiceerder_a, client):
    client.force_login(publiceerder_a)
    response = editor_action(client, submitted, "reject")
    html = response.content.decode()
    assert not fresh(submitted).live
    assert "is teruggestuurd: er zijn wijzigingen gevraagd" in html
    assert "is goedgekeurd en gepubliceerd" not in html
    assert "is gewijzigd" not in html


def test_autosave_carrying_the_approval_does_not_approve_or_conflict(
    submitted, publiceerder_a, client
):
    """Wagtail's autosave picks up the hidden approval fields the workflow button adds while
    the form is being submitted; that JSON request does nothing, the submission approves."""
    client.force_login(publiceerder_a)
    url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    fields = {"action-workflow-action": "true", "workflow-action-name": "approve"}
    data = edit_form_data(submitted, sections("<p>Meld het eerst bij de griffie.</p>"), **fields)
    before = fresh(submitted).latest_revision_id

    autosave = client.post(url, data, headers={"Accept": "application/json"})
    assert autosave.status_code == 200
    assert autosave.json()["success"] is True
    protocol = fresh(submitted)
    assert not protocol.live and protocol.workflow_in_progress
    assert protocol.latest_revision_id == before

    # The submission itself (HTML) approves and publishes.
    response = client.post(url, data, follow=True)
    assert fresh(submitted).live
    assert "is goedgekeurd en gepubliceerd" in response.content.decode()


def test_plain_autosave_still_saves(submitted, redacteur_a, publiceerder_a, client):
    client.force_login(publiceerder_a)
    url = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    latest = fresh(submitted).latest_revision
    data = edit_form_data(
        submitted,
        sections("<p>Meld het bij de griffie, ook in het weekend.</p>"),
        loaded_revision_id=str(latest.pk),
        loaded_revision_created_at=latest.created_at.isoformat(),
    )
    autosave = client.post(url, data, headers={"Accept": "application/json"})
    assert autosave.status_code == 200, autosave.content
    assert autosave.json()["revision_id"] != latest.pk
    draft = fresh(submitted).get_latest_revision_as_object()
    assert "ook in het weekend" in str(draft.body.raw_data)
