"""The yearly evaluation of an organisation: the year's figures, checklist progress and partner
response times, with the coordinator's conclusions and actions, kept as a PDF record."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.pdf import html_to_pdf
from home.models import OrganisationPage
from meldingen.models import Melding
from protocols.pdf import huisstijl_pdf_css
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


def report_title(data: dict) -> str:
    return _("Jaarevaluatie %(org)s %(year)s") % {
        "org": data["organisation"].title,
        "year": data["year"],
    }


def report_html(data: dict, report: EvaluationReport) -> str:
    """The report as a printable page: the admin screen's figures (evaluation_body.html) with
    the conclusions, in the organisation's huisstijl and the site's print stylesheet."""
    context = {**data, "report": report, "title": report_title(data)}
    return render_to_string("reporting/print/evaluation.html", context)


def render_pdf(data: dict, report: EvaluationReport) -> bytes:
    return html_to_pdf(
        report_html(data, report),
        base_url=f"{settings.WAGTAILADMIN_BASE_URL}/",
        title=report_title(data),
        lang=get_language() or settings.LANGUAGE_CODE,
        extra_css=[huisstijl_pdf_css(data["organisation"])],
    )


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
