"""Erasing a melding's personal data early, on request of a data subject: only the
organisation's veiligheidscoördinator and the beheerder, with a required reason; the same
erasure as the retention purge, recorded and audited without personal data."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection

from core.models import AuditAction, AuditEvent
from meldingen.models import MeldingPersonalData
from reporting.models import PurgeReason, PurgeRecord
from tests.erasure_helpers import assert_erased, full_melding  # noqa: F401

pytestmark = pytest.mark.django_db

REASON = "AVG-verzoek van betrokkene d.d. 12 maart 2026"


def url(melding) -> str:
    return f"/admin/meldingen/{melding.pk}/wissen/"


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_coordinator_erases_on_request(
    client,
    full_melding,  # noqa: F811
    coordinator_a,
    django_capture_on_commit_callbacks,
):
    melding = full_melding.melding
    client.force_login(coordinator_a)
    detail = client.get(f"/admin/meldingen/{melding.pk}/").content.decode()
    assert url(melding) in detail and "Persoonsgegevens wissen op verzoek" in detail

    page = client.get(url(melding))
    assert page.status_code == 200
    body = page.content.decode()
    assert "1 bijlage" in body and "1 aanvulling" in body and "Wat blijft" in body

    refused = client.post(url(melding), {"reason": "  "})
    assert refused.status_code == 400
    assert "Vul de reden in" in refused.content.decode()
    assert MeldingPersonalData.objects.filter(melding=melding).exists()

    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        response = client.post(url(melding), {"reason": REASON})
    assert response.status_code == 302 and response.url == f"/admin/meldingen/{melding.pk}/"
    assert "zijn gewist" in messages_of(response)[0]

    record = assert_erased(full_melding, PurgeReason.REQUEST, "coordinator-a")
    assert record.reason == REASON and record.purged_by == coordinator_a
    assert record.closed_at is None and record.retention_years is None
    with connection.cursor() as cursor:  # the reason is kept encrypted
        cursor.execute("SELECT reason FROM reporting_purgerecord")
        assert REASON not in str(cursor.fetchall())

    detail = client.get(f"/admin/meldingen/{melding.pk}/").content.decode()
    assert "De persoonsgegevens zijn gewist op" in detail and url(melding) not in detail
    assert full_melding.marker not in detail

    again = client.post(url(melding), {"reason": REASON})
    assert again.status_code == 302 and "al gewist" in messages_of(again)[0]
    assert PurgeRecord.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.PURGE).count() == 1


def test_after_erasure_reporter_and_partner_see_nothing_personal(
    client,
    full_melding,  # noqa: F811
    coordinator_a,
):
    melding = full_melding.melding
    client.force_login(coordinator_a)
    client.post(url(melding), {"reason": REASON})

    client.force_login(full_melding.reporter)
    assert melding.reference not in client.get("/mijn-meldingen/").content.decode()
    assert client.get(f"/mijn-meldingen/{melding.reference}/").status_code == 404

    client.force_login(full_melding.partner_user)
    notice = melding.notices.get()
    page = client.get(f"/partner/berichten/{notice.pk}/").content.decode()
    assert "De persoonsgegevens van deze melding zijn op" in page
    assert full_melding.marker not in page


def test_beheerder_may_erase(
    client,
    full_melding,  # noqa: F811
    make_user,
    django_capture_on_commit_callbacks,
):
    beheerder = make_user("beheerder", superuser=True)
    client.force_login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(full_melding.melding), {"reason": REASON})
    assert response.status_code == 302
    assert_erased(full_melding, PurgeReason.REQUEST, "beheerder")


# Everyone else is refused as in the rest of the moderation admin: 404 for admin users outside
# the melding's organisation, the admin login for users without admin access.
REFUSED = {
    "redacteur": 404,
    "other_coordinator": 404,
    "national_editor": 404,
    "partner": 302,
    "reporter": 302,
}


@pytest.mark.parametrize("role", REFUSED)
def test_others_may_not_erase(
    client,
    full_melding,  # noqa: F811
    role,
    redacteur_a,
    coordinator_b,
    national_editor,
):
    users = {
        "redacteur": redacteur_a,
        "other_coordinator": coordinator_b,
        "national_editor": national_editor,
        "partner": full_melding.partner_user,
        "reporter": full_melding.reporter,
    }
    melding = full_melding.melding
    client.force_login(users[role])
    for response in (client.get(url(melding)), client.post(url(melding), {"reason": REASON})):
        assert response.status_code == REFUSED[role], role
        if response.status_code == 302:
            assert response.url.startswith("/admin/login/")
    assert MeldingPersonalData.objects.filter(melding=melding).exists()
    assert not PurgeRecord.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.PURGE).exists()
