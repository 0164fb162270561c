"""The deadline engine: units, state rules from files, the school calendar, estimates, 300.148 notice."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planwriter.core.calendar import DayUnit, count_days, long_breaks
from planwriter.core.deadlines import (
    Measure,
    add_days,
    deadline,
    due_date,
    placement_notice_check,
    state_rule_problems,
    state_rules,
    timelines,
    use_state_rules,
)

WEDNESDAY_BEFORE_THANKSGIVING = dt.date(2026, 11, 25)
FIXTURE_RULES = Path(__file__).parent / "state_rules"  # also the school_year / fixture_rules fixtures


@pytest.mark.parametrize(
    ("start", "amount", "unit", "state", "expected"),
    [
        # calendar days: every day counts, the start day does not
        (dt.date(2026, 11, 25), 45, DayUnit.CALENDAR, None, dt.date(2027, 1, 9)),
        (dt.date(2026, 12, 31), 1, DayUnit.CALENDAR, None, dt.date(2027, 1, 1)),
        # business days skip weekends and holidays: Thanksgiving, and in CA the day after too
        (dt.date(2026, 11, 25), 5, DayUnit.BUSINESS, "CA", dt.date(2026, 12, 4)),
        (dt.date(2026, 11, 25), 5, DayUnit.BUSINESS, None, dt.date(2026, 12, 3)),
        (dt.date(2026, 11, 20), 1, DayUnit.BUSINESS, None, dt.date(2026, 11, 23)),  # Friday → Monday
        # school days without a calendar: weekdays that are not federal holidays
        (dt.date(2026, 12, 18), 10, DayUnit.SCHOOL, None, dt.date(2027, 1, 5)),
    ],
)
def test_days_are_counted_in_their_unit(start, amount, unit, state, expected):
    assert add_days(start, amount, unit, state) == expected


def test_school_days_without_a_calendar_are_an_estimate_and_with_one_they_are_not(school_year):
    guess = count_days(dt.date(2026, 12, 11), 15, DayUnit.SCHOOL)
    assert guess.date == dt.date(2027, 1, 5) and guess.estimate
    assert "no school calendar" in guess.reasons[0]
    known = count_days(dt.date(2026, 12, 11), 15, DayUnit.SCHOOL, calendar=school_year)
    assert known.date == dt.date(2027, 1, 15) and not known.estimate  # winter break skipped


def test_school_days_past_the_last_day_of_school_give_no_date(school_year):
    # Summer weekdays are not school days: the count stops at the last day of school.
    found = count_days(dt.date(2027, 5, 20), 10, DayUnit.SCHOOL, calendar=school_year)
    assert found.date is None and found.year_end == dt.date(2027, 5, 28) and found.counted_by_year_end == 6


def test_business_days_can_count_weekday_holidays_as_300_148_does():
    # Thanksgiving (Thu Nov 26) counts: 10 business days after Wed Nov 25 end on Wed Dec 9.
    assert count_days(WEDNESDAY_BEFORE_THANKSGIVING, 10, DayUnit.BUSINESS, holidays_count=True).date == \
        dt.date(2026, 12, 9)
    assert count_days(WEDNESDAY_BEFORE_THANKSGIVING, 10, DayUnit.BUSINESS).date == dt.date(2026, 12, 10)


def test_long_breaks_join_holidays_and_weekends_and_keep_short_ones_out(school_year):
    calendar = school_year
    assert long_breaks(calendar, 5) == [(dt.date(2026, 12, 21), dt.date(2027, 1, 1))]
    assert (dt.date(2027, 3, 15), dt.date(2027, 3, 19)) in long_breaks(calendar, 0)


# --------------------------------------------------------------------------- federal defaults


def test_without_a_state_file_the_federal_default_applies_and_says_so():
    with use_state_rules(FIXTURE_RULES):
        found = deadline("records_access", WEDNESDAY_BEFORE_THANKSGIVING, "OR")
    assert found.date == dt.date(2027, 1, 9)
    assert found.federal_default and not found.state_rule and found.exact
    assert found.label == "federal default"
    assert found.url.startswith("https://sites.ed.gov/idea/regs/")
    assert found.measures == Measure.RECORDS_PROVIDED
    assert "no Oregon rule" in found.explanation and "federal default applies" in found.explanation


def test_a_topic_the_state_file_lists_as_not_found_says_it_was_looked_for():
    with use_state_rules(FIXTURE_RULES):
        found = deadline("records_access", WEDNESDAY_BEFORE_THANKSGIVING, "TX")
    assert found.federal_default
    assert "no Texas rule for this was found" in found.explanation


def test_a_clock_with_no_number_gives_the_law_note_naming_the_federal_default():
    with use_state_rules(FIXTURE_RULES):
        found = deadline("evaluation_request_response", WEDNESDAY_BEFORE_THANKSGIVING, "OR")
        assert due_date("iee_response", WEDNESDAY_BEFORE_THANKSGIVING, "CA") is None
    assert found.date is None
    assert "34 CFR 300.301" in found.law_note and "federal default applies" in found.law_note


def test_unknown_timeline_is_an_error():
    with pytest.raises(KeyError):
        deadline("no-such-timeline", WEDNESDAY_BEFORE_THANKSGIVING)


def test_timelines_json_holds_federal_rules_only():
    raw = json.loads(Path(__file__).parents[2].joinpath("resources", "timelines.json").read_text("utf-8"))
    for timeline_id, timeline in raw["timelines"].items():
        assert "states" not in timeline, timeline_id
        federal = timeline.get("federal")
        assert federal or timeline.get("federal_note"), timeline_id
        if federal:
            assert federal["source"] and federal["unit"] and federal["measures"], timeline_id


# --------------------------------------------------------------------------- state rules


def test_california_break_rule_with_the_issues_dates(school_year):
    """Request Dec 14, 2026; winter break Dec 21 – Jan 1: 15 calendar days skip the break (Ed Code 56043)."""
    request = dt.date(2026, 12, 14)
    with use_state_rules(FIXTURE_RULES):
        without = deadline("evaluation_request_response", request, "CA")
        with_calendar = deadline("evaluation_request_response", request, "CA", school_year)
    assert without.date == dt.date(2026, 12, 29)
    assert without.estimate and "no school calendar" in without.estimate_reason
    # Dec 15–20 are 6 days; the break Dec 21 – Jan 1 does not count; Jan 2 is day 7, Jan 10 day 15.
    assert with_calendar.date == dt.date(2027, 1, 10)
    assert with_calendar.date != dt.date(2026, 12, 29)
    assert not with_calendar.estimate
    assert with_calendar.skipped_breaks == ((dt.date(2026, 12, 21), dt.date(2027, 1, 1)),)
    assert "skipped 2026-12-21 to 2027-01-01" in with_calendar.explanation
    assert with_calendar.state_rule and with_calendar.label == "California rule"


def test_a_break_of_five_school_days_or_fewer_is_counted_in_california(school_year):
    calendar = school_year
    with use_state_rules(FIXTURE_RULES):
        spring = deadline("evaluation_request_response", dt.date(2027, 3, 10), "CA", calendar)
    assert spring.date == dt.date(2027, 3, 25)  # the 5-day spring break counts
    assert spring.skipped_breaks == ()


def test_texas_rules_with_fixed_dates(school_year):
    calendar = school_year
    with use_state_rules(FIXTURE_RULES):
        answer = deadline("evaluation_request_response", dt.date(2026, 12, 11), "TX", calendar)
        evaluation = deadline("initial_evaluation", dt.date(2027, 1, 15), "TX", calendar)
        guess = deadline("initial_evaluation", dt.date(2027, 1, 15), "TX")
    assert answer.date == dt.date(2027, 1, 15) and answer.unit == DayUnit.SCHOOL
    assert answer.measures == Measure.ANSWER_REQUEST and answer.exact
    # 45 school days: MLK Day, Presidents Day and the spring break do not count.
    assert evaluation.date == dt.date(2027, 3, 30)
    assert evaluation.measures == Measure.EVALUATION_DONE and evaluation.starts_from == "consent"
    assert guess.estimate and guess.date < evaluation.date


def test_north_carolina_counts_from_the_referral_through_the_iep():
    with use_state_rules(FIXTURE_RULES):
        found = deadline("initial_evaluation", WEDNESDAY_BEFORE_THANKSGIVING, "NC")
        answer = deadline("evaluation_request_response", WEDNESDAY_BEFORE_THANKSGIVING, "NC")
    assert found.starts_from == "referral" and found.measures == Measure.IEP_IN_PLACE
    assert found.date == dt.date(2027, 2, 23)
    assert answer.date is None  # the 90 days are not the time to answer the request


def test_a_state_rule_file_must_cover_the_four_topics(tmp_path):
    data = json.loads((FIXTURE_RULES / "TX.json").read_text(encoding="utf-8"))
    data["not_found"] = ["records_access"]
    (tmp_path / "TX.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "ZZ.json").write_text("{}", encoding="utf-8")
    with use_state_rules(tmp_path):
        assert state_rules() == {}
        problems = state_rule_problems()
        found = deadline("initial_evaluation", dt.date(2027, 1, 15), "TX")
    assert any("eligibility_to_iep" in p for p in problems) and any("ZZ.json" in p for p in problems)
    assert found.federal_default  # a broken file never stops the app: the federal default applies


def test_the_fixture_rules_are_valid():
    with use_state_rules(FIXTURE_RULES):
        assert sorted(state_rules()) == ["CA", "NC", "TX", "WA"]
        assert state_rule_problems() == []


def test_timeline_states_view_lists_the_state_rules():
    with use_state_rules(FIXTURE_RULES):
        states = timelines().timelines["initial_evaluation"].states
    assert states["TX"].amount == 45 and states["TX"].unit == DayUnit.SCHOOL


# --------------------------------------------------------------------------- private placement


@pytest.mark.parametrize(("removal", "days", "enough"), [
    (dt.date(2026, 12, 1), 4, False),   # Thu 26 (Thanksgiving), Fri 27, Mon 30, Tue 1
    (dt.date(2026, 12, 8), 9, False),
    (dt.date(2026, 12, 9), 10, True),   # counting Thanksgiving and the day after, as 300.148 does
])
def test_private_placement_notice_counts_weekday_holidays(removal, days, enough):
    check = placement_notice_check(WEDNESDAY_BEFORE_THANKSGIVING, removal)
    assert check.business_days == days
    assert check.enough == enough
    assert bool(check.warning) == (not enough)
    if not enough:
        assert "300.148(d)(1)(ii)" in check.warning and "2026-12-09" in check.warning
