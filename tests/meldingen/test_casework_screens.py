"""The coordinator's case-handling screens (meldingen.views.casework), through real URLs with a
2FA-verified coordinator: aangifte, measures and objections, nazorg, closing, reopening and the
evaluation each post, come back on the case page, refuse bad input in Dutch with status 400
without storing anything or losing what was typed, and answer 404 outside the coordinator's
organisations."""

from __future__ import annotations

import datetime
from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from core.models import AuditAction, AuditEvent
from meldingen import casework
from meldingen.models import (
    Aangifte,
    IncidentEvaluation,
    Measure,
    MeasureStep,
    MeldingHistory,
    NazorgContact,
    Status,
)
from partners.rules import Proposal
from tests import factories
from workflows.moderation import route, triage

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def iso(day: datetime.date) -> str:
    return day.strftime("%Y-%m-%d")


@pytest.fixture
def routed(org_a, coordinator_a, make_user, django_capture_on_commit_callbacks):
    """A melding of org_a, triaged and routed to the police (nazorg contacts planned)."""
    police = factories.partner(
        org_a,
        factories.partner_kinds()["politie"],
        "Politie basisteam Aadorp",
        "p@example.test",
        make_user("politie-a"),
    )
    melding = factories.melding(
        org_a,
        occurred_at=timezone.now() - datetime.timedelta(days=3),
        consent_kinds=["politie"],
    )
    triage(melding, actor=coordinator_a, severity="bedreiging", urgent=False, kinds=["bedreiging"])
    with django_capture_on_commit_callbacks(execute=True):
        route(melding, actor=coordinator_a, proposals=[Proposal(police, None)])
    melding.refresh_from_db()
    return melding


def case_page(client, melding) -> str:
    response = client.get(f"/admin/meldingen/{melding.pk}/")
    assert response.status_code == 200
    return unescape(response.content.decode())


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def measure_data(**overrides) -> dict:
    data = {
        "step": MeasureStep.objects.get(code="contactbeperking").pk,
        "decided_by_role": "burgemeester",
        "decided_by_name": "Burgemeester Jansen",
        "decided_on": iso(TODAY()),
        "justification": "Herhaalde bedreiging na een waarschuwing.",
        "ends_on": iso(TODAY() + datetime.timedelta(days=90)),
        "told_on": "",
    }
    data.update(overrides)
    return data


def aangifte_data(**overrides) -> dict:
    data = {
        "filer": "organisatie",
        "domicile": "onder_nummer",
        "status": "gedaan",
        "vpt_requested": "on",
        "police_number": "PL0900-2026-777",
        "filed_on": iso(TODAY()),
    }
    data.update(overrides)
    return data


def test_each_form_posts_and_shows_on_the_case_page(client, routed, coordinator_a):
    melding = routed
    base = f"/admin/meldingen/{melding.pk}/"
    client.force_login(coordinator_a)

    # Aangifte: a form page of its own, then the post back to the case page.
    page = client.get(f"{base}aangifte/")
    assert page.status_code == 200 and 'type="date" name="filed_on"' in page.content.decode()
    response = client.post(f"{base}aangifte/", aangifte_data())
    assert response.status_code == 302 and response.url == f"{base}#aangifte"
    assert messages_of(response) == ["Aangifte vastgelegd."]
    body = case_page(client, melding)
    assert "PL0900-2026-777" in body and "Aangifte onder nummer" in body
    # The form page shows the stored record (and counts as viewing it).
    again = client.get(f"{base}aangifte/").content.decode()
    assert 'value="PL0900-2026-777"' in again and 'value="onder_nummer" selected' in again
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, reference=melding.reference, detail="formulier aangifte"
    ).exists()

    # A measure, then its objection.
    response = client.post(f"{base}maatregel/", measure_data())
    assert response.status_code == 302 and response.url == f"{base}#maatregelen"
    measure = Measure.objects.get(melding=melding)
    assert "Herhaalde bedreiging na een waarschuwing." in case_page(client, melding)
    response = client.post(
        f"/admin/meldingen/maatregel/{measure.pk}/bezwaar/",
        {"objection": "ongegrond", "outcome": "Evenredig bevonden.", "told_on": iso(TODAY())},
    )
    assert response.status_code == 302 and response.url == f"{base}#maatregel-{measure.pk}"
    body = case_page(client, melding)
    assert "Bezwaar ongegrond" in body and "Evenredig bevonden." in body

    # Nazorg: an extra contact, then recording one.
    due = TODAY() + datetime.timedelta(days=3)
    response = client.post(f"{base}nazorg/", {"due_on": iso(due)})
    assert response.status_code == 302 and response.url == f"{base}#nazorg"
    contact = NazorgContact.objects.get(melding=melding, due_on=due)
    assert f'action="/admin/meldingen/nazorg/{contact.pk}/"' in case_page(client, melding)
    response = client.post(
        f"/admin/meldingen/nazorg/{contact.pk}/",
        {"done_on": iso(TODAY()), "outcome": "vertrouwenslijn", "note": "Belt zelf."},
    )
    assert response.status_code == 302 and response.url == f"{base}#nazorg-{contact.pk}"
    body = case_page(client, melding)
    assert "Verwezen naar de Vertrouwenslijn" in body and "Belt zelf." in body

    # Closing, the evaluation, reopening.
    response = client.post(
        f"{base}afsluiten/", {"outcome": "maatregel", "note": "Klaar met de melder."}
    )
    assert response.status_code == 302 and response.url == f"{base}#afsluiten"
    melding.refresh_from_db()
    assert (melding.status, melding.outcome) == (Status.CLOSED, "maatregel")
    body = case_page(client, melding)
    assert "Afgehandeld met een maatregel tegen de dader" in body
    assert "Klaar met de melder." in body
    response = client.post(
        f"{base}nabespreking/",
        {"held_on": iso(TODAY()), "with_reporter": "on", "lessons": "Eerder bellen."},
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.EVALUATED
    assert "Eerder bellen." in case_page(client, melding)
    response = client.post(f"{base}heropenen/", {"reason": "Nieuwe bedreiging gemeld."})
    assert response.status_code == 302 and messages_of(response) == ["Melding heropend."]
    melding.refresh_from_db()
    assert (melding.status, melding.outcome) == (Status.ROUTED, "")
    assert "Nieuwe bedreiging gemeld." in case_page(client, melding)


def close_first(melding, coordinator):
    casework.close(melding, actor=coordinator, outcome="afgehandeld")


BEFORE_INCIDENT = iso(TODAY() - datetime.timedelta(days=5))
REFUSED = [
    pytest.param(
        "maatregel/",
        measure_data,
        {"justification": "   "},
        None,
        "Onderbouw de maatregel: waarom is hij nodig en evenredig?",
        id="measure-without-justification",
    ),
    pytest.param(
        "maatregel/",
        measure_data,
        {"decided_on": BEFORE_INCIDENT},
        None,
        "De datum van het besluit ligt vóór het incident",
        id="measure-before-incident",
    ),
    pytest.param(
        "maatregel/",
        measure_data,
        {"ends_on": ""},
        None,
        "Een beperkende maatregel heeft een einddatum nodig.",
        id="restrictive-measure-without-end",
    ),
    pytest.param(
        "aangifte/",
        aangifte_data,
        {"filed_on": BEFORE_INCIDENT},
        None,
        "De datum van de aangifte ligt vóór het incident",
        id="aangifte-before-incident",
    ),
    pytest.param(
        "afsluiten/",
        dict,
        {"outcome": "afgehandeld", "note": "Nog een keer"},
        close_first,
        "Deze melding is al afgesloten.",
        id="close-closed-case",
    ),
    pytest.param(
        "heropenen/",
        dict,
        {"reason": "  "},
        close_first,
        "Geef aan waarom de melding wordt heropend.",
        id="reopen-without-reason",
    ),
    pytest.param(
        "heropenen/",
        dict,
        {"reason": "Toch nog iets"},
        None,
        "Alleen een afgesloten melding kan worden heropend.",
        id="reopen-open-case",
    ),
    pytest.param(
        "nabespreking/",
        dict,
        {"held_on": iso(TODAY()), "lessons": "Vroeg"},
        None,
        "Een melding wordt nabesproken nadat zij is afgesloten.",
        id="evaluate-open-case",
    ),
    pytest.param(
        "nazorg/",
        dict,
        {"due_on": iso(TODAY() - datetime.timedelta(days=1))},
        None,
        "Plan een nazorgcontact vandaag of later.",
        id="nazorg-in-the-past",
    ),
]


@pytest.mark.parametrize(("url", "base_data", "changes", "arrange", "message"), REFUSED)
def test_bad_input_is_refused_in_dutch_and_stores_nothing(
    client, routed, coordinator_a, url, base_data, changes, arrange, message
):
    melding = routed
    if arrange:
        arrange(melding, coordinator_a)
    melding.refresh_from_db()
    client.force_login(coordinator_a)  # (a login is audited too)
    status, history = melding.status, MeldingHistory.objects.filter(melding=melding).count()
    records = (Measure.objects.count(), Aangifte.objects.count(), NazorgContact.objects.count())
    events = AuditEvent.objects.count()
    data = {**base_data(), **changes}

    response = client.post(f"/admin/meldingen/{melding.pk}/{url}", data)

    assert response.status_code == 400
    body = unescape(response.content.decode())
    assert message in body
    assert 'role="alert"' in body
    # What was typed is still there.
    for value in data.values():
        if isinstance(value, str) and value.strip() and len(value) > 3:
            assert value in body, value
    # Nothing stored: no record, no history row, no audit event, the status unchanged.
    melding.refresh_from_db()
    assert melding.status == status
    assert MeldingHistory.objects.filter(melding=melding).count() == history
    assert (
        Measure.objects.count(),
        Aangifte.objects.count(),
        NazorgContact.objects.count(),
    ) == records
    assert AuditEvent.objects.count() == events


def test_objection_and_nazorg_refusals(client, routed, coordinator_a):
    measure = casework.record_measure(
        routed,
        actor=coordinator_a,
        step=MeasureStep.objects.get(code="waarschuwingsbrief"),
        decided_by_role="burgemeester",
        decided_by_name="Burgemeester Jansen",
        decided_on=TODAY(),
        justification="Schelden tijdens de vergadering.",
    )
    contact = routed.nazorg.first()
    client.force_login(coordinator_a)
    response = client.post(
        f"/admin/meldingen/maatregel/{measure.pk}/bezwaar/",
        {"objection": "gegrond", "outcome": "", "told_on": ""},
    )
    assert response.status_code == 400
    assert "Beschrijf de uitkomst van het bezwaar." in unescape(response.content.decode())
    measure.refresh_from_db()
    assert measure.objection == "geen"

    response = client.post(
        f"/admin/meldingen/nazorg/{contact.pk}/",
        {"done_on": iso(TODAY()), "outcome": "", "note": "Niet vergeten"},
    )
    assert response.status_code == 400
    body = unescape(response.content.decode())
    assert "Kies de uitkomst van het contact." in body and "Niet vergeten" in body
    contact.refresh_from_db()
    assert contact.done_on is None


def test_form_pages_show_the_form_with_dutch_labels(client, routed, coordinator_a):
    client.force_login(coordinator_a)
    base = f"/admin/meldingen/{routed.pk}/"
    contact = routed.nazorg.first()
    pages = {
        f"{base}aangifte/": "Welk adres komt in het dossier?",
        f"{base}maatregel/": "Contactbeperking (beperkend: einddatum nodig)",
        f"{base}nazorg/": "Gepland op",
        f"/admin/meldingen/nazorg/{contact.pk}/": "Uitkomst",
        f"{base}afsluiten/": "Afgehandeld, geen verdere actie nodig",
        f"{base}heropenen/": "Waarom wordt de melding heropend?",
        f"{base}nabespreking/": "Wat we leren",
    }
    for url, label in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        body = unescape(response.content.decode())
        assert label in body, url
        assert f'href="{base}#' in body  # back to the case page
    assert client.put(f"{base}aangifte/").status_code == 405


def test_another_organisations_coordinator_gets_404_everywhere(
    client, routed, coordinator_a, coordinator_b
):
    measure = casework.record_measure(
        routed,
        actor=coordinator_a,
        step=MeasureStep.objects.get(code="waarschuwingsbrief"),
        decided_by_role="burgemeester",
        decided_by_name="Burgemeester Jansen",
        decided_on=TODAY(),
        justification="Schelden tijdens de vergadering.",
    )
    contact = routed.nazorg.first()
    base = f"/admin/meldingen/{routed.pk}/"
    posts = {
        f"{base}aangifte/": aangifte_data(),
        f"{base}maatregel/": measure_data(),
        f"/admin/meldingen/maatregel/{measure.pk}/bezwaar/": {"objection": "ingediend"},
        f"{base}nazorg/": {"due_on": iso(TODAY())},
        f"/admin/meldingen/nazorg/{contact.pk}/": {
            "done_on": iso(TODAY()),
            "outcome": "gesproken",
        },
        f"{base}afsluiten/": {"outcome": "afgehandeld"},
        f"{base}heropenen/": {"reason": "Zomaar"},
        f"{base}nabespreking/": {"held_on": iso(TODAY())},
    }
    history = MeldingHistory.objects.filter(melding=routed).count()
    client.force_login(coordinator_b)
    for url, data in posts.items():
        assert client.get(url).status_code == 404, url
        assert client.post(url, data).status_code == 404, url
    # Unknown objects too.
    for url in ("/admin/meldingen/maatregel/999999/bezwaar/", "/admin/meldingen/nazorg/999999/"):
        assert client.get(url).status_code == 404
    assert MeldingHistory.objects.filter(melding=routed).count() == history
    assert not Aangifte.objects.exists() and not IncidentEvaluation.objects.exists()
    measure.refresh_from_db()
    contact.refresh_from_db()
    assert measure.objection == "geen" and contact.done_on is None
    routed.refresh_from_db()
    assert routed.status == Status.ROUTED


def test_an_erased_case_takes_no_new_records(client, routed, coordinator_a):
    from reporting.erasure import erase_personal_data
    from reporting.models import PurgeReason

    erase_personal_data(
        routed, reason_kind=PurgeReason.REQUEST, actor=coordinator_a, reason="AVG-verzoek"
    )
    client.force_login(coordinator_a)
    response = client.post(f"/admin/meldingen/{routed.pk}/aangifte/", aangifte_data())
    assert response.status_code == 400
    assert "De persoonsgegevens van deze melding zijn gewist." in response.content.decode()
    assert not Aangifte.objects.exists()
