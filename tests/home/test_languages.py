"""English and Frisian in the demo, as a visitor finds them: from /en/ and /fy/ every link in
header, menus, footer and content leads to a page in that language (or, marked, to a Dutch one),
never to a 404; header and footer speak the language; search finds that language's pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
CHROME = {"header", "nav", "footer"}
# Dutch interface words that must not show in the header, menus or footer of a translation
# (Frisian shares some words with Dutch, such as "Start", "Taal" and "Sitemap").
DUTCH_CHROME = {
    "en": [
        "Zoeken",
        "Inloggen",
        "Uitloggen",
        "Melden",
        "Mijn meldingen",
        "Naar de inhoud",
        "Direct hulp nodig",
        "acuut gevaar",
        "Over deze site",
        "Taal",
        "Start",
        "Onderwerpen",
    ],
    "fy": [
        "Zoeken",
        "Inloggen",
        "Uitloggen",
        "Melden",
        "Mijn meldingen",
        "Naar de inhoud",
        "Direct hulp nodig",
        "acuut gevaar: bel",
        "Over deze site",
        "Onderwerpen",
    ],
}


class Page(HTMLParser):
    """The parts of a page this test reads: html lang, links and the text of the chrome (header,
    nav, footer), leaving out what is marked as another language (lang="nl")."""

    def __init__(self, html: str):
        super().__init__()
        self.lang = None
        self.stack: list[tuple[str, bool, str | None]] = []
        self.links: list[tuple[str, bool, str | None]] = []  # (href, in chrome, lang)
        self.chrome_text: list[str] = []
        self.feed(html)

    def _in_chrome(self) -> bool:
        return any(chrome for _, chrome, _ in self.stack)

    def _lang(self) -> str | None:
        return next((lang for _, _, lang in reversed(self.stack) if lang), self.lang)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
            return
        chrome = tag in CHROME or self._in_chrome()
        lang = attrs.get("lang")
        if tag == "a" and attrs.get("href"):
            self.links.append((attrs["href"], chrome, lang or self._lang()))
        if chrome and (lang or self._lang()) == self.lang and attrs.get("aria-label"):
            self.chrome_text.append(attrs["aria-label"])
        if tag not in VOID:
            self.stack.append((tag, tag in CHROME, lang))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self._in_chrome() and self._lang() == self.lang and data.strip():
            self.chrome_text.append(data.strip())


def internal(href: str) -> bool:
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and parts.path.startswith("/")


def crawl(client, language: str) -> dict[str, Page]:
    """The pages under /<language>/ reached from its home in at most two clicks."""
    prefix = f"/{language}/"
    pages: dict[str, Page] = {}
    elsewhere: set[str] = set()
    frontier = [prefix]
    for _depth in range(3):
        found = []
        for path in frontier:
            if path in pages:
                continue
            response = client.get(path)
            assert response.status_code == 200, f"{path}: {response.status_code}"
            page = pages[path] = Page(response.content.decode())
            assert page.lang == language, f"{path} has <html lang={page.lang}>"
            chrome = " | ".join(page.chrome_text)
            for word in DUTCH_CHROME[language]:
                assert not re.search(rf"\b{word}\b", chrome), f"Dutch '{word}' on {path}: {chrome}"
            for href, in_chrome, _lang in page.links:
                if not internal(href):
                    continue
                target = urlsplit(href).path
                if target.startswith(prefix):
                    found.append(target)
                elif in_chrome:
                    elsewhere.add(href)
        frontier = found
    # Links of header and footer outside the language (Nederlands, Inloggen): no 404 either.
    for href in sorted(elsewhere):
        assert client.get(href).status_code in (200, 302), href
    return pages


@pytest.mark.usefixtures("demo_content")
def test_english_and_frisian_are_navigable_translated_and_searchable(client):
    # The demo's national pages and their translations.
    english = crawl(client, "en")
    frisian = crawl(client, "fy")
    for pages in (english, frisian):
        prefix = next(iter(pages))
        # Home, its menu (organisations, toolkit, Stappenplan, checklist), search, Melden and
        # the toolkit's resources are all reached.
        for path in ["", "organisaties/", "toolkit/", "stappenplan/", "checklist/"]:
            assert prefix + path in pages
        assert prefix + "zoeken/" in pages and prefix + "melden/" in pages
        # Signing in (and from there Mijn meldingen) stays in the language, and is never
        # stored as a public page.
        assert prefix + "account/inloggen/" in pages
        login = client.get(prefix + "account/inloggen/")
        assert "public" not in login["Cache-Control"]
        assert client.get(prefix + "mijn-meldingen/")["Location"].startswith(
            prefix + "account/inloggen/"
        )
        assert sum(path.startswith(prefix + "toolkit/") for path in pages) > 10

    home = client.get("/en/").content.decode()
    assert "Safe Governance" in home and "Report every incident" in home
    assert "Feilich Bestjoer" in client.get("/fy/").content.decode()
    # The site's name in the header and the page titles speaks the language too.
    assert '<span class="brand-name">Safe Governance</span>' in home
    assert "<title>Search · Safe Governance</title>" in client.get("/en/zoeken/").content.decode()

    # The organisations publish in Dutch: the overview links to their Dutch pages, marked.
    overview = Page(client.get("/en/organisaties/").content.decode())
    organisations = [
        (href, lang)
        for href, _chrome, lang in overview.links
        if href.startswith("/organisaties/") and href != "/organisaties/"
    ]
    assert len(organisations) == 3 and {lang for _, lang in organisations} == {"nl"}
    assert "in Dutch" in client.get("/en/organisaties/").content.decode()
    assert "yn it Nederlânsk" in client.get("/fy/organisaties/").content.decode()

    # Search finds the pages of the visitor's language, and only those.
    cases = [
        ("/en/zoeken/", "police", "Uniform National Agreements (ELA)", "/en/"),
        ("/fy/zoeken/", "oanjefte", "Stappeplan melding en oanjefte foar politike", "/fy/"),
        ("/zoeken/", "aangifte", "Stappenplan melding en aangifte voor politieke", "/"),
    ]
    for url, query, title, prefix in cases:
        response = client.get(url, {"q": query})
        html = response.content.decode()
        assert title in html, f"{url}?q={query}"
        results = [href for href, _, _ in Page(html).links if "/toolkit/" in href]
        assert results and all(href.startswith(prefix) for href in results), results
        if prefix == "/":
            assert not any(href.startswith(("/en/", "/fy/")) for href in results)

    # The national audiences (database rows) read in the visitor's language in the filter
    # and on the cards; in Dutch they stay as they are.
    english_toolkit = client.get("/en/toolkit/").content.decode()
    assert ">Mayor</option>" in english_toolkit and "Clerk of the council" in english_toolkit
    assert ">Burgemeester</option>" not in english_toolkit
    assert ">Boargemaster</option>" in client.get("/fy/toolkit/").content.decode()
    assert ">Burgemeester</option>" in client.get("/toolkit/").content.decode()

    # The search page (a view, not a page) switches language too.
    search = Page(client.get("/en/zoeken/").content.decode())
    assert ("/fy/zoeken/", True, "fy") in search.links and ("/zoeken/", True, "nl") in search.links
