"""Table columns for the admin listings whose cells are built in Python, with the markup of
Wagtail's own cell templates (wagtailadmin/tables/cell.html, title_cell.html and
shared/human_readable_date.html). A listing of 50 rows has 250 cells, and a template render per
cell was a third of the meldingen listing's time."""

from __future__ import annotations

import datetime
from functools import lru_cache

from django.utils import formats, timezone
from django.utils.html import avoid_wrapping, format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.timesince import TIME_STRINGS, timesince
from django.utils.translation import get_language, gettext
from wagtail.admin.ui.tables import Column, TitleColumn


def _td(classname: str | None, content, extra: str = "") -> SafeString:
    classes = " ".join(part for part in (classname, extra) if part)
    if classes:
        return format_html('<td class="{}">{}</td>', classes, content)
    return format_html("<td>{}</td>", content)


class TextColumn(Column):
    """A value as text (Wagtail's cell.html)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if value is None or not str(value).strip():
            value = self.empty_value_display
        return _td(self.classname, value)


class _Unit:
    """Stands in for a translated time string in timesince: "day:3" instead of "3 dagen"."""

    def __init__(self, name: str):
        self.name = name

    def __mod__(self, values: dict) -> str:
        return f"{self.name}:{values['num']}"


_UNITS = {name: _Unit(name) for name in TIME_STRINGS}


@lru_cache(maxsize=1024)
def _since_label(language: str, unit: str) -> str:
    """Wagtail's timesince_simple text for "day:3" in language (the active one)."""
    name, number = unit.split(":")
    if number == "0":
        return capfirst(gettext("just now"))
    period = avoid_wrapping(TIME_STRINGS[name] % {"num": int(number)})
    return capfirst(gettext("%(time_period)s ago") % {"time_period": period})


def since(value) -> str:
    """Wagtail's capitalised timesince_simple ("3 dagen geleden"), translated once per
    language and distance instead of once per cell."""
    return _since_label(get_language(), timesince(value, time_strings=_UNITS, depth=1))


class DateColumn(Column):
    """A moment as "1 dag geleden" with the full date and time as tooltip (Wagtail's
    human_readable_date)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if not value:
            return _td(self.classname, "")
        if isinstance(value, datetime.datetime):
            shown = timezone.localtime(value) if timezone.is_aware(value) else value
            tooltip = formats.date_format(shown, formats.get_format("DATETIME_FORMAT"))
        else:
            shown = value
            tooltip = formats.date_format(shown, formats.get_format("DATE_FORMAT"))
        return _td(
            self.classname,
            format_html(
                '<button type="button" class="w-human-readable-date" data-controller="w-tooltip"'
                ' data-w-tooltip-content-value="{}" data-w-tooltip-placement-value="top">'
                '<time class="w-human-readable-date__date" datetime="{}">{}</time></button>',
                tooltip,
                shown.isoformat(),
                since(value),
            ),
        )


class LinkColumn(TitleColumn):
    """The row's title as a link (Wagtail's title_cell.html without buttons); `tag` adds a
    status tag after it for the rows it returns a label for."""

    def __init__(self, name, tag=None, **kwargs):
        super().__init__(name, **kwargs)
        self.tag = tag

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if value is None or not str(value).strip():
            value = self.empty_value_display
        label = self.tag(instance) if self.tag else None
        return _td(
            self.classname,
            format_html(
                '<div class="title-wrapper"><a href="{}">{}</a></div>{}',
                self.get_link_url(instance, parent_context),
                value,
                format_html(' <span class="w-status w-status--primary">{}</span>', label)
                if label
                else "",
            ),
            extra="title",
        )
