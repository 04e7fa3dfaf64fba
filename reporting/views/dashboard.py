"""Admin screens of registration and evaluation: the organisation dashboard, the national
overview, avoidance signals, the yearly evaluation and the retention period (the exports are in
reporting.views.exports)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.audit import record
from core.models import AuditAction
from meldingen.models import AvoidanceSignal
from reporting.access import Scope, coordinator_scope, may, national_scope, rows
from reporting.evaluation import record_evaluation, report_data
from reporting.figures import figures
from reporting.forms import AvoidanceSignalForm, EvaluationForm, RetentionForm
from reporting.models import DEFAULT_RETENTION_YEARS, EvaluationReport, PurgeRecord, RetentionPolicy
from reporting.national import by_organisation, by_organisation_kind
from reporting.suppression import suppress
from reporting.views.exports import personal_export_url
from reporting.views.selection import filtered, organisations_shown, requested_organisation


def _cached_figures(request, filterset, start, end, organisations) -> tuple:
    """figures() aggregates up to a year of meldingen in some twenty queries; the result is
    kept settings.REGISTRATION_FIGURES_SECONDS per organisations, filter and language (the
    page says how old it is). Returns (figures, computed_at, key)."""
    pks = ",".join(str(pk) for pk in organisations.order_by("pk").values_list("pk", flat=True))
    raw = f"{pks}|{request.GET.urlencode()}|{start}|{end}|{get_language()}"
    key = "registration-figures:" + hashlib.sha256(raw.encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        cached = (figures(filterset.qs, start, end, organisations), timezone.now())
        if settings.REGISTRATION_FIGURES_SECONDS:
            cache.set(key, cached, settings.REGISTRATION_FIGURES_SECONDS)
    return (*cached, key)


def _context(request, scope: Scope, title: str) -> dict:
    filterset = filtered(request, scope)
    start, end = filterset.period()
    organisations = organisations_shown(filterset, scope)
    result, computed_at, key = _cached_figures(request, filterset, start, end, organisations)
    query = request.GET.urlencode()
    return {
        "computed_at": computed_at,
        # The charts and tables of these figures, rendered once per computation (and per
        # scope: the national overview suppresses small numbers).
        "figures_seconds": settings.REGISTRATION_FIGURES_SECONDS,
        "figures_key": f"{key}|{scope.national}|{computed_at.isoformat()}",
        "page_title": title,
        "filterset": filterset,
        "start": start,
        "end": end,
        "export_csv": f"{reverse('reporting_export', args=['csv'])}?{query}",
        "export_xlsx": f"{reverse('reporting_export', args=['xlsx'])}?{query}",
        "f": suppress(result) if scope.national else result,
    }


def dashboard(request):
    scope = coordinator_scope(request.user)
    context = _context(request, scope, _("Registratie"))
    context["personal_allowed"] = scope.personal_allowed
    context["export_personal_csv"] = personal_export_url(request, "csv")
    context["export_personal_xlsx"] = personal_export_url(request, "xlsx")
    return TemplateResponse(request, "reporting/admin/dashboard.html", context)


def national(request):
    scope = national_scope(request.user)
    context = _context(request, scope, _("Landelijk overzicht meldingen"))
    meldingen = context["filterset"].qs
    context["by_organisation_kind"] = by_organisation_kind(meldingen)
    context["by_organisation"] = by_organisation(meldingen)
    context["national"] = True
    return TemplateResponse(request, "reporting/admin/dashboard.html", context)


def avoidance(request):
    scope = coordinator_scope(request.user)
    form = AvoidanceSignalForm(
        request.POST or None,
        organisations=scope.organisations,
        initial={"observed_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        form.instance.registered_by = request.user
        form.save()
        messages.success(request, _("Het signaal is vastgelegd."))
        return redirect("reporting_avoidance")
    signals = AvoidanceSignal.objects.filter(organisation__in=scope.organisations).select_related(
        "melding"
    )[:50]
    return TemplateResponse(
        request,
        "reporting/admin/avoidance.html",
        {"page_title": _("Vermijdingsgedrag"), "form": form, "signals": signals},
    )


def evaluation(request):
    scope = coordinator_scope(request.user, EvaluationReport)
    organisation = requested_organisation(scope, request.GET.get("organisation"))
    try:
        year = int(request.GET.get("jaar") or timezone.localdate().year - 1)
    except ValueError as exc:
        raise Http404 from exc
    if not 2000 <= year <= 2100:
        raise Http404
    reports = rows(EvaluationReport, request.user).filter(organisation=organisation, year=year)
    latest = reports.first()
    form = EvaluationForm(
        request.POST or None,
        initial={"conclusions": latest.conclusions, "actions": latest.actions} if latest else {},
    )
    if request.method == "POST" and form.is_valid():
        if not may(request.user, "add", EvaluationReport(organisation=organisation)):
            raise PermissionDenied
        report = record_evaluation(
            organisation,
            year,
            conclusions=form.cleaned_data["conclusions"],
            actions=form.cleaned_data["actions"],
            author=request.user,
        )
        messages.success(request, _("Versie %(v)s is vastgelegd.") % {"v": report.version})
        return redirect(
            f"{reverse('reporting_evaluation')}?organisation={organisation.pk}&jaar={year}"
        )
    return TemplateResponse(
        request,
        "reporting/admin/evaluation.html",
        {
            **report_data(organisation, year),
            "page_title": _("Jaarevaluatie"),
            "organisations": scope.organisations,
            "form": form,
            "reports": reports.select_related("created_by"),
        },
    )


def evaluation_pdf(request, pk: int):
    coordinator_scope(request.user, EvaluationReport)
    report = get_object_or_404(rows(EvaluationReport, request.user), pk=pk, pdf__gt="")
    record(
        request.user,
        AuditAction.EXPORT,
        organisation=report.organisation,
        detail=f"jaarevaluatie {report.year} versie {report.version} (pdf)",
    )
    return FileResponse(
        report.pdf.open("rb"),
        as_attachment=True,
        filename=f"jaarevaluatie-{report.year}-v{report.version}.pdf",
        content_type="application/pdf",
    )


def retention(request):
    scope = coordinator_scope(request.user, RetentionPolicy)
    organisation = requested_organisation(scope, request.GET.get("organisation"))
    policy = rows(RetentionPolicy, request.user).filter(
        organisation=organisation
    ).first() or RetentionPolicy(organisation=organisation)
    form = RetentionForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        if not may(request.user, "change" if policy.pk else "add", policy):
            raise PermissionDenied
        form.save()
        messages.success(request, _("De bewaartermijn is opgeslagen."))
        return redirect(f"{reverse('reporting_retention')}?organisation={organisation.pk}")
    return TemplateResponse(
        request,
        "reporting/admin/retention.html",
        {
            "page_title": _("Bewaartermijn"),
            "organisation": organisation,
            "organisations": scope.organisations,
            "form": form,
            "default": DEFAULT_RETENTION_YEARS,
            "records": rows(PurgeRecord, request.user).filter(organisation=organisation)[:20],
        },
    )
