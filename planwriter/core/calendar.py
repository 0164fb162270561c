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

    #: ``None`` when the count reached the last day of the school year entered before it ended
    #: (days after it are not school days, so the rest of the count falls in the next school year).
    date: dt.date | None
    reasons: tuple[str, ...] = ()
    skipped_breaks: tuple[tuple[dt.date, dt.date], ...] = ()
    #: The last day of the school year entered, when the count stopped there.
    year_end: dt.date | None = None
    #: Days counted up to and including ``year_end`` (0 when the count did not stop).
    counted_by_year_end: int = 0

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

    - The count stops at the last day of the school year entered when it starts inside that year
      and has not ended by then (school days, and calendar days with ``skip_breaks_over``, since the
      summer is a break): ``Count.date`` is then ``None``, with ``year_end`` and ``counted_by_year_end``.
      Without a calendar, an estimate that runs past mid-June says the summer may move it.
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
        end = start + dt.timedelta(days=amount)
        _summer_warning(start, end, reasons)
        return Count(end, tuple(reasons.items))
    breaks = long_breaks(cal, skip_breaks_over)
    skipped: list[tuple[dt.date, dt.date]] = []
    day, counted = start, 0
    in_year = cal.covers(start)
    while counted < amount:
        day += _ONE
        if in_year and cal.last_day is not None and day > cal.last_day:
            return Count(None, tuple(reasons.items), tuple(skipped), cal.last_day, counted)
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


#: School years in the US usually end by mid-June; an estimate that runs past it may cross the summer.
_MID_JUNE = (6, 15)
SUMMER_WARNING = ("the count runs past mid-June, when school years usually end; summer break days are not "
                  "school days, so the real date may be much later, in the next school year")


def _summer_warning(start: dt.date, end: dt.date, reasons: _Reasons) -> None:
    for year in range(start.year, end.year + 1):
        if start < dt.date(year, *_MID_JUNE) <= end:
            reasons.add(SUMMER_WARNING)
            return


def _add_school(start, amount, cal, reasons) -> Count:
    off = _calendar_days_off(cal) if cal is not None else set()
    federal = federal_holidays(_years(start, amount))
    day, counted = start, 0
    in_year = cal is not None and cal.covers(start)
    while counted < amount:
        day += _ONE
        if in_year and day > cal.last_day:
            # Days after the last day of the school year are not school days: the rest of the
            # count falls in the next school year, whose first day is not known here.
            return Count(None, tuple(reasons.items), (), cal.last_day, counted)
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
    if cal is None or not cal.covers(day):
        _summer_warning(start, day, reasons)
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
