"""Retention per organisation: the purge removes personal data of closed meldingen once the
period after closure has passed (time travel), keeps the anonymous figures and leaves a
deletion record."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from meldingen.models import (
    Attachment,
    Melding,
    MeldingAddition,
    MeldingBehaviour,
    MeldingPersonalData,
    Status,
)
from meldingen.services import add_information, change_status
from reporting.erasure import erase_personal_data
from reporting.figures import figures
from reporting.models import PurgeReason, PurgeRecord, RetentionPolicy
from reporting.retention import purge
from reporting.tasks import purge_personal_data
from tests.erasure_helpers import assert_erased, full_melding  # noqa: F401
from tests.registration_helpers import at, melding, travel  # noqa: F401

pytestmark = pytest.mark.django_db


def closed_melding(org, travel, received, closed, **overrides):  # noqa: F811
    travel(received)
    m = melding(org, received, **overrides)
    attachment = Attachment(melding=m, original_name="foto.jpg", content_type="image/jpeg")
    attachment.size, attachment.sha256 = 3, "0" * 64
    attachment.file.save("upload", ContentFile(b"abc"), save=False)
    attachment.save()
    add_information(m, author=None, text="Hij stond er weer, met zijn auto.")
    travel(closed)
    change_status(m, Status.CLOSED)
    return m, attachment


def test_purge_after_default_two_years(
    org_a,
    travel,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    m, attachment = closed_melding(org_a, travel, at(2023, 1, 10, 9), at(2023, 2, 1, 12))
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    travel(at(2023, 3, 1, 9))
    still_open = melding(org_a, at(2023, 3, 1, 9))

    travel(at(2025, 2, 1, 11))
    assert purge() == []  # one hour short of two years
    assert MeldingPersonalData.objects.filter(melding=m).exists()

    travel(at(2025, 2, 1, 13))
    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        purged = purge()
    assert purged == [m]
    assert not MeldingPersonalData.objects.filter(melding=m).exists()
    assert not Attachment.objects.filter(melding=m).exists()
    assert not MeldingAddition.objects.filter(melding=m).exists()
    assert not storage.exists(name)
    record = PurgeRecord.objects.get(melding=m)
    assert (record.reference, record.retention_years, record.attachments_removed) == (
        m.reference,
        2,
        1,
    )
    assert record.personal_data_removed and record.additions_removed == 1
    assert record.closed_at == at(2023, 2, 1, 12)
    # The melding and its anonymous facts stay, so the figures do not change.
    assert Melding.objects.filter(pk=m.pk).exists()
    assert MeldingBehaviour.objects.filter(melding=m).exists()
    f = figures(Melding.objects.filter(organisation=org_a), None, None, [org_a])
    assert (f.total, f.closed, f.open) == (2, 1, 1)
    # Open meldingen keep their data; a second run purges nothing again.
    assert MeldingPersonalData.objects.filter(melding=still_open).exists()
    travel(at(2030, 1, 1, 0))
    assert purge() == []
    assert PurgeRecord.objects.count() == 1


def test_retention_period_per_organisation(org_a, org_b, travel):  # noqa: F811
    RetentionPolicy.objects.create(organisation=org_b, years=1)
    a, _ = closed_melding(org_a, travel, at(2024, 1, 1, 9), at(2024, 1, 2, 9))
    b, _ = closed_melding(org_b, travel, at(2024, 1, 1, 9), at(2024, 1, 2, 9))
    travel(at(2025, 1, 3, 9))
    assert purge() == [b]
    assert PurgeRecord.objects.get(melding=b).retention_years == 1
    travel(at(2026, 1, 3, 9))
    assert purge() == [a]


def test_reopened_melding_counts_from_last_closure(org_a, travel):  # noqa: F811
    m, _ = closed_melding(org_a, travel, at(2022, 1, 1, 9), at(2022, 2, 1, 9))
    travel(at(2023, 6, 1, 9))
    change_status(m, Status.IN_TRIAGE)
    travel(at(2024, 1, 20, 9))
    assert purge() == []  # open again: never purged
    change_status(m, Status.CLOSED)
    travel(at(2025, 6, 1, 9))
    assert purge() == []  # two years from the last closure, not the first
    travel(at(2026, 1, 21, 9))
    assert purge() == [m]


def test_purge_wipes_what_erasure_on_request_wipes_and_is_audited(
    full_melding,  # noqa: F811
    coordinator_a,
    django_capture_on_commit_callbacks,
):
    """The purge and the early erasure are one function: the same data goes (free texts and
    the reporter's links included), and the audit trail gets a "gewist" event without
    personal data (the system as actor); the chain still verifies."""
    from django.utils import timezone

    m = full_melding.melding
    change_status(m, Status.CLOSED, actor=coordinator_a)
    later = timezone.now() + timezone.timedelta(days=3 * 365)
    with django_capture_on_commit_callbacks(execute=True):
        assert purge(now=later) == [m]
    record = assert_erased(full_melding, PurgeReason.RETENTION, "")
    assert (record.retention_years, record.reason, record.purged_by) == (2, "", None)
    call_command("verify_audit")


def test_melding_erased_on_request_is_not_purged_again(org_a, coordinator_a):
    from django.utils import timezone

    m = melding(org_a, timezone.now())
    erase_personal_data(
        m, reason_kind=PurgeReason.REQUEST, actor=coordinator_a, reason="AVG-verzoek"
    )
    change_status(m, Status.CLOSED)
    assert purge(now=timezone.now() + timezone.timedelta(days=3 * 365)) == []
    assert PurgeRecord.objects.get(melding=m).reason_kind == PurgeReason.REQUEST


def test_deletion_record_invariants_are_database_constraints(org_a):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    m = melding(org_a, timezone.now())
    common = {
        "melding": m,
        "organisation": org_a,
        "reference": m.reference,
        "purged_at": timezone.now(),
        "personal_data_removed": True,
        "attachments_removed": 0,
        "additions_removed": 0,
    }
    for broken in (
        {"reason_kind": PurgeReason.REQUEST, "reason": ""},  # on request needs a reason
        {"reason_kind": PurgeReason.RETENTION},  # the purge needs closure and period
        {"reason_kind": "zomaar", "reason": "x"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            PurgeRecord.objects.create(**common, **broken)


def test_command_and_task(org_a, travel):  # noqa: F811
    m, _ = closed_melding(org_a, travel, at(2020, 1, 1, 9), at(2020, 1, 2, 9))
    travel(at(2024, 1, 1, 9))
    call_command("purge_personal_data", "--dry-run")
    assert MeldingPersonalData.objects.filter(melding=m).exists()
    result = purge_personal_data.enqueue()  # immediate backend in tests
    assert result.return_value == 1
    assert PurgeRecord.objects.filter(melding=m).exists()
    call_command("purge_personal_data")
    assert PurgeRecord.objects.count() == 1


def test_retention_years_is_constrained(org_a):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        RetentionPolicy.objects.create(organisation=org_a, years=0)


def test_coordinator_sets_retention_period(org_a, org_b, login, coordinator_a):
    client = login(coordinator_a)
    url = reverse("reporting_retention")
    assert client.get(url).status_code == 200
    response = client.post(url, {"years": "3", "decided_on": "2026-01-15"})
    assert response.status_code == 302
    assert RetentionPolicy.objects.get(organisation=org_a).years == 3
    assert client.post(url, {"years": "0"}).status_code == 200  # refused
    assert RetentionPolicy.objects.get(organisation=org_a).years == 3
    assert client.get(url, {"organisation": org_b.pk}).status_code == 404
