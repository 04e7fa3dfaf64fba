"""A streaming XLSX writer: one sheet of text cells, written as the rows come (a zip file
written front to back, with data descriptors), so neither memory nor the time to the first byte
grows with the number of rows. Just what the exports need: an optional first line in bold red
that is also the printed page header, then a header row and the rows."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from html import escape  # &amp; &lt; &gt; &quot; &#x27;: valid in XML text and attributes

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Characters XML 1.0 does not allow (control characters other than tab, newline, return).
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ROWS_PER_PIECE = 500

STATIC_PARTS = {
    "[Content_Types].xml": (
        f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'{XML}<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'{XML}<Relationships xmlns="{RELS}">'
        f'<Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{DOC_RELS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    # Style 0: plain; style 1: bold, dark red (the watermark line).
    "xl/styles.xml": (
        f'{XML}<styleSheet xmlns="{MAIN}"><fonts count="2">'
        '<font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><color rgb="FFB00020"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        "</cellStyles></styleSheet>"
    ),
}


class _Pieces(io.RawIOBase):
    """A write-only, unseekable file that keeps what is written until taken."""

    def __init__(self):
        super().__init__()
        self._pieces: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._pieces.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._pieces)
        self._pieces.clear()
        return data


def _text(value: str) -> str:
    return escape(ILLEGAL.sub("", str(value)))


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _row(number: int, values: Iterable[str], style: int = 0) -> str:
    styled = f' s="{style}"' if style else ""
    cells = "".join(
        f'<c r="{_column(i)}{number}" t="inlineStr"{styled}><is><t xml:space="preserve">'
        f"{_text(v)}</t></is></c>"
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def stream(
    title: str, header: list[str], rows: Iterable[list[str]], mark: str = "", page_header: str = ""
) -> Iterator[bytes]:
    """The workbook in pieces: one sheet called title; mark (if any) as its bold red first line
    and page_header centred at the top of every printed page."""
    pieces = _Pieces()
    with zipfile.ZipFile(pieces, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in STATIC_PARTS.items():
            archive.writestr(name, content)
        archive.writestr(
            "xl/workbook.xml",
            f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
            f'<sheet name="{_text(title)[:31]}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        yield pieces.take()
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'{XML}<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            number = 0
            if mark:
                number += 1
                sheet.write(_row(number, [mark], style=1).encode())
            number += 1
            sheet.write(_row(number, header).encode())
            for row in rows:
                number += 1
                sheet.write(_row(number, row).encode())
                if number % ROWS_PER_PIECE == 0:
                    yield pieces.take()
            footer = "</sheetData>"
            if page_header:
                centred = f"&amp;C{_text(page_header)}"
                footer += f"<headerFooter><oddHeader>{centred}</oddHeader></headerFooter>"
            sheet.write(f"{footer}</worksheet>".encode())
    yield pieces.take()
