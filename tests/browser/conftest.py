"""Browser test fixtures: headless Debian Chromium through Playwright against pytest-django's
live server, with the demo content loaded, axe-core for accessibility and screenshots.

Without a browser (or without axe-core for the accessibility checks) the tests skip with a
clear message; REQUIRE_BROWSER=1 (CI) turns that into an error.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 375, "height": 812}
DEMO_PASSWORD = "demo"  # the demo accounts' password (home.demo.DEMO_PASSWORD)


def _missing(reason: str):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1, maar {reason}", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    """Debian's chromium, or the executable named by CHROMIUM (None when it is not there)."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    return path if path and os.access(path, os.X_OK) else None


@pytest.fixture
def browser(monkeypatch):
    """Chromium for one test. Playwright's sync API keeps an event loop current in this
    thread while it runs, so Django's async-safety check is lifted for that time only (a
    session-wide browser would break the database access of the other tests)."""
    executable = chromium_path()
    if executable is None:
        _missing(
            "geen Chromium gevonden; browsertests overgeslagen "
            "(installeer Debian's chromium of zet CHROMIUM=/pad/naar/chromium)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright voor Python ontbreekt; browsertests overgeslagen (make install)")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def demo(transactional_db, live_server, demo_content, settings):
    """The demo content (organisations, accounts, protocols, toolkit, meldingen) on a live
    server whose absolute links point at itself."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    return live_server


@pytest.fixture
def new_page(browser, demo):
    """Open pages in fresh browser contexts (own cookies) on the live server."""
    contexts = []

    def open_page(viewport=None, *, inject_tools=False):
        # inject_tools: allow the axe-core script the test injects past our CSP (the pages'
        # own scripts stay under it); journeys keep the policy fully enforced.
        context = browser.new_context(
            base_url=demo.url,
            viewport=viewport or {"width": 1280, "height": 900},
            locale="nl-NL",
            bypass_csp=inject_tools,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def login(page, username: str, *, url: str = "/account/inloggen/") -> None:
    """Log in through the real login form (public or Wagtail admin) and wait for the result."""
    if url:
        page.goto(url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()
    assert page.locator("input[name=password]").count() == 0, f"inloggen {username} mislukt"
    if page.locator("input[name=token]").count():
        # Second factor: demo accounts share one TOTP secret (accounts.demo).
        page.fill("input[name=token]", current_demo_code())
        with page.expect_navigation():
            page.locator("form:has(input[name=token]) [type=submit]").click()
        assert page.locator("input[name=token]").count() == 0, f"tweestaps {username} mislukt"


def current_demo_code() -> str:
    from django_otp.oath import TOTP

    from accounts.demo import demo_totp_key

    totp = TOTP(bytes.fromhex(demo_totp_key()))
    return f"{totp.token():06d}"


MELDEN = "/organisaties/gemeente-voorbeeldstad/melden/"
DESCRIPTION = "Een man riep bij de raadzaal dat hij weet waar ik woon en dat ik moet oppassen."
IMPACT = "Ik slaap er slecht van en mijn kinderen zijn bang."  # not shared with partners


def fill_melding(
    page, *, with_kind: bool = True, on_step: Callable[[int], None] | None = None
) -> None:
    """Fill in the steps of the melding form as the office holder would, from the first step
    up to the last one (Controleren en versturen), where only sending is left. on_step(number)
    is called on each filled-in step before it is sent on (e.g. to run axe on it)."""

    def next_step(number: int) -> None:
        if on_step is not None:
            on_step(number)
        submit(page, "Volgende stap")

    if with_kind:
        page.get_by_label("Bedreiging", exact=True).check()
    page.get_by_label("Wanneer gebeurde het?").fill("2026-11-20T21:15")
    next_step(1)
    page.get_by_label("Waar gebeurde het?").select_option(label="Tijdens een vergadering")
    page.get_by_label("Hoe kwam het bij u binnen?").select_option(label="In persoon")
    page.get_by_label("Beschrijf wat er gebeurde").fill(DESCRIPTION)
    page.get_by_label("Ik heb een vermoeden of beschrijving").check()
    next_step(2)
    next_step(3)  # online and police: nothing to add
    page.get_by_label("Gevolgen", exact=False).first.fill(IMPACT)
    page.get_by_label("Ik wil aangifte doen (of laten doen door de organisatie)").check()
    next_step(4)
    page.get_by_label("Politie", exact=True).check()  # consent for the police only
    page.get_by_label("Uw functie").select_option(label="Raadslid")
    page.get_by_label("Uw naam").fill("Raadslid Voorbeeldstad")
    page.get_by_label("Uw e-mailadres").fill("raadslid@voorbeeldstad.example")
    next_step(5)


def submit(page, label: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=label).click()


def screenshot(page, name: str, *, full_page: bool = True) -> None:
    """Write var/screenshots/<name>.png (docs/screenshots/ holds a committed set)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=full_page)


def admin_screenshot(page, name: str, *, max_height: int = 4000) -> None:
    """var/screenshots/<name>.png of an admin screen. The admin scrolls inside <main>: the
    window is made as tall as the content first (at most max_height)."""
    size = page.viewport_size
    height = page.evaluate(
        "Math.max(document.documentElement.scrollHeight,"
        " (document.querySelector('main') || document.body).scrollHeight)"
    )
    page.set_viewport_size({"width": size["width"], "height": min(height + 50, max_height)})
    screenshot(page, name, full_page=False)
    page.set_viewport_size(size)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.exists():
        _missing(
            "axe-core ontbreekt (node_modules/axe-core); toegankelijkheidstests overgeslagen "
            "(installeer met npm ci)"
        )
    return AXE_JS.read_text()


def axe_violations(page, axe_source: str) -> list[str]:
    """Run axe-core in the page for WCAG 2.1 A/AA; return readable violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{page.url} {v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in result["violations"]
    ]
