"""The snippet under a search result: the words around the first match in the page's text,
the matches marked; without a match in the text, the page's description."""

from __future__ import annotations

import re
from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from modelsearch.index import SearchField
from wagtail.models import Page

from home.templatetags.site_tags import page_description
from toolkit.search_terms import query_language, stem, variants, words

CONTEXT_WORDS = 14
SNIPPET_WORDS = 32


def page_text(page: Page) -> list[str]:
    """The page's searchable text after the title, tags removed, as words."""
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name != "title":
            try:
                value = field.get_value(page)
            except AttributeError:
                continue
            values = value if isinstance(value, list | tuple) else [value]
            parts.extend(unescape(strip_tags(str(item))) for item in values if item)
    return " ".join(parts).split()


def _matcher(query: str):
    language = query_language()
    exact, prefixes = set(), []
    for word in words(query):
        for text, prefix in variants(word, language):
            if prefix:
                prefixes.append(text)
            else:
                exact.update({text, stem(text, language)})

    def matches(token: str) -> bool:
        bare = re.sub(r"\W", "", token.lower())
        if not bare:
            return False
        return bare in exact or stem(bare, language) in exact or bare.startswith(tuple(prefixes))

    return matches


def snippet(page: Page, query: str) -> SafeString:
    tokens = page_text(page)
    matches = _matcher(query)
    hits = [i for i, token in enumerate(tokens) if matches(token)]
    if not hits:
        return escape(page_description(page))
    start = max(0, hits[0] - CONTEXT_WORDS)
    window = tokens[start : start + SNIPPET_WORDS]
    marked = [
        f"<mark>{escape(token)}</mark>" if matches(token) else escape(token) for token in window
    ]
    lead = "… " if start else ""
    tail = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return mark_safe(lead + " ".join(marked) + tail)  # noqa: S308  # nosec B308 B703 - every token escaped
