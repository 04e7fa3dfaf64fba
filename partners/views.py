"""The partner inbox: partner users see only notices addressed to their partner, and of each
melding only what the reporter agreed to share."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.audit import record
from core.models import AuditAction
from home.models import OrganisationPage
from meldingen.attachments import attachment_response
from meldingen.casework import CaseError
from meldingen.status import CLOSED_STATUSES
from partners.filters import InboxState, NoticeFilterSet, with_inbox_state
from partners.models import FeedbackKind, Notice
from partners.permissions import notices_for_partner_user
from partners.rules import shareable
from partners.services import acknowledge, add_feedback, evidence_for, record_opened


class FeedbackForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Soort terugkoppeling"), choices=FeedbackKind.choices
    )
    text = forms.CharField(
        label=gettext_lazy("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("De veiligheidscoördinator van de organisatie leest dit altijd."),
    )
    for_reporter = forms.BooleanField(
        label=gettext_lazy("Ook laten zien aan de melder (in Mijn meldingen)"),
        required=False,
    )


def _notice_for(request, pk):
    return get_object_or_404(
        notices_for_partner_user(request.user).select_related(
            "partner__kind", "rule", "melding__organisation", "melding__personal"
        ),
        pk=pk,
    )


def _context(notice, feedback_form=None, error=None) -> dict:
    melding = notice.melding
    shared = shareable(notice.partner, melding)
    return {
        "notice": notice,
        "melding": melding,
        "shared": shared,
        "erasure": melding.erasure,
        "closed": melding.status in CLOSED_STATUSES,
        "feedback_form": feedback_form or FeedbackForm(),
        "feedback": notice.feedback.all(),
        "error": error,
        # The evidence the reporter allowed this partner's kind to see.
        "attachments": evidence_for(notice) if shared else [],
        "additions": melding.additions.prefetch_related("attachments") if shared else [],
    }


INBOX_PAGE_SIZE = 50
# ?volgorde=...: label and ordering of the inbox.
INBOX_ORDERINGS = {
    "nieuwste": (gettext_lazy("Nieuwste eerst"), ("-created_at", "-pk")),
    "termijn": (gettext_lazy("Reactietermijn eerst"), ("deadline_at", "-created_at", "-pk")),
    "oudste": (gettext_lazy("Oudste eerst"), ("created_at", "pk")),
}


@never_cache
@login_required
def inbox(request):
    notices = with_inbox_state(notices_for_partner_user(request.user))
    organisations = OrganisationPage.objects.filter(partners__users=request.user).distinct()
    filterset = NoticeFilterSet(request.GET or None, queryset=notices, organisations=organisations)
    ordering = request.GET.get("volgorde")
    ordering = ordering if ordering in INBOX_ORDERINGS else "nieuwste"
    # One page of ids first, then those notices with their melding and organisation: joining
    # before paginating would join every notice the user ever received.
    ids = filterset.qs.order_by(*INBOX_ORDERINGS[ordering][1]).values_list("pk", flat=True)
    page = Paginator(ids, INBOX_PAGE_SIZE).get_page(request.GET.get("pagina"))
    # By id alone: the ids come from the user's own notices above, and the planner then
    # always starts from the primary key (not from each of the user's partners).
    # Only what a row shows: a melding's other (encrypted) fields and the organisation's page
    # model are not built for 50 rows.
    found = (
        with_inbox_state(Notice.objects.filter(pk__in=list(page)))
        .select_related("melding")
        .only("created_at", "deadline_at", "melding__reference", "melding__urgent")
        .annotate(organisation_title=F("melding__organisation__title"))
    )
    by_pk = {}
    for notice in found:
        notice.inbox_state_label = InboxState(notice.inbox_state).label
        notice.url = reverse("partner_notice", args=[notice.pk])
        by_pk[notice.pk] = notice
    query = request.GET.copy()
    query.pop("pagina", None)
    return TemplateResponse(
        request,
        "partners/inbox.html",
        {
            "filterset": filterset,
            "filters_open": filterset.is_active or "volgorde" in request.GET,
            "notices": [by_pk[pk] for pk in page if pk in by_pk],
            "page": page,
            "query": query.urlencode(),
            "ordering": ordering,
            "orderings": [(key, label) for key, (label, _fields) in INBOX_ORDERINGS.items()],
        },
    )


@never_cache
@login_required
def notice_detail(request, pk):
    notice = _notice_for(request, pk)
    record_opened(notice, actor=request.user)
    record(request.user, AuditAction.VIEW, melding=notice.melding, detail=str(notice.partner))
    return TemplateResponse(request, "partners/notice.html", _context(notice))


@require_POST
@login_required
def notice_acknowledge(request, pk):
    notice = _notice_for(request, pk)
    acknowledge(notice, actor=request.user)
    messages.success(request, _("Ontvangst bevestigd."))
    return redirect("partner_notice", notice.pk)


@require_POST
@login_required
def notice_feedback(request, pk):
    notice = _notice_for(request, pk)
    form = FeedbackForm(request.POST)
    error = None
    if form.is_valid():
        try:
            add_feedback(notice, actor=request.user, **form.cleaned_data)
        except CaseError as exc:
            error = str(exc)
        else:
            messages.success(request, _("Terugkoppeling opgeslagen."))
            return redirect("partner_notice", notice.pk)
    return TemplateResponse(
        request, "partners/notice.html", _context(notice, form, error), status=400
    )


@never_cache
@login_required
def notice_attachment(request, pk, attachment_pk):
    """A file of the melding, only when the reporter consented for this partner's kind;
    every download is audited."""
    notice = _notice_for(request, pk)
    if not shareable(notice.partner, notice.melding):
        raise Http404
    attachment = get_object_or_404(evidence_for(notice), pk=attachment_pk)
    record(
        request.user,
        AuditAction.DOWNLOAD,
        melding=notice.melding,
        detail=f"bijlage {attachment.pk} door {notice.partner}",
    )
    return attachment_response(attachment)
