"""The coordinator's case page: one timeline, oldest first, that merges the history with what
was written (routing note, additions with attachments, partner feedback, aangifte, measures,
nazorg and the reporter's answers, closing and evaluation), in labels, never codes; the intake
facts in Dutch; a fixed number of queries however long the history; nothing personal after
an erasure; usable at 1280 and 375 px."""

from __future__ import annotations

import datetime
import io
import re
from contextlib import nullcontext
from html import unescape
from importlib import import_module

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meldingen import casework
from meldingen.models import MeasureStep, NazorgContact
from meldingen.services import add_information
from partners.models import FeedbackKind
from partners.rules import Proposal
from partners.services import acknowledge, add_feedback
from reporting.erasure import erase_personal_data
from reporting.models import PurgeReason
from tests import factories
from tests.browser import conftest as browser_conftest
from tests.meldingen.test_melding_intake import PNG
from workflows.moderation import route, triage

pytestmark = pytest.mark.django_db

TEXTS = {
    "triage": "Triage: dreiging serieus, spoed niet nodig.",
    "route": "Routeringsnotitie: politie vanwege de bedreiging.",
    "addition": "Aanvulling: hij stond gisteren ook bij mijn huis.",
    "feedback_reporter": "Uw aangifte is opgenomen onder zaaknummer 2026-0042.",
    "feedback_internal": "Intern: de verdachte is bij ons bekend.",
    "police_number": "PL0900-2026123456",
    "justification": "Herhaalde bedreiging na waarschuwing; contact alleen nog schriftelijk.",
    "objection": "Bezwaar ongegrond: de maatregel is evenredig.",
    "nazorg_note": "Melder slaapt slecht; doorverwezen.",
    "answer": "Het gaat beter, dank voor het bellen.",
    "close": "Alles afgehandeld met de melder.",
    "lessons": "Sneller de VPT-code vragen.",
}
# Codes that must never reach the screen (statuses, actions, kinds, choices).
CODES = [
    "ontvangen_door_partner",
    "geopend_door_partner",
    "terugkoppeling_melder",
    "in_behandeling",
    "nazorg_gepland",
    "contactbeperking",
    "onder_nummer",
    "ondersteuningsteam",
    "-&gt; ",
]


def detail_url(melding) -> str:
    return f"/admin/meldingen/{melding.pk}/"


def visible_text(html: str) -> str:
    """The page without scripts, tags and attribute values: what a person reads."""
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def png_upload(name="bewijs.png"):
    upload = io.BytesIO(PNG)
    upload.name, upload.size = name, len(PNG)
    return [(upload, "image/png", "0" * 64)]


@pytest.fixture
def people(make_user, org_a):
    return {"reporter": make_user("melder-a"), "police": make_user("politie-a")}


@pytest.fixture
def police(org_a, people):
    kinds = factories.partner_kinds()
    return factories.partner(
        org_a, kinds["politie"], "Politie basisteam Aadorp", "p@example.test", people["police"]
    )


def new_melding(org, reporter, **extra):
    return factories.melding(
        org,
        reporter=reporter,
        occurred_at=timezone.now() - datetime.timedelta(days=3),
        consent_kinds=["politie"],
        perpetrator_type="persoon",
        online_platform="x",
        support=["gesprek", "slachtofferhulp"],
        worried_about_home=True,
        aangifte_made="nee",
        **extra,
    )


def routed_melding(org, coordinator, police, reporter, django_capture_on_commit_callbacks):
    melding = new_melding(org, reporter)
    add_information(
        melding, author=reporter, text=TEXTS["addition"], attachments=png_upload("foto-huis.png")
    )
    triage(
        melding,
        actor=coordinator,
        severity="fysiek",
        urgent=False,
        kinds=["bedreiging"],
        note=TEXTS["triage"],
    )
    with django_capture_on_commit_callbacks(execute=True):  # the notice is delivered
        route(melding, actor=coordinator, proposals=[Proposal(police, None)], note=TEXTS["route"])
    return melding


@pytest.fixture
def full_case(org_a, coordinator_a, people, police, django_capture_on_commit_callbacks):
    """A melding with every kind of record: routed and delivered, acknowledged, two partner
    answers, an addition with a photo, aangifte, a restrictive measure with objection, nazorg
    done and answered, closed and evaluated."""
    melding = routed_melding(
        org_a, coordinator_a, police, people["reporter"], django_capture_on_commit_callbacks
    )
    notice = melding.notices.get()
    acknowledge(notice, actor=people["police"])
    add_feedback(
        notice,
        actor=people["police"],
        kind=FeedbackKind.CASE_NUMBER,
        text=TEXTS["feedback_reporter"],
        for_reporter=True,
    )
    add_feedback(
        notice,
        actor=people["police"],
        kind=FeedbackKind.IN_PROGRESS,
        text=TEXTS["feedback_internal"],
    )
    today = timezone.localdate()
    casework.record_aangifte(
        melding,
        actor=coordinator_a,
        filer="organisatie",
        domicile="onder_nummer",
        status="gedaan",
        vpt_requested=True,
        police_number=TEXTS["police_number"],
        filed_on=today,
    )
    measure = casework.record_measure(
        melding,
        actor=coordinator_a,
        step=MeasureStep.objects.get(code="contactbeperking"),
        decided_by_role="burgemeester",
        decided_by_name="Burgemeester Jansen",
        decided_on=today,
        justification=TEXTS["justification"],
        ends_on=today + datetime.timedelta(days=90),
        told_on=today,
    )
    casework.record_objection(
        measure, actor=coordinator_a, objection="ongegrond", outcome=TEXTS["objection"]
    )
    first, *rest = list(melding.nazorg.order_by("due_on"))
    casework.record_nazorg(
        first,
        actor=coordinator_a,
        done_on=today,
        outcome="slachtofferhulp",
        note=TEXTS["nazorg_note"],
    )
    casework.answer_nazorg(first, reporter=people["reporter"], text=TEXTS["answer"])
    casework.close(melding, actor=coordinator_a, outcome="maatregel", note=TEXTS["close"])
    casework.evaluate(
        melding, actor=coordinator_a, held_on=today, with_reporter=True, lessons=TEXTS["lessons"]
    )
    melding.refresh_from_db()
    return melding


def test_one_timeline_with_everything_that_was_written(client, full_case, coordinator_a):
    client.force_login(coordinator_a)
    response = client.get(detail_url(full_case))
    assert response.status_code == 200
    html = response.content.decode()
    timeline = html[html.index('id="tijdlijn"') : html.index('id="aangifte"')]
    text = visible_text(timeline)
    for key in TEXTS:
        assert TEXTS[key] in text, key
    # Oldest first, in labels: status changes as "old → new", with the actor's name.
    order = [
        "Melding ontvangen",
        "Informatie toegevoegd door de melder",
        "Beoordeeld door de veiligheidscoördinator",
        "Ontvangen → In behandeling",
        "Doorgestuurd",
        "Bericht verzonden aan Politie basisteam Aadorp",
        "Ontvangen door de ketenpartner",
        "Terugkoppeling van de ketenpartner aan de melder",
        "Aangifte vastgelegd",
        "Maatregel tegen de dader vastgelegd",
        "Nazorgcontact vastgelegd",
        "Antwoord van de melder op nazorg",
        "Doorgestuurd → Afgesloten",
        "Afgesloten → Geëvalueerd",
    ]
    positions = [text.index(label) for label in order]
    assert positions == sorted(positions), order
    assert "door coordinator-a" in text and "door politie-a" in text
    # Triage corrections as labels, not "ernst bedreiging -> fysiek".
    assert "ernst bedreiging en intimidatie → fysieke agressie" in text.lower()
    # Partner feedback: kind, text and whether the reporter sees it.
    assert "Zaaknummer" in text and "In behandeling" in text
    assert re.search(r"Zichtbaar voor de melder\s+ja", text)
    assert re.search(r"Zichtbaar voor de melder\s+nee", text)
    # Deadline of the notice; the addition's photo as a download link.
    assert "reactie uiterlijk" in text
    attachment = full_case.attachments.get()
    assert f'href="/admin/meldingen/bijlagen/{attachment.pk}/"' in timeline
    assert "foto-huis.png" in text
    # Aangifte, measure and nazorg records in labels.
    assert "Aangifte onder nummer" in text and "Contactbeperking" in text
    assert "Verwezen naar Slachtofferhulp" in text and "Bezwaar ongegrond" in text


def test_case_page_shows_labels_never_codes(client, full_case, coordinator_a):
    client.force_login(coordinator_a)
    html = client.get(detail_url(full_case)).content.decode()
    text = visible_text(html)
    for code in CODES:
        assert code not in html, code
    for word in ("None", "True", "False"):
        assert not re.search(rf"\b{word}\b", text), word
    # The intake facts and consent per partner kind, in Dutch.
    facts = visible_text(html[html.index('id="feiten"') : html.index('id="persoonlijk"')])
    for expected in (
        "Eén persoon",
        "X (Twitter)",
        "Een gesprek met de veiligheidscoördinator of vertrouwenspersoon; Slachtofferhulp",
        "Toestemming om te delen met Politie",
    ):
        assert expected in " ".join(facts.split()), expected
    assert re.search(r"Zorgen over thuis of gezin\s+ja", facts)
    assert re.search(r"Al aangifte gedaan\s+nee", facts)


def test_unknown_intake_facts_read_onbekend(client, org_a, coordinator_a):
    melding = factories.melding(org_a)  # none of the newer questions answered
    client.force_login(coordinator_a)
    html = client.get(detail_url(melding)).content.decode()
    facts = visible_text(html[html.index('id="feiten"') : html.index('id="persoonlijk"')])
    assert re.search(r"Al aangifte gedaan\s+onbekend", facts)
    assert re.search(r"Soort dader\s+niet opgegeven", facts)
    assert "geen externe partners" in facts
    assert not re.search(r"\b(None|True|False)\b", visible_text(html))


def test_sections_show_state_and_the_forms_that_fit(
    client, org_a, coordinator_a, people, police, full_case, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    # Closed and evaluated: records shown, only reopening offered.
    html = client.get(detail_url(full_case)).content.decode()
    for url in ("aangifte/", "maatregel/", "nazorg/", "afsluiten/", "nabespreking/"):
        assert f'action="/admin/meldingen/{full_case.pk}/{url}"' not in html, url
    assert f'action="/admin/meldingen/{full_case.pk}/heropenen/"' in html
    closing = visible_text(html[html.index('id="afsluiten"') :])
    assert "Afgehandeld met een maatregel tegen de dader" in closing
    assert TEXTS["close"] in closing and TEXTS["lessons"] in closing

    # An open case: every form, one objection form per measure, one per open nazorg contact.
    melding = routed_melding(
        org_a, coordinator_a, police, people["reporter"], django_capture_on_commit_callbacks
    )
    html = client.get(detail_url(melding)).content.decode()
    for url in ("aangifte/", "maatregel/", "nazorg/", "afsluiten/"):
        assert f'action="/admin/meldingen/{melding.pk}/{url}"' in html, url
    assert f'action="/admin/meldingen/{melding.pk}/heropenen/"' not in html
    assert f'action="/admin/meldingen/{melding.pk}/nabespreking/"' not in html
    for contact in NazorgContact.objects.filter(melding=melding):
        assert f'action="/admin/meldingen/nazorg/{contact.pk}/"' in html
    # The ladder in order, restrictive steps marked; dates as date pickers; unique ids.
    steps = list(MeasureStep.objects.order_by("sort_order").values_list("name", flat=True))
    select = html[html.index('name="step"') : html.index("</select>", html.index('name="step"'))]
    shown = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select)
    assert [unescape(s).split(" (beperkend")[0] for s in shown] == steps
    assert "Contactbeperking (beperkend: einddatum nodig)" in unescape(select)
    assert 'type="date" name="decided_on"' in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


def test_case_page_queries_do_not_grow_with_the_history(
    client, org_a, coordinator_a, people, police, django_capture_on_commit_callbacks
):
    melding = routed_melding(
        org_a, coordinator_a, police, people["reporter"], django_capture_on_commit_callbacks
    )
    client.force_login(coordinator_a)
    client.get(detail_url(melding))  # warm caches (content types, site)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(detail_url(melding)).status_code == 200
        return len(queries)

    before = count()
    notice = melding.notices.get()
    step = MeasureStep.objects.get(code="waarschuwingsbrief")
    today = timezone.localdate()
    for n in range(6):
        add_information(
            melding, author=people["reporter"], text=f"Nog iets {n}", attachments=png_upload()
        )
        add_feedback(notice, actor=people["police"], kind="anders", text=f"Antwoord {n}")
        casework.record_measure(
            melding,
            actor=coordinator_a,
            step=step,
            decided_by_role="burgemeester",
            decided_by_name="Burgemeester",
            decided_on=today,
            justification=f"Reden {n}",
        )
        casework.add_nazorg_contact(melding, actor=coordinator_a, due_on=today)
    for contact in melding.nazorg.all():
        casework.record_nazorg(contact, actor=coordinator_a, done_on=today, outcome="gesproken")
    assert melding.history.count() > 40
    assert count() == before


def test_after_erasure_nothing_personal_is_shown(client, full_case, coordinator_a):
    erase_personal_data(
        full_case, reason_kind=PurgeReason.REQUEST, actor=coordinator_a, reason="AVG-verzoek"
    )
    client.force_login(coordinator_a)
    html = client.get(detail_url(full_case)).content.decode()
    for key, value in TEXTS.items():
        assert value not in html, key
    assert "foto-huis.png" not in html and "bijlagen/" not in html
    assert "melder-a" not in html  # the reporter's account is no longer linked
    text = visible_text(html)
    # The anonymous course of the case stays readable.
    assert "Persoonsgegevens verwijderd" in text and "Ontvangen → In behandeling" in text
    assert f'action="/admin/meldingen/{full_case.pk}/heropenen/"' not in html


# --- In a real browser: 1280 and 375 px, screenshots for review -----------------------------

SHOTS = browser_conftest.SCREENSHOTS  # var/screenshots: for people to look at
browser = browser_conftest.browser  # the Chromium fixture of the browser tests


@pytest.fixture
def browser_case(transactional_db, browser, live_server, settings, django_user_model):
    """A case with every kind of record on the live server, and the session cookie of its
    organisation's coordinator (a test login with the second factor verified)."""
    from django.apps import apps
    from django.test import Client

    from home.provisioning import provision_organisation
    from home.setup import ensure_platform

    ensure_platform()  # an earlier transactional test may have flushed the migrations' data
    import_module("meldingen.migrations.0003_measure_ladder").seed(apps, None)
    org = provision_organisation(
        title="Gemeente Aadorp", kind="gemeente", official_code="GM9001"
    ).organisation
    coordinator = django_user_model.objects.create_user(
        "coordinator-a", first_name="Carla", last_name="Coördinator"
    )
    coordinator.groups.add(org.coordinators_group)
    reporter = django_user_model.objects.create_user("melder-a")
    police_user = django_user_model.objects.create_user(
        "politie-a", first_name="Peter", last_name="Politie"
    )
    kinds = factories.partner_kinds()
    police = factories.partner(
        org, kinds["politie"], "Politie basisteam Aadorp", "p@example.test", police_user
    )
    # On a live server every write commits at once: nothing to capture.
    melding = routed_melding(org, coordinator, police, reporter, lambda execute: nullcontext())
    notice = melding.notices.get()
    acknowledge(notice, actor=police_user)
    add_feedback(
        notice,
        actor=police_user,
        kind="zaaknummer",
        text=TEXTS["feedback_reporter"],
        for_reporter=True,
    )
    today = timezone.localdate()
    casework.record_aangifte(
        melding,
        actor=coordinator,
        filer="organisatie",
        domicile="werkadres",
        status="gedaan",
        vpt_requested=True,
        police_number=TEXTS["police_number"],
        filed_on=today,
    )
    casework.record_measure(
        melding,
        actor=coordinator,
        step=MeasureStep.objects.get(code="contactbeperking"),
        decided_by_role="burgemeester",
        decided_by_name="Burgemeester Jansen",
        decided_on=today,
        justification=TEXTS["justification"],
        ends_on=today + datetime.timedelta(days=90),
    )
    first = melding.nazorg.order_by("due_on").first()
    casework.record_nazorg(
        first, actor=coordinator, done_on=today, outcome="gesproken", note=TEXTS["nazorg_note"]
    )
    casework.answer_nazorg(first, reporter=reporter, text=TEXTS["answer"])
    client = Client()
    client.force_login(coordinator)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    return live_server, melding, cookie


SECTIONS = ["feiten", "tijdlijn", "aangifte", "maatregelen", "nazorg", "berichten", "afsluiten"]
# Visible elements of the page reaching past the right edge of the window (not those in a
# closed <details>, nor headers hidden for screen readers only).
OVERFLOW = """() => [...document.querySelectorAll('.nice-padding *')]
    .filter(e => !e.closest('details:not([open])') || e.closest('summary'))
    .filter(e => !e.closest('.case-table thead, .w-sr-only'))
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40))"""
# Wagtail's admin scrolls its content in a container of its own: the tallest one.
CONTENT_HEIGHT = "() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 375])
def test_case_page_in_a_browser(browser_case, browser, settings, width):
    live_server, melding, cookie = browser_case
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    host = live_server.url.split("//")[1].split(":")[0]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/meldingen/{melding.pk}/")
    assert page.get_by_role("heading", name="Tijdlijn").is_visible()
    closed = page.evaluate(OVERFLOW)
    # Open every form, so they are checked and shown too.
    for summary in page.locator("summary").all():
        summary.click()
    opened = page.evaluate(OVERFLOW)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for section in SECTIONS:
        page.evaluate(f"document.getElementById('{section}').scrollIntoView()")
        page.screenshot(path=SHOTS / f"case_{width}_{section}.png")
    page.set_viewport_size({"width": width, "height": page.evaluate(CONTENT_HEIGHT) + 100})
    page.screenshot(path=SHOTS / f"case_{width}.png", full_page=True)
    # A measure without anything filled in: the form page with the Dutch errors.
    page.set_viewport_size({"width": width, "height": 900})
    with page.expect_navigation():
        page.get_by_role("button", name="Maatregel vastleggen").click()
    assert "Controleer de velden" in page.get_by_role("alert").inner_text()
    assert "Onderbouw de maatregel" in page.content()
    refused = page.evaluate(OVERFLOW)
    page.screenshot(path=SHOTS / f"case_{width}_fout.png", full_page=True)
    context.close()
    assert (closed, opened, refused) == ([], [], [])
    assert scroll_width <= width
