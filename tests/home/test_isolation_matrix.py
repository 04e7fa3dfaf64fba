"""Isolation across every object kind: protocol pages, checklist progress, documents (admin
and restricted download), notices, the API, the organisation dashboard and retention. Every
role × kind × view/change cell is asserted through the real URLs. (Meldingen themselves:
test_melding_access_matrix.)"""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from partners.models import Notice
from partners.rules import Proposal
from tests import factories
from tests.protocol_factories import derive, edit_form_data, fresh, make_template
from toolkit.documents import restricted_collection
from toolkit.models import ChecklistItem, ChecklistProgress
from workflows.moderation import route, triage

pytestmark = pytest.mark.django_db

ROLES = [
    "redacteur_a",
    "redacteur_b",
    "coordinator_a",
    "coordinator_b",
    "routed_partner",
    "other_partner",
    "reporter",
    "other_reporter",
    "national_editor",
    "anonymous",
]
EXPECTED = {
    # kind: (roles that may view, roles that may change)
    "protocol": ({"redacteur_a", "national_editor"}, {"redacteur_a", "national_editor"}),
    "progress": ({"redacteur_a", "coordinator_a"}, {"redacteur_a", "coordinator_a"}),
    "document": ({"redacteur_a", "national_editor"}, {"redacteur_a", "national_editor"}),
    "restricted_download": ({"redacteur_a", "coordinator_a"}, set()),
    "notice": ({"coordinator_a", "routed_partner"}, {"coordinator_a", "routed_partner"}),
    "api_melding": ({"reporter"}, {"reporter"}),
    # The organisation's dashboard and its retention period: its coordinators only.
    "dashboard": ({"coordinator_a"}, {"coordinator_a"}),
}


@pytest.fixture
def world(
    org_a, org_b, home_page, make_user, redacteur_a, coordinator_a, coordinator_b, national_editor
):
    cache.clear()
    make_template(home_page)
    protocol = derive(org_a)
    protocol.save_revision().publish()
    kinds = factories.partner_kinds()
    routed_user, other_user = make_user("politie-a"), make_user("meldpunt-a")
    police = factories.partner(org_a, kinds["politie"], "Politie A", "p@example.test", routed_user)
    factories.partner(org_a, kinds["vc"], "Meldpunt A", "m@example.test", other_user)
    reporter = make_user("melder")
    melding = factories.melding(org_a, reporter=reporter)
    triage(melding, actor=coordinator_a, severity="bedreiging", urgent=False, kinds=["bedreiging"])
    route(melding, actor=coordinator_a, proposals=[Proposal(police, None)])
    Document = get_document_model()

    def document(title, collection):
        doc = Document(title=title, collection=collection)
        doc.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        doc.save()
        return doc

    item = ChecklistItem.objects.first()
    return {
        "protocol": fresh(protocol),
        "melding": melding,
        "notice": Notice.objects.get(),
        "document": document("handreiking-a", org_a.collection),
        "restricted": document("vertrouwelijk-a", restricted_collection(org_a)),
        "org_a": org_a,
        "item": item,
        "users": {
            "redacteur_a": redacteur_a,
            "redacteur_b": make_user("redacteur-b", org_b.editors_group),
            "coordinator_a": coordinator_a,
            "coordinator_b": coordinator_b,
            "routed_partner": routed_user,
            "other_partner": other_user,
            "reporter": reporter,
            "other_reporter": make_user("andere-melder"),
            "national_editor": national_editor,
            "anonymous": None,
        },
    }


def ok(response, marker=None) -> bool:
    return response.status_code == 200 and (marker is None or marker in response.content.decode())


def protocol_view(client, w):
    return ok(client.get(f"/admin/pages/{w['protocol'].pk}/edit/"))


def protocol_change(client, w):
    from tests.protocols.test_protocol_fixed_sections import UNCHANGED

    data = edit_form_data(w["protocol"], UNCHANGED, title="Gewijzigd protocol")
    client.post(f"/admin/pages/{w['protocol'].pk}/edit/", data)
    return fresh(w["protocol"]).get_latest_revision_as_object().title == "Gewijzigd protocol"


def progress_view(client, w):
    return ok(client.get(f"/admin/voortgang/{w['org_a'].pk}/"), w["item"].text[:20])


def progress_change(client, w):
    client.post(
        f"/admin/voortgang/{w['org_a'].pk}/{w['item'].pk}/",
        {"status": "bezig", "note": "Opgepakt"},
    )
    return ChecklistProgress.objects.filter(
        organisation=w["org_a"], item=w["item"], status="bezig"
    ).exists()


def document_view(client, w):
    return ok(client.get(f"/admin/documents/edit/{w['document'].pk}/"))


def document_change(client, w):
    client.post(
        f"/admin/documents/edit/{w['document'].pk}/",
        {"title": "Hernoemd", "collection": w["document"].collection_id, "tags": ""},
    )
    w["document"].refresh_from_db()
    return w["document"].title == "Hernoemd"


def restricted_download_view(client, w):
    doc = w["restricted"]
    return ok(client.get(f"/documents/{doc.pk}/{doc.filename}"))


def restricted_download_change(client, w):
    return False  # a download cannot change anything; the row documents that


def notice_view(client, w):
    notice = w["notice"]
    partner_page = client.get(f"/partner/berichten/{notice.pk}/")
    admin_page = client.get(f"/admin/meldingen/{notice.melding_id}/")
    return ok(partner_page, notice.melding.reference) or ok(admin_page, "Politie A")


def notice_change(client, w):
    notice = w["notice"]
    Notice.objects.filter(pk=notice.pk).update(status="opgegeven")
    client.post(f"/partner/berichten/{notice.pk}/ontvangst/")
    client.post(f"/admin/meldingen/berichten/{notice.pk}/opnieuw/")
    notice.refresh_from_db()
    return notice.acknowledged_at is not None or notice.status != "opgegeven"


def api_melding_view(client, w):
    return ok(client.get(f"/api/meldingen/{w['melding'].reference}"), w["melding"].reference)


def api_melding_change(client, w):
    from meldingen.models import MeldingAddition

    client.post(
        f"/api/meldingen/{w['melding'].reference}/aanvullingen",
        {"text": "Aanvulling via de API"},
        content_type="application/json",
    )
    return MeldingAddition.objects.filter(melding=w["melding"]).exists()


def dashboard_view(client, w):
    response = client.get(f"/admin/registratie/?organisation={w['org_a'].pk}")
    return ok(response, "Registratie")  # 404 for other organisations, 302/403 for others


def dashboard_change(client, w):
    from reporting.models import RetentionPolicy

    client.post(
        f"/admin/registratie/bewaartermijn/?organisation={w['org_a'].pk}",
        {"years": "7", "decided_on": "2026-11-01"},
    )
    return RetentionPolicy.objects.filter(organisation=w["org_a"], years=7).exists()


@pytest.mark.parametrize("role", ROLES)
def test_isolation(client, world, role):
    """One role, every kind × action; all cells compared at once so a failure names each."""
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    actual, expected = {}, {}
    for kind, (viewers, changers) in EXPECTED.items():
        for action, allowed in (("view", viewers), ("change", changers)):
            actual[(kind, action)] = globals()[f"{kind}_{action}"](client, world)
            expected[(kind, action)] = role in allowed
    wrong = {cell: actual[cell] for cell in expected if actual[cell] != expected[cell]}
    assert not wrong, f"{role}: cells that differ from the matrix (actual values): {wrong}"
