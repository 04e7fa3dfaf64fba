"""Demo content: the national template (two published versions) and a protocol for each demo
organisation. Provincie Voorbeeldland is derived from the older version, so its editors see the
change notice; Gemeente Voorbeeldstad has rewritten a section. Idempotent."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from home.demo import ORGANISATIONS
from home.models import HomePage, OrganisationPage

from . import demo_content as content
from .models import ProtocolPage, ProtocolTemplatePage
from .sections import derive_protocol

OLD_TEMPLATE_ORGANISATIONS = {"PV99"}


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
    protocol.save_revision(user=redacteur).publish(user=_user(f"{spec['slug']}-publiceerder"))
    return protocol


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
