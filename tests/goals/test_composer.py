"""The composer writes one clear statement from the builder's fields, and the checker accepts it."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter.core.goals.checker import check_goal
from planwriter.core.goals.composer import (
    baseline_words,
    compose,
    condition_words,
    consistency_words,
    goal_from_data,
    measurement_words,
    statement,
)
from planwriter.core.model import Baseline, Criterion, Goal, Measurement


def reading_goal(**changes) -> Goal:
    goal = Goal(
        baseline=Baseline(value="42", unit="words correct per minute", date=dt.date(2026, 10, 6),
                          source="fall benchmark"),
        condition="an unpracticed grade 3 passage",
        behavior="read aloud",
        criterion=Criterion(target_value="90", unit="words correct per minute",
                            consistency="2 consecutive weekly probes"),
        measurement=Measurement(tool="oral reading fluency probes", collector="the reading teacher",
                                frequency="weekly"),
        timeframe_date=dt.date(2027, 6, 11),
    )
    for key, value in changes.items():
        setattr(goal, key, value)
    return goal


def test_it_composes_every_part_in_order():
    assert compose(reading_goal(), "Alex") == (
        "By June 11, 2027, given an unpracticed grade 3 passage, Alex will read aloud, improving from 42 to "
        "90 words correct per minute on 2 consecutive weekly probes, as measured by oral reading fluency "
        "probes, collected weekly by the reading teacher."
    )


def test_the_composed_statement_passes_the_checker():
    result = check_goal(compose(reading_goal(), "Alex"))
    assert result.measurable and result.missing == [] and result.findings == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"timeframe_date": None}, "Given an unpracticed grade 3 passage, Alex will read aloud, improving"),
    ({"timeframe_date": None, "by_annual_review": True}, "By the annual review, given an unpracticed"),
    ({"timeframe_date": None, "timeframe_text": "by the end of the third quarter"},
     "By the end of the third quarter, given"),
    ({"condition": ""}, "By June 11, 2027, Alex will read aloud, improving"),
    ({"condition": "During independent reading time"}, "By June 11, 2027, during independent reading time, Alex"),
    ({"baseline": Baseline()}, "Alex will read aloud, reaching 90 words correct per minute on 2"),
    ({"measurement": Measurement()}, "on 2 consecutive weekly probes."),
    ({"measurement": Measurement(collector="Ms. Lee")}, "as measured by data collected by Ms. Lee."),
    ({"behavior": "will read aloud."}, "Alex will read aloud, improving"),
])
def test_missing_or_unusual_parts_are_worded_gracefully(changes, expected):
    assert expected in compose(reading_goal(**changes), "Alex")


def test_a_target_below_the_baseline_is_a_reduction():
    goal = reading_goal(baseline=Baseline(value="12", unit="call-outs per lesson"),
                        criterion=Criterion(target_value="3", unit="call-outs per lesson"))
    assert "reducing from 12 to 3 call-outs per lesson" in compose(goal, "Tyler")


def test_without_a_name_it_says_the_student_and_an_empty_goal_says_nothing():
    assert "the student will read aloud" in compose(reading_goal(), "")
    assert compose(Goal(), "Alex") == ""


def test_placeholders_show_what_to_fill_in():
    assert compose(Goal(), "Alex", placeholders=True) == (
        "[by when], [given what], Alex will [what the child will do], reaching [target], as measured by "
        "[how it will be measured]."
    )


def test_a_postsecondary_goal_has_no_criterion_or_measurement():
    goal = Goal(postsecondary=True, timeframe_text="after high school", behavior="enroll in a welding program")
    text = compose(goal, "Dana")
    assert text == "After high school, Dana will enroll in a welding program."
    assert check_goal(text).measurable


@pytest.mark.parametrize(("function", "value", "expected"), [
    (condition_words, "a list of 20 words", "given a list of 20 words"),
    (condition_words, "When asked to retell a story", "when asked to retell a story"),
    (consistency_words, "4 of 5 probes", "on 4 of 5 probes"),
    (consistency_words, "3 consecutive sessions", "in 3 consecutive sessions"),
    (consistency_words, "across 3 days", "across 3 days"),
])
def test_connecting_words_are_added_only_when_needed(function, value, expected):
    assert function(value) == expected


def test_baseline_and_measurement_lines_for_documents():
    goal = reading_goal()
    assert baseline_words(goal.baseline) == "42 words correct per minute (October 6, 2026; fall benchmark)"
    assert measurement_words(goal.measurement) == "oral reading fluency probes, collected weekly by the reading teacher"


def test_a_pasted_statement_is_kept_when_the_builder_is_empty():
    goal = Goal(statement="Alex will read 90 words per minute by June.")
    assert statement(goal, "Alex") == "Alex will read 90 words per minute by June."
    assert statement(reading_goal(statement="old words"), "Alex").startswith("By June 11, 2027")


def test_goal_from_template_data_treats_falsy_stand_ins_as_empty():
    class Blank:
        def __bool__(self):
            return False

    data = reading_goal().model_dump()
    data["condition"] = Blank()
    data["baseline"]["source"] = Blank()
    goal = goal_from_data(data)
    assert goal.condition == "" and goal.baseline.source == ""
    assert goal.behavior == "read aloud"
