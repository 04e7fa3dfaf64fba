"""Signing in with the organisation's own identity provider, end to end: a real OpenID
provider (oidc-provider on node, tests/oidc) and this site on a live server, driven over HTTP
the way a browser goes: the admin login page, the button, the provider's login form, the
callback, the admin."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.cache import cache

from accounts.models import IdentityLink, IdentityProvider, RoleMapping
from tests.oidc.server import CLIENT_ID, CLIENT_SECRET, OpenIDProvider

CALLBACK = "/account/organisatie/terug/"


@pytest.fixture
def idp(live_server, tmp_path):
    cache.clear()  # discovery of an earlier test's provider
    with OpenIDProvider(tmp_path, redirect_uri=live_server.url + CALLBACK) as provider:
        yield provider


@pytest.fixture
def provider(idp, org_a) -> IdentityProvider:
    record = IdentityProvider.objects.create(
        organisation=org_a,
        name="Gemeente Aadorp",
        issuer=idp.issuer,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        scopes="openid email profile groups",
        groups_claim="groups",
        trust_provider_mfa=True,
    )
    RoleMapping.objects.create(provider=record, claim_value="vb-redactie", role="editors_group")
    RoleMapping.objects.create(
        provider=record, claim_value="vb-publicatie", role="publishers_group"
    )
    RoleMapping.objects.create(
        provider=record, claim_value="vb-veiligheid", role="coordinators_group"
    )
    return record


def sign_in(live_server, record: IdentityProvider, login: str) -> tuple[requests.Session, str]:
    """From the admin login page through the provider's form back to this site; returns the
    browser's session and the page it ended on (path and body)."""
    browser = requests.Session()
    page = browser.get(f"{live_server.url}/admin/login/?next=/admin/")
    button = re.search(r'href="([^"]+)"[^>]*>\s*Inloggen met ' + re.escape(record.name), page.text)
    assert button, "no button for the provider on the admin login page"
    form_page = browser.get(urljoin(page.url, unescape(button.group(1))))
    assert form_page.url.startswith(record.issuer), form_page.url
    action = re.search(r'<form method="post" action="([^"]+)"', form_page.text).group(1)
    landed = browser.post(
        urljoin(form_page.url, action),
        data={"login": login, "password": "wachtwoord-bij-de-provider"},
    )
    assert landed.url.startswith(live_server.url), landed.url
    return browser, landed


def path_of(live_server, response) -> str:
    return response.url.removeprefix(live_server.url)


def test_sign_in_creates_user_with_mapped_role_and_reaches_admin(
    live_server, idp, provider, org_a, org_b, make_user
):
    # A local account with the same e-mail address is not taken over: accounts are linked by
    # issuer and subject only.
    local = make_user("anna-lokaal", org_b.coordinators_group)
    local.email = "anna@aadorp.example"
    local.save()
    idp.add_user("anna", groups=["vb-redactie", "onbekende-groep"], amr=["pwd", "otp"])

    browser, landed = sign_in(live_server, provider, "anna")

    assert path_of(live_server, landed) == "/admin/"
    assert landed.status_code == 200
    link = IdentityLink.objects.get(issuer=idp.issuer, subject="sub-anna")
    user = link.user
    assert user.email == "anna@aadorp.example"
    assert (user.first_name, user.last_name) == ("Anna", "Jansen")
    assert not user.has_usable_password()
    assert set(user.groups.all()) == {org_a.editors_group}
    assert user != local and set(local.groups.all()) == {org_b.coordinators_group}
    # The session works for the admin: the organisation's pages are hers to edit.
    explorer = browser.get(f"{live_server.url}/admin/pages/{org_a.pk}/")
    assert explorer.status_code == 200 and "Gemeente Aadorp" in explorer.text


def test_roles_follow_the_claim_and_no_role_means_no_access(
    live_server, idp, provider, org_a, org_b
):
    idp.add_user("bert", groups=["vb-redactie", "vb-veiligheid"], amr=["pwd", "otp"])
    sign_in(live_server, provider, "bert")
    user = IdentityLink.objects.get(subject="sub-bert").user
    assert set(user.groups.all()) == {org_a.editors_group, org_a.coordinators_group}
    user.groups.add(org_b.publishers_group)  # a role elsewhere, given locally

    idp.set_groups("bert", ["vb-publicatie"])
    sign_in(live_server, provider, "bert")
    assert set(user.groups.all()) == {org_a.publishers_group, org_b.publishers_group}

    idp.set_groups("bert", [])  # taken out of every group at the provider
    browser, landed = sign_in(live_server, provider, "bert")
    assert path_of(live_server, landed).startswith("/admin/login/")
    assert "geen rol voor Veilig" in unescape(landed.text)
    assert set(user.groups.all()) == {org_b.publishers_group}  # other organisations untouched
    admin = browser.get(f"{live_server.url}/admin/", allow_redirects=False)
    assert admin.status_code == 302 and "/admin/login/" in admin.headers["Location"]
    assert get_user_model().objects.filter(identity_links__subject="sub-bert").count() == 1


# (trusted, amr, acr, TOTP step follows): one live server for every case.
MFA_CASES = [
    (False, ["pwd", "otp"], None, True),  # asserted, but the provider is not trusted for it
    (True, ["pwd"], None, True),  # trusted, but only a password at the provider
    (True, ["pwd", "otp"], None, False),
    (True, ["pwd"], "mfa", False),  # acr among the configured values
]


def test_totp_step_skipped_only_when_the_trusted_provider_asserts_mfa(live_server, idp, provider):
    for number, (trusted, amr, acr, totp_step) in enumerate(MFA_CASES):
        case = f"case {number}: trusted={trusted} amr={amr} acr={acr}"
        provider.trust_provider_mfa = trusted
        provider.save()
        idp.add_user(f"carla{number}", groups=["vb-redactie"], amr=amr, acr=acr)

        browser, landed = sign_in(live_server, provider, f"carla{number}")

        admin = browser.get(f"{live_server.url}/admin/", allow_redirects=False)
        if totp_step:
            assert path_of(live_server, landed).startswith("/account/tweestaps/instellen/"), case
            assert admin.status_code == 302, case
            assert admin.headers["Location"].startswith("/account/tweestaps/instellen/"), case
        else:
            assert path_of(live_server, landed) == "/admin/", case
            assert admin.status_code == 200, case


def test_turning_trust_off_ends_the_skipped_second_factor(live_server, idp, provider):
    idp.add_user("dirk", groups=["vb-redactie"], amr=["pwd", "otp"])
    browser, landed = sign_in(live_server, provider, "dirk")
    assert path_of(live_server, landed) == "/admin/"

    provider.trust_provider_mfa = False
    provider.save()

    admin = browser.get(f"{live_server.url}/admin/", allow_redirects=False)
    assert admin.headers["Location"].startswith("/account/tweestaps/instellen/")


def test_forged_tampered_expired_or_misdirected_id_token_is_refused(live_server, idp, provider):
    idp.add_user("erik", groups=["vb-redactie"], amr=["pwd", "otp"])
    for mode in ["forged", "tampered", "expired", "audience"]:
        idp.issue_id_tokens(mode)

        browser, landed = sign_in(live_server, provider, "erik")

        assert path_of(live_server, landed).startswith("/admin/login/"), mode
        assert "Inloggen bij je organisatie is niet gelukt" in unescape(landed.text), mode
        assert not IdentityLink.objects.exists(), mode
        admin = browser.get(f"{live_server.url}/admin/", allow_redirects=False)
        assert "/admin/login/" in admin.headers["Location"], mode

    idp.issue_id_tokens("normal")  # the same provider and user, a good token: in
    _browser, landed = sign_in(live_server, provider, "erik")
    assert path_of(live_server, landed) == "/admin/"


def test_only_national_editors_manage_identity_providers(
    client, national_editor, coordinator_a, org_a
):
    client.force_login(coordinator_a)
    assert client.get("/admin/identiteitsproviders/").status_code in (302, 403)

    client.force_login(national_editor)
    listing = client.get("/admin/identiteitsproviders/")
    assert listing.status_code == 200
    created = client.post(
        "/admin/identiteitsproviders/new/",
        {
            "organisation": org_a.pk,
            "name": "Gemeente Aadorp",
            "issuer": "https://login.aadorp.example/",
            "client_id": "veilig-bestuur",
            "client_secret": "heel-geheim",
            "scopes": "openid email profile",
            "groups_claim": "groups",
            "mfa_values": "mfa otp",
            "active": "on",
            "role_mappings-TOTAL_FORMS": "1",
            "role_mappings-INITIAL_FORMS": "0",
            "role_mappings-MIN_NUM_FORMS": "0",
            "role_mappings-MAX_NUM_FORMS": "1000",
            "role_mappings-0-claim_value": "redactie",
            "role_mappings-0-role": "editors_group",
            "role_mappings-0-ORDER": "1",
        },
    )
    assert created.status_code == 302, created.context["form"].errors
    record = IdentityProvider.objects.get()
    assert record.issuer == "https://login.aadorp.example"
    assert record.client_secret == "heel-geheim"
    assert record.role_map() == {"redactie": {"editors_group"}}
    # Editing without typing the secret again keeps it.
    edit = client.get(f"/admin/identiteitsproviders/edit/{record.pk}/")
    assert "heel-geheim" not in edit.content.decode()


def test_provider_buttons_on_the_admin_login_only(client, org_a):
    IdentityProvider.objects.create(
        organisation=org_a,
        name="Gemeente Aadorp",
        issuer="https://login.aadorp.example",
        client_id="x",
        client_secret="y",
    )
    assert "Inloggen met Gemeente Aadorp" in client.get("/admin/login/").content.decode()
    assert "Inloggen met" not in client.get("/account/inloggen/").content.decode()
