"""Security headers: CSP with a fresh nonce and no inline code on public pages, a separate
policy for the Wagtail admin, frame/content-type/referrer protections, HSTS in production."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.factories import melden_page
from tests.home.test_demo import production_env

ROOT = Path(__file__).resolve().parents[2]


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_public_pages_strict_csp_with_fresh_nonce(client, org_a):
    page = melden_page(org_a)
    first, second = client.get(page.url), client.get(page.url)
    assert first.status_code == 200
    csp = directives(first)
    assert re.fullmatch(r"'self' 'nonce-[\w+/=-]{20,}'", csp["script-src"])
    assert csp["style-src"] == "'self'" and csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'" and csp["base-uri"] == "'self'"
    assert "unsafe-inline" not in first["Content-Security-Policy"]
    assert directives(second)["script-src"] != csp["script-src"]
    assert first["X-Frame-Options"] == "DENY"
    assert first["X-Content-Type-Options"] == "nosniff"
    assert first["Referrer-Policy"] == "same-origin"


def test_no_inline_script_style_or_handlers_in_public_templates():
    """Public templates (everything outside the admin templates) carry no inline code."""
    offenders = []
    for template in ROOT.glob("*/templates/**/*.html"):
        if "/admin/" in str(template) or ".venv" in str(template):
            continue
        text = template.read_text()
        inline_script = re.search(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)", text)
        if inline_script or re.search(r"\son[a-z]+=|\sstyle=", text):
            offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


def test_admin_gets_its_own_policy(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response)
    assert csp["frame-ancestors"] == "'self'" and csp["object-src"] == "'none'"
    assert csp["connect-src"] == "'self'"  # no Gravatar, no update check: nothing third-party


def test_production_settings_hsts_and_secure_cookies():
    """check --deploy itself: tests/test_settings.py."""
    env = production_env()
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.X_FRAME_OPTIONS)"
    )
    shown = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.stdout.split()[-6:] == ["31536000", "True", "True", "True", "True", "DENY"]


def test_browser_features_are_switched_off_on_public_admin_and_api(client, org_a, coordinator_a):
    public = client.get(melden_page(org_a).url)
    api = client.get("/api/openapi.json")
    client.force_login(coordinator_a)
    admin = client.get("/admin/meldingen/")
    for response in (public, api, admin):
        policy = dict(
            part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
        )
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert policy[feature] == "()", (feature, response.request["PATH_INFO"])


def test_favicon_is_served_and_linked(client, org_a):
    """Browsers ask for /favicon.ico on every site; it used to answer 404."""
    from django.contrib.staticfiles import finders
    from PIL import Image

    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.ico")
    icon = Image.open(finders.find("img/favicon.ico"))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]
    page = client.get(org_a.url).content.decode()
    assert '<link rel="icon" href="/static/img/favicon.ico"' in page
    assert 'rel="apple-touch-icon"' in page


def test_the_policy_comes_from_django_csp(settings):
    """The kept library writes the header (issue 18): one middleware, django-csp's, with our
    admin/public split on top; no hand-written policy builder is left."""
    from csp.middleware import CSPMiddleware
    from django.utils.module_loading import import_string

    writers = [
        path for path in settings.MIDDLEWARE if "csp" in path.lower() or "security" in path.lower()
    ]
    csp_writers = [p for p in writers if issubclass(import_string(p), CSPMiddleware)]
    assert csp_writers == ["core.headers.ContentSecurityPolicyMiddleware"]
    assert "CSP_PUBLIC" not in dir(settings) and "CSP_ADMIN" not in dir(settings)
