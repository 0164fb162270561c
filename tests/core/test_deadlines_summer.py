"""School-day counts stop at the last day of the school year; Texas's June 30 rule; no date is made up."""

import datetime as dt

from planwriter.core.calendar import SUMMER_WARNING, DayUnit, count_days
from planwriter.core.deadlines import deadline, use_state_rules
from planwriter.core.model import DayOff, SchoolCalendar
from planwriter.core.paths import resource

D = dt.date
YEAR = SchoolCalendar(first_day=D(2026, 8, 19), last_day=D(2027, 5, 27),
                      days_off=[DayOff(start=D(2026, 12, 21), end=D(2027, 1, 5), name="Winter break"),
                                DayOff(start=D(2027, 3, 15), end=D(2027, 3, 19), name="Spring break")])


def test_school_count_stops_at_the_last_day_of_school():
    count = count_days(D(2027, 5, 10), 45, DayUnit.SCHOOL, "TX", YEAR)
    assert count.date is None
    assert count.year_end == D(2027, 5, 27)
    assert count.counted_by_year_end == 13  # May 11-27 weekdays, Memorial Day May 31 is after


def test_texas_june_30_rule_when_35_to_44_days_are_left():
    with use_state_rules(resource("state_rules")):
        found = deadline("initial_evaluation", D(2027, 4, 1), "TX", YEAR)
    assert found.date == D(2027, 6, 30)
    assert found.summer_rule and found.counted_by_year_end == 40
    assert "June 30" in found.rule_text


def test_texas_fewer_than_35_days_left_has_no_date():
    with use_state_rules(resource("state_rules")):
        found = deadline("initial_evaluation", D(2027, 5, 10), "TX", YEAR)
    assert found.date is None and found.pending
    assert "next school year" in found.law_note and "13 of the 45" in found.law_note
    assert "June 30" in found.law_note  # the state's summer note is quoted


def test_california_calendar_days_stop_at_the_summer():
    with use_state_rules(resource("state_rules")):
        found = deadline("initial_evaluation", D(2027, 5, 20), "CA", YEAR)
    assert found.date is None and found.pending
    assert "next school year" in found.law_note
    assert "30 days after the next school year begins" in found.law_note


def test_within_the_year_is_unchanged():
    with use_state_rules(resource("state_rules")):
        found = deadline("initial_evaluation", D(2026, 10, 1), "TX", YEAR)
    assert found.date is not None and not found.pending and not found.summer_rule


def test_without_a_calendar_an_estimate_past_mid_june_says_summer_may_move_it():
    count = count_days(D(2027, 5, 10), 45, DayUnit.SCHOOL, "TX")
    assert count.date is not None and SUMMER_WARNING in count.reasons
    early = count_days(D(2026, 10, 1), 45, DayUnit.SCHOOL, "TX")
    assert SUMMER_WARNING not in early.reasons
