"""Access matrix for meldingen: every role × list / view / change / export / erase, through the
real URLs, every cell asserted."""

import pytest
from django.core.cache import cache

from meldingen.models import MeldingAddition
from partners.models import Notice
from partners.rules import Proposal
from tests import factories
from workflows.moderation import route, triage

pytestmark = pytest.mark.django_db

ROLES = [
    "reporter",
    "other_reporter",
    "own_coordinator",
    "other_coordinator",
    "routed_partner",
    "other_partner",
    "national_editor",
    "anonymous",
]
# Which role may do what with the melding of organisation A.
ALLOWED = {
    "list": {"reporter", "own_coordinator", "routed_partner"},
    "view": {"reporter", "own_coordinator", "routed_partner"},
    "change": {"reporter", "own_coordinator", "routed_partner"},
    # National editors export the national listing, never with personal fields.
    "export": {"own_coordinator", "national_editor"},
    "export_personal": {"own_coordinator"},
    # Erasing personal data on request (the beheerder too: tests/test_erasure_on_request.py).
    "erase": {"own_coordinator"},
}


@pytest.fixture
def world(org_a, org_b, make_user, coordinator_a, coordinator_b, national_editor):
    cache.clear()
    kinds = factories.partner_kinds()
    routed_user, other_user = make_user("politie-a"), make_user("politie-b")
    police_a = factories.partner(
        org_a, kinds["politie"], "Politie A", "a@example.test", routed_user
    )
    factories.partner(org_a, kinds["vc"], "Meldpunt A", "m@example.test", other_user)
    reporter = make_user("melder")
    melding = factories.melding(org_a, reporter=reporter)
    triage(melding, actor=coordinator_a, severity="bedreiging", urgent=False, kinds=["bedreiging"])
    route(melding, actor=coordinator_a, proposals=[Proposal(police_a, None)])
    # A second melding, triage pending, to test the coordinator's change action.
    pending = factories.melding(org_a, reporter=reporter)
    users = {
        "reporter": reporter,
        "other_reporter": make_user("andere-melder"),
        "own_coordinator": coordinator_a,
        "other_coordinator": coordinator_b,
        "routed_partner": routed_user,
        "other_partner": other_user,
        "national_editor": national_editor,
        "anonymous": None,
    }
    return {"melding": melding, "pending": pending, "notice": Notice.objects.get(), "users": users}


def login_as(client, world, role):
    client.logout()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])


def listed(client, world) -> bool:
    reference = world["melding"].reference
    return any(
        reference in client.get(url).content.decode()
        for url in ("/mijn-meldingen/", "/admin/meldingen/", "/partner/", "/admin/")
    )


def viewed(client, world) -> bool:
    m, notice = world["melding"], world["notice"]
    pages = [
        client.get(url)
        for url in (
            f"/mijn-meldingen/{m.reference}/",
            f"/admin/meldingen/{m.pk}/",
            f"/partner/berichten/{notice.pk}/",
        )
    ]
    return any(p.status_code == 200 and m.reference in p.content.decode() for p in pages)


def changed(client, world) -> bool:
    m, pending, notice = world["melding"], world["pending"], world["notice"]
    client.post(f"/mijn-meldingen/{m.reference}/", {"text": "Nog iets"})
    client.post(
        f"/admin/meldingen/{pending.pk}/triage/", {"kinds": ["fysiek"], "severity": "fysiek"}
    )
    client.post(f"/partner/berichten/{notice.pk}/ontvangst/")
    pending.refresh_from_db()
    notice.refresh_from_db()
    return (
        MeldingAddition.objects.filter(melding=m).exists()
        or pending.severity == "fysiek"
        or notice.acknowledged_at is not None
    )


def _export(client, world, personal: bool) -> bool:
    found = False
    for fmt in ("csv", "xlsx"):
        if personal:  # only through the form: a purpose and the confirmation, posted
            response = client.post(
                "/admin/registratie/export/persoonsgegevens/",
                {"purpose": "betrokkene", "format": fmt, "confirm": "on"},
            )
        else:
            response = client.get(f"/admin/registratie/export/{fmt}/")
        if response.status_code != 200 or "Content-Disposition" not in response:
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if fmt == "xlsx":
            import io

            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(body)).active
            content = " ".join(str(c.value) for row in sheet.iter_rows() for c in row)
        else:
            content = body.decode("utf-8-sig")
        reference_found = world["melding"].reference in content
        story_found = "Een bezoeker dreigde" in content
        found = found or (story_found if personal else reference_found)
    return found


def exported(client, world) -> bool:
    return _export(client, world, personal=False)


def exported_personal(client, world) -> bool:
    return _export(client, world, personal=True)


def erased(client, world) -> bool:
    from reporting.models import PurgeRecord

    m = world["melding"]
    client.post(f"/admin/meldingen/{m.pk}/wissen/", {"reason": "AVG-verzoek van betrokkene"})
    return PurgeRecord.objects.filter(melding=m).exists()


# In this order: erasing comes last, as it removes what the other checks look for.
CHECKS = {
    "list": listed,
    "view": viewed,
    "change": changed,
    "export": exported,
    "export_personal": exported_personal,
    "erase": erased,
}


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, world, role):
    """One role, every action; all cells compared at once so a failure names each."""
    login_as(client, world, role)
    actual = {action: check(client, world) for action, check in CHECKS.items()}
    expected = {action: role in ALLOWED[action] for action in CHECKS}
    assert actual == expected, role
