"""The coordinator sets the organisation's office hours and nazorg schedule in the admin, and
routing uses them."""

import pytest
from django.utils import timezone

from meldingen.models import CaseSettings
from tests import factories
from workflows.engine import begin_moderation

URL = "/admin/meldingen/instellingen/"


def form_data(org, **values):
    data = {
        "organisation": org.pk,
        "office_opens": "09:00",
        "office_closes": "16:30",
        "nazorg_days": "1,10",
        "inactivity_weeks": "3",
    }
    data.update(values)
    return {k if k == "organisation" else f"org{org.pk}-{k}": v for k, v in data.items()}


@pytest.mark.django_db
def test_coordinator_changes_the_schedule_and_routing_follows_it(client, org_a, coordinator_a):
    client.force_login(coordinator_a)
    listing = client.get("/admin/meldingen/").content.decode()
    assert URL in listing and "Kantoortijden en nazorg" in listing
    page = client.get(URL).content.decode()
    assert org_a.title in page and 'value="0,7,30"' in page
    response = client.post(URL, form_data(org_a))
    assert response.status_code == 302
    settings = CaseSettings.objects.get(organisation=org_a)
    assert settings.days == [1, 10] and settings.inactivity_weeks == 3

    kinds = factories.partner_kinds()
    police = factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test")
    melding = factories.melding(org_a)
    begin_moderation.call(melding.pk)
    factories.triage_and_route(melding, coordinator_a, [police])
    assert [c.days_after_routing for c in melding.nazorg.all()] == [1, 10]
    # The police's deadline counts working hours: it ends inside the office hours.
    deadline = timezone.localtime(melding.notices.get().deadline_at)
    assert settings.office_opens < deadline.time() <= settings.office_closes


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values, message",
    [
        ({"nazorg_days": "morgen"}, "Geef dagen als getallen"),
        ({"office_opens": "18:00"}, "na het openen sluiten"),
        ({"nazorg_days": "400"}, "tussen 0 en 365"),
    ],
)
def test_bad_settings_are_refused_in_dutch_and_nothing_stored(
    client, org_a, coordinator_a, values, message
):
    client.force_login(coordinator_a)
    response = client.post(URL, form_data(org_a, **values))
    assert response.status_code == 400 and message in response.content.decode()
    assert not CaseSettings.objects.exists()


@pytest.mark.django_db
def test_other_organisations_settings_are_out_of_reach(client, org_a, org_b, coordinator_a):
    client.force_login(coordinator_a)
    assert org_b.title not in client.get(URL).content.decode()
    assert client.post(URL, form_data(org_b)).status_code == 404
    assert not CaseSettings.objects.exists()
