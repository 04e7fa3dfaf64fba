"""The toolkit demo content loads, is idempotent and shows what the seeds name."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from home.models import OrganisationPage
from toolkit.models import ChecklistItem, ChecklistProgress, ProgressStatus, ToolkitIndexPage

pytestmark = pytest.mark.django_db

MODELS = [
    "wagtailcore.Page",
    "wagtaildocs.Document",
    "toolkit.ToolkitResourcePage",
    "toolkit.StappenplanStep",
    "toolkit.HiddenNationalResource",
    "toolkit.ChecklistItem",
    "toolkit.ChecklistProgress",
    "toolkit.ChecklistProgressChange",
]


def counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in MODELS}


@pytest.mark.usefixtures("demo_content")
def test_demo_loads_twice_without_changes_and_fills_the_toolkit(client):
    # demo_content is the first load (tests/demo_snapshot.py); this is the second.
    first = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == first

    national = ToolkitIndexPage.objects.get(depth=3, locale__language_code="nl")
    titles = [r.title for r in client.get(national.url).context["resources"]]
    for name in [
        "Leidraad Veilig Bestuur",
        "Stappenplan per rol",
        "Eenduidige Landelijke Afspraken (ELA)",
        "Format agressieprotocol voor politieke ambtsdragers",
        "Voorbeeld: agressieprotocol van de gemeente Alkmaar",
        "Meldapp voor ambtsdragers",
        "Presentatie „Het hoort er gewoon bij”: maak het bespreekbaar",
        "Vertrouwenslijn",
    ]:
        assert name in titles

    for org in OrganisationPage.objects.filter(locale__language_code="nl"):
        index = ToolkitIndexPage.objects.child_of(org).get()
        resources = client.get(index.url).context["resources"]
        assert sum(r.is_local for r in resources) == 1
        progress = ChecklistProgress.objects.filter(organisation=org)
        own = ChecklistItem.objects.filter(organisation=org).count()
        assert progress.count() == 23 + own
        done = progress.filter(status=ProgressStatus.DONE).count()
        assert 0 < done < 23 + own
