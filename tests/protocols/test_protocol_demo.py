"""The demo: national template, a protocol per demo organisation, one of them behind."""

import io

import pytest
from django.apps import apps

from home import demo as home_demo
from home.models import OrganisationPage
from protocols import demo as protocols_demo
from protocols.decisions import AdoptionStatus, adoption_state
from protocols.demo_content import VOORBEELDSTAD_MELDEN
from protocols.models import AdoptingBody, ProtocolPage, ProtocolTemplatePage
from protocols.sections import SectionState, compare
from tests.protocol_factories import section_value

pytestmark = pytest.mark.django_db


@pytest.fixture
def load(django_capture_on_commit_callbacks):
    def run():
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            home_demo.load(out)
            protocols_demo.load(out)

    return run


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("empty_database")
def test_demo_loads_idempotently_and_shows_a_protocol_behind(load, client):
    load()
    protocols = {p.get_parent().specific.official_code: p for p in ProtocolPage.objects.all()}
    assert set(protocols) == set(OrganisationPage.objects.values_list("official_code", flat=True))
    assert all(p.live for p in protocols.values())
    assert ProtocolTemplatePage.objects.live().count() == 1

    behind = {s.key: s.state for s in compare(protocols["PV99"]).behind}
    assert behind == {
        "aangifte": SectionState.CHANGED,
        "nazorg": SectionState.CHANGED,
        "evaluatie": SectionState.NEW,
    }
    assert compare(protocols["GM9999"]).behind == []
    assert section_value(protocols["GM9999"], "melden")["text"] == VOORBEELDSTAD_MELDEN

    # A believable adoption state: adopted by the college, changed since adoption, not yet.
    states = {code: adoption_state(p).status for code, p in protocols.items()}
    assert states == {
        "GM9999": AdoptionStatus.ADOPTED,
        "WS9999": AdoptionStatus.CHANGED,
        "PV99": AdoptionStatus.NOT_ADOPTED,
    }
    assert protocols["GM9999"].adoptions.get().adopted_by == AdoptingBody.COLLEGE
    public = client.get(protocols["GM9999"].url).content.decode()
    assert "Vastgesteld door het college van burgemeester en wethouders op" in public

    before = protocol_revisions()
    load()
    assert protocol_revisions() == before
    assert ProtocolPage.objects.count() == 3
    assert sum(p.adoptions.count() for p in ProtocolPage.objects.all()) == 2


def protocol_revisions() -> int:
    ids = [str(p.pk) for p in ProtocolPage.objects.all()]
    ids += [str(p.pk) for p in ProtocolTemplatePage.objects.all()]
    return apps.get_model("wagtailcore.Revision").objects.filter(object_id__in=ids).count()
