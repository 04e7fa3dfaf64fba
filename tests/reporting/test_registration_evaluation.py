"""The yearly evaluation (admin page, PDF kept as a record, versions) and avoidance signals."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from core.models import AuditAction, AuditEvent
from meldingen.models import AvoidanceSignal, Status
from meldingen.services import change_status
from reporting.evaluation import render_pdf, report_data, report_html
from reporting.models import EvaluationReport
from tests import factories
from tests.registration_helpers import at, melding, notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2025(org_a, org_b):
    kinds = factories.partner_kinds()
    police = factories.partner(org_a, kinds["politie"], "Politie Aadorp", "p@example.test")
    m1 = melding(org_a, at(2025, 3, 1, 10), kinds=["verbaal"])
    m2 = melding(org_a, at(2025, 9, 1, 10), kinds=["bedreiging"], channel="email")
    melding(org_a, at(2026, 1, 5, 10))  # another year
    melding(org_b, at(2025, 5, 5, 10))  # another organisation
    change_status(m1, Status.CLOSED)
    t = at(2025, 9, 2, 10)
    notice(m2, police, t, t + datetime.timedelta(hours=48), t + datetime.timedelta(hours=6))
    return m1, m2


def test_report_contents(year_2025, org_a):
    data = report_data(org_a, 2025)
    f = data["f"]
    assert (f.total, f.closed, f.open) == (2, 1, 1)
    assert len(f.per_month) == 12
    assert [(p.partner, p.median_hours, p.missed) for p in f.partners] == [
        ("Politie Aadorp", 6.0, 0)
    ]
    assert "checklist" in data


def test_coordinator_records_evaluation_with_pdf(year_2025, login, coordinator_a, org_a):
    client = login(coordinator_a)
    url = reverse("reporting_evaluation")
    page = client.get(url, {"jaar": 2025})
    assert page.status_code == 200
    assert "Politie Aadorp" in page.content.decode()
    response = client.post(
        f"{url}?jaar=2025",
        {"conclusions": "Online bedreigingen namen toe.", "actions": "Training online hygiëne."},
    )
    assert response.status_code == 302
    report = EvaluationReport.objects.get(organisation=org_a, year=2025)
    assert report.version == 1 and report.created_by == coordinator_a
    pdf = report.pdf.open("rb").read()
    assert pdf.startswith(b"%PDF")
    client.post(f"{url}?jaar=2025", {"conclusions": "Tweede versie.", "actions": ""})
    assert list(
        EvaluationReport.objects.filter(organisation=org_a, year=2025).values_list(
            "version", flat=True
        )
    ) == [2, 1]
    download = client.get(reverse("reporting_evaluation_pdf", args=[report.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, organisation_id=org_a.pk).exists()


def test_pdf_text_holds_figures_and_conclusions(year_2025, org_a):
    report = EvaluationReport(
        organisation=org_a, year=2025, version=1, conclusions="Meer aandacht voor nazorg."
    )
    report.created_at = at(2026, 1, 10, 10)
    data = report_data(org_a, 2025)
    html = report_html(data, report)
    assert "Meer aandacht voor nazorg." in html and "Politie Aadorp" in html
    assert "2 meldingen, waarvan 1 afgehandeld en 1 open." in html
    assert render_pdf(data, report).startswith(b"%PDF")


def test_evaluation_scoped_to_own_organisation(year_2025, login, coordinator_b, org_a):
    client = login(coordinator_b)
    url = reverse("reporting_evaluation")
    assert client.get(url, {"organisation": org_a.pk, "jaar": 2025}).status_code == 404
    report = EvaluationReport.objects.create(organisation=org_a, year=2025, conclusions="x")
    report.pdf.save("r.pdf", ContentFile(b"%PDF"))
    assert client.get(reverse("reporting_evaluation_pdf", args=[report.pk])).status_code == 404


def test_avoidance_signal_registered_and_counted(year_2025, login, coordinator_a, org_a):
    m1, _m2 = year_2025
    client = login(coordinator_a)
    response = client.post(
        reverse("reporting_avoidance"),
        {
            "organisation": org_a.pk,
            "kind": "niet_herkiesbaar",
            "reporter_role": "raadslid",
            "observed_on": "2025-04-01",
            "reference": m1.reference.lower(),
        },
    )
    assert response.status_code == 302
    signal = AvoidanceSignal.objects.get()
    assert signal.melding == m1 and signal.registered_by == coordinator_a
    client.post(
        reverse("reporting_avoidance"),
        {
            "organisation": org_a.pk,
            "kind": "online",
            "reporter_role": "wethouder",
            "observed_on": "2025-05-01",
        },
    )
    dashboard = client.get(
        reverse("reporting_dashboard"),
        {"occurred_from": "2025-01-01", "occurred_until": "2025-12-31"},
    )
    assert dashboard.context["f"].avoidance_total == 2


def test_avoidance_reference_must_belong_to_the_organisation(org_b, login, coordinator_a, org_a):
    other = melding(org_b, at(2025, 3, 1, 10))
    response = login(coordinator_a).post(
        reverse("reporting_avoidance"),
        {
            "organisation": org_a.pk,
            "kind": "online",
            "reporter_role": "raadslid",
            "observed_on": "2025-05-01",
            "reference": other.reference,
        },
    )
    assert response.status_code == 200
    assert not AvoidanceSignal.objects.exists()
