"""Response deadlines: federal defaults and state rules, counted in calendar, school or business days."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from planwriter.core.paths import resource


class DayUnit(StrEnum):
    CALENDAR = "calendar"
    SCHOOL = "school"
    BUSINESS = "business"


UNIT_WORDS = {DayUnit.CALENDAR: "calendar", DayUnit.SCHOOL: "school", DayUnit.BUSINESS: "business"}


class TimeRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: int = Field(gt=0)
    unit: DayUnit
    source: str
    starts: str = "the day the school receives the letter"
    confidence: str = "high"
    note: str = ""


class Timeline(BaseModel):
    """One kind of deadline (e.g. access to records), with the federal rule and state rules."""

    model_config = ConfigDict(extra="forbid")

    title: str
    federal: TimeRule | None = None
    federal_note: str = ""
    states: dict[str, TimeRule] = Field(default_factory=dict)


class TimelineTable(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timelines: dict[str, Timeline]


@cache
def timelines() -> TimelineTable:
    """The shipped table ``resources/timelines.json``, validated."""
    raw = json.loads(resource("timelines.json").read_text(encoding="utf-8"))
    return TimelineTable.model_validate(raw)


@cache
def _us_holidays(state: str | None, years: tuple[int, ...]) -> frozenset[dt.date]:
    import holidays

    try:
        table = holidays.country_holidays("US", subdiv=state or None, years=years)
    except NotImplementedError:
        table = holidays.country_holidays("US", years=years)
    return frozenset(table.keys())


def add_days(start: dt.date, amount: int, unit: DayUnit, state: str | None = None) -> dt.date:
    """The date ``amount`` days of ``unit`` after ``start`` (the start day itself does not count).

    School days are estimated as weekdays that are not federal or state holidays: a district's
    own calendar (breaks, teacher work days) can push the real date later.
    """
    if unit == DayUnit.CALENDAR:
        return start + dt.timedelta(days=amount)
    years = tuple(range(start.year, start.year + 2 + amount // 200))
    days_off = _us_holidays(state if state and len(state) == 2 else None, years)
    day, counted = start, 0
    while counted < amount:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in days_off:
            counted += 1
    return day


#: Postal codes of the states and territories, for sentences ("California rule", not "CA rule").
STATE_NAMES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}


def state_name(code: str | None) -> str:
    """``CA`` → ``California``; anything unknown is returned as given."""
    if not code:
        return ""
    return STATE_NAMES.get(code.upper(), code)


@dataclass(frozen=True)
class DueDate:
    """A computed due date and how it was worked out, in words."""

    date: dt.date
    rule: TimeRule
    timeline: str
    state: str | None  # the state whose rule was used; None for the federal default
    #: The case's state when planwriter has no rule of its own for it (the federal default was used).
    asked_state: str | None = None

    @property
    def explanation(self) -> str:
        days = f"{self.rule.amount} {UNIT_WORDS[self.rule.unit]} day{'s' if self.rule.amount != 1 else ''}"
        who = f"{state_name(self.state)} rule" if self.state else "federal rule"
        text = f"{days} from {self.rule.starts} ({who}, {self.rule.source})"
        if not self.state and self.asked_state:
            text += (f"; planwriter has no {state_name(self.asked_state)} rule for this, "
                     "so the federal default applies")
        if self.rule.unit == DayUnit.SCHOOL:
            text += "; school days are estimated from weekdays and holidays, so check the school calendar"
        elif self.rule.unit == DayUnit.BUSINESS:
            text += "; business days skip weekends and federal and state holidays"
        return text


def due_date(timeline_id: str, start: dt.date, state: str | None = None) -> DueDate | None:
    """When a response is due under ``timeline_id`` for a letter received on ``start``.

    Uses the state's rule where the table has one, otherwise the federal default. Returns ``None``
    when neither sets a number of days.
    """
    timeline = timelines().timelines.get(timeline_id)
    if timeline is None:
        raise KeyError(f"unknown timeline {timeline_id!r}")
    code = (state or "").upper() or None
    if code and code in timeline.states:
        rule = timeline.states[code]
        return DueDate(add_days(start, rule.amount, rule.unit, code), rule, timeline_id, code)
    if timeline.federal is None:
        return None
    rule = timeline.federal
    return DueDate(add_days(start, rule.amount, rule.unit, code), rule, timeline_id, None, asked_state=code)
