"""The scale-data generator creates what it says, consistently, and only what is missing on a
second run (small numbers here; PostgreSQL only, it streams with COPY)."""

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import WorkflowState

from bench import scale_data
from home.models import OrganisationPage
from meldingen.models import Melding, MeldingPersonalData
from meldingen.pages import MeldenPage
from partners.models import Notice
from toolkit.models import ToolkitIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the generator streams rows with PostgreSQL's COPY")


def generated():
    return OrganisationPage.objects.filter(title__contains=" Schaalstad ")


@pytest.mark.usefixtures("demo_content")
def test_generator_creates_organisations_and_meldingen():
    scale_data.main(["--organisations", "3", "--meldingen", "250", "--open", "5"])
    orgs = list(generated())
    assert len(orgs) == 3 and all(o.partners.count() == 4 + 3 for o in orgs)  # + meldpunt
    assert all(MeldenPage.objects.child_of(o).live().exists() for o in orgs)
    assert all(ToolkitIndexPage.objects.child_of(o).live().exists() for o in orgs)
    meldingen = Melding.objects.filter(organisation__in=orgs)
    assert meldingen.count() == MeldingPersonalData.objects.filter(melding__in=meldingen).count()
    assert meldingen.count() == 250
    assert len(set(meldingen.values_list("reference", flat=True))) == 250
    routed = meldingen.exclude(status="ontvangen")
    assert Notice.objects.filter(melding__in=routed).count() == 2 * routed.count()
    assert meldingen.first().personal.description.startswith("Gegenereerde")
    opened = WorkflowState.objects.filter(object_id__in=[str(m.pk) for m in meldingen])
    assert opened.count() == min(5, meldingen.filter(status="ontvangen").count())
    call_command("verify_audit")  # nothing generated touches the audit chain

    scale_data.main(["--organisations", "3", "--meldingen", "250", "--open", "5"])
    assert generated().count() == 3 and meldingen.count() == 250  # nothing added twice
