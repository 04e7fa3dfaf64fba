"""The national protocol template is the product's own content: complete, true to the domain,
worded for each kind of organisation, with placeholders that read as Dutch; an organisation's
protocol records its formal adoption and review (issue 23, points 1, 2 and 5)."""

from __future__ import annotations

import copy
import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from home.models import OrganisationContact, OrganisationPage
from home.provisioning import provision_organisation
from protocols import demo_content
from protocols.blocks import SectionMode
from protocols.dashboard import AdoptionRemindersPanel
from protocols.decisions import record_decision
from protocols.models import AdoptionDecision
from tests.pdf_helpers import pdf_text
from tests.protocol_factories import (
    AFTERCARE_TEXT,
    MEDIA_TEXT,
    NORM_TEXT,
    REPORT_TEXT,
    derive,
    edit_form_data,
    fresh,
    make_template,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def dutch_date(day: datetime.date) -> str:
    with translation.override("nl"):
        return date_format(day, "j F Y")


def published(organisation: OrganisationPage):
    protocol = derive(fresh(organisation))
    protocol.save_revision().publish()
    return fresh(protocol)


@pytest.fixture
def national_template(home_page):
    """The demo's current national template (what every organisation starts from)."""
    return make_template(home_page, copy.deepcopy(demo_content.TEMPLATE_V2))


@pytest.fixture
def provincie(home_page):
    return provision_organisation(
        title="Provincie Proefland", kind="provincie", official_code="PV91"
    ).organisation


@pytest.fixture
def waterschap(home_page):
    return provision_organisation(
        title="Waterschap Wadland", kind="waterschap", official_code="WS9001"
    ).organisation


# 1. The template ---------------------------------------------------------------------------


def test_protocol_has_every_part_of_the_domain_structure(national_template, org_a, client):
    org_a.contacts.add(
        OrganisationContact(role="veiligheidscoordinator", name="Sanne de Vries", phone="06 111")
    )
    org_a.save_revision().publish()
    protocol = published(org_a)
    html = client.get(protocol.url).content.decode()

    toc = re.findall(r'<li><a href="#([^"]+)">', html)
    assert toc == [
        "waarom-dit-protocol",
        "uitgangspunten",
        "voor-wie-geldt-dit-protocol",
        "begrippen",
        "voorkomen",
        "tijdens-een-incident",
        "melden-en-registreren",
        "aangifte",
        "maatregelen-richting-de-dader",
        "sancties-en-schadeverhaal",
        "online-agressie-en-doxing",
        "veiligheid-thuis",
        "nazorg",
        "communicatie",
        "rollen-en-verantwoordelijkheden",
        "evaluatie",
        "contactgegevens",
    ]
    # During an incident: safety and 112, de-escalation, alarm, whom to call, the perpetrator,
    # meetings and phone calls.
    for text in (
        "Bent u of is iemand anders in acuut gevaar? Bel direct 112.",
        "<h3>De-escaleren</h3>",
        "Gebruik de alarmknop in de vergaderzaal",
        "<h3>Wie belt u</h3>",
        "Geen spoed, wel de politie nodig: 0900-8844.",
        "Sanne de Vries (06 111)",
        "<h3>Onthoud de dader</h3>",
        "<h3>In een vergadering</h3>",
        "<h3>Aan de telefoon</h3>",
        "Meld het incident altijd intern, ook als het goed afliep.",
    ):
        assert text in html, text
    # Aangifte: the ELA by name, VPT code, domicile address, onder nummer, 200% also for family.
    for text in (
        "Eenduidige Landelijke Afspraken (ELA)",
        "vraag uitdrukkelijk om de VPT-code",
        "Geef daarom als domicilieadres het adres van de gemeente Aadorp op, of dat van "
        "Slachtofferhulp Nederland.",
        "aangifte doen onder nummer",
        "een 200% zwaardere straf",
        "ook als de agressie uw gezinsleden treft",
        "bij voorkeur binnen twee werkdagen",
    ):
        assert text in html, text
    # Online: evidence and a notice to the platform. Home: keurmerk and reimbursement.
    assert "Maak schermafbeeldingen met datum, tijd, de naam van het account en de link" in html
    assert "meldfunctie van het platform" in html
    assert "Politiekeurmerk Veilig Wonen" in html and "EUR 2.400 inclusief btw" in html
    # The ladder, light to heavy, up to the police and administrative instruments.
    steps = re.findall(r"<h3>([^<]+)</h3>\s*<div class=\"rich-text\">", html)
    for step in ("Stopgesprek door de politie", "Halt bij minderjarigen", "Gebiedsverbod"):
        assert step in steps
    assert (
        steps.index("Aangifte")
        < steps.index("Gebiedsverbod")
        < steps.index("Beveiligingsmaatregelen")
    )
    # Nazorg: the national lines of support and avoidance behaviour.
    assert "het Ondersteuningsteam Weerbaar Bestuur" in html
    assert "Let op vermijdingsgedrag" in html

    pdf = pdf_text(client.get(protocol.url + "pdf/").content)
    for text in ("Tijdens een incident", "Eenduidige Landelijke Afspraken", "VPT-code"):
        assert text in pdf, text


def test_reporting_lines_and_wording_fit_each_kind_of_organisation(
    national_template, org_a, provincie, waterschap, client
):
    gemeente = client.get(published(org_a).url).content.decode()
    provincie = client.get(published(provincie).url).content.decode()
    waterschap = client.get(published(waterschap).url).content.decode()

    assert (
        "Bent u raadslid, commissielid of burgerlid? Meld het bij de griffier en de burgemeester."
        in gemeente
    )  # noqa: E501
    assert "Bent u wethouder? Meld het bij de burgemeester en de gemeentesecretaris." in gemeente
    assert "Bent u burgemeester? Meld het bij de gemeentesecretaris en" in gemeente
    assert (
        "Bent u Statenlid of commissielid? Meld het bij de Statengriffier en de Commissaris van "
        "de Koning." in provincie
    )
    assert (
        "Bent u gedeputeerde? Meld het bij de Commissaris van de Koning en de "
        "provinciesecretaris." in provincie
    )
    assert (
        "Bent u lid van het dagelijks bestuur? Meld het bij de dijkgraaf en de "
        "secretaris-directeur." in waterschap
    )
    # The driehoek exists only in a gemeente.
    assert "de lokale driehoek: de burgemeester, de politie en de officier van justitie" in gemeente
    for page in (provincie, waterschap):
        assert "driehoek" not in page
    assert "in overleg met de Commissaris van de Koning" in provincie
    assert "in overleg met de dijkgraaf" in waterschap

    # Roles, with proper headings, including secretaris, group chairs, bode and security.
    roles = re.findall(r"<dt>([^<]+)</dt>", gemeente)
    for heading in (
        "Ambtsdrager",
        "Burgemeester",
        "Griffier",
        "Gemeentesecretaris",
        "Fractievoorzitters en presidium",
        "Veiligheidscoördinator",
        "Vertrouwenspersoon",
        "Communicatieadviseur",
        "Bode en beveiliging",
    ):
        assert heading in roles, heading
    provincial_roles = re.findall(r"<dt>([^<]+)</dt>", provincie)
    for heading in ("Commissaris van de Koning", "Statengriffier", "Provinciesecretaris"):
        assert heading in provincial_roles, heading
    # In a waterschap one person is griffier and secretaris: one heading, both sets of tasks.
    roles_list = re.search(r'<dl class="roles">(.*?)</dl>', waterschap, re.S).group(1)
    water_roles = re.findall(r"<dt>([^<]+)</dt>", roles_list)
    assert water_roles.count("Secretaris-directeur") == 1 and "Dijkgraaf" in water_roles
    assert len(re.findall(r'<dd class="rich-text">', roles_list)) == len(water_roles) + 1


def test_the_core_is_fixed_and_preventie_and_communicatie_may_not_be_dropped(
    national_template, org_a, redacteur_a, login
):
    modes = {block.id: block.value["mode"] for block in national_template.body}
    texts = {block.id: str(block.value.get("text", "")) for block in national_template.body}
    # The 112 rule and "always report internally" live in fixed sections.
    assert {key for key, text in texts.items() if "Bel direct 112" in text} == {"tijdens"}
    assert modes["tijdens"] == modes["uitgangspunten"] == SectionMode.FIXED
    assert "U meldt elk incident intern" in texts["uitgangspunten"]
    assert modes["aangifte"] == modes["begrippen"] == modes["evaluatie"] == SectionMode.FIXED
    assert modes["preventie"] == modes["communicatie"] == SectionMode.ADAPTABLE
    assert SectionMode.OPTIONAL not in modes.values()

    protocol = published(org_a)
    edit = login(redacteur_a).get(reverse("wagtailadmin_pages:edit", args=[protocol.pk]))
    html = edit.content.decode()
    fixed = re.search(r"Vaste secties \(tekst niet wijzigen[^)]*\):</strong>([^<]+)", html).group(1)
    for heading in ("Uitgangspunten", "Begrippen", "Tijdens een incident", "Aangifte"):
        assert heading in fixed
    assert "Optionele secties" not in html

    draft = protocol.get_latest_revision_as_object()
    draft.body = [i for i in draft.body.raw_data if i["id"] not in ("preventie", "communicatie")]
    with pytest.raises(ValidationError) as refused:
        draft.save_revision()
    missing = ValidationError(refused.value.error_dict["body"][0].non_block_errors).messages
    assert any("Voorkomen" in m and "mag niet worden weggelaten" in m for m in missing)
    assert any("Communicatie" in m and "mag niet worden weggelaten" in m for m in missing)


def test_every_behaviour_the_ladder_names_is_defined_in_the_fixed_begrippen(
    national_template, org_a, client
):
    body = {block.id: block for block in national_template.body}
    begrippen = body["begrippen"].value
    assert begrippen["mode"] == SectionMode.FIXED
    defined = {term["kind"] for term in begrippen["terms"]}
    named = {kind for step in body["maatregelen"].value["steps"] for kind in step["kinds"]}
    assert named and named <= defined

    html = client.get(published(org_a).url).content.decode()
    terms = re.search(r'<dl class="terms">(.*?)</dl>', html, re.S).group(1)
    for term in begrippen["terms"]:
        assert f"<dt>{term['term']}</dt>" in terms


# 2. Placeholders that read as Dutch --------------------------------------------------------


def test_placeholders_read_as_dutch(national_template, org_a, waterschap, client, home_page):
    html = client.get(published(org_a).url).content.decode()
    assert "<li>De gemeente Aadorp neemt de regie: u staat er niet alleen voor.</li>" in html
    assert "wat u kunt verwachten van de gemeente Aadorp" in html
    assert "Gemeente Aadorp neemt" not in html and "van Gemeente Aadorp" not in html
    # A missing number reads once bracketed, never "((nummer volgt))".
    assert "de vertrouwenspersoon (nummer volgt)" in html
    assert "((" not in html
    # New placeholders: the meldpunt (also capitalised), the secretaris, the Ondersteuningsteam.
    assert "Het meldpunt Veilig Bestuur bij de griffie registreert elke melding" in html
    assert "Vraag de gemeentesecretaris welke regeling voor u geldt." in html
    assert "met collega's van het Ondersteuningsteam Weerbaar Bestuur" in html
    assert "{" not in re.sub(r"<script.*?</script>|<style.*?</style>", "", html, flags=re.S)

    water = client.get(published(waterschap).url).content.decode()
    assert "wat u kunt verwachten van het waterschap Wadland" in water
    assert "<li>Het waterschap Wadland neemt de regie" in water

    # Without an organisation (the national template page) the generic wording starts a
    # sentence with a capital too.
    template = client.get(fresh(national_template).url).content.decode()
    assert "<li>Uw organisatie neemt de regie" in template


def test_editors_see_the_new_placeholders_explained(national_template, org_a, redacteur_a, login):
    protocol = published(org_a)
    html = login(redacteur_a).get(reverse("wagtailadmin_pages:edit", args=[protocol.pk]))
    html = html.content.decode()
    for name in ("{secretaris}", "{meldpunt}", "{ondersteuningsteam}", "{Organisatie}"):
        assert name in html


# 5. Adoption and review -----------------------------------------------------------------------


def simple_protocol(home_page, organisation):
    make_template(home_page)
    return published(organisation)


def test_editor_records_the_adoption_shown_on_the_page_and_in_the_pdf(
    home_page, org_a, redacteur_a, login, client
):
    protocol = simple_protocol(home_page, org_a)
    decided = TODAY() - datetime.timedelta(days=30)
    term_start = decided - datetime.timedelta(days=20)
    OrganisationPage.objects.filter(pk=org_a.pk).update(term_start=term_start)
    editor = login(redacteur_a)
    edit_url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    assert "Dit protocol is nog niet vastgesteld." in editor.get(edit_url).content.decode()

    url = reverse("protocols_adoption", args=[protocol.pk])
    form = editor.get(url).content.decode()
    assert "College van burgemeester en wethouders" in form
    assert "Gedeputeerde Staten" not in form and "Algemeen bestuur" not in form
    assert "Kies wie het besluit nam" in form and "---------" not in form

    # A body that does not fit a gemeente is refused; nothing is recorded.
    wrong = {"adopted_by": "gedeputeerde_staten", "decided_on": decided, "reference": "x"}
    assert editor.post(url, wrong).status_code == 200
    assert not AdoptionDecision.objects.exists()

    data = {"adopted_by": "college", "decided_on": decided.isoformat(), "reference": "2026-17"}
    response = editor.post(url, data)
    assert response.status_code == 302 and response["Location"] == edit_url
    decision = AdoptionDecision.objects.get(protocol=protocol)
    # Default review: the start of the next term, at most four years after the decision.
    next_term = term_start.replace(year=term_start.year + 4)
    assert decision.review_on == next_term
    assert decision.recorded_by == redacteur_a

    sentence = (
        f"Vastgesteld door het college van burgemeester en wethouders op {dutch_date(decided)} "
        "(besluit 2026-17)."
    )
    client.logout()
    assert sentence in client.get(protocol.url).content.decode()
    pdf = pdf_text(client.get(protocol.url + "pdf/").content)
    assert "Vastgesteld door het college van burgemeester en wethouders" in pdf
    assert "2026-17" in pdf

    panel = login(redacteur_a).get(edit_url).content.decode()
    assert f"Herzien uiterlijk op {dutch_date(next_term)}." in panel


def test_review_defaults_to_four_years_without_a_term_start(home_page, org_b, make_user, login):
    protocol = simple_protocol(home_page, org_b)
    editor = login(make_user("redacteur-b", org_b.editors_group))
    decided = TODAY() - datetime.timedelta(days=10)
    data = {"adopted_by": "raad", "decided_on": decided.isoformat(), "reference": "R-3"}
    editor.post(reverse("protocols_adoption", args=[protocol.pk]), data)
    assert AdoptionDecision.objects.get().review_on == decided.replace(year=decided.year + 4)


def test_publishing_a_changed_protocol_asks_whether_it_needs_a_new_adoption(
    home_page, org_a, publiceerder_a, login, client
):
    protocol = simple_protocol(home_page, org_a)
    adopted_on = TODAY() - datetime.timedelta(days=60)
    record_decision(protocol, publiceerder_a, "college", adopted_on, "2026-17")
    editor = login(publiceerder_a)
    edit_url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    adoption_url = reverse("protocols_adoption", args=[protocol.pk])

    # Publishing unchanged content asks nothing.
    same = [
        ("norm", "Uitgangspunten", NORM_TEXT),
        ("melden", "Melden en registreren", REPORT_TEXT),
        ("nazorg", "Nazorg", AFTERCARE_TEXT),
        ("media", "Communicatie", MEDIA_TEXT),
    ]
    response = editor.post(edit_url, edit_form_data(protocol, same, **{"action-publish": "1"}))
    assert response.status_code == 302 and not response["Location"].startswith(adoption_url)

    changed = list(same)
    changed[1] = ("melden", "Melden en registreren", "<p>Meld het bij de griffie.</p>")
    response = editor.post(
        edit_url, edit_form_data(fresh(protocol), changed, **{"action-publish": "1"})
    )
    assert response.status_code == 302
    assert response["Location"] == adoption_url + "?na_publicatie=1"
    question = editor.get(response["Location"]).content.decode()
    warning = f"Gewijzigd na vaststelling op {dutch_date(adopted_on)}: leg een nieuw besluit vast."
    assert warning in question
    assert "Vraagt deze wijziging een nieuw besluit?" in question
    assert warning in editor.get(edit_url).content.decode()

    # The public page shows the new text and still the last adoption.
    client.logout()
    public = client.get(fresh(protocol).url).content.decode()
    assert "Meld het bij de griffie." in public
    assert f"op {dutch_date(adopted_on)} (besluit 2026-17)" in public

    # A new decision is recorded; the warning is gone and the page shows it.
    editor = login(publiceerder_a)
    today = TODAY()
    editor.post(
        adoption_url,
        {"adopted_by": "raad", "decided_on": today.isoformat(), "reference": "2026-88"},
    )
    assert warning not in editor.get(edit_url).content.decode()
    client.logout()
    public = client.get(fresh(protocol).url).content.decode()
    assert f"Vastgesteld door de gemeenteraad op {dutch_date(today)} (besluit 2026-88)." in public


def test_an_editorial_change_can_keep_the_adoption(home_page, org_a, publiceerder_a, login):
    protocol = simple_protocol(home_page, org_a)
    adopted_on = TODAY() - datetime.timedelta(days=5)
    record_decision(protocol, publiceerder_a, "college", adopted_on, "2026-17")
    protocol = fresh(protocol)
    raw = list(protocol.body.raw_data)
    raw[2]["value"] = {**raw[2]["value"], "text": "<p>Na een incident belt de griffie u.</p>"}
    protocol.body = raw
    protocol.save_revision().publish()

    editor = login(publiceerder_a)
    edit_url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    assert "Gewijzigd na vaststelling op" in editor.get(edit_url).content.decode()
    response = editor.post(reverse("protocols_adoption", args=[protocol.pk]), {"action": "confirm"})
    assert response["Location"] == edit_url
    html = editor.get(edit_url).content.decode()
    assert "Gewijzigd na vaststelling op" not in html
    assert f"op {dutch_date(adopted_on)} (besluit 2026-17)" in html
    assert AdoptionDecision.objects.count() == 1


def test_reminder_on_the_editors_home_for_their_own_organisation(
    home_page, org_a, org_b, redacteur_a, login
):
    make_template(home_page)
    protocol = published(org_a)
    published(org_b)
    home = reverse("wagtailadmin_home")
    html = login(redacteur_a).get(home).content.decode()
    assert "Vaststelling agressieprotocol" in html
    assert "Gemeente Aadorp:</strong>" in html
    assert "het agressieprotocol is nog niet vastgesteld." in html
    assert "Gemeente Beestad" not in html  # another organisation's protocol

    # Adopted with a review date near: the reminder names it; far away: no reminder.
    decided = TODAY() - datetime.timedelta(days=3)
    review = TODAY() + datetime.timedelta(days=30)
    decision = record_decision(protocol, redacteur_a, "college", decided, "2026-17", review)
    html = login(redacteur_a).get(home).content.decode()
    assert f"herzien uiterlijk op {dutch_date(review)}." in html
    AdoptionDecision.objects.filter(pk=decision.pk).update(
        review_on=TODAY() + datetime.timedelta(days=900)
    )
    assert "Vaststelling agressieprotocol" not in login(redacteur_a).get(home).content.decode()

    # Few queries, however many organisations the user belongs to.
    request = RequestFactory().get(home)
    request.user = redacteur_a
    redacteur_a.groups.add(org_b.editors_group)
    with CaptureQueriesContext(connection) as queries:
        AdoptionRemindersPanel().render_html({"request": request})
    assert len(queries) <= 2


def test_national_overview_shows_adoption_and_review(
    home_page, org_a, org_b, national_editor, publiceerder_a, login
):
    make_template(home_page)
    a = published(org_a)
    published(org_b)
    decided = TODAY() - datetime.timedelta(days=40)
    decision = record_decision(a, publiceerder_a, "college", decided, "2026-17")
    html = login(national_editor).get(reverse("protocols_overview")).content.decode()
    with translation.override("nl"):
        short = date_format(decided, "SHORT_DATE_FORMAT")
        review = date_format(decision.review_on, "SHORT_DATE_FORMAT")
    assert f"Vastgesteld op {short} door het college van burgemeester en wethouders" in html
    assert review in html
    assert "Niet vastgesteld" in html  # Beestad

    a = fresh(a)
    raw = list(a.body.raw_data)
    raw[1]["value"] = {**raw[1]["value"], "text": "<p>Meld het bij de griffie.</p>"}
    a.body = raw
    a.save_revision().publish()
    client = login(national_editor)
    html = client.get(reverse("protocols_overview")).content.decode()
    assert f"Gewijzigd na vaststelling op {short}" in html

    # Filters for the national editors' follow-up.
    url = reverse("protocols_overview")
    changed = client.get(url, {"adoption": "gewijzigd"}).content.decode()
    assert "Gemeente Aadorp" in changed and "Gemeente Beestad" not in changed
    not_adopted = client.get(url, {"adoption": "niet_vastgesteld"}).content.decode()
    assert "Gemeente Beestad" in not_adopted and "Gemeente Aadorp" not in not_adopted
    AdoptionDecision.objects.filter(pk=decision.pk).update(review_on=TODAY())
    review = client.get(url, {"adoption": "herziening"}).content.decode()
    assert "Gemeente Aadorp" in review and "Gemeente Beestad" not in review
    assert f"{date_format(TODAY(), 'SHORT_DATE_FORMAT')} (verlopen)" in review


def test_approving_a_changed_protocol_in_the_editor_asks_the_same_question(
    home_page, org_a, redacteur_a, publiceerder_a, login
):
    """The usual path: the redacteur submits, the publiceerder approves with "Goedkeuren en
    publiceren" in the editor; the workflow publishes, and the adoption question follows."""
    protocol = simple_protocol(home_page, org_a)
    record_decision(protocol, publiceerder_a, "college", TODAY() - datetime.timedelta(days=9), "9")
    edit_url = reverse("wagtailadmin_pages:edit", args=[protocol.pk])
    changed = [
        ("norm", "Uitgangspunten", NORM_TEXT),
        ("melden", "Melden en registreren", "<p>Meld het altijd bij de griffie.</p>"),
        ("nazorg", "Nazorg", AFTERCARE_TEXT),
        ("media", "Communicatie", MEDIA_TEXT),
    ]
    submitted = login(redacteur_a).post(
        edit_url, edit_form_data(fresh(protocol), changed, **{"action-submit": "1"})
    )
    assert submitted.status_code == 302 and fresh(protocol).has_unpublished_changes
    approve = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    response = login(publiceerder_a).post(
        edit_url, edit_form_data(fresh(protocol), changed, **approve)
    )
    assert fresh(protocol).live_revision_id == fresh(protocol).latest_revision_id
    assert response.status_code == 302
    assert response["Location"] == reverse("protocols_adoption", args=[protocol.pk]) + (
        "?na_publicatie=1"
    )
