"""The demo year: every demo organisation has a year of meldingen that tells a story, and
loading twice changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.db.models.functions import TruncMonth

from home.demo import ORGANISATIONS
from home.models import OrganisationPage
from meldingen.models import AvoidanceSignal, Melding
from partners.models import Notice
from reporting.figures import figures
from reporting.models import RetentionPolicy

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("demo_content")
def test_demo_year_per_organisation_idempotent():
    # demo_content is the first load (tests/demo_snapshot.py); this is the second.
    before = (Melding.objects.count(), Notice.objects.count(), AvoidanceSignal.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    after = (Melding.objects.count(), Notice.objects.count(), AvoidanceSignal.objects.count())
    assert before == after
    assert RetentionPolicy.objects.count() == len(ORGANISATIONS)
    for spec in ORGANISATIONS:
        org = OrganisationPage.objects.get(official_code=spec["code"], locale__language_code="nl")
        meldingen = Melding.objects.filter(organisation=org)
        months = meldingen.annotate(m=TruncMonth("occurred_at")).values("m").distinct().count()
        assert months >= 10, spec["slug"]
        f = figures(meldingen, None, None, [org])
        assert f.closed > f.open > 0
        assert f.median_ack_hours is not None and f.median_ack_hours > 0
        assert f.avoidance_total > 0
