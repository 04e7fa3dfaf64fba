"""The admin home of each role at 1280 and 375 px, on the demo content: what the role needs
first is on it, nothing runs off the screen sideways, no code on the screen. The pictures go to
var/screenshots/ (admin-home-<role>-<width>.png, admin-protocols-overview-<width>.png)."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

from tests.browser.conftest import PHONE, admin_screenshot, login

DESKTOP = {"width": 1280, "height": 900}
# (role in the file name, demo account, headings of the panels the role must see)
ROLES = [
    (
        "redacteur",
        "voorbeeldland-redacteur",
        ["Je organisatie", "Agressieprotocol", "Checklist en toolkit"],
    ),
    ("publiceerder", "voorbeeldwaarden-publiceerder", ["Je organisatie", "Agressieprotocol"]),
    (
        "coordinator",
        "voorbeeldstad-coordinator",
        ["Meldingen: wat aandacht vraagt", "Reactietermijnen van ketenpartners"],
    ),
    (
        "landelijke-redactie",
        "redactie",
        ["Organisaties en het landelijke sjabloon", "Inrichting van organisaties"],
    ),
]
# What each role's home says about the arranged state (see arrange()).
EXPECTED = {
    "redacteur": ["loopt 1 versie achter", "Vergelijk met het sjabloon"],
    "publiceerder": ["wacht op je goedkeuring"],
    "coordinator": ["Triage door veiligheidscoördinator", "termijn verstreken", "nog niet gedaan"],
    "landelijke-redactie": ["Gemeente Proefdorp", "Provincie Voorbeeldland: loopt 1 versie achter"],
}


def arrange() -> None:
    """State a real week brings, set in the database: a protocol submitted for approval, a
    new organisation not yet finished, a partner deadline passed and a nazorg contact due."""
    from home.provisioning import provision_organisation
    from home.tenancy import originals
    from meldingen.models import Melding, NazorgContact, Status
    from partners.models import Notice
    from protocols.models import ProtocolPage

    waarden = originals().get(title="Waterschap Voorbeeldwaarden")
    protocol = ProtocolPage.objects.child_of(waarden).get()
    editor = waarden.editors_group.user_set.first()
    protocol.save_revision(user=editor)
    protocol.get_workflow().start(protocol, editor)

    provision_organisation(
        title="Gemeente Proefdorp", kind="gemeente", official_code="GM9901", publish=False
    )

    stad = originals().get(title="Gemeente Voorbeeldstad")
    notice = Notice.objects.filter(melding__organisation=stad).order_by("pk").first()
    Notice.objects.filter(pk=notice.pk).update(
        deadline_at=timezone.now() - datetime.timedelta(hours=3), acknowledged_at=None
    )
    melding = Melding.objects.filter(organisation=stad, status=Status.ROUTED).first() or (
        notice.melding
    )
    NazorgContact.objects.create(
        melding=melding,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
        days_after_routing=7,
    )


def check_screen(page, url: str, width: int, must_show: list[str]) -> str:
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width, f"{url} bij {width} px: de pagina scrolt zijwaarts"
    text = re.sub(r"\s+", " ", page.locator("main").inner_text())
    for code in ("None", "True", "False", "---------"):
        assert not re.search(rf"\b{code}\b", text), f"{url} bij {width} px: {code} op het scherm"
    for words in must_show:
        assert words in text, f"{url} bij {width} px: '{words}' ontbreekt"
    return text


def test_each_role_has_its_home(new_page, demo):
    arrange()
    for role, account, headings in ROLES:
        home_of(new_page, role, account, headings)


def home_of(new_page, role: str, account: str, headings: list[str]) -> None:
    page = new_page(viewport=DESKTOP)
    login(page, account, url="/admin/login/")
    context = page.context
    for viewport in (DESKTOP, PHONE):
        # A fresh tab at the width: Wagtail lays the sidebar out at load.
        tab = context.new_page()
        tab.set_viewport_size(viewport)
        tab.goto("/admin/")
        width = viewport["width"]
        check_screen(tab, "/admin/", width, headings + EXPECTED[role])
        admin_screenshot(tab, f"admin-home-{role}-{width}")
        if role == "landelijke-redactie":
            tab.goto("/admin/protocollen/")
            text = check_screen(
                tab, "/admin/protocollen/", width, ["Gemeente Proefdorp", "Geen protocol"]
            )
            if width == DESKTOP["width"]:
                assert "Loopt 1 versie achter" in text
            admin_screenshot(tab, f"admin-protocols-overview-{width}")
        tab.close()
