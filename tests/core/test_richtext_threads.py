"""The Draftail converter shared by every copy of an editor widget, used by several threads at
once (runserver serves each request in a thread): each conversion stays whole (it raised
"unexpected call to parse_endtag", a 500 in the protocol editor, before core.richtext_threads)."""

from __future__ import annotations

import json
import sys
import threading

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

HTML = "".join(
    f"<h2>Kop {n}</h2><p>Alinea <b>{n}</b> met <i>nadruk</i> en een lijst:</p>"
    f"<ul><li>een</li><li>twee {n}</li></ul>"
    for n in range(40)
)


def without_keys(contentstate: str) -> list:
    """The blocks of a conversion without their keys (random per conversion)."""
    return [
        {name: value for name, value in block.items() if name != "key"}
        for block in json.loads(contentstate)["blocks"]
    ]


def test_one_converter_in_many_threads_converts_each_document_whole():
    converter = ContentstateConverter(["h2", "bold", "italic", "ul"])
    expected = without_keys(converter.from_database_format(HTML))
    assert len(expected) == 40 * 4  # heading, paragraph and two list items each
    results, errors = [], []

    def convert():
        try:
            for _ in range(15):
                results.append(without_keys(converter.from_database_format(HTML)))
        except Exception as exc:  # noqa: BLE001 - every failure is what this test reports
            errors.append(repr(exc))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a busy server does
    try:
        threads = [threading.Thread(target=convert) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert len(results) == 90 and all(result == expected for result in results)
