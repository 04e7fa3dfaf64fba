"""The words of a search and their Dutch variants, shared by the database search backends.

Snowball's Dutch stemmer leaves verb forms apart from their nouns ("bedreigd" stays
"bedreigd", "bedreiging" becomes "bedreig"), so a query term also matches, as a prefix, its
stem and its stem without the final d/t of a participle or third person.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from django.conf import settings
from django.utils import translation

# Snowball algorithm per interface language; Frisian has none, its words match as written.
STEMMERS = {"nl": "dutch", "en": "english"}
WORD = re.compile(r"\w+")
MIN_PREFIX = 5  # shorter stems as prefixes match too much ("meld" would find "melden", "meldkamer")


@lru_cache(maxsize=8)
def _stemmer(language: str):
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def language_of(code: str | None) -> str:
    return (code or settings.LANGUAGE_CODE).split("-")[0].lower()


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def stem(word: str, language: str) -> str:
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def stem_text(text: str, language: str) -> str:
    """The text as stemmed words, for an index that cannot stem itself (SQLite FTS5)."""
    return " ".join(stem(word, language) for word in words(text))


def variants(word: str, language: str) -> list[tuple[str, bool]]:
    """(text, is_prefix) alternatives for one query word: the word itself first."""
    found = [(word, False)]
    if language != "nl":
        return found
    stemmed = stem(word, language)
    if len(stemmed) >= MIN_PREFIX:
        found.append((stemmed, True))
    if stemmed[-1:] in ("d", "t") and len(stemmed) > MIN_PREFIX:
        found.append((stemmed[:-1], True))
    return found


def query_language() -> str:
    return language_of(translation.get_language())
