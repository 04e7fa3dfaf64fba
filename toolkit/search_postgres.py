"""PostgreSQL: the `dutch` configuration stems index and query; each query word also
matches its Dutch variants as prefixes (toolkit.search_terms)."""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from toolkit.search_terms import query_language, variants


def any_variant(word: str, language: str, invert: bool = False):
    lexemes = [
        Lexeme(text, prefix=prefix, invert=invert) for text, prefix in variants(word, language)
    ]
    combined = lexemes[0]
    for lexeme in lexemes[1:]:
        combined = combined & lexeme if invert else combined | lexeme
    return combined


class DutchPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        words = [word for word in re.split(r"[\s\-]+", query.query_string.lower()) if word]
        if not words:
            return None
        language = query_language()
        combined = None
        for word in words:
            lexeme = any_variant(word, language, invert)
            if combined is None:
                combined = lexeme
            elif query.operator == "and":
                combined &= lexeme
            else:
                combined |= lexeme
        return SearchQuery(combined, search_type="raw", config=config)


class DutchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = DutchPostgresSearchQueryCompiler
