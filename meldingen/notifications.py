"""E-mails about meldingen. They carry a reference and a link, never personal data of the
melding (only the recipient's own address)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from meldingen.models import Melding


def render_mail(name: str, context: dict) -> tuple[str, str]:
    """Subject and body of the templates <name>_subject.txt and <name>.txt (name with its app
    folder, e.g. "meldingen/email/confirmation"), always in Dutch."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{name}_subject.txt", context).strip()
        body = render_to_string(f"{name}.txt", context)
    return subject, body


@task()
def send_confirmation(melding_id: int) -> None:
    """Confirmation of receipt to the reporter: reference number and where to follow it."""
    melding = Melding.objects.select_related("organisation", "personal").get(pk=melding_id)
    context = {
        "reference": melding.reference,
        "organisation": melding.organisation.title,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        # Reported with an account: where to follow it and read the answers.
        "follow_url": settings.WAGTAILADMIN_BASE_URL
        + reverse("my_melding", args=[melding.reference])
        if melding.reporter_id
        else "",
        "acute_danger": melding.acute_danger,
    }
    subject, body = render_mail("meldingen/email/confirmation", context)
    send_mail(subject, body, None, [melding.personal.email])
