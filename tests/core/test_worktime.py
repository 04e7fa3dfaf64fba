"""core.worktime: deadlines in Dutch office time (no database needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.worktime import (
    DEFAULT,
    OfficeHours,
    add_working_days,
    add_working_hours,
    clock_hours,
    is_working_day,
)

AMS = ZoneInfo("Europe/Amsterdam")


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


def test_default_office_hours():
    assert DEFAULT == OfficeHours(time(8, 30), time(17), frozenset({0, 1, 2, 3, 4}))


def test_friday_afternoon_runs_into_monday():
    # Friday 5 June 2026 16:00: one hour on Friday, one on Monday.
    assert add_working_hours(ams(2026, 6, 5, 16), 2) == ams(2026, 6, 8, 9, 30)


def test_full_day_ends_at_closing_time():
    assert add_working_hours(ams(2026, 6, 8, 8, 30), 8.5) == ams(2026, 6, 8, 17)
    assert add_working_hours(ams(2026, 6, 8, 8, 30), 9) == ams(2026, 6, 9, 9)


def test_start_outside_office_hours_counts_from_next_opening():
    assert add_working_hours(ams(2026, 6, 6, 11), 1) == ams(2026, 6, 8, 9, 30)  # Saturday
    assert add_working_hours(ams(2026, 6, 8, 7), 1) == ams(2026, 6, 8, 9, 30)  # before opening
    assert add_working_hours(ams(2026, 6, 8, 17), 1) == ams(2026, 6, 9, 9, 30)  # at closing
    assert add_working_hours(ams(2026, 6, 8, 22), 1) == ams(2026, 6, 9, 9, 30)  # evening
    assert add_working_hours(ams(2026, 6, 6, 11), 0) == ams(2026, 6, 8, 8, 30)
    assert add_working_hours(ams(2026, 6, 8, 10), 0) == ams(2026, 6, 8, 10)


def test_christmas_is_skipped():
    # Wednesday 24 December 2025; 25 and 26 December are holidays, then the weekend.
    assert not is_working_day(date(2025, 12, 25))
    assert not is_working_day(date(2025, 12, 26))
    assert add_working_hours(ams(2025, 12, 24, 16), 2) == ams(2025, 12, 29, 9, 30)


def test_kings_day_is_skipped():
    assert date(2027, 4, 27).weekday() == 1  # a Tuesday
    assert not is_working_day(date(2027, 4, 27))
    assert add_working_hours(ams(2027, 4, 26, 16), 2) == ams(2027, 4, 28, 9, 30)


def test_easter_monday_is_skipped():
    assert not is_working_day(date(2027, 3, 29))
    # Saturday 27 March 2027: the weekend (with the DST change) and Easter Monday are skipped.
    assert add_working_hours(ams(2027, 3, 27, 10), 1) == ams(2027, 3, 30, 9, 30)


def test_holidays_as_the_package_defines_them():
    assert not is_working_day(date(2027, 3, 26))  # Good Friday: a public holiday in the package
    assert not is_working_day(date(2025, 5, 5))  # Liberation Day in a lustrum year
    assert is_working_day(date(2027, 5, 5))  # ... and a working day otherwise (a Wednesday)
    assert is_working_day(date(2027, 4, 26))


def test_is_working_day_refuses_a_datetime():
    with pytest.raises(TypeError):
        is_working_day(ams(2026, 6, 8, 10))


@pytest.mark.parametrize(
    ("friday", "monday"),
    [
        # Last Sunday of March 2026 (29th): CET (+01:00) to CEST (+02:00).
        ((2026, 3, 27), (2026, 3, 30)),
        # Last Sunday of October 2026 (25th): CEST back to CET.
        ((2026, 10, 23), (2026, 10, 26)),
    ],
)
def test_dst_change_keeps_local_office_times(friday, monday):
    start = ams(*friday, 16)
    end = add_working_hours(start, 2)
    assert end == ams(*monday, 9, 30)
    assert (end.hour, end.minute) == (9, 30)
    assert start.utcoffset() != end.utcoffset()
    assert add_working_days(start, 1) == ams(*monday, 17)


def test_result_is_in_the_start_time_zone():
    start = ams(2026, 3, 27, 16).astimezone(UTC)  # 15:00 UTC
    end = add_working_hours(start, 2)
    assert end.tzinfo is UTC
    assert end == datetime(2026, 3, 30, 7, 30, tzinfo=UTC)  # 09:30 CEST
    assert add_working_days(start, 1) == datetime(2026, 3, 30, 15, tzinfo=UTC)


def test_activated_time_zone_does_not_move_office_hours():
    with timezone.override(ZoneInfo("America/New_York")):
        assert add_working_hours(ams(2026, 6, 5, 16), 2) == ams(2026, 6, 8, 9, 30)


def test_72_working_hours_span_several_days():
    # 8.5 h a day: Mon 8 to Wed 17 June 2026 are 8 full days (68 h), then 4 h on Thursday.
    start = ams(2026, 6, 8, 8, 30)
    assert add_working_hours(start, 68) == ams(2026, 6, 17, 17)
    assert add_working_hours(start, 72) == ams(2026, 6, 18, 12, 30)


def test_custom_office_hours():
    office = OfficeHours(start=time(9), end=time(12), weekdays=frozenset({0, 1, 2, 3}))
    # Thursday 11 June 2026 11:00: one hour on Thursday, Friday to Sunday closed.
    assert add_working_hours(ams(2026, 6, 11, 11), 2, office) == ams(2026, 6, 15, 10)
    assert not is_working_day(date(2026, 6, 12), office)
    assert add_working_days(ams(2026, 6, 11, 11), 1, office) == ams(2026, 6, 15, 12)


def test_weekdays_may_be_any_iterable():
    assert OfficeHours(weekdays={0, 1}).weekdays == frozenset({0, 1})


@pytest.mark.parametrize(
    "kwargs",
    [
        {"start": time(17), "end": time(8, 30)},
        {"start": time(9), "end": time(9)},
        {"weekdays": frozenset()},
        {"weekdays": frozenset({7})},
        {"weekdays": frozenset({-1, 0})},
        {"start": time(9, tzinfo=UTC)},
    ],
)
def test_invalid_office_hours_raise(kwargs):
    with pytest.raises(ValueError):
        OfficeHours(**kwargs)


def test_office_hours_are_frozen():
    with pytest.raises(AttributeError):
        DEFAULT.start = time(9)  # type: ignore[misc]


def test_add_working_days_over_a_weekend():
    friday = ams(2026, 6, 5, 10)
    assert add_working_days(friday, 1) == ams(2026, 6, 8, 17)
    assert add_working_days(friday, 3) == ams(2026, 6, 10, 17)
    assert add_working_days(ams(2026, 6, 6, 10), 1) == ams(2026, 6, 8, 17)  # from a Saturday


def test_add_working_days_over_a_holiday():
    # Friday 24 April 2026; Monday 27 April is King's Day.
    assert add_working_days(ams(2026, 4, 24, 10), 1) == ams(2026, 4, 28, 17)
    # Wednesday 24 December 2025 + 2: Christmas, the weekend, then Monday 29 and Tuesday 30.
    assert add_working_days(ams(2025, 12, 24, 10), 2) == ams(2025, 12, 30, 17)


def test_add_working_days_zero_is_todays_closing_time():
    assert add_working_days(ams(2026, 6, 8, 18), 0) == ams(2026, 6, 8, 17)
    assert add_working_days(ams(2026, 6, 6, 10), 0) == ams(2026, 6, 8, 17)


def test_add_working_days_uses_the_local_date():
    # 22:30 UTC on Sunday is already Monday in Amsterdam, so Monday is not counted.
    start = datetime(2026, 6, 7, 22, 30, tzinfo=UTC)
    assert add_working_days(start, 1) == ams(2026, 6, 9, 17)


def test_clock_hours_count_elapsed_time_across_dst():
    # Saturday 28 March 2026 12:00 CET + 24 h is Sunday 13:00 CEST.
    assert clock_hours(ams(2026, 3, 28, 12), 24) == ams(2026, 3, 29, 13)
    assert clock_hours(ams(2026, 6, 5, 16), 2) == ams(2026, 6, 5, 18)


@pytest.mark.parametrize("hours", [-1, float("nan"), float("inf")])
def test_invalid_hours_raise(hours):
    with pytest.raises(ValueError):
        add_working_hours(ams(2026, 6, 8, 10), hours)


def test_naive_datetimes_raise():
    naive = datetime(2026, 6, 8, 10)
    for call in (
        lambda: add_working_hours(naive, 1),
        lambda: add_working_days(naive, 1),
        lambda: clock_hours(naive, 1),
    ):
        with pytest.raises(ValueError):
            call()
    with pytest.raises(ValueError):
        add_working_days(ams(2026, 6, 8, 10), -1)
