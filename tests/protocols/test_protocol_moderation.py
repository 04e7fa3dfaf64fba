"""An organisation's protocol is published through the organisation's own page workflow."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from tests.protocol_factories import (
    AFTERCARE_TEXT,
    MEDIA_TEXT,
    NORM_TEXT,
    REPORT_TEXT,
    derive,
    edit_form_data,
    fresh,
    make_template,
)

pytestmark = pytest.mark.django_db


def sections_with_report(text):
    return [
        ("norm", "Uitgangspunten", NORM_TEXT),
        ("melden", "Melden en registreren", text),
        ("nazorg", "Nazorg", AFTERCARE_TEXT),
        ("media", "Communicatie", MEDIA_TEXT),
    ]


def submit(client, protocol, report_text):
    url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    data = edit_form_data(protocol, sections_with_report(report_text), **{"action-submit": "1"})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def workflow_action(client, protocol, action, comment=""):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(protocol.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=[protocol.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302)
    return TaskState.objects.get(pk=task_state.pk)


def test_redacteur_submits_publiceerder_approves_or_requests_changes(
    org_a, home_page, redacteur_a, publiceerder_a, client
):
    make_template(home_page)
    protocol = derive(org_a, user=redacteur_a)

    # First version: submitted by the redacteur, approved by the publiceerder.
    client.force_login(redacteur_a)
    submit(client, protocol, "<p>Meld het eerst bij de griffie.</p>")
    assert not fresh(protocol).live
    client.force_login(publiceerder_a)
    workflow_action(client, protocol, "approve")
    protocol = fresh(protocol)
    assert protocol.live
    client.logout()
    assert "Meld het eerst bij de griffie." in client.get(protocol.url).content.decode()

    # A change is not public while it is being reviewed.
    client.force_login(redacteur_a)
    submit(client, protocol, "<p>Meld het direct bij de burgemeester.</p>")
    client.logout()
    public = client.get(protocol.url).content.decode()
    assert "Meld het eerst bij de griffie." in public
    assert "direct bij de burgemeester" not in public

    # The publiceerder asks for changes, with a comment the redacteur sees.
    client.force_login(publiceerder_a)
    rejected = workflow_action(client, protocol, "reject", comment="Noem ook het telefoonnummer.")
    assert rejected.status == TaskState.STATUS_REJECTED
    assert rejected.comment == "Noem ook het telefoonnummer."
    assert fresh(protocol).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(redacteur_a)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[protocol.pk])).content.decode()
    assert "Noem ook het telefoonnummer." in edit_page
    client.logout()
    assert "direct bij de burgemeester" not in client.get(protocol.url).content.decode()

    # Resubmitted and approved: now the public page shows the new text.
    client.force_login(redacteur_a)
    submit(
        client,
        protocol,
        "<p>Meld het direct bij de burgemeester, {veiligheidscoordinator_telefoon}.</p>",
    )
    client.force_login(publiceerder_a)
    workflow_action(client, protocol, "approve")
    client.logout()
    public = client.get(fresh(protocol).url).content.decode()
    assert "Meld het direct bij de burgemeester" in public
    assert "Meld het eerst bij de griffie." not in public


def test_redacteur_cannot_publish_directly(org_a, home_page, redacteur_a, client):
    make_template(home_page)
    protocol = derive(org_a, user=redacteur_a)
    client.force_login(redacteur_a)
    url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    data = edit_form_data(protocol, sections_with_report(REPORT_TEXT), **{"action-publish": "1"})
    client.post(url, data)
    assert not fresh(protocol).live
