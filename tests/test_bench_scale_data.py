"""The scale-data generator creates what it says, consistently (small numbers here)."""

import pytest
from django.core.management import call_command

from bench import scale_data
from home.models import OrganisationPage
from workflows.models import Melding, MeldingPersonalData, Notice

pytestmark = pytest.mark.django_db


def test_generator_creates_organisations_and_meldingen(home_page):
    from workflows.setup import ensure_national_routing

    ensure_national_routing()
    orgs = scale_data.organisations(3)
    assert len(orgs) == 3 and OrganisationPage.objects.count() == 3
    assert all(o.partners.count() == 4 for o in orgs)
    assert scale_data.meldingen(orgs, 250) == 250
    assert Melding.objects.count() == MeldingPersonalData.objects.count() == 250
    routed = Melding.objects.exclude(status="ontvangen")
    assert Notice.objects.filter(melding__in=routed).count() == 2 * routed.count()
    assert Melding.objects.first().personal.description.startswith("Gegenereerde")
    call_command("verify_audit")  # nothing generated touches the audit chain
