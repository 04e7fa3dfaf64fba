"""Wagtail's rich text converter for the Draftail editor keeps one HTML parser per converter,
and a converter is shared by every copy of its widget: two threads opening an editor at once
(runserver, which `make demo` uses, serves each request in a thread) feed the same parser and
one of them fails with "unexpected call to parse_endtag" (a 500). Each thread gets its own
parser here; the conversion itself is Wagtail's."""

from __future__ import annotations

import threading

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.admin.rich_text.converters.html_to_contentstate import HtmlToContentStateHandler

_local = threading.local()


def _handler(converter: ContentstateConverter) -> HtmlToContentStateHandler:
    """This thread's parser for the converter's features (the parser depends on nothing else)."""
    handlers = getattr(_local, "handlers", None)
    if handlers is None:
        handlers = _local.handlers = {}
    features = tuple(converter.features or ())
    if features not in handlers:
        handlers[features] = HtmlToContentStateHandler(features)
    return handlers[features]


def _from_database_format(self: ContentstateConverter, html: str) -> str:
    handler = _handler(self)
    handler.reset()
    handler.feed(html)
    handler.close()
    return handler.contentstate.as_json(indent=4, separators=(",", ": "))


def install() -> None:
    ContentstateConverter.from_database_format = _from_database_format
