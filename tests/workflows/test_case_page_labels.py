"""The coordinator's case page shows labels, never codes: the audit trail's status changes
(stored as codes, append-only) are shown with the statuses' Dutch labels."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_case_page_shows_status_changes_as_labels(client, org_a, coordinator_a):
    melding = factories.melding(org_a)
    client.force_login(coordinator_a)
    client.post(
        f"/admin/meldingen/{melding.pk}/triage/",
        {"kinds": ["bedreiging"], "severity": "bedreiging"},
    )
    body = client.get(f"/admin/meldingen/{melding.pk}/").content.decode()
    assert "Ontvangen → In behandeling" in body and "— → Ontvangen" in body
    assert "in_behandeling" not in body and "-&gt; " not in body
