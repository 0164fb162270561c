"""Fixtures for the date tests: a school year with fixed breaks, and the fixture state rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planwriter.core.model import DayOff, DayOffKind, SchoolCalendar

FIXTURE_RULES = Path(__file__).parent / "state_rules"


def make_school_year(*extra: DayOff) -> SchoolCalendar:
    """A 2026–27 school year with a winter break of Dec 21 – Jan 1 and a spring break in March."""
    return SchoolCalendar(
        first_day=dt.date(2026, 8, 17),
        last_day=dt.date(2027, 5, 28),
        days_off=[
            DayOff(start=dt.date(2026, 11, 26), end=dt.date(2026, 11, 27), name="Thanksgiving",
                   kind=DayOffKind.HOLIDAY),
            DayOff(start=dt.date(2026, 12, 21), end=dt.date(2027, 1, 1), name="Winter break"),
            DayOff(start=dt.date(2027, 1, 18), end=dt.date(2027, 1, 18), name="MLK Day", kind=DayOffKind.HOLIDAY),
            DayOff(start=dt.date(2027, 2, 15), end=dt.date(2027, 2, 15), name="Presidents Day",
                   kind=DayOffKind.HOLIDAY),
            DayOff(start=dt.date(2027, 3, 15), end=dt.date(2027, 3, 19), name="Spring break"),
            *extra,
        ],
    )


@pytest.fixture
def school_year() -> SchoolCalendar:
    return make_school_year()


@pytest.fixture
def fixture_rules() -> Path:
    return FIXTURE_RULES
