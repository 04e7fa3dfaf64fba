"""Deadlines in working time in the Netherlands: office hours, working days, public holidays.

Office hours are wall-clock times in settings.TIME_ZONE (Europe/Amsterdam), whatever time zone
is active. Holidays come from the ``holidays`` package's public calendar for "NL" (category
"public"). As of holidays 0.109 that is: New Year's Day, Good Friday, Easter Sunday and Monday,
King's Day (26 April when the 27th is a Sunday), Ascension Day, Whit Sunday and Monday, and both
Christmas days. Liberation Day (5 May) is a holiday only in lustrum years (2025, 2030, ...); in
other years the package files it under "optional" and it is a working day here. Good Friday is a
working day for many employers but a holiday here: we follow the package.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone

__all__ = [
    "DEFAULT",
    "OfficeHours",
    "add_working_days",
    "add_working_hours",
    "clock_hours",
    "is_working_day",
]


@dataclass(frozen=True)
class OfficeHours:
    """Daily opening hours (local wall-clock times) on the given weekdays (Monday is 0)."""

    start: time = time(8, 30)
    end: time = time(17, 0)
    weekdays: frozenset[int] = frozenset(range(5))

    def __post_init__(self) -> None:
        object.__setattr__(self, "weekdays", frozenset(self.weekdays))
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("Office hours are naive local times, without tzinfo.")
        if not self.start < self.end:
            raise ValueError("Office hours must start before they end.")
        if not self.weekdays:
            raise ValueError("Office hours need at least one weekday.")
        if not all(type(d) is int and 0 <= d <= 6 for d in self.weekdays):
            raise ValueError("Weekdays are integers 0 (Monday) to 6 (Sunday).")


DEFAULT = OfficeHours()


@lru_cache(maxsize=64)  # one entry per year
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("NL", years=year))


def _local_tz() -> ZoneInfo:
    return timezone.get_default_timezone()  # settings.TIME_ZONE, not the activated zone


def _localtime(value: datetime) -> datetime:
    """``value`` in settings.TIME_ZONE; ValueError when it is naive."""
    if timezone.is_naive(value):
        raise ValueError("An aware datetime is required.")
    return timezone.localtime(value, _local_tz())


def is_working_day(day: date, hours: OfficeHours = DEFAULT) -> bool:
    """True when ``day`` is one of the office's weekdays and not a Dutch public holiday."""
    if isinstance(day, datetime):
        raise TypeError("Pass a date; convert a datetime with timezone.localdate() first.")
    return day.weekday() in hours.weekdays and day not in _public_holidays(day.year)


def _opening(day: date, office: OfficeHours) -> tuple[datetime, datetime]:
    """The office's opening and closing moment on ``day``, in UTC (DST-safe arithmetic)."""
    tz = _local_tz()
    opens = datetime.combine(day, office.start, tzinfo=tz).astimezone(UTC)
    closes = datetime.combine(day, office.end, tzinfo=tz).astimezone(UTC)
    return opens, closes


def add_working_hours(start: datetime, hours: float, office: OfficeHours = DEFAULT) -> datetime:
    """The moment ``hours`` of office time after ``start``, in ``start``'s time zone.

    A start outside office hours counts from the next opening; a deadline that uses up a day's
    hours exactly falls on its closing time (8.5 h from Monday 08:30 is Monday 17:00). Zero hours
    gives the first office moment at or after ``start`` (a closing time counts as closed).
    """
    if not math.isfinite(hours) or hours < 0:
        raise ValueError("Working hours must be a finite, non-negative number.")
    remaining = timedelta(hours=hours)
    local = _localtime(start)
    cursor = local.astimezone(UTC)
    day = local.date()
    while True:
        if is_working_day(day, office):
            opens, closes = _opening(day, office)
            begin = max(cursor, opens)
            if begin < closes:
                available = closes - begin
                if remaining <= available:
                    return (begin + remaining).astimezone(start.tzinfo)
                remaining -= available
        day += timedelta(days=1)


def add_working_days(start: datetime, days: int, office: OfficeHours = DEFAULT) -> datetime:
    """Closing time on the ``days``-th working day after ``start``'s local date, in its zone.

    The start day itself is not counted; ``days=0`` gives the closing time of the start day when
    it is a working day, else of the next working day.
    """
    if days < 0:
        raise ValueError("Working days must be non-negative.")
    day = _localtime(start).date()
    if days:
        while days:
            day += timedelta(days=1)
            if is_working_day(day, office):
                days -= 1
    else:
        while not is_working_day(day, office):
            day += timedelta(days=1)
    return _opening(day, office)[1].astimezone(start.tzinfo)


def clock_hours(start: datetime, hours: float) -> datetime:
    """``start`` plus ``hours`` of elapsed time (24/7, across DST changes), in its time zone."""
    _localtime(start)  # rejects naive datetimes
    return (start.astimezone(UTC) + timedelta(hours=hours)).astimezone(start.tzinfo)
