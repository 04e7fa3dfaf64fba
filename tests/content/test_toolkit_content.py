"""Issue 23, toolkit and checklist: the national content is true to the seeds and public
sources, the checklist recurs per event, incident, year or term, organisations add their own
items, and every page and internal link of the demo answers.

This machine has no internet: external addresses are checked for form (https, a host), never
fetched. Internal links and pages are requested for real.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import OrganisationPage
from toolkit.checklist import load_checklist
from toolkit.models import (
    MOMENT_FIELDS,
    ChecklistHeading,
    ChecklistItem,
    ChecklistPage,
    ChecklistProgress,
    ResourceKind,
    StappenplanPage,
    ToolkitIndexPage,
    ToolkitResourcePage,
)
from toolkit.progress import progress_records, update_progress
from toolkit.tasks import process_due_items

pytestmark = pytest.mark.django_db

VERTROUWENSLIJN = "0800 2800 200"
# Kinds the seed names: handreikingen, protocollen, een meldapp, links, een presentatie, and
# the Leidraad with its Stappenplan and the Eenduidige Landelijke Afspraken.
SEED_KINDS = [
    ResourceKind.LEIDRAAD,
    ResourceKind.STAPPENPLAN,
    ResourceKind.AGRESSIEPROTOCOL,
    ResourceKind.LANDELIJKE_AFSPRAKEN,
    ResourceKind.MELDAPP,
    ResourceKind.PRESENTATIE,
    ResourceKind.HANDREIKING,
    ResourceKind.LINK,
]
HREF = re.compile(r'href="([^"#]+)"')


def well_formed_https(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme == "https" and "." in parts.netloc and " " not in url


def denied(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


# --- 3. the toolkit of the demo -------------------------------------------------------------


@pytest.mark.usefixtures("demo_content")
def test_demo_toolkit_is_true_to_the_seed_and_checklist_shows_a_believable_mix(client, login):
    national = ToolkitIndexPage.objects.get(depth=3, locale__language_code="nl")

    for kind in SEED_KINDS:
        found = client.get(national.url, {"kind": kind}).context["resources"]
        assert found, f"no resource of kind {kind}"
    titles = [r.title for r in client.get(national.url).context["resources"]]
    assert "Voorbeeld: agressieprotocol van de gemeente Alkmaar" in titles

    resources = ToolkitResourcePage.objects.live()
    for resource in resources:
        html = client.get(resource.url).content.decode()
        # Nothing invented: the half-day training of earlier versions is gone.
        assert "dagdeel" not in html and "Training weerbaarheid" not in html
        # External addresses are https and well formed (not fetched: no internet here).
        if resource.external_url:
            assert well_formed_https(resource.external_url), resource.external_url
        for href in HREF.findall(resource.specific.body):
            if not href.startswith("/"):
                assert well_formed_https(href), href

    # Real contacts: the Vertrouwenslijn's published number, on its page and in every footer.
    vertrouwenslijn = resources.get(slug="vertrouwenslijn", locale=national.locale)
    html = client.get(vertrouwenslijn.url).content.decode()
    assert VERTROUWENSLIJN in html
    assert 'href="tel:08002800200"' in html and "0800 000 0000" not in html

    # Every resource a Stappenplan step links to is tagged with the step's moment.
    stappenplan = StappenplanPage.objects.get(locale__language_code="nl")
    for role in [
        "ambtsdrager",
        "griffier",
        "burgemeester",
        "secretaris",
        "veiligheidscoordinator",
        "communicatie",
        "vertrouwenspersoon",
    ]:
        for group in client.get(stappenplan.url, {"role": role}).context["moment_groups"]:
            for step in group["steps"]:
                for linked in step.linked_resources():
                    tagged = getattr(linked, MOMENT_FIELDS[group["value"]])
                    assert tagged, f"{linked.title} linked from {role}/{group['value']}"

    # 4. The demo checklist: in each organisation both phases hold done and open items, and
    # each organisation knows its term start.
    for org in OrganisationPage.objects.filter(locale__language_code="nl"):
        assert org.term_start is not None
        coordinator = org.coordinators_group.user_set.get()
        phases = (
            login(coordinator)
            .get(reverse("toolkit_progress_overview", args=[org.pk]))
            .context["phases"]
        )
        for phase in phases:
            statuses = {r.status for h in phase["headings"] for r in h.records}
            assert "gereed" in statuses, (org.title, phase["value"])
            assert statuses - {"gereed", "nvt"}, (org.title, phase["value"])


# --- 4. the checklist ------------------------------------------------------------------------


@pytest.fixture
def checklist(db):
    load_checklist()


def item(text: str) -> ChecklistItem:
    return ChecklistItem.objects.get(text=text, organisation__isnull=True)


def record(org, text: str) -> ChecklistProgress:
    progress_records(org)
    return ChecklistProgress.objects.get(organisation=org, item__text=text)


def test_per_event_and_per_incident_items_have_no_date_and_are_never_overdue(
    login, org_a, coordinator_a, checklist, django_capture_on_commit_callbacks
):
    event = "Operationele risicoanalyses (laten) uitvoeren"
    incident = "Incidenten systematisch evalueren"
    long_ago = datetime.date.today() - datetime.timedelta(days=500)
    update_progress(record(org_a, event), coordinator_a, today=long_ago, status="gereed")
    # A due date left from the yearly recurrence of before: neither overdue nor reminded.
    update_progress(
        record(org_a, incident),
        coordinator_a,
        status="bezig",
        owner=coordinator_a,
        due_date=long_ago,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert process_due_items() == {"reopened": 0, "reminded": 0}
    assert record(org_a, event).status == "gereed"

    client = login(coordinator_a)
    html = client.get(reverse("toolkit_progress_overview", args=[org_a.pk])).content.decode()
    assert "bij elk evenement" in html and "na elk incident" in html
    assert "(verlopen)" not in html
    form = client.get(reverse("toolkit_progress_edit", args=[org_a.pk, item(incident).pk])).context[
        "form"
    ]
    assert "due_date" not in form.fields


def test_term_items_come_back_at_the_next_term_start_of_the_organisation(
    login, make_user, org_a, coordinator_a, checklist
):
    admin = make_user("beheer", superuser=True)
    edit = login(admin).get(reverse("wagtailadmin_pages:edit", args=[org_a.pk]))
    assert "Start zittingstermijn (verkiezing of installatie)" in edit.content.decode()

    text = "Per zittings- of collegetermijn uitgangspunten herijken"
    org_a.term_start = datetime.date(2026, 3, 18)
    org_a.save()
    update_progress(
        record(org_a, text), coordinator_a, today=datetime.date(2026, 5, 1), status="gereed"
    )
    html = (
        login(coordinator_a)
        .get(reverse("toolkit_progress_overview", args=[org_a.pk]))
        .content.decode()
    )
    assert "komt terug op 18 maart 2030" in html
    assert html.lower().count("per zittings- of collegetermijn") == 1


def test_public_checklist_prints_the_term_once(client, home_page, checklist):
    page = ChecklistPage(title="Checklist", slug="checklist")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert html.lower().count("per zittings- of collegetermijn") == 1
    assert "bij elk evenement" in html and "na elk incident" in html


def test_organisation_editors_add_their_own_items_others_do_not(
    login,
    make_user,
    org_a,
    org_b,
    redacteur_a,
    publiceerder_a,
    national_editor,
    checklist,
    client,
    home_page,
):
    heading = ChecklistHeading.objects.get(title="Preventieve maatregelen (laten) nemen")
    add_url = reverse("toolkit_own_item_add", args=[org_a.pk, heading.pk])
    text = "Alarmknoppen in de raadzaal jaarlijks testen"

    # Publishers and coordinators keep progress but do not write items; other organisations
    # and national editors do not reach them at all.
    redacteur_b = make_user("redacteur-b", org_b.editors_group)
    for user in (publiceerder_a, redacteur_b, national_editor):
        assert denied(login(user).post(add_url, {"text": text, "recurrence": "jaarlijks"}))
    assert not ChecklistItem.objects.filter(text=text).exists()

    response = login(redacteur_a).post(add_url, {"text": text, "recurrence": "jaarlijks"})
    assert response.status_code == 302
    own = ChecklistItem.objects.get(text=text)
    assert own.organisation_id == org_a.pk and own.heading == heading
    # The same text twice under a heading is refused.
    again = login(redacteur_a).post(add_url, {"text": text, "recurrence": "eenmalig"})
    assert again.status_code == 200 and ChecklistItem.objects.filter(text=text).count() == 1

    overview_a = login(publiceerder_a).get(reverse("toolkit_progress_overview", args=[org_a.pk]))
    assert text in overview_a.content.decode()
    assert (
        login(publiceerder_a)
        .get(reverse("toolkit_progress_edit", args=[org_a.pk, own.pk]))
        .status_code
        == 200
    )
    assert denied(
        login(publiceerder_a).get(reverse("toolkit_own_item_edit", args=[org_a.pk, own.pk]))
    )
    overview_b = login(redacteur_b).get(reverse("toolkit_progress_overview", args=[org_b.pk]))
    assert text not in overview_b.content.decode()
    assert (
        login(redacteur_b)
        .get(reverse("toolkit_progress_edit", args=[org_b.pk, own.pk]))
        .status_code
        == 404
    )

    # The national editor's heading form lists only national items; saving keeps the own one.
    editor = login(national_editor)
    edit_url = reverse("wagtailsnippets_toolkit_checklistheading:edit", args=[heading.pk])
    form = editor.get(edit_url).context["form"]
    assert text not in [f.instance.text for f in form.formsets["items"].forms]
    national = list(
        ChecklistItem.objects.filter(heading=heading, organisation__isnull=True).order_by(
            "sort_order"
        )
    )
    rows = [
        {"id": i.pk, "text": i.text, "explanation": i.explanation, "recurrence": i.recurrence}
        for i in national
    ]
    data = nested_form_data(
        {
            "phase": heading.phase,
            "title": heading.title,
            "sort_order": heading.sort_order,
            "items": inline_formset(rows, initial=len(rows)),
        }
    )
    assert editor.post(edit_url, data).status_code == 302
    assert ChecklistItem.objects.filter(pk=own.pk, organisation=org_a).exists()

    # The public checklist shows the national checklist only.
    page = ChecklistPage(title="Checklist", slug="checklist")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    client.logout()
    assert text not in client.get(page.url).content.decode()

    # The editor changes and removes the item.
    login(redacteur_a).post(
        reverse("toolkit_own_item_edit", args=[org_a.pk, own.pk]),
        {"text": text + " en noteren", "recurrence": "jaarlijks"},
    )
    own.refresh_from_db()
    assert own.text == text + " en noteren"
    login(redacteur_a).post(reverse("toolkit_own_item_delete", args=[org_a.pk, own.pk]))
    assert not ChecklistItem.objects.filter(pk=own.pk).exists()


# --- 6. every page and internal link of the demo answers --------------------------------


@pytest.mark.usefixtures("demo_content")
def test_every_demo_page_and_internal_resource_link_answers(client):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert pages.count() > 10
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, (page.url, response.status_code)

    for resource in ToolkitResourcePage.objects.live():
        html = client.get(resource.url).content.decode()
        html = html.split("<main", 1)[1].split("</main>", 1)[0]  # the page, not the site menu
        internal = {href for href in HREF.findall(html) if href.startswith("/")}
        for document in resource.documents.all():
            assert document.document.url in internal
        for href in internal:
            response = client.get(href)
            assert response.status_code == 200, (resource.title, href, response.status_code)
