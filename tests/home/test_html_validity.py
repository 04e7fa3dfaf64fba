"""Issue 19: every public page type is valid HTML by the Nu HTML Checker (vnu.jar from npm),
next to the axe checks in tests/browser/test_accessibility.py. The pages come from the Django
test client on the demo content and are checked in one vnu run (the JVM is slow to start).

Without Java or vnu-jar the test skips with a clear message; REQUIRE_BROWSER=1 (CI) turns that
into an error, as for the browser tests (tests/browser/conftest.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess  # nosec B404 - runs the local vnu.jar with fixed arguments
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from home.localize import translate_page
from home.models import HomePage, OrganisationPage
from meldingen.models import Melding
from meldingen.pages import MeldenPage
from meldingen.steps import REVIEW
from meldingen.views.intake import step_url
from protocols.models import ProtocolPage, ProtocolTemplatePage
from toolkit.models import ChecklistPage, StappenplanPage, ToolkitIndexPage, ToolkitResourcePage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ORGANISATION = "Gemeente Voorbeeldstad"
REPORTER = "voorbeeldstad-raadslid"
REQUIRED_PAGE_TYPES = [
    HomePage,
    OrganisationPage,
    ProtocolTemplatePage,
    ProtocolPage,
    ToolkitIndexPage,
    ToolkitResourcePage,
    StappenplanPage,
    ChecklistPage,
    MeldenPage,
]
# A melding as an office holder fills it in; every step reads only its own fields.
MELDING = {
    "kinds": ["bedreiging"],
    "occurred_at": "2026-11-20T21:15",
    "place": "vergadering",
    "channel": "persoon",
    "description": "Een man riep bij de raadzaal dat hij weet waar ik woon.",
    "related_to_office": "ja",
    "perpetrator_known": "deels",
    "wishes": ["aangifte", "steun"],
    "consent_kinds": ["politie"],
    "reporter_role": "raadslid",
    "name": "Raadslid Voorbeeldstad",
    "email": "raadslid@voorbeeldstad.example",
}
# The harness itself: vnu must report these (a block in a phrasing element, a duplicate id).
KNOWN_INVALID = (
    '<!DOCTYPE html><html lang="nl"><head><title>Fout</title></head>'
    '<body><span><div>blok</div></span><p id="x"></p><p id="x"></p></body></html>'
)


def _missing(reason: str):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1, maar {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def vnu() -> list[str]:
    """The command that starts the Nu HTML Checker."""
    java = shutil.which("java")
    if java is None:
        _missing("geen Java gevonden; HTML-validatie overgeslagen (installeer default-jre)")
    if not VNU_JAR.exists():
        _missing("vnu-jar ontbreekt (node_modules/vnu-jar); HTML-validatie overgeslagen (npm ci)")
    # The quick JIT only: a single short run starts about twice as fast; vnu's documentation
    # asks for a larger thread stack for deeply nested documents.
    return [
        java,
        "-XX:TieredStopAtLevel=1",
        "-Xss4m",
        "-jar",
        str(VNU_JAR),
        "--format",
        "json",
        "--errors-only",
        "--stdout",
    ]


@pytest.fixture
def demo(demo_content, django_capture_on_commit_callbacks) -> None:
    """The demo content, its translations published as a real commit would."""
    with django_capture_on_commit_callbacks(execute=True):
        home = HomePage.objects.get(locale__language_code="nl")
        if not home.get_translations().filter(locale__language_code="fy").exists():
            translate_page(home, "fy", {"Veilig Bestuur": "Feilich Bestjoer"})


def get(client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, f"{path}: {response.status_code}"
    return response.content.decode()


def page_types(client) -> dict[str, str]:
    """One live Dutch page of every public page type (the demo organisation's where it has
    one), the toolkit filtered, and the home page in English and Frisian."""
    org = OrganisationPage.objects.live().get(title=ORGANISATION, locale__language_code="nl")
    pages = Page.objects.live().public().filter(locale__language_code="nl", depth__gte=2)
    chosen: dict[str, Page] = {}
    for page in pages.descendant_of(org, inclusive=True).specific():
        chosen.setdefault(type(page).__name__, page)
    for page in pages.specific():  # national page types (Stappenplan, Checklist, template)
        chosen.setdefault(type(page).__name__, page)
    missing = {model.__name__ for model in REQUIRED_PAGE_TYPES} - set(chosen)
    assert not missing, f"geen levende pagina van {missing} in de demo-inhoud"

    bodies = {name: get(client, page.url) for name, page in chosen.items()}
    national_toolkit = ToolkitIndexPage.objects.live().get(depth=3, locale__language_code="nl")
    bodies["ToolkitIndexPage-landelijk"] = get(client, national_toolkit.url)
    toolkit = chosen["ToolkitIndexPage"].url
    bodies["ToolkitIndexPage-gefilterd"] = get(client, toolkit + "?q=agressie")
    bodies["ToolkitIndexPage-niets-gevonden"] = get(client, toolkit + "?q=qqqzzzonvindbaar")
    home = HomePage.objects.get(locale__language_code="nl")
    for language in ("en", "fy"):
        translation = home.get_translation(Locale.objects.get(language_code=language))
        bodies[f"HomePage-{language}"] = get(client, translation.url)
    return bodies


def other_public_pages(client) -> dict[str, str]:
    """The public views that are not Wagtail pages, signed out (the Melden page itself, signed
    out, asks to sign in: page_types has it)."""
    return {
        "zoeken": get(client, "/zoeken/?q=agressie"),
        "zoeken-niets-gevonden": get(client, "/zoeken/?q=qqqzzzonvindbaar"),
        "melden-kiezen": get(client, "/melden/"),
        "melden-kiezen-gezocht": get(client, "/melden/?q=voorbeeld"),
        "inloggen": get(client, "/account/inloggen/"),
        "sitemap": get(client, "/sitemap/"),
        "404": get(client, "/bestaat-niet/", status=404),
    }


def melden_page() -> MeldenPage:
    org = OrganisationPage.objects.get(title=ORGANISATION, locale__language_code="nl")
    return MeldenPage.objects.live().child_of(org).get()


def reporter_pages(client) -> dict[str, str]:
    """Signed in as the demo office holder: every step of the melding form through its real
    URLs (also a step with errors), the confirmation, Mijn meldingen and the melding itself."""
    client.force_login(get_user_model().objects.get(username=REPORTER))
    melden = melden_page()
    bodies = {}
    response = client.post(step_url(melden, 1), {"actie": "volgende"})
    assert response.status_code == 400, f"lege eerste stap: {response.status_code}"
    bodies["melden-stap-1-fouten"] = response.content.decode()
    for number in range(1, REVIEW + 1):
        bodies[f"melden-stap-{number}"] = get(client, step_url(melden, number))
        if number < REVIEW:
            response = client.post(step_url(melden, number), {**MELDING, "actie": "volgende"})
            assert response.status_code == 302, (number, response.content.decode()[:2000])
    response = client.post(step_url(melden, REVIEW), {"actie": "versturen"})
    assert response.status_code == 302, response.content.decode()[:2000]
    bodies["melden-bevestiging"] = get(client, response["Location"])
    melding = Melding.objects.filter(reporter__username=REPORTER).latest("pk")
    bodies["mijn-meldingen"] = get(client, "/mijn-meldingen/")
    bodies["mijn-melding"] = get(client, f"/mijn-meldingen/{melding.reference}/")
    return bodies


def vnu_errors(command: list[str], files: list[Path]) -> list[dict]:
    result = subprocess.run(  # nosec B603 - fixed arguments, no shell
        [*command, *map(str, files)], capture_output=True, text=True, timeout=120, check=False
    )
    try:
        return json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gaf geen JSON (exit {result.returncode}): {result.stderr[:2000]}")


def test_public_pages_are_valid_html(vnu, client, demo, tmp_path):
    bodies = page_types(client) | other_public_pages(client) | reporter_pages(client)
    bodies["bekend-ongeldig"] = KNOWN_INVALID
    files = {}
    for name, body in bodies.items():
        path = tmp_path / f"{name}.html"
        path.write_text(body, encoding="utf-8")
        files[path.as_uri()] = name
    # vnu names a file by its URI; file:/ with one slash, as Java writes it.
    by_uri = {uri.replace("file:///", "file:/"): name for uri, name in files.items()}
    by_uri |= files

    problems: dict[str, list[str]] = {}
    for message in vnu_errors(vnu, [tmp_path / f"{name}.html" for name in bodies]):
        name = by_uri.get(message.get("url", ""), message.get("url", "?"))
        line = message.get("lastLine", "?")
        extract = " ".join(message.get("extract", "").split())[:120]
        problems.setdefault(name, []).append(f"regel {line}: {message['message']} [{extract}]")

    known = problems.pop("bekend-ongeldig", [])
    assert any("not allowed as child of element “span”" in p for p in known), known
    assert any("Duplicate ID" in p for p in known), known
    report = "\n".join(
        f"{name}:\n  " + "\n  ".join(lines) for name, lines in sorted(problems.items())
    )
    assert not problems, f"Ongeldige HTML (Nu HTML Checker):\n{report}"
