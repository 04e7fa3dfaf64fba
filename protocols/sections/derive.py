"""Derive an organisation's protocol from the published national template."""

from __future__ import annotations

from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.models import OrganisationPage

from ..models import ProtocolPage, ProtocolTemplatePage
from ..placeholders import organisation_name
from ..section_content import ProtocolError, sections_of

PROTOCOL_TITLE = "Agressieprotocol"
PROTOCOL_SLUG = "agressieprotocol"


def current_template(locale: Locale) -> ProtocolTemplatePage | None:
    """The published national template in locale."""
    return ProtocolTemplatePage.objects.live().filter(locale=locale).first()


@transaction.atomic
def derive_protocol(organisation: OrganisationPage, user=None) -> ProtocolPage:
    """Create the organisation's protocol (a draft) from the current published template."""
    organisation = OrganisationPage.objects.select_for_update().get(pk=organisation.pk)
    if ProtocolPage.objects.child_of(organisation).exists():
        raise ProtocolError(_("Deze organisatie heeft al een agressieprotocol."))
    template = current_template(organisation.locale)
    if template is None:
        raise ProtocolError(_("Er is nog geen gepubliceerd landelijk sjabloon."))
    sections = sections_of(template.body)
    protocol = ProtocolPage(
        title=PROTOCOL_TITLE,
        slug=PROTOCOL_SLUG,
        live=False,
        show_in_menus=True,
        owner=user,
        locale=organisation.locale,
        template_page=template,
        intro=(
            f"<p>Afspraken van {escape(organisation_name(organisation.title))} over agressie en "
            "intimidatie tegen politieke ambtsdragers.</p>"
        ),
        body=[section.as_stream_item() for section in sections.values()],
        section_bases=dict.fromkeys(sections, template.live_revision_id),
    )
    organisation.add_child(instance=protocol)
    protocol.save_revision(user=user, log_action=True)
    return protocol
