"""The interface catalogues (locale/en, locale/fy): `makemessages` over the whole project finds
nothing untranslated or fuzzy, translations keep the placeholders and tags of their source, and
the committed .mo files are compiled from the .po files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["en", "fy"]
# Not part of the product's interface: tools, tests, build output and third-party code.
IGNORED = [
    ".git",
    ".venv",
    "node_modules",
    "var",
    "media",
    "static_collected",
    "tests",
    "bench",
    "docs",
    "build",
    "vendor",
    "__pycache__",
    "*.egg-info",
]
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".po", ".mo"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def catalogue(language: str, root: Path = ROOT) -> polib.POFile:
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


def source_files(directory: str, names: list[str]) -> set[str]:
    """shutil.copytree ignore function: keep only what makemessages reads."""
    ignored = set(shutil.ignore_patterns(*IGNORED)(directory, names))
    for name in names:
        path = Path(directory, name)
        if path.is_file() and path.suffix not in SOURCE_SUFFIXES:
            ignored.add(name)
    return ignored


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> Path:
    """A copy of the project whose catalogues makemessages has just refreshed from the code."""
    copy = tmp_path_factory.mktemp("catalogues") / "project"
    shutil.copytree(ROOT, copy, ignore=source_files)
    (copy / "catalogue_settings.py").write_text(
        "from pathlib import Path\n"
        "from veiligbestuur.settings.test import *  # noqa: F403\n"
        "LOCALE_PATHS = [Path(__file__).resolve().parent / 'locale']\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "catalogue_settings", "PYTHONPATH": str(copy)}
    languages = [arg for code in LANGUAGES for arg in ("-l", code)]
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "makemessages", *languages, "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return copy


@pytest.mark.parametrize("language", LANGUAGES)
def test_makemessages_leaves_nothing_untranslated_or_fuzzy(refreshed, language):
    po = catalogue(language, refreshed)
    assert len(po) > 1000  # the whole project, not one app
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"{len(untranslated)} untranslated in {language}: {untranslated}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {language}: {fuzzy}"
    # Every message of the code is in the committed catalogue too.
    committed = {(entry.msgctxt, entry.msgid) for entry in catalogue(language)}
    assert {(entry.msgctxt, entry.msgid) for entry in po} <= committed


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_tags(language):
    problems = []
    for entry in catalogue(language):
        pairs = (
            [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        for source, translation in pairs:
            wanted = Counter(PLACEHOLDER.findall(source))
            # A singular may name the count in words ("één stap"); a plural never drops one.
            if entry.msgid_plural and source is entry.msgid:
                ok = set(PLACEHOLDER.findall(translation)) <= set(wanted)
            else:
                ok = Counter(PLACEHOLDER.findall(translation)) == wanted
            if not ok or len(TAG.findall(source)) != len(TAG.findall(translation)):
                problems.append((source, translation))
    assert problems == []


def test_frisian_catalogue_asks_for_a_native_speakers_review():
    assert "native speaker" in catalogue("fy").header


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_mo_is_compiled_from_the_po(language):
    po = catalogue(language)
    mo = polib.mofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    expected = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in po.translated_entries()
    }
    assert compiled == expected, "run `make messages` after changing a catalogue"
