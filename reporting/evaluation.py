"""The yearly evaluation of an organisation: the year's figures, checklist progress and partner
response times, with the coordinator's conclusions and actions, kept as a PDF record."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from fpdf import FPDF

from home.models import OrganisationPage
from meldingen.models import Melding
from protocols.pdf import _latin1  # the Latin-1 mapping of the core PDF fonts, shared
from reporting.figures import figures
from reporting.models import EvaluationReport
from toolkit.progress import progress_overview


def report_data(organisation: OrganisationPage, year: int) -> dict:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    meldingen = Melding.objects.filter(
        organisation=organisation, occurred_at__date__range=(start, end)
    )
    return {
        "organisation": organisation,
        "year": year,
        "f": figures(meldingen, start, end, [organisation]),
        "checklist": progress_overview(organisation),
    }


def report_html(data: dict, report: EvaluationReport) -> str:
    """The report as the simple HTML that fpdf2 lays out."""
    return render_to_string("reporting/admin/evaluation_pdf.html", {**data, "report": report})


def render_pdf(data: dict, report: EvaluationReport) -> bytes:
    html = report_html(data, report)
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(f"Jaarevaluatie {data['organisation'].title} {data['year']}"))
    pdf.set_lang("nl")
    pdf.set_creator("Veilig Bestuur")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.write_html(_latin1(html))
    return bytes(pdf.output())


@transaction.atomic
def record_evaluation(
    organisation: OrganisationPage, year: int, *, conclusions: str, actions: str, author
) -> EvaluationReport:
    """Store a new version of the year's evaluation with its PDF (earlier versions stay)."""
    latest = (
        EvaluationReport.objects.select_for_update()
        .filter(organisation=organisation, year=year)
        .aggregate(v=Max("version"))["v"]
    )
    report = EvaluationReport(
        organisation=organisation,
        year=year,
        version=(latest or 0) + 1,
        conclusions=conclusions,
        actions=actions,
        created_by=author,
    )
    report.save()
    pdf = render_pdf(report_data(organisation, year), report)
    report.pdf.save("rapport.pdf", ContentFile(pdf), save=True)
    return report
