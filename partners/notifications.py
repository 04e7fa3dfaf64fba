"""E-mails about notices to partners and their deadlines: a reference and a link, never
personal data of the melding."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from meldingen.notifications import render_mail
from partners.models import Notice


@task()
def send_deadline_passed(notice_id: int) -> None:
    """To the organisation's veiligheidscoördinatoren: a partner has not acknowledged in time."""
    notice = Notice.objects.select_related("partner", "melding__organisation").get(pk=notice_id)
    organisation = notice.melding.organisation
    recipients = list(
        get_user_model()
        .objects.filter(groups=organisation.coordinators_group_id, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    context = {
        "reference": notice.melding.reference,
        "partner": notice.partner.name,
        "deadline": notice.deadline_at,
        "url": settings.WAGTAILADMIN_BASE_URL + reverse("melding_detail", args=[notice.melding_id]),
    }
    subject, body = render_mail("partners/email/deadline", context)
    send_mail(subject, body, None, recipients)


@task()
def send_new_information(notice_id: int) -> None:
    """To a partner that has the case: the reporter added information it may see."""
    notice = Notice.objects.select_related("partner", "melding__organisation").get(pk=notice_id)
    context = {
        "partner": notice.partner.name,
        "organisation": notice.melding.organisation.title,
        "reference": notice.melding.reference,
        "url": settings.WAGTAILADMIN_BASE_URL + reverse("partner_notice", args=[notice.pk]),
    }
    subject, body = render_mail("partners/email/new_information", context)
    send_mail(subject, body, None, [notice.partner.notification_email])
