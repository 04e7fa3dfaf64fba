"""Exports of the registration listing. The anonymous listing is one click; personal data only
through a form that asks the purpose and a confirmation, and such a file carries a watermark
line and its own file name. Every export, with its purpose, is in the audit trail."""

from __future__ import annotations

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import record
from core.models import AuditAction
from reporting import exports
from reporting.access import Scope, coordinator_scope, export_scope
from reporting.filters import RegistrationFilterSet
from reporting.forms import PersonalExportForm
from reporting.views.selection import filtered, organisations_shown

FORMAT_PARAM = "formaat"  # preselects the format on the form; not part of the filter


def _selection(request, scope: Scope) -> RegistrationFilterSet:
    filterset = filtered(request, scope)
    if not filterset.is_valid():
        raise Http404
    return filterset


def _filter_query(request) -> str:
    query = request.GET.copy()
    query.pop(FORMAT_PARAM, None)
    return query.urlencode()


def personal_export_url(request, fmt: str) -> str:
    """The form for an export with personal fields of the selection on request's page."""
    query = request.GET.copy()
    query[FORMAT_PARAM] = fmt
    return f"{reverse('reporting_export_personal')}?{query.urlencode()}"


def _deliver(request, scope, filterset, fmt: str, purpose: str = "") -> HttpResponse:
    """The file of the selection, recorded in the audit trail. With a purpose it holds the
    personal fields (the caller has checked the user is entitled to them and asked why)."""
    personal = bool(purpose)
    selection = filterset.qs.distinct()
    count = selection.count()
    header, body = exports.rows(selection, personal)
    organisations = organisations_shown(filterset, scope)
    single = organisations.first() if organisations.count() == 1 else None
    moment = timezone.now()
    details = [fmt, f"{count} meldingen", f"persoonsgegevens {'ja' if personal else 'nee'}"]
    if personal:
        details.append(f"doel: {purpose}")
    details.append(f"filter {_filter_query(request)}")
    record(request.user, AuditAction.EXPORT, organisation=single, detail="; ".join(details)[:300])
    mark = exports.watermark(request.user, purpose, moment) if personal else ""
    # Streamed as the rows come from the database: memory and the first byte do not wait
    # for the whole selection.
    response = StreamingHttpResponse(
        exports.stream(fmt, header, body, mark), content_type=exports.FORMATS[fmt]
    )
    name = exports.filename(fmt, personal=personal, organisation=single, moment=moment)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def export(request, fmt: str):
    """The anonymous listing (coordinators and national editors), one click."""
    if fmt not in exports.FORMATS:
        raise Http404
    scope = export_scope(request.user)
    return _deliver(request, scope, _selection(request, scope), fmt)


def personal_export(request):
    """GET: the form; POST: the file with personal fields. Only the organisations' own
    coordinators; everyone else, national editors too, is refused (PermissionDenied)."""
    scope = coordinator_scope(request.user)
    filterset = _selection(request, scope)
    requested = request.GET.get(FORMAT_PARAM)
    form = PersonalExportForm(
        request.POST if request.method == "POST" else None,
        initial={"format": requested} if requested in exports.FORMATS else {},
    )
    if request.method == "POST" and form.is_valid():
        fmt = form.cleaned_data["format"]
        return _deliver(request, scope, filterset, fmt, purpose=form.purpose_text())
    start, end = filterset.period()
    query = _filter_query(request)
    title = _("Exporteren met persoonsgegevens")
    return TemplateResponse(
        request,
        "reporting/admin/export_personal.html",
        {
            "header_title": title,
            # A soft hyphen, so the long word breaks on a phone instead of being cut off.
            "page_title": title.replace("persoonsgegevens", "persoons\u00adgegevens"),
            "form": form,
            "count": filterset.qs.distinct().count(),
            "organisations": organisations_shown(filterset, scope),
            "start": start,
            "end": end,
            "back": reverse("reporting_dashboard") + (f"?{query}" if query else ""),
        },
    )
