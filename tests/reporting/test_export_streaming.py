"""Exports stream: the file comes in pieces as the rows are read (memory and the first byte do
not wait for the whole selection), and the streamed XLSX is a workbook Excel and openpyxl
read: watermark line in bold red, also as the printed page header, cells as text."""

import io

from openpyxl import load_workbook

from reporting import xlsx
from reporting.exports import _csv


def rows(n):
    for i in range(n):
        yield [f"VB-{i:05d}", "Gemeente Aadorp", "=1+1" if i == 7 else "ontvangen"]


def test_streamed_xlsx_is_a_readable_workbook_in_many_pieces():
    consumed = []

    def watched(n):
        for row in rows(n):
            consumed.append(row[0])
            yield row

    pieces = xlsx.stream(
        "Meldingen", ["Kenmerk", "Organisatie", "Status"], watched(1200), "Let op & zo", "Let op"
    )
    first = next(pieces)
    assert first.startswith(b"PK") and consumed == []  # the first bytes before any row is read
    rest = list(pieces)
    assert len(rest) >= 3  # in pieces, not one blob at the end
    book = load_workbook(io.BytesIO(first + b"".join(rest)))
    sheet = book.active
    assert sheet.title == "Meldingen"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Let op & zo"
    assert sheet["A1"].font.bold and sheet["A1"].font.color.rgb == "FFB00020"
    assert sheet.oddHeader.center.text == "Let op"
    assert values[1] == ["Kenmerk", "Organisatie", "Status"]
    assert len(values) == 2 + 1200
    assert values[2 + 1199][0] == "VB-01199"
    assert values[2 + 7][2] == "=1+1"  # text, never a formula (the caller escapes it too)
    assert sheet["C10"].data_type == "s"


def test_xml_characters_and_control_characters_are_safe():
    data = b"".join(xlsx.stream("M", ["a"], [["<b>&\x0b\"'"]]))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value == "<b>&\"'"


def test_csv_comes_in_pieces_with_bom_and_escaped_formulas():
    pieces = list(_csv(["Kenmerk", "Organisatie", "Status"], rows(1200), ""))
    assert len(pieces) >= 3
    text = b"".join(pieces).decode("utf-8")
    assert text.startswith("\ufeffKenmerk;Organisatie;Status")
    assert "VB-00007;Gemeente Aadorp;'=1+1" in text
    assert text.count("\n") == 1201
