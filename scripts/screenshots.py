#!/usr/bin/env python3
"""Screenshots of the public site of a running demo for docs/screenshots/ and the README.

    make demo                                                       # in another terminal
    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000   # default :8010

Writes docs/screenshots/public-<page>-<lang>-<width>.png at 1280 px (800 high, above the fold)
and 375 px (812 high); some pages full-page, cut off at a few screens. Pages in en and fy that
the demo does not translate (404) are skipped. The melding form is shown logged in as the demo
reporter. Each PNG is recompressed with Pillow (256 colours; --lossless keeps all). On the way
it warns about what a reader would notice: horizontal overflow, "None"/"True" in the text.
Needs Playwright for Python and Debian's chromium (CHROMIUM=/path for another).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# --lang: Chromium's own widgets (date fields) in Dutch, where its nl locale is installed.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--lang=nl-NL"]
LOCALES = {"nl": "nl-NL", "en": "en-GB", "fy": "fy-NL"}
# A word that occurs in each language's pages in another form ("bedreigd" finds "bedreiging").
SEARCH = {"nl": "bedreigd", "en": "threats", "fy": "bedriging"}
# width -> (viewport height, cap for full-page shots)
SIZES = {1280: (800, 1800), 375: (812, 2436)}
REPORTER = "voorbeeldstad-raadslid"  # demo reporter (home.demo); password "demo"
ORGANISATIONS = {
    "voorbeeldstad": "gemeente-voorbeeldstad",
    "voorbeeldland": "provincie-voorbeeldland",
    "voorbeeldwaarden": "waterschap-voorbeeldwaarden",
}
LITERALS = re.compile(r"\b(None|True|False)\b")
# Words of the other languages that do not occur in this one (a hint, not proof).
FOREIGN = {
    "nl": re.compile(r"\b(the|and|your|you|please|with)\b", re.IGNORECASE),
    "en": re.compile(r"\b(het|voor|een|wordt|niet|uw|bij|zijn|foar|jo|wurdt)\b", re.IGNORECASE),
    "fy": re.compile(r"\b(het|voor|een|wordt|niet|uw|bij|zijn|the|and|your)\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class Shot:
    name: str  # file name part: public-<name>-<lang>-<width>.png
    path: str  # Dutch path; en/fy get their language prefix
    langs: tuple[str, ...] = ("nl", "en", "fy")
    full: bool = False  # full page (capped) instead of the first screen
    login: bool = False  # as the demo reporter


def shots() -> list[Shot]:
    result = [
        Shot("home", "/"),
        Shot("organisaties", "/organisaties/"),
    ]
    for short, slug in ORGANISATIONS.items():
        result += [
            Shot(f"{short}", f"/organisaties/{slug}/", full=True),
            Shot(f"{short}-protocol", f"/organisaties/{slug}/agressieprotocol/"),
        ]
    result += [
        Shot("toolkit", "/toolkit/"),
        Shot("zoeken", "/zoeken/?q={query}", full=True),
        Shot("melden", "/melden/", full=True),
        Shot(
            "melden-formulier",
            f"/organisaties/{ORGANISATIONS['voorbeeldstad']}/melden/",
            full=True,
            login=True,
        ),
    ]
    return result


def localised(path: str, lang: str) -> str:
    path = path.format(query=SEARCH[lang])
    return path if lang == "nl" else f"/{lang}{path}"


def log_in(page: Page, lang: str, password: str) -> None:
    page.goto(localised("/account/inloggen/", lang))
    page.fill("input[name=username]", REPORTER)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()
    if page.locator("input[name=password]").count():
        raise SystemExit(f"Inloggen als {REPORTER} mislukt: draait de demo (load_demo)?")


def check(page: Page, label: str, lang: str, width: int) -> list[str]:
    """What a reader would notice at once."""
    problems = []
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        problems.append(f"{label}: {scroll_width} px breed (venster {width} px)")
    text = page.locator("body").inner_text()
    for match in sorted(set(LITERALS.findall(text))):
        problems.append(f"{label}: '{match}' in de tekst")
    if width == max(SIZES):  # the text is the same at every width
        for line in text.splitlines():
            if FOREIGN[lang].search(line):
                problems.append(f"{label}: andere taal? {line.strip()[:90]!r}")
    return problems


def save(png: bytes, target: Path, lossless: bool) -> int:
    """Recompress (256 colours without dithering unless lossless: a third of the size, no
    visible difference on these flat pages); returns the size in bytes."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    if not lossless:
        image = image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(target, format="PNG", optimize=True)
    return target.stat().st_size


def capture(
    page: Page, shot: Shot, lang: str, width: int, out: Path, lossless: bool
) -> tuple[int, list[str]]:
    height, cap = SIZES[width]
    page.set_viewport_size({"width": width, "height": height})
    page.evaluate("window.scrollTo(0, 0)")
    if shot.full:
        full_height = page.evaluate("document.documentElement.scrollHeight")
        clip = {"x": 0, "y": 0, "width": width, "height": min(full_height, cap)}
        png = page.screenshot(full_page=True, clip=clip)
    else:
        png = page.screenshot()
    label = f"{shot.name}-{lang}-{width}"
    size = save(png, out / f"public-{label}.png", lossless)
    return size, check(page, label, lang, width)


def run(browser: Browser, base_url: str, args: argparse.Namespace) -> int:
    out, only = args.out, args.only
    total, problems = 0, []
    for lang, locale in LOCALES.items():
        context = browser.new_context(base_url=base_url, locale=locale)
        context.set_default_timeout(20_000)
        page = context.new_page()
        logged_in = False
        for shot in shots():
            if lang not in shot.langs or (only and not re.search(only, shot.name)):
                continue
            if shot.login and not logged_in:
                log_in(page, lang, args.password)
                logged_in = True
            response = page.goto(localised(shot.path, lang))
            if response is None or response.status == 404:
                print(f"  {shot.name}-{lang}: niet vertaald (404), overgeslagen")
                continue
            if not response.ok:
                problems.append(f"{shot.name}-{lang}: HTTP {response.status}")
                continue
            page.wait_for_load_state("networkidle")
            page.evaluate("document.fonts.ready")
            for width in SIZES:
                size, found = capture(page, shot, lang, width, out, args.lossless)
                total += size
                problems += found
                print(f"  public-{shot.name}-{lang}-{width}.png  {size // 1024} kB")
        context.close()
    print(f"Totaal {total / 1024 / 1024:.1f} MB in {out}")
    for problem in problems:
        print(f"LET OP: {problem}", file=sys.stderr)
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base_url", nargs="?", default="http://127.0.0.1:8010")
    parser.add_argument("--out", type=Path, default=OUT, help="map (standaard docs/screenshots)")
    parser.add_argument("--password", default="demo", help="wachtwoord van de demo-accounts")
    parser.add_argument("--only", help="alleen pagina's waarvan de naam hierop past (regex)")
    parser.add_argument("--lossless", action="store_true", help="alle kleuren bewaren")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return run(browser, args.base_url.rstrip("/"), args)
        finally:
            browser.close()


if __name__ == "__main__":
    sys.exit(main())
