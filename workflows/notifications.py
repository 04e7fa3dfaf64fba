"""E-mails about meldingen. They carry a reference and a link, never personal data of the
melding (only the recipient's own address)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import Melding


def render_mail(name: str, context: dict) -> tuple[str, str]:
    """Subject and body of workflows/email/<name>(_subject).txt, always in Dutch."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"workflows/email/{name}_subject.txt", context).strip()
        body = render_to_string(f"workflows/email/{name}.txt", context)
    return subject, body


@task()
def send_confirmation(melding_id: int) -> None:
    """Confirmation of receipt to the reporter: reference number and where to follow it."""
    melding = Melding.objects.select_related("organisation", "personal").get(pk=melding_id)
    context = {
        "reference": melding.reference,
        "organisation": melding.organisation.title,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "acute_danger": melding.acute_danger,
    }
    subject, body = render_mail("confirmation", context)
    send_mail(subject, body, None, [melding.personal.email])


@task()
def send_deadline_passed(notice_id: int) -> None:
    """To the organisation's veiligheidscoördinatoren: a partner has not acknowledged in time."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from .models import Notice

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
        "url": settings.WAGTAILADMIN_BASE_URL
        + reverse("workflows_melding_detail", args=[notice.melding_id]),
    }
    subject, body = render_mail("deadline", context)
    send_mail(subject, body, None, recipients)
