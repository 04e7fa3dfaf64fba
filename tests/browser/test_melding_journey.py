"""The melding from start to finish in a real browser: the office holder reports on a phone,
the veiligheidscoördinator triages and routes, the partner gets the e-mail on a real SMTP
server, follows its link and acknowledges, and the reporter sees that in Mijn meldingen."""

from __future__ import annotations

import base64
import re

import pytest

from meldingen.models import Melding
from tests.browser.conftest import (
    DESCRIPTION,
    IMPACT,
    MELDEN,
    PHONE,
    fill_melding,
    login,
    screenshot,
    submit,
)
from tests.smtp import SMTPServer, free_port

# A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def smtp(settings):
    server = SMTPServer(free_port())
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    yield server
    server.stop()


def test_melding_from_phone_to_partner_and_back(new_page, smtp, live_server):
    # The office holder, on a 375 px wide phone, logs in from the Melden page.
    reporter = new_page(viewport=PHONE)
    reporter.goto(MELDEN)
    with reporter.expect_navigation():
        reporter.get_by_role("link", name="Inloggen").last.click()
    login(reporter, "voorbeeldstad-raadslid", url=None)
    assert reporter.url.endswith(MELDEN)
    assert reporter.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # First attempt forgets what happened: a clear Dutch error, nothing typed is lost.
    fill_melding(reporter, with_kind=False)
    submit(reporter, "Melding versturen")
    summary = reporter.get_by_role("alert")
    assert "Controleer het formulier" in summary.inner_text()
    assert "Wat is er gebeurd?: Kies ten minste één soort gedrag." in summary.inner_text()
    assert reporter.title().startswith("Fout:")
    assert reporter.get_by_label("Beschrijf wat er gebeurde").input_value() == DESCRIPTION
    assert reporter.get_by_label("Gevolgen").input_value() == IMPACT
    assert reporter.get_by_label("Uw functie").input_value() == "raadslid"
    assert reporter.get_by_label("Ik heb een vermoeden of beschrijving").is_checked()
    screenshot(reporter, "melding-fout-telefoon", full_page=False)
    summary.get_by_role("link").first.click()
    assert reporter.evaluate("document.activeElement.name") == "kinds"

    # Second attempt: the missing answer and a photo.
    reporter.get_by_label("Bedreiging", exact=True).check()
    reporter.get_by_label("Bewijs", exact=False).set_input_files(
        {"name": "scherm.png", "mimeType": "image/png", "buffer": PNG}
    )
    submit(reporter, "Melding versturen")
    assert reporter.get_by_role("heading", level=1).inner_text() == "Uw melding is ontvangen"
    reference = re.search(r"VB-[0-9A-Z]{4}-[0-9A-Z]{4}", reporter.inner_text("main")).group(0)
    screenshot(reporter, "melding-bevestiging-telefoon")
    melding = Melding.objects.get(reference=reference)
    assert melding.attachments.get().original_name == "scherm.png"
    # Nothing goes to partners before moderation (the reporter's confirmation does).
    assert not [m for m in smtp.messages if m["to"][0].endswith("partner.example")]

    # The veiligheidscoördinator triages and confirms the proposed routing in the admin.
    coordinator = new_page()
    login(coordinator, "voorbeeldstad-coordinator", url="/admin/login/")
    coordinator.goto("/admin/meldingen/")
    with coordinator.expect_navigation():
        coordinator.get_by_role("link", name=reference).click()
    with coordinator.expect_navigation():
        coordinator.get_by_role("link", name="Triage uitvoeren").click()
    coordinator.get_by_label("Ernst").select_option(index=2)
    submit(coordinator, "Triage afronden")
    assert "Triage vastgelegd" in coordinator.inner_text("main")
    assert coordinator.url.endswith("/routering/")  # triage leads straight to the routing
    politie = coordinator.get_by_label("Politie basisteam Voorbeeldstad", exact=False)
    assert politie.is_checked()  # proposed by the routing rules for an aangifte wish
    screenshot(coordinator, "coordinator-routering")
    submit(coordinator, "Routering bevestigen")
    assert "Politie basisteam Voorbeeldstad" in coordinator.inner_text("main")

    # The partner's e-mail arrives on the loopback SMTP server, without personal data.
    mail = next(
        m
        for m in smtp.messages
        if m["to"] == ["politie@voorbeeldstad.partner.example"]
        and reference in m["message"]["Subject"]
    )
    body = mail["message"].get_payload(decode=True).decode()
    assert DESCRIPTION not in body and "Raadslid Voorbeeldstad" not in body
    link = re.search(r"http://\S+/partner/berichten/\d+/", body).group(0)
    assert link.startswith(live_server.url)

    # The partner follows the link, logs in, sees this melding's shared fields only.
    partner = new_page()
    partner.goto(link)
    login(partner, "partner-politie", url=None)
    assert partner.url == link
    text = partner.inner_text("main")
    assert reference in text and DESCRIPTION in text
    assert "Tijdens een vergadering" in text and "Raadslid" in text
    assert IMPACT not in text and "scherm.png" not in text
    for other in Melding.objects.exclude(pk=melding.pk):
        assert other.reference not in text
        assert other.personal.description not in text
    submit(partner, "Ontvangst bevestigen")
    assert "Ontvangst bevestigd" in partner.inner_text("main")
    screenshot(partner, "partner-melding-bevestigd")

    # The reporter sees the acknowledgement in Mijn meldingen.
    reporter.goto("/mijn-meldingen/")
    card = reporter.locator(".melding-card", has_text=reference)
    assert "Ontvangen door" in card.inner_text()
    assert "Politie basisteam Voorbeeldstad" in card.inner_text()
    screenshot(reporter, "mijn-meldingen-telefoon")
