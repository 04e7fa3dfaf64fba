"""SQLite (the embedded default): FTS5 cannot stem, so the index holds the Snowball stems of
the page's language and each query word is stemmed and widened the same way
(toolkit.search_terms)."""

from __future__ import annotations

from django.db.models import Q
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from toolkit.search_terms import language_of, query_language, stem, stem_text, variants, words


def object_language(obj) -> str:
    locale = getattr(obj, "locale", None)
    return language_of(locale.language_code if locale is not None else None)


class StemmedSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        if not objs or not model.get_search_fields():
            return
        by_id = {str(obj.pk): obj for obj in objs}
        entries = self.entries.filter(
            Q(content_type_id=get_content_type_pk(model)), Q(object_id__in=by_id)
        ).only("pk", "object_id", "title", "body")
        for entry in entries:
            language = object_language(by_id[entry.object_id])
            # The update trigger copies both into the FTS table.
            self.entries.filter(pk=entry.pk).update(
                title=stem_text(entry.title, language), body=stem_text(entry.body, language)
            )


class StemmedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        language = query_language()
        combined = None
        for word in words(query.query_string):
            options = [
                Lexeme(text if prefix else stem(text, language), prefix=prefix)
                for text, prefix in variants(word, language)
            ]
            lexeme = options[0]
            for option in options[1:]:
                lexeme |= option
            if combined is None:
                combined = lexeme
            elif query.operator.upper() == "AND":
                combined &= lexeme
            else:
                combined |= lexeme
        return None if combined is None else SearchQueryExpression(combined, config=config)


class StemmedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = StemmedSQLiteSearchQueryCompiler
    index_class = StemmedSQLiteIndex
