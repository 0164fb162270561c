"""Short-term objectives step evenly from the baseline to the target, one per reporting period."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter.core.goals.objectives import generate, parse_level, report_dates, reports_per_year
from planwriter.core.model import Baseline, Criterion, Goal


def goal(base: str, target: str, reporting: str = "quarterly", unit: str = "words correct per minute") -> Goal:
    return Goal(behavior="read aloud", condition="a grade 3 passage", reporting=reporting,
                baseline=Baseline(value=base, unit=unit, date=dt.date(2026, 9, 1)),
                criterion=Criterion(target_value=target, unit=unit, consistency="2 consecutive probes"),
                timeframe_date=dt.date(2027, 6, 1))


@pytest.mark.parametrize(("reporting", "count"), [
    ("quarterly, with report cards", 4), ("each trimester", 3), ("every semester", 2), ("monthly", 10),
    ("every 6 weeks", 6), ("every 9 weeks", 4), ("", 4), ("twice a year", 2),
])
def test_it_reads_the_reporting_schedule(reporting, count):
    assert reports_per_year(reporting) == count


@pytest.mark.parametrize(("text", "parsed"), [
    ("42", (42.0, "", "")), ("8 of 20", (8.0, "", " of 20")), ("80%", (80.0, "%", "")),
    ("about 3.5 morphemes", (3.5, "", "")), ("none yet", None),
])
def test_it_parses_levels(text, parsed):
    assert parse_level(text) == parsed


def test_quarterly_reports_give_three_steps_between_baseline_and_target():
    steps = generate(goal("42", "90"), "Alex")
    assert [s.by_date for s in steps] == report_dates(dt.date(2026, 9, 1), dt.date(2027, 6, 1), 4)[:3]
    assert [s.text for s in steps] == [
        f"By {d}, given a grade 3 passage, Alex will read aloud, reaching {v} words correct per minute on 2 "
        "consecutive probes."
        for d, v in (("November 8, 2026", 54), ("January 15, 2027", 66), ("March 25, 2027", 78))
    ]


def test_counts_out_of_a_total_keep_the_total():
    steps = generate(goal("8 of 20", "16 of 20", unit="words spelled correctly"), "Alex")
    levels = [s.text.split(", ")[-1].split(" words")[0] for s in steps]
    assert levels == ["reaching 10 of 20", "reaching 12 of 20", "reaching 14 of 20"]


def test_decreasing_goals_step_down_and_decimals_stay_decimal():
    down = generate(goal("12", "4", unit="call-outs per lesson"), "Tyler")
    assert [s.text.split("reaching ")[1].split(" ")[0] for s in down] == ["10", "8", "6"]
    decimal = generate(goal("2.1", "3.5", unit="morphemes per utterance", reporting="semester"), "Leo")
    assert len(decimal) == 1 and "reaching 2.8 morphemes" in decimal[0].text


def test_percent_targets_keep_the_percent_sign():
    steps = generate(goal("40%", "80%", unit="of intervals on task"), "Jordan")
    assert "reaching 50% of intervals on task" in steps[0].text


def test_no_numbers_no_objectives():
    assert generate(goal("", "90"), "Alex") == []
    assert generate(goal("some", "more"), "Alex") == []
    assert generate(Goal(), "Alex") == []


def test_without_a_goal_date_the_annual_review_or_a_year_ends_the_steps():
    g = goal("10", "50")
    g.timeframe_date = None
    g.by_annual_review = True
    steps = generate(g, "Alex", annual_review=dt.date(2027, 9, 1))
    assert steps[-1].by_date < dt.date(2027, 9, 1)
    g.by_annual_review = False
    assert generate(g, "Alex")[0].by_date == dt.date(2026, 9, 1) + dt.timedelta(days=91)
