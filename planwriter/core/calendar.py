"""Counting days: calendar, school and business days, with or without the school's own calendar.

School days come from the case's :class:`~planwriter.core.model.SchoolCalendar` when the count
stays inside the school year entered; otherwise they are estimated as weekdays that are not
federal holidays, and the result says it is an estimate and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from planwriter.core.model import SchoolCalendar
from planwriter.core.states import state_name

_ONE = dt.timedelta(days=1)


class DayUnit(StrEnum):
    CALENDAR = "calendar"
    SCHOOL = "school"
    BUSINESS = "business"


@cache
def federal_holidays(years: tuple[int, ...]) -> frozenset[dt.date]:
    """US federal holidays (with their observed weekdays) in ``years``, from the holidays library."""
    import holidays

    return frozenset(holidays.country_holidays("US", years=years).keys())


@cache
def state_holidays(state: str | None, years: tuple[int, ...]) -> frozenset[dt.date]:
    """Federal plus the state's own public holidays in ``years`` (federal only for an unknown state)."""
    import holidays

    try:
        table = holidays.country_holidays("US", subdiv=state or None, years=years)
    except NotImplementedError:
        table = holidays.country_holidays("US", years=years)
    return frozenset(table.keys())


def _years(start: dt.date, amount: int) -> tuple[int, ...]:
    return tuple(range(start.year, start.year + 2 + amount // 150))


@dataclass(frozen=True)
class Count:
    """The end of a count and whether it can be relied on: ``reasons`` say why it is an estimate."""

    date: dt.date
    reasons: tuple[str, ...] = ()
    skipped_breaks: tuple[tuple[dt.date, dt.date], ...] = ()

    @property
    def estimate(self) -> bool:
        return bool(self.reasons)


@dataclass
class _Reasons:
    items: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        if text not in self.items:
            self.items.append(text)


def _calendar_days_off(calendar: SchoolCalendar) -> set[dt.date]:
    days: set[dt.date] = set()
    for off in calendar.days_off:
        day = off.start
        while day <= off.end:
            days.add(day)
            day += _ONE
    return days


def long_breaks(calendar: SchoolCalendar, more_than_school_days: int) -> list[tuple[dt.date, dt.date]]:
    """The breaks of ``calendar`` longer than ``more_than_school_days`` weekdays, as (first, last) days.

    Days off that touch (or are separated only by a weekend) form one break, so a holiday next to
    a vacation week makes one longer break. ``more_than_school_days`` = 0 makes every break count.
    """
    off = sorted(_calendar_days_off(calendar))
    runs: list[list[dt.date]] = []
    for day in off:
        if runs:
            gap = runs[-1][-1] + _ONE
            while gap < day and gap.weekday() >= 5:
                gap += _ONE
            if gap == day:
                runs[-1].append(day)
                continue
        runs.append([day])
    out = []
    for run in runs:
        weekdays = sum(1 for d in run if d.weekday() < 5)
        if weekdays > more_than_school_days:
            out.append((run[0], run[-1]))
    return out


def count_days(
    start: dt.date,
    amount: int,
    unit: DayUnit | str,
    state: str | None = None,
    calendar: SchoolCalendar | None = None,
    *,
    holidays_count: bool = False,
    skip_breaks_over: int | None = None,
) -> Count:
    """The day ``amount`` days of ``unit`` after ``start`` (the start day does not count).

    - calendar days: every day counts; with ``skip_breaks_over`` = N, the days of school breaks
      longer than N school days do not count (California, Educ. Code 56043), which needs the
      school calendar: without it the date is an estimate that may come too early.
    - school days: days of the school year entered that are not breaks or holidays; outside it (or
      without it), weekdays that are not federal holidays, and the date is an estimate.
    - business days: weekdays that are not federal or state holidays; with ``holidays_count``
      (34 CFR 300.148(d)(1)(ii)), weekdays that are holidays count too.
    """
    unit = DayUnit(unit)
    if amount < 0:
        raise ValueError("amount must not be negative")
    cal = calendar if calendar is not None and not calendar.is_empty() else None
    reasons = _Reasons()
    if unit == DayUnit.CALENDAR:
        return _add_calendar(start, amount, state, cal, skip_breaks_over, reasons)
    if unit == DayUnit.BUSINESS:
        off = frozenset() if holidays_count else state_holidays(state or None, _years(start, amount))
        day, counted = start, 0
        while counted < amount:
            day += _ONE
            if day.weekday() < 5 and day not in off:
                counted += 1
        return Count(day)
    return _add_school(start, amount, cal, reasons)


def _add_calendar(start, amount, state, cal, skip_breaks_over, reasons) -> Count:
    if skip_breaks_over is None:
        return Count(start + dt.timedelta(days=amount))
    name = state_name(state) or "This state"
    if cal is None:
        reasons.add(f"{name} does not count school breaks longer than {skip_breaks_over} school days, and "
                    "no school calendar is entered, so no break was skipped: the real date may be later")
        return Count(start + dt.timedelta(days=amount), tuple(reasons.items))
    breaks = long_breaks(cal, skip_breaks_over)
    skipped: list[tuple[dt.date, dt.date]] = []
    day, counted = start, 0
    while counted < amount:
        day += _ONE
        inside = next((b for b in breaks if b[0] <= day <= b[1]), None)
        if inside is not None:
            if inside not in skipped:
                skipped.append(inside)
            continue
        counted += 1
    if not (cal.covers(start) and cal.covers(day)):
        reasons.add("the count goes outside the school year entered, so breaks there are not known: "
                    "the real date may be later")
    return Count(day, tuple(reasons.items), tuple(skipped))


def _add_school(start, amount, cal, reasons) -> Count:
    off = _calendar_days_off(cal) if cal is not None else set()
    federal = federal_holidays(_years(start, amount))
    day, counted = start, 0
    while counted < amount:
        day += _ONE
        if day.weekday() >= 5:
            continue
        if cal is not None and cal.covers(day):
            if day not in off:
                counted += 1
            continue
        if cal is None:
            reasons.add("no school calendar is entered, so school days were estimated as weekdays that "
                        "are not federal holidays: breaks and teacher work days can make the real date later")
        else:
            reasons.add("the count goes outside the school year entered, so school days there were estimated "
                        "as weekdays that are not federal holidays")
        if day not in federal:
            counted += 1
    return Count(day, tuple(reasons.items))


def business_days_between(first: dt.date, last: dt.date, *, holidays_count: bool = True,
                          state: str | None = None) -> int:
    """Business days after ``first`` up to and including ``last`` (0 when ``last`` <= ``first``).

    With ``holidays_count`` (the default, as 34 CFR 300.148(d)(1)(ii) counts), weekday holidays count.
    """
    if last <= first:
        return 0
    off = frozenset() if holidays_count else state_holidays(state, _years(first, (last - first).days))
    day, counted = first, 0
    while day < last:
        day += _ONE
        if day.weekday() < 5 and day not in off:
            counted += 1
    return counted
