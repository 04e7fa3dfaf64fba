"""The melding as a closed loop in a real browser, across the four roles, through the UI only
(the database is read to check outcomes, never written):

1. the office holder reports on a phone, with a photo, sharing with the police only;
2. the veiligheidscoördinator triages and routes, with a note;
3. the police partner gets the e-mail on a real SMTP server, follows its link, downloads the
   photo, acknowledges and answers, also for the reporter;
4. the reporter reads that answer in Mijn meldingen and adds information;
5. the coordinator reads all of it on the case page, records the aangifte, a measure and a
   nazorg contact, and closes the case with an outcome;
6. the reporter sees the case closed, with its outcome."""

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
    login,
    screenshot,
    submit,
)
from tests.smtp import SMTPServer, free_port

# A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
POLITIE = "Politie basisteam Voorbeeldstad"
PERPETRATOR = "Man van een jaar of vijftig, grijze jas, kwam op de fiets."
ROUTING_NOTE = "Aangifte via het basisteam; VPT-code vragen."
FEEDBACK = "Aangifte opgenomen op het bureau; de wijkagent loopt vaker langs uw straat."
ADDITION = "Vanavond stond dezelfde man weer voor mijn deur."
JUSTIFICATION = "Bedreigde een raadslid in de raadzaal en kwam daarna aan de deur."
NAZORG_NOTE = "Gebeld; melder voelt zich gesteund en wil geen verdere hulp."
CLOSING_NOTE = "Strafzaak loopt; wijkagent houdt contact."
OUTCOME = "Aangifte gedaan; de strafzaak loopt bij politie en OM"
# Codes that must never reach the screen: Python literals and snake_case choice values.
CODE_ON_SCREEN = re.compile(r"\b(None|True|False|[a-z]+_[a-z_]+)\b")


@pytest.fixture
def smtp(settings):
    server = SMTPServer(free_port())
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    yield server
    server.stop()


def fits_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url}: horizontaal scrollen ({width} px)"


def no_codes(page) -> None:
    """No code (choice value, None, True) among the words of the page's main content."""
    codes = sorted(set(CODE_ON_SCREEN.findall(page.inner_text("main"))))
    assert not codes, f"codes op het scherm van {page.url}: {codes}"


def whole_page_screenshot(page, name: str) -> None:
    """The Wagtail admin scrolls inside <main>, so a full-page screenshot would show one
    screen: make the window as tall as the content for the picture."""
    size = page.viewport_size
    height = page.evaluate("document.querySelector('main').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": height + 50})
    screenshot(page, name, full_page=False)
    page.set_viewport_size(size)


def fill_report(page) -> None:
    """The steps of the melding after the first, as the office holder fills them in, up to
    the last step (Controleren en versturen); the photo comes there."""
    page.get_by_label("Waar gebeurde het?").select_option(label="Tijdens een vergadering")
    page.get_by_label("Hoe kwam het bij u binnen?").select_option(label="In persoon")
    page.get_by_label("Beschrijf wat er gebeurde").fill(DESCRIPTION)
    page.get_by_label("Ik heb een vermoeden of beschrijving").check()
    page.get_by_role("group", name="Wie of wat is de dader?").get_by_label(
        "Eén persoon", exact=True
    ).check()
    page.get_by_label("Beschrijving van de dader").fill(PERPETRATOR)
    fits_phone(page)
    submit(page, "Volgende stap")
    submit(page, "Volgende stap")  # online and police: nothing to add
    page.get_by_label("Gevolgen", exact=False).first.fill(IMPACT)
    page.get_by_label("Ik wil aangifte doen (of laten doen door de organisatie)").check()
    submit(page, "Volgende stap")
    page.get_by_role("group", name="Met wie mag uw melding gedeeld worden?").get_by_label(
        "Politie", exact=True
    ).check()
    page.get_by_label("Uw functie").select_option(label="Raadslid")
    page.get_by_label("Uw naam").fill("Raadslid Voorbeeldstad")
    page.get_by_label("Uw e-mailadres").fill("raadslid@voorbeeldstad.example")
    fits_phone(page)
    submit(page, "Volgende stap")


def open_my_meldingen(page) -> None:
    """The way back to Mijn meldingen: the link in the header of every page."""
    page.goto(MELDEN)
    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="Mijn meldingen").click()


def partner_mails(smtp, reference: str) -> list:
    return [
        m
        for m in smtp.messages
        if m["to"] == ["politie@voorbeeldstad.partner.example"]
        and reference in m["message"]["Subject"]
    ]


def test_melding_closed_loop_across_four_roles(new_page, smtp, live_server):
    # 1. The office holder, on a 375 px wide phone, logs in from the Melden page.
    reporter = new_page(viewport=PHONE)
    reporter.goto(MELDEN)
    with reporter.expect_navigation():
        reporter.get_by_role("link", name="Inloggen").last.click()
    login(reporter, "voorbeeldstad-raadslid", url=None)
    assert reporter.url.endswith(MELDEN)
    fits_phone(reporter)

    # First attempt forgets what happened: a clear Dutch error, nothing typed is lost.
    reporter.get_by_label("Wanneer gebeurde het?").fill("2026-11-20T21:15")
    submit(reporter, "Volgende stap")
    summary = reporter.get_by_role("alert")
    assert "Controleer het formulier" in summary.inner_text()
    assert "Wat is er gebeurd?: Kies ten minste één soort gedrag." in summary.inner_text()
    assert reporter.title().startswith("Fout:")
    assert reporter.get_by_label("Wanneer gebeurde het?").input_value() == "2026-11-20T21:15"
    fits_phone(reporter)
    screenshot(reporter, "melding-fout-telefoon", full_page=False)
    summary.get_by_role("link").first.click()
    assert reporter.evaluate("document.activeElement.name") == "kinds"

    # Second attempt: the missing answer, then the other steps.
    reporter.get_by_label("Bedreiging", exact=True).check()
    submit(reporter, "Volgende stap")
    fill_report(reporter)
    # The last step shows everything typed (on a phone its parts start folded: the reporter
    # opens each); changing a step keeps the rest.
    for part in reporter.locator("details.melden-summary__details > summary").all():
        part.click()
    main = reporter.inner_text("main")
    for typed in (DESCRIPTION, PERPETRATOR, IMPACT, "Raadslid", "Politie"):
        assert typed in main, typed
    with reporter.expect_navigation():
        reporter.get_by_role("link", name="Wijzigen: toestemming en uw gegevens").click()
    consent = reporter.get_by_role("group", name="Met wie mag uw melding gedeeld worden?")
    assert consent.get_by_label("Politie", exact=True).is_checked()
    assert not consent.get_by_label("Openbaar Ministerie", exact=True).is_checked()
    submit(reporter, "Opslaan en terug naar controleren")
    assert "Controleren en versturen" in reporter.inner_text("main")
    reporter.get_by_label("Bewijs", exact=False).set_input_files(
        {"name": "scherm.png", "mimeType": "image/png", "buffer": PNG}
    )
    fits_phone(reporter)
    screenshot(reporter, "melding-formulier-telefoon")
    submit(reporter, "Melding versturen")
    assert reporter.get_by_role("heading", level=1).inner_text() == "Uw melding is ontvangen"
    reference = re.search(r"VB-[0-9A-Z]{4}-[0-9A-Z]{4}", reporter.inner_text("main")).group(0)
    fits_phone(reporter)
    screenshot(reporter, "melding-bevestiging-telefoon")
    melding = Melding.objects.get(reference=reference)
    assert melding.consent_kinds == ["politie"]
    assert melding.perpetrator_type == "persoon"
    attachment = melding.attachments.get()
    assert attachment.original_name == "scherm.png"
    # Nothing goes to partners before moderation (the reporter's confirmation does).
    assert not [m for m in smtp.messages if m["to"][0].endswith("partner.example")]

    # 2. The veiligheidscoördinator triages and confirms the proposed routing in the admin.
    coordinator = new_page()
    login(coordinator, "voorbeeldstad-coordinator", url="/admin/login/")
    coordinator.goto("/admin/meldingen/")
    with coordinator.expect_navigation():
        coordinator.get_by_role("link", name=reference).click()
    with coordinator.expect_navigation():
        coordinator.get_by_role("link", name="Triage uitvoeren").click()
    severity = coordinator.get_by_label("Ernst")
    assert severity.input_value() == "bedreiging"  # proposed from the kind of behaviour
    severity.select_option(label="Bedreiging en intimidatie")
    submit(coordinator, "Triage afronden")
    assert "Triage vastgelegd" in coordinator.inner_text("main")
    assert coordinator.url.endswith("/routering/")  # triage leads straight to the routing
    politie = coordinator.get_by_label(POLITIE, exact=False)
    assert politie.is_checked()  # proposed by the routing rules for an aangifte wish
    coordinator.get_by_label("Toelichting (geen persoonsgegevens)").fill(ROUTING_NOTE)
    screenshot(coordinator, "coordinator-routering")
    submit(coordinator, "Routering bevestigen")
    assert POLITIE in coordinator.inner_text("main")
    case_url = coordinator.url.split("#")[0]
    assert case_url.endswith(f"/admin/meldingen/{melding.pk}/")

    # The partner's e-mail arrives on the loopback SMTP server, without personal data.
    (mail,) = partner_mails(smtp, reference)
    body = mail["message"].get_payload(decode=True).decode()
    for private in (DESCRIPTION, PERPETRATOR, "Raadslid Voorbeeldstad", ROUTING_NOTE):
        assert private not in body
    link = re.search(r"http://\S+/partner/berichten/\d+/", body).group(0)
    assert link.startswith(live_server.url)

    # 3. The partner follows the link, logs in, sees this melding's shared fields only.
    partner = new_page()
    partner.goto(link)
    login(partner, "partner-politie", url=None)
    assert partner.url == link
    text = partner.inner_text("main")
    assert reference in text and DESCRIPTION in text and PERPETRATOR in text
    assert "Tijdens een vergadering" in text and "Raadslid" in text
    assert IMPACT not in text and "scherm.png" not in text
    for other in Melding.objects.exclude(pk=melding.pk):
        assert other.reference not in text
        assert other.personal.description not in text
    # The photo, under Bewijs, as a download named by the reference (not the original name).
    evidence = partner.get_by_role("region", name="Bewijs")
    with partner.expect_download() as download_info:
        evidence.get_by_role("link", name="Bijlage 1").click()
    download = download_info.value
    assert download.suggested_filename == f"{reference}-bijlage-{attachment.pk}"
    with open(download.path(), "rb") as handle:
        assert handle.read() == PNG
    submit(partner, "Ontvangst bevestigen")
    assert "Ontvangst bevestigd" in partner.inner_text("main")
    answer = partner.get_by_role("region", name="Terugkoppeling")
    answer.get_by_label("Soort terugkoppeling").select_option(label="Aangifte opgenomen")
    answer.get_by_label("Toelichting").fill(FEEDBACK)
    answer.get_by_label("Ook laten zien aan de melder (in Mijn meldingen)").check()
    submit(partner, "Terugkoppeling versturen")
    assert "Terugkoppeling opgeslagen." in partner.inner_text("main")
    assert FEEDBACK in answer.inner_text() and "ook voor de melder" in answer.inner_text()
    no_codes(partner)
    screenshot(partner, "partner-melding-terugkoppeling")

    # 4. The reporter reads the partner's answer in Mijn meldingen and adds information.
    open_my_meldingen(reporter)
    card = reporter.locator(".melding-card", has_text=reference)
    assert f"Ontvangen door {POLITIE}" in card.inner_text()
    fits_phone(reporter)
    with reporter.expect_navigation():
        card.get_by_role("link", name=f"Bekijk melding {reference} of voeg informatie toe").click()
    mine = reporter.inner_text("main")
    assert f"Bericht van {POLITIE}" in mine and FEEDBACK in mine
    assert ROUTING_NOTE not in mine  # internal
    fits_phone(reporter)
    no_codes(reporter)
    screenshot(reporter, "mijn-melding-bericht-telefoon")
    reporter.get_by_label("Wat wilt u toevoegen?").fill(ADDITION)
    submit(reporter, "Aanvulling versturen")
    mine = reporter.inner_text("main")
    assert "Uw aanvulling is toegevoegd aan de melding." in mine
    assert ADDITION in mine
    fits_phone(reporter)
    screenshot(reporter, "mijn-melding-aanvulling-telefoon")
    # The police hear of the addition by e-mail, again without its content.
    assert len(partner_mails(smtp, reference)) == 2
    for mail in partner_mails(smtp, reference):
        assert ADDITION not in mail["message"].get_payload(decode=True).decode()

    # 5. The coordinator reads everything on the case page and handles the case.
    coordinator.goto("/admin/meldingen/")
    with coordinator.expect_navigation():
        coordinator.get_by_role("link", name=reference).click()
    assert coordinator.url.split("#")[0] == case_url
    timeline = coordinator.locator("section[aria-labelledby=tijdlijn]")
    assert ADDITION in timeline.inner_text()
    assert FEEDBACK in timeline.inner_text()
    assert ROUTING_NOTE in timeline.inner_text()
    whole_page_screenshot(coordinator, "coordinator-dossier-voor-afhandeling")

    aangifte = coordinator.locator("section[aria-labelledby=aangifte]")
    aangifte.get_by_label("Wie doet aangifte?").select_option(label="De organisatie als werkgever")
    aangifte.get_by_label("Welk adres komt in het dossier?").select_option(
        label="Werkadres van de organisatie (domiciliekeuze)"
    )
    aangifte.get_by_label("Stand van de aangifte").select_option(label="Aangifte gedaan")
    aangifte.get_by_label("VPT-code gevraagd").check()
    aangifte.get_by_label("Registratienummer politie").fill("PL0900-2026112012")
    aangifte.get_by_label("Datum aangifte").fill("2026-11-27")
    submit(coordinator, "Aangifte opslaan")
    assert "Aangifte vastgelegd." in coordinator.inner_text("main")
    # Back on the case page at the section just saved (after Wagtail's smooth scroll).
    coordinator.wait_for_function(
        "() => { const top = document.getElementById('aangifte').getBoundingClientRect().top;"
        " return top >= 0 && top < 150; }"
    )
    screenshot(coordinator, "coordinator-aangifte-opgeslagen", full_page=False)
    assert "Werkadres van de organisatie (domiciliekeuze)" in aangifte.inner_text()

    measures = coordinator.locator("section[aria-labelledby=maatregelen]")
    measures.locator("summary", has_text="Maatregel toevoegen").click()
    measures.get_by_label("Maatregel", exact=False).first.select_option(
        label="Gesprek over gedrag (ordegesprek)"
    )
    measures.get_by_label("Besloten door (rol)").select_option(
        label="Burgemeester, Commissaris van de Koning of dijkgraaf"
    )
    measures.get_by_label("Besloten door (naam)").fill("Burgemeester Voorbeeldstad")
    measures.get_by_label("Onderbouwing").fill(JUSTIFICATION)
    submit(coordinator, "Maatregel vastleggen")
    assert "Maatregel tegen de dader vastgelegd." in coordinator.inner_text("main")
    card = measures.locator("article", has_text="Gesprek over gedrag (ordegesprek)")
    assert JUSTIFICATION in card.inner_text()

    nazorg = coordinator.locator("section[aria-labelledby=nazorg]")
    first_contact = nazorg.locator("article").first
    first_contact.locator("summary", has_text="Contact vastleggen").click()
    first_contact.get_by_label("Uitkomst").select_option(label="Gesproken, geen verdere hulp nodig")
    first_contact.get_by_label("Aantekening").fill(NAZORG_NOTE)
    submit(coordinator, "Contact vastleggen")
    assert "Nazorgcontact vastgelegd." in coordinator.inner_text("main")
    assert "Gesproken, geen verdere hulp nodig" in nazorg.locator("article").first.inner_text()

    closing = coordinator.locator("section[aria-labelledby=afsluiten]")
    closing.locator("summary", has_text="Melding afsluiten").click()
    closing.get_by_label(OUTCOME).check()
    closing.get_by_label("Toelichting").fill(CLOSING_NOTE)
    submit(coordinator, "Melding afsluiten")
    main = coordinator.inner_text("main")
    assert "Melding afgesloten." in main
    assert f"Status: Afgesloten · {OUTCOME}" in main
    assert OUTCOME in closing.inner_text() and CLOSING_NOTE in closing.inner_text()
    no_codes(coordinator)
    whole_page_screenshot(coordinator, "coordinator-dossier-afgesloten")
    melding.refresh_from_db()
    assert (melding.status, melding.outcome) == ("afgehandeld", "strafzaak")
    assert melding.aangifte.police_number == "PL0900-2026112012"
    assert melding.measures.get().step.code == "ordegesprek"

    # 6. The reporter sees the case closed, with its outcome.
    open_my_meldingen(reporter)
    card = reporter.locator(".melding-card", has_text=reference)
    assert f"Afgesloten: {OUTCOME}" in card.inner_text()
    assert CLOSING_NOTE not in card.inner_text()  # the coordinator's note is internal
    fits_phone(reporter)
    screenshot(reporter, "mijn-meldingen-afgesloten-telefoon", full_page=False)
    with reporter.expect_navigation():
        card.get_by_role("link", name=f"Bekijk melding {reference} of voeg informatie toe").click()
    mine = reporter.inner_text("main")
    assert f"Afgesloten: {OUTCOME}" in mine and FEEDBACK in mine and ADDITION in mine
    assert CLOSING_NOTE not in mine and JUSTIFICATION not in mine and NAZORG_NOTE not in mine
    fits_phone(reporter)
    no_codes(reporter)
    screenshot(reporter, "mijn-melding-afgesloten-telefoon")
