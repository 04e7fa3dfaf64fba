"""Demo content: the national template (two published versions) and a protocol for each demo
organisation. Provincie Voorbeeldland is derived from the older version, so its editors see the
change notice, and is not adopted yet; Gemeente Voorbeeldstad has rewritten a section and is
adopted by its college; Waterschap Voorbeeldwaarden was adopted and changed since. Idempotent."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from home.demo import ORGANISATIONS
from home.models import HomePage, OrganisationPage

from . import demo_content as content
from .decisions import record_decision
from .models import AdoptingBody, ProtocolPage, ProtocolTemplatePage
from .sections import derive_protocol

OLD_TEMPLATE_ORGANISATIONS = {"PV99"}
# Adopted by which body, how many days ago, with which reference; and whether changed since.
ADOPTIONS = {
    "GM9999": (AdoptingBody.COLLEGE, 150, "B&W {year}-0147", False),
    "WS9999": (AdoptingBody.DAGELIJKS_BESTUUR, 300, "DB {year}/061", True),
}


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _template(home: HomePage) -> ProtocolTemplatePage:
    template = ProtocolTemplatePage.objects.child_of(home).first()
    if template is None:
        template = ProtocolTemplatePage(
            title=content.TEMPLATE_TITLE,
            slug="sjabloon-agressieprotocol",
            intro=content.TEMPLATE_INTRO,
            body=content.TEMPLATE_V1,
        )
        home.add_child(instance=template)
        template.save_revision(user=_user("redactie")).publish()
    return ProtocolTemplatePage.objects.get(pk=template.pk)


def _publish_v2(template: ProtocolTemplatePage) -> None:
    if any(block.id == "evaluatie" for block in template.body):
        return
    template.body = content.TEMPLATE_V2
    template.save_revision(user=_user("redactie")).publish()


def _protocol(spec: dict, organisation: OrganisationPage) -> ProtocolPage | None:
    if ProtocolPage.objects.child_of(organisation).exists():
        return None
    redacteur = _user(f"{spec['slug']}-redacteur")
    protocol = derive_protocol(organisation, user=redacteur)
    if spec["code"] == "GM9999":
        raw = list(protocol.body.raw_data)
        for item in raw:
            if item["id"] == "melden":
                item["value"] = {**item["value"], "text": content.VOORBEELDSTAD_MELDEN}
        protocol.body = raw
    publiceerder = _user(f"{spec['slug']}-publiceerder")
    protocol.save_revision(user=redacteur).publish(user=publiceerder)
    if spec["code"] in ADOPTIONS:
        _adopt(ProtocolPage.objects.get(pk=protocol.pk), spec["code"], publiceerder)
    return protocol


def _adopt(protocol: ProtocolPage, code: str, user) -> None:
    body, days_ago, reference, changed_since = ADOPTIONS[code]
    decided_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    record_decision(protocol, user, body, decided_on, reference.format(year=decided_on.year))
    if changed_since:
        raw = list(protocol.body.raw_data)
        for item in raw:
            if item["id"] == "reikwijdte":
                item["value"] = {**item["value"], "text": content.VOORBEELDWAARDEN_REIKWIJDTE}
        protocol.body = raw
        protocol.save_revision(user=user).publish(user=user)


def load(stdout) -> list[tuple[str, str]]:
    nl = Locale.objects.get(language_code="nl")
    home = HomePage.objects.get(locale=nl)
    template = _template(home)
    organisations = {
        spec["code"]: (spec, OrganisationPage.objects.get(official_code=spec["code"], locale=nl))
        for spec in ORGANISATIONS
    }
    created = []
    # First the organisations that stay on the older template version, then the new version.
    for code in OLD_TEMPLATE_ORGANISATIONS:
        if _protocol(*organisations[code]):
            created.append(code)
    _publish_v2(ProtocolTemplatePage.objects.get(pk=template.pk))
    for code, (spec, organisation) in organisations.items():
        if code not in OLD_TEMPLATE_ORGANISATIONS and _protocol(spec, organisation):
            created.append(code)
    stdout.write(
        f"Landelijk sjabloon agressieprotocol en {len(created)} afgeleide protocollen geladen."
    )
    return []
