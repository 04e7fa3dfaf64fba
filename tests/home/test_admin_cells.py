"""Admin table cells built in Python (home.admin_cells) give the markup of Wagtail's own cell
templates, so a listing looks and behaves (tooltips, links) the same."""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.admin.ui import tables

from home import admin_cells


def same(html: str) -> str:
    """html with white space between and inside tags collapsed (templates indent)."""
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*(<|>)\s*", r"\1", html).strip()


def pair(ours, theirs, row) -> tuple[str, str]:
    context = {"row": None, "table": None, "request": RequestFactory().get("/admin/")}
    return (
        same(ours.render_cell_html(row, context)),
        same(theirs.render_cell_html(row, context)),
    )


ROW = SimpleNamespace(
    pk=7,
    title="VB-AB12 <b>",
    empty="  ",
    created_at=timezone.now() - datetime.timedelta(days=1, hours=2),
    day=datetime.date(2026, 3, 4),
    nothing=None,
)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("classname", [None, "vb-nowrap"])
@pytest.mark.parametrize("name", ["title", "empty", "nothing"])
def test_a_text_cell_is_wagtails(name, classname, language):
    with translation.override(language):
        ours, theirs = pair(
            admin_cells.TextColumn(name, classname=classname),
            tables.Column(name, classname=classname),
            ROW,
        )
    assert ours == theirs


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["created_at", "day", "nothing"])
def test_a_date_cell_is_wagtails(name, language):
    with translation.override(language):
        ours, theirs = pair(admin_cells.DateColumn(name), tables.DateColumn(name), ROW)
    assert ours == theirs
    if name == "created_at" and language == "nl":
        assert "1 dag geleden" in ours


AGO = [
    datetime.timedelta(0),
    datetime.timedelta(seconds=-90),  # a moment in the future: "just now", as Wagtail says
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=59, seconds=30),
    datetime.timedelta(hours=1, minutes=5),
    datetime.timedelta(days=2, hours=23),
    datetime.timedelta(days=13),
    datetime.timedelta(days=40),
    datetime.timedelta(days=400),
    datetime.timedelta(days=3 * 365 + 20),
]


@pytest.mark.parametrize("language", ["nl", "en", "fy"])
@pytest.mark.parametrize("ago", AGO, ids=str)
def test_a_date_cell_says_how_long_ago_in_wagtails_words(ago, language):
    """The "... geleden" text is translated once per language and distance (home.admin_cells
    .since) and still reads exactly as Wagtail's own cell, in every language and at every
    distance."""
    row = SimpleNamespace(at=timezone.now() - ago)
    context = {"row": None, "table": None, "request": RequestFactory().get("/admin/")}
    with translation.override(language):
        wagtails = tables.DateColumn("at").render_cell_html(row, context)
        for _ in range(2):  # the second time from the cache
            ours = admin_cells.DateColumn("at").render_cell_html(row, context)
            assert same(ours) == same(wagtails)
            # same() takes a no-break space for white space: "3\xa0dagen" must stay whole.
            assert ours.count("\xa0") == wagtails.count("\xa0")


@pytest.mark.parametrize("classname", [None, "vb-nowrap"])
def test_a_link_cell_is_wagtails_title_cell(classname):
    def url(row):
        return f"/admin/meldingen/{row.pk}/"

    ours, theirs = pair(
        admin_cells.LinkColumn("title", get_url=url, classname=classname),
        tables.TitleColumn("title", get_url=url, classname=classname),
        ROW,
    )
    assert ours == theirs
    assert "&lt;b&gt;" in ours  # escaped, as the template escapes


def test_a_link_cell_carries_its_tag_after_the_link():
    column = admin_cells.LinkColumn(
        "title", get_url=lambda row: "/x/", tag=lambda row: "spoed" if row.pk == 7 else None
    )
    html = same(column.render_cell_html(ROW, {}))
    assert html.endswith('</a></div><span class="w-status w-status--primary">spoed</span></td>')
