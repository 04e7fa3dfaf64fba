"""Reading a PDF as its readers do: poppler's pdfinfo, pdffonts and pdftotext."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path


def _poppler(tool: str, content: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(content)
        return subprocess.run(
            [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def pdf_info(content: bytes) -> dict[str, str]:
    """pdfinfo's fields ("Title", "Tagged", "Pages", ...)."""
    lines = _poppler("pdfinfo", content).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def pdf_metadata(content: bytes) -> str:
    """The XMP metadata (pdfinfo -meta)."""
    return _poppler("pdfinfo", content, "-meta")


def pdf_urls(content: bytes) -> list[str]:
    """Every URL inside the PDF's objects (link annotations and actions), by pdfinfo -url."""
    lines = _poppler("pdfinfo", content, "-url").splitlines()[1:]  # a header line first
    return [line.split()[-1] for line in lines if line.strip()]


def pdf_fonts(content: bytes) -> list[dict[str, str]]:
    """pdffonts' rows by its columns: name, type, encoding, emb(edded), sub(set), uni(code)."""
    lines = _poppler("pdffonts", content).splitlines()
    header, rule = lines[0], lines[1]
    spans, start = [], 0
    for dashes in rule.split(" "):
        spans.append((start, start + len(dashes)))
        start += len(dashes) + 1
    names = header.split()
    return [
        {name: line[a:b].strip() for name, (a, b) in zip(names, spans, strict=False)}
        for line in lines[2:]
    ]


def pdf_pages_text(content: bytes) -> list[str]:
    """The text of each page, as pdftotext extracts it (form feed between pages)."""
    return _poppler("pdftotext", content, "-layout").split("\f")[:-1]


def pdf_text(content: bytes) -> str:
    """All text of the PDF with whitespace folded (a line break in the PDF is a space)."""
    return " ".join(_poppler("pdftotext", content).split())
