"""Checklist progress per organisation: permissions, overview, history, recurring items and
reminders (time travel through the `today` argument and `checklist_due --datum`)."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from toolkit.checklist import load_checklist
from toolkit.models import ChecklistItem, ChecklistProgress, ChecklistProgressChange
from toolkit.progress import progress_records, update_progress
from toolkit.tasks import process_due_items

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def checklist(db):
    load_checklist()


@pytest.fixture
def coordinator_a(make_user, org_a):
    return make_user("coordinator-a", org_a.coordinators_group)


@pytest.fixture
def redacteur_b(make_user, org_b):
    return make_user("redacteur-b", org_b.editors_group)


def item(text: str) -> ChecklistItem:
    return ChecklistItem.objects.get(text=text)


def record(org, text: str) -> ChecklistProgress:
    progress_records(org)
    return ChecklistProgress.objects.get(organisation=org, item=item(text))


def overview_url(org) -> str:
    return reverse("toolkit_progress_overview", args=[org.pk])


def edit_url(org, text: str) -> str:
    return reverse("toolkit_progress_edit", args=[org.pk, item(text).pk])


def denied(response) -> bool:
    """Wagtail answers PermissionDenied in the admin with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


# --- who sees and edits ---------------------------------------------------------------------


@pytest.mark.parametrize("user", ["redacteur_a", "publiceerder_a", "coordinator_a"])
def test_organisation_people_see_and_edit_own_progress(request, login, org_a, checklist, user):
    client = login(request.getfixturevalue(user))
    assert client.get(overview_url(org_a)).status_code == 200
    assert client.get(edit_url(org_a, "Sanctiebeleid bepalen")).status_code == 200
    index = client.get(reverse("toolkit_progress_index"))
    assert index.status_code == 302 and index.url == overview_url(org_a)


@pytest.mark.parametrize("user", ["redacteur_b", "national_editor"])
def test_others_cannot_see_or_edit_an_organisations_progress(
    request, login, org_a, checklist, user
):
    client = login(request.getfixturevalue(user))
    assert denied(client.get(overview_url(org_a)))
    assert denied(client.get(edit_url(org_a, "Sanctiebeleid bepalen")))
    assert denied(client.post(edit_url(org_a, "Sanctiebeleid bepalen"), {"status": "gereed"}))
    assert not ChecklistProgressChange.objects.exists()


def test_anonymous_is_sent_to_login(client, org_a, checklist):
    response = client.get(overview_url(org_a))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_owner_and_evidence_choices_are_limited_to_the_organisation(
    login, org_a, org_b, redacteur_a, redacteur_b, checklist
):
    form = login(redacteur_a).get(edit_url(org_a, "Sanctiebeleid bepalen")).context["form"]
    assert list(form.fields["owner"].queryset) == [redacteur_a]
    pages = form.fields["evidence_page"].queryset
    assert pages.filter(pk=org_a.pk).exists() and not pages.filter(pk=org_b.pk).exists()


# --- editing, overview and history --------------------------------------------------------


def test_editing_saves_and_writes_history(login, org_a, redacteur_a, checklist):
    client = login(redacteur_a)
    response = client.post(
        edit_url(org_a, "Sanctiebeleid bepalen"),
        {
            "status": "bezig",
            "owner": redacteur_a.pk,
            "due_date": "2026-12-31",
            "note": "Voorstel gaat naar het college.",
        },
    )
    assert response.status_code == 302
    progress = record(org_a, "Sanctiebeleid bepalen")
    assert progress.status == "bezig" and progress.owner == redacteur_a
    assert progress.due_date == datetime.date(2026, 12, 31)
    change = progress.history.get()
    assert change.changed_by == redacteur_a
    assert change.changes["status"] == ["Niet gestart", "Bezig"]
    assert change.changes["due_date"] == ["", "2026-12-31"]

    client.post(
        edit_url(org_a, "Sanctiebeleid bepalen"),
        {"status": "gereed", "owner": redacteur_a.pk, "due_date": "2026-12-31", "note": "Klaar."},
    )
    progress.refresh_from_db()
    assert progress.status == "gereed" and progress.completed_on is not None
    assert progress.history.count() == 2
    html = client.get(edit_url(org_a, "Sanctiebeleid bepalen")).content.decode()
    assert "Bezig → Gereed" in html


def test_saving_without_changes_writes_no_history(org_a, redacteur_a, checklist):
    progress = record(org_a, "Sanctiebeleid bepalen")
    update_progress(progress, redacteur_a, status="niet_gestart", note="")
    assert not progress.history.exists()


def test_overview_shows_a_bar_with_text_per_heading(login, org_a, redacteur_a, checklist):
    for text in [
        "Normen blijven uitdragen",
        "Genomen besluiten toelichten en uitleggen aan betrokkenen",
    ]:
        update_progress(record(org_a, text), redacteur_a, status="gereed")
    update_progress(
        record(org_a, "In gesprek blijven met ‘lastige’ personen"), redacteur_a, status="nvt"
    )
    response = login(redacteur_a).get(overview_url(org_a))
    heading = next(
        h
        for phase in response.context["phases"]
        for h in phase["headings"]
        if h.heading.title == "Actief communiceren"
    )
    assert (heading.done, heading.applicable, heading.percent) == (2, 2, 100)
    html = response.content.decode()
    assert '<progress class="tk-bar" max="100" value="100"' in html
    assert "2 van 2 gereed (100%)" in html
    assert "0 van 2 gereed (0%)" in html  # Beleid vaststellen


def test_progress_of_one_organisation_does_not_leak_into_another(
    org_a, org_b, redacteur_a, checklist
):
    update_progress(record(org_a, "Sanctiebeleid bepalen"), redacteur_a, status="gereed")
    assert record(org_b, "Sanctiebeleid bepalen").status == "niet_gestart"


# --- recurring items and reminders ---------------------------------------------------------


def test_yearly_item_comes_back_when_due_and_owner_is_reminded(
    org_a, coordinator_a, checklist, django_capture_on_commit_callbacks
):
    text = "Processen controleren en jaarlijks evalueren naar aanleiding van incidenten"
    progress = update_progress(
        record(org_a, text),
        coordinator_a,
        today=datetime.date(2025, 11, 20),
        status="gereed",
        owner=coordinator_a,
    )
    assert progress.repeat_on == datetime.date(2026, 11, 20)

    with django_capture_on_commit_callbacks(execute=True):
        assert process_due_items(datetime.date(2026, 11, 19)) == {"reopened": 0, "reminded": 0}
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        assert process_due_items(datetime.date(2026, 11, 20)) == {"reopened": 1, "reminded": 1}
    progress.refresh_from_db()
    assert progress.status == "niet_gestart"
    assert progress.due_date == datetime.date(2026, 11, 20)
    assert progress.completed_on is None
    reopen = progress.history.first()
    assert reopen.changed_by is None and "opnieuw aan de beurt" in reopen.reason

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator_a.email]
    assert text in message.subject
    assert reverse("toolkit_progress_edit", args=[org_a.pk, progress.item_id]) in message.body

    # Running again the same day or later does not remind twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert process_due_items(datetime.date(2026, 11, 21)) == {"reopened": 0, "reminded": 0}
    assert len(mail.outbox) == 1


def test_one_off_done_items_never_come_back(org_a, coordinator_a, checklist):
    update_progress(
        record(org_a, "Sanctiebeleid bepalen"),
        coordinator_a,
        today=datetime.date(2020, 1, 1),
        status="gereed",
        owner=coordinator_a,
    )
    assert process_due_items(TODAY) == {"reopened": 0, "reminded": 0}
    assert record(org_a, "Sanctiebeleid bepalen").status == "gereed"


def test_term_item_comes_back_at_the_next_term_start(org_a, coordinator_a, checklist):
    text = "Per zittings- of collegetermijn uitgangspunten herijken"
    org_a.term_start = datetime.date(2022, 3, 16)
    org_a.save()
    progress = update_progress(
        record(org_a, text), coordinator_a, today=datetime.date(2024, 9, 1), status="gereed"
    )
    # The next election, not four years after completion (2028-09-01).
    assert progress.repeat_on == datetime.date(2026, 3, 16)
    assert process_due_items(datetime.date(2026, 3, 15))["reopened"] == 0
    assert process_due_items(datetime.date(2026, 3, 16))["reopened"] == 1
    assert record(org_a, text).due_date == datetime.date(2026, 3, 16)


def test_overdue_item_reminds_owner_and_new_due_date_reminds_again(
    org_a, coordinator_a, checklist, django_capture_on_commit_callbacks
):
    progress = update_progress(
        record(org_a, "Sanctiebeleid bepalen"),
        coordinator_a,
        status="bezig",
        owner=coordinator_a,
        due_date=datetime.date(2026, 11, 1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("checklist_due", "--datum", "2026-11-02")
    assert len(mail.outbox) == 1
    update_progress(progress, coordinator_a, due_date=datetime.date(2026, 12, 1))
    with django_capture_on_commit_callbacks(execute=True):
        process_due_items(datetime.date(2026, 11, 15))
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        process_due_items(datetime.date(2026, 12, 1))
    assert len(mail.outbox) == 2


def test_database_refuses_done_without_completion_date(org_a, checklist):
    from django.db import IntegrityError, transaction

    progress = record(org_a, "Sanctiebeleid bepalen")
    with pytest.raises(IntegrityError), transaction.atomic():
        ChecklistProgress.objects.filter(pk=progress.pk).update(status="gereed")


def test_dashboard_lists_my_open_items_of_my_organisation_only(
    login, org_a, org_b, coordinator_a, checklist
):
    update_progress(
        record(org_a, "Sanctiebeleid bepalen"),
        coordinator_a,
        status="bezig",
        owner=coordinator_a,
        due_date=datetime.date(2026, 1, 1),
    )
    update_progress(
        record(org_a, "Normen blijven uitdragen"),
        coordinator_a,
        status="gereed",
        owner=coordinator_a,
    )
    # An owner link left over in another organisation (e.g. after moving) is not shown.
    update_progress(
        record(org_b, "Sancties afwegen, bij strafbaar feit aangifte doen en schade verhalen"),
        None,
        owner=coordinator_a,
    )

    html = login(coordinator_a).get(reverse("wagtailadmin_home")).content.decode()
    assert "Mijn openstaande checklistpunten" in html
    assert "Sanctiebeleid bepalen" in html and "(verlopen)" in html
    assert "Normen blijven uitdragen" not in html
    assert "Sancties afwegen" not in html
