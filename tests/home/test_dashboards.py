"""The admin home per role: what each panel shows, only for the user's own organisation, and
with a fixed number of queries however much data there is."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from home.provisioning import provision_organisation
from meldingen.models import MeldingHistory, NazorgContact
from partners.models import Notice
from tests import factories
from tests.protocol_factories import derive, make_template, publish_template_change
from toolkit.models import ChecklistItem, ChecklistProgress, ProgressStatus

pytestmark = pytest.mark.django_db
HOME = "/admin/"


def home(client) -> str:
    response = client.get(HOME)
    assert response.status_code == 200
    text = unescape(response.content.decode())
    for code in ("None", "True", "False"):
        assert f">{code}<" not in text and f" {code} " not in text
    return text


def plain(html: str) -> str:
    """The text of html, tags dropped and white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


@pytest.fixture
def template(home_page):
    return make_template(home_page)


# Redacteur and publiceerder -------------------------------------------------------------------


def test_redacteur_without_protocol_is_offered_to_derive_it(template, org_a, redacteur_a, login):
    html = home(login(redacteur_a))
    assert "Je organisatie" in html and "Gemeente Aadorp (je rol: redacteur)" in plain(html)
    assert "nog geen agressieprotocol" in html
    assert reverse("protocols_derive", args=[org_a.pk]) in html


def test_redacteur_sees_the_protocol_behind_the_template_with_a_link_to_compare(
    template, org_a, org_b, redacteur_a, login
):
    protocol = derive(org_a)
    protocol.save_revision().publish()
    other = derive(org_b)
    publish_template_change(template, "media", text="<p>Nieuwe tekst.</p>")
    publish_template_change(template, "nazorg", text="<p>Nieuwe nazorg.</p>")
    html = home(login(redacteur_a))
    assert "Gemeente Aadorp: gepubliceerd." in plain(html)
    assert "je protocol loopt 2 versies achter" in plain(html)
    assert reverse("protocols_compare", args=[protocol.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[protocol.pk]) in html
    # Nothing of the other organisation.
    assert "Gemeente Beestad" not in html
    assert reverse("protocols_compare", args=[other.pk]) not in html


def test_publiceerder_sees_the_protocol_waiting_for_approval(
    template, org_a, redacteur_a, publiceerder_a, login
):
    protocol = derive(org_a)
    protocol.get_workflow().start(protocol, redacteur_a)
    html = home(login(publiceerder_a))
    assert "Gemeente Aadorp (je rol: publiceerder)" in plain(html)
    assert "wacht op je goedkeuring" in html
    assert "wacht op goedkeuring door een publiceerder" in home(login(redacteur_a))
    assert "versie achter" not in html and "versies achter" not in html


def test_publiceerder_without_protocol_is_not_offered_to_derive(
    template, org_a, publiceerder_a, login
):
    html = home(login(publiceerder_a))
    assert "nog geen agressieprotocol" in html
    assert reverse("protocols_derive", args=[org_a.pk]) not in html
    assert "Een redacteur van je organisatie leidt het af" in html


def test_checklist_progress_and_what_is_due(org_a, org_b, redacteur_a, login):
    today = timezone.localdate()
    items = list(ChecklistItem.objects.filter(organisation__isnull=True).order_by("pk")[:3])
    national = ChecklistItem.objects.filter(organisation__isnull=True).count()
    ChecklistProgress.objects.create(
        organisation=org_a, item=items[0], status=ProgressStatus.DONE, completed_on=today
    )
    ChecklistProgress.objects.create(
        organisation=org_a,
        item=items[1],
        status=ProgressStatus.IN_PROGRESS,
        due_date=today - datetime.timedelta(days=3),
    )
    ChecklistProgress.objects.create(
        organisation=org_a,
        item=items[2],
        status=ProgressStatus.NOT_STARTED,
        due_date=today + datetime.timedelta(days=10),
    )
    ChecklistProgress.objects.create(
        organisation=org_b,
        item=items[2],
        status=ProgressStatus.NOT_STARTED,
        due_date=today + datetime.timedelta(days=5),
    )
    html = home(login(redacteur_a))
    text = plain(html)
    assert f"Checklist: 1 van {national} punten gereed" in text
    assert "1 punt over de streefdatum." in text
    assert "1 punt moet binnen 30 dagen gereed zijn." in text
    due = html.split("Wat binnenkort moet")[1]
    assert items[1].text in due and items[2].text in due
    assert "(verlopen)" in due
    assert due.count("Gemeente Beestad") == 0


# Veiligheidscoördinator ---------------------------------------------------------------------


@pytest.fixture
def partners(org_a):
    kinds = factories.partner_kinds()
    factories.national_rules(kinds)
    return [factories.partner(org_a, kinds["politie"], "Politie Aadorp", "p@example.test")]


def routed(org, coordinator, partners, django_capture_on_commit_callbacks):
    melding = factories.melding(org)
    with django_capture_on_commit_callbacks(execute=True):
        factories.triage_and_route(melding, coordinator, partners)
    return melding


def test_coordinator_sees_steps_deadlines_nazorg_measures_and_quiet_cases(
    org_a, org_b, coordinator_a, coordinator_b, partners, login, django_capture_on_commit_callbacks
):
    now = timezone.now()
    waiting = factories.melding(org_a)
    other = factories.melding(org_b)
    case = routed(org_a, coordinator_a, partners, django_capture_on_commit_callbacks)
    # Arrange what has become due: a nazorg contact yesterday, the police's deadline passed, a
    # known perpetrator without reaction for three days, no activity for ten weeks.
    contact = NazorgContact.objects.filter(melding=case).order_by("due_on").first()
    NazorgContact.objects.filter(pk=contact.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    Notice.objects.filter(melding=case).update(
        deadline_at=now - datetime.timedelta(hours=2), acknowledged_at=None
    )
    type(case).objects.filter(pk=case.pk).update(created_at=now - datetime.timedelta(days=3))
    MeldingHistory.objects.filter(melding=case).update(at=now - datetime.timedelta(weeks=10))

    html = home(login(coordinator_a))
    cases = plain(
        html.split('id="meldingen-cases-section"')[1].split('id="partners-deadlines-section"')[0]
    )
    assert "Triage door veiligheidscoördinator: 1 melding" in cases
    assert reverse("melding_nazorg", args=[contact.pk]) in html
    assert "nog niet gedaan" in cases
    assert "dader bekend, na 48 uur nog geen reactie vastgelegd" in cases
    assert "geen activiteit sinds" in cases and case.reference in cases
    deadlines = plain(html.split('id="partners-deadlines-section"')[1])
    assert "Politie Aadorp" in deadlines and "termijn verstreken" in deadlines
    assert waiting.reference in html
    assert other.reference not in html

    # The other organisation's coordinator sees nothing of it.
    html_b = home(login(coordinator_b))
    assert case.reference not in html_b and waiting.reference not in html_b
    assert other.reference in html_b


def test_editors_do_not_get_the_coordinators_panels(org_a, redacteur_a, login):
    html = home(login(redacteur_a))
    assert "Meldingen: wat aandacht vraagt" not in html
    assert "Reactietermijnen van ketenpartners" not in html


# Landelijke redactie ---------------------------------------------------------------------------


def test_national_editor_sees_organisations_behind_without_protocol_and_unfinished(
    template, org_a, org_b, national_editor, login
):
    derive(org_a).save_revision().publish()
    publish_template_change(template, "media", text="<p>Nieuwe tekst.</p>")
    new = provision_organisation(
        title="Waterschap Wadland", kind="waterschap", official_code="WS9001", publish=False
    ).organisation
    html = home(login(national_editor))
    follow = plain(html.split('id="protocols-template-follow-section"')[1])
    assert "Gemeente Aadorp: loopt 1 versie achter" in follow
    without = follow.split("Zonder agressieprotocol")[1]
    assert "Gemeente Beestad" in without and "Waterschap Wadland" in without
    assert f"?ingericht={new.pk}" in html.split('id="home-unfinished-provisioning-section"')[1]
    unfinished = plain(html.split('id="home-unfinished-provisioning-section"')[1])
    assert "Waterschap Wadland" in unfinished
    assert "startpagina publiceren" in unfinished and "accounts" in unfinished
    # National editors are member of no organisation: no "Je organisatie".
    assert 'id="home-my-organisation-section"' not in html


def test_organisation_members_do_not_get_the_national_panels(org_a, redacteur_a, login):
    html = home(login(redacteur_a))
    assert 'id="protocols-template-follow-section"' not in html
    assert 'id="home-unfinished-provisioning-section"' not in html


# Query budgets ---------------------------------------------------------------------------------


def test_editors_home_costs_the_same_with_more_organisations_and_progress(
    template, org_a, org_b, make_user, login, django_assert_max_num_queries
):
    user = make_user("redacteur-ab", org_a.editors_group, org_a.publishers_group)
    derive(org_a)
    client = login(user)
    client.get(HOME)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as few:
        home(client)
    # More: a second organisation with its protocol, progress on every item of both.
    user.groups.add(org_b.editors_group)
    derive(org_b)
    today = timezone.localdate()
    for org in (org_a, org_b):
        ChecklistProgress.objects.bulk_create(
            ChecklistProgress(
                organisation=org, item=item, status=ProgressStatus.NOT_STARTED, due_date=today
            )
            for item in ChecklistItem.objects.filter(organisation__isnull=True)
        )
    budget = len(few)  # read now: the next request empties the connection's query log
    client.get(HOME)  # the new role renews the kept sidebar (home.admin_sidebar) once
    with django_assert_max_num_queries(budget + 2):
        home(client)


def test_coordinators_home_costs_the_same_with_more_meldingen(
    org_a,
    coordinator_a,
    partners,
    login,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    routed(org_a, coordinator_a, partners, django_capture_on_commit_callbacks)
    factories.melding(org_a)
    client = login(coordinator_a)
    client.get(HOME)
    with CaptureQueriesContext(connection) as few:
        home(client)
    for _ in range(4):
        routed(org_a, coordinator_a, partners, django_capture_on_commit_callbacks)
        factories.melding(org_a)
    NazorgContact.objects.update(due_on=timezone.localdate())
    with django_assert_max_num_queries(len(few)):
        home(client)


def test_national_editors_home_costs_the_same_with_more_organisations(
    template, national_editor, login, django_assert_max_num_queries
):
    client = login(national_editor)
    client.get(HOME)
    with CaptureQueriesContext(connection) as few:
        home(client)
    for n in range(3):
        org = provision_organisation(
            title=f"Gemeente Extra {n}", kind="gemeente", official_code=f"GM98{n:02d}"
        ).organisation
        derive(org)
    publish_template_change(template, "media", text="<p>Nieuwe tekst.</p>")
    budget = len(few)  # read now: the next request empties the connection's query log
    client.get(HOME)  # new organisations renew the kept sidebar (home.admin_sidebar) once
    with django_assert_max_num_queries(budget):
        home(client)
