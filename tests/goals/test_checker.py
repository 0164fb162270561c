"""The goal checker: each rubric component, the findings and their fixes, postsecondary goals."""

from __future__ import annotations

import json

import pytest

from planwriter.core.goals.checker import COMPONENTS, check_goal

FULL = ("By June 2027, given an unpracticed grade 3 passage, Alex will read aloud from 42 to 90 words correct "
        "per minute on 2 consecutive weekly probes, as measured by DIBELS probes given by the special "
        "education teacher.")


def test_a_goal_with_every_part_is_measurable_and_misses_nothing():
    result = check_goal(FULL)
    assert result.measurable
    assert result.missing == []
    assert result.findings == []
    words = {c.name: c.words for c in result.components.values()}
    assert words["timeframe"] == "By June 2027"
    assert words["condition"] == "given an unpracticed grade 3 passage"
    assert words["baseline"].startswith("from 42 to 90")
    assert words["measurement"].startswith("as measured by DIBELS probes")


@pytest.mark.parametrize(("text", "missing"), [
    ("Alex will improve reading skills.", list(COMPONENTS)),
    ("By May 2027, Sofia will write 30 correct word sequences as measured by monthly CBM probes.",
     ["condition", "baseline"]),
    ("Given a worksheet of 20 problems, Sam will solve the problems with 80% accuracy.",
     ["timeframe", "criterion", "measurement", "baseline"]),
    ("By June 2027, during independent work, Jordan will remain on task 80% of the time, as measured by "
     "teacher observation.", ["criterion", "baseline"]),
    ("By June 2027, during a 20-minute work period, Jordan will remain on task in 80% of 1-minute intervals "
     "on 4 of 5 observations, as measured by time sampling.", ["baseline"]),
    ("Alex will correctly answer 8 out of 10 questions for 3 consecutive weeks as measured by "
     "curriculum-based assessments.", ["timeframe", "condition", "baseline"]),
    ("By [date], given 10 sight words, Mia will read 9 of 10 on 3 consecutive days, as recorded on a data "
     "sheet.", ["baseline"]),
    ("Within 36 instructional weeks, given coins, Priya will count amounts to $1.00 in 8 of 10 trials, as "
     "measured by teacher data.", ["baseline"]),
    ("Given visual supports, Leo will answer wh- questions with 80% accuracy in 4 of 5 trials.",
     ["timeframe", "measurement", "baseline"]),
    ("By June 2027, in conversation with a peer, Leo will produce no more than 3% stuttered syllables, "
     "as measured by the speech-language pathologist.", ["baseline"]),
    ("By the end of the third quarter, Ben will zip his coat with 80% accuracy.",
     ["condition", "criterion", "measurement", "baseline"]),
    ("By June 2027, Mia will increase her DRA level from 8 to 16.", ["condition", "behavior", "measurement"]),
])
def test_it_reports_which_parts_are_missing(text, missing):
    assert check_goal(text).missing == missing


@pytest.mark.parametrize(("text", "missing"), [
    # Criterion written before the behavior, in words.
    ("Seven out of ten times, when handed a worksheet, Omar will write his name at the top by the end of the "
     "2027 spring semester, as recorded on a checklist.", ["baseline"]),
    ("With 90% accuracy over 3 consecutive sessions, given picture cards, Ivy will name the pictured actions "
     "by 6/1/27, as measured by SLP data.", ["baseline"]),
    # Rate with an accuracy figure beside it; baseline after "increasing from".
    ("By the end of the 2026-27 school year, using a laptop, Ty will type 25 words per minute with 95% "
     "accuracy on a typing test, increasing from 9 words per minute.", []),
    # Prompt limits, settings and presentation as givens.
    ("With no more than one gestural cue, Bo will hang up his backpack within 3 minutes of arrival on 4 of 5 "
     "days by the first progress reporting period, as documented on a data sheet.", ["baseline"]),
    ("In art class, Bo will cut out a circle within 1/4 inch of the line in 3 of 4 trials by March 2027, as "
     "measured by OT data; his current accuracy is 1 of 4.", []),
    ("Following a verbal direction, Bo will line up within 30 seconds on 4 of 5 occasions by the end of the "
     "fall 2027 semester, as observed by staff.", ["baseline"]),
    # Timeframes written as the IEP's anniversary, its course, or "this year".
    ("By the IEP anniversary date, given a number line, Ada will add fractions with like denominators on 4 of 5 "
     "probes, as measured by teacher probes.", ["baseline"]),
    ("Over the course of the IEP, given a checklist, Ada will pack her bag in 5 of 5 steps on 3 consecutive days, "
     "as recorded on a data sheet.", ["baseline"]),
    ("By the conclusion of this IEP, while riding the bus, Ada will stay seated for 10 minutes on 4 of 5 trips, as "
     "noted in the driver's log; currently 2 minutes.", []),
    # Feelings and ideas stay vague unless the goal says what is seen; a raised hand is an action.
    ("Ada will tolerate loud noises.", ["timeframe", "condition", "behavior", "criterion", "measurement",
                                       "baseline"]),
    ("Ada will demonstrate number sense.", ["timeframe", "condition", "behavior", "criterion", "measurement",
                                            "baseline"]),
    ("Ada will use calming strategies.", ["timeframe", "condition", "behavior", "criterion", "measurement",
                                          "baseline"]),
    ("During math, Ada will raise her hand to ask for help in 4 of 5 observed opportunities by June 2027, as "
     "recorded on a tally sheet.", ["baseline"]),
    # A problem behavior named only by a label is not an action.
    ("Bo will reduce outbursts from 4 per day to 1 per day.", ["timeframe", "condition", "behavior",
                                                               "measurement"]),
    ("Bo will reduce outbursts (yelling or throwing objects) from 4 per day to 1 per day.",
     ["timeframe", "condition", "measurement"]),
])
def test_it_reads_criteria_givens_and_dates_in_many_styles(text, missing):
    assert check_goal(text).missing == missing


@pytest.mark.parametrize(("text", "code"), [
    ("Given a passage, Noah will answer questions with 80% accuracy.", "bare_percentage"),
    ("During recess, Tyler will keep his hands to himself 100% of the time.", "percent_of_time"),
    ("Emma will understand social cues.", "vague_verb"),
    ("By June 2027, Liam will attend a social skills group weekly.", "activity"),
    ("By June 2027, Emma will participate in group activities.", "activity"),
    ("Tyler will turn in homework for 4 consecutive weeks.", "mastery_window"),
    ("By [date], given a list, Ava will spell 8 of 10 words on 3 weekly tests, as measured by tests.",
     "placeholder"),
    ("By June 2027, given a grade 3 passage, Alex will read aloud from 88 to 92 words correct per minute on "
     "2 consecutive probes, as measured by DIBELS probes.", "small_gain"),
    ("By June 2027, given a passage, Alex will read aloud 45 words correct per minute, up from 42, on 2 "
     "consecutive probes, as measured by probes.", "small_gain"),
    ("Ella will read fluently at grade level.", "grade_level"),
    ("After high school, Dana hopes to work with animals.", "wish"),
])
def test_it_flags_problems_with_a_concrete_fix(text, code):
    findings = {f.code: f for f in check_goal(text).findings}
    assert code in findings
    assert findings[code].fix and findings[code].message


def test_every_missing_part_comes_with_a_fix_and_a_question():
    result = check_goal("Alex will improve reading skills.")
    for name in result.missing:
        matching = [f for f in result.findings if f.component == name]
        assert matching, name
        assert all(f.fix for f in matching)
    assert all(f.question for f in result.findings if f.severity == "problem")


def test_a_missing_baseline_alone_keeps_a_goal_measurable_but_is_listed():
    text = ("By June 2027, given 20 dictated words, Alex will spell 16 of 20 correctly on 3 consecutive weekly "
            "tests, as measured by spelling tests.")
    result = check_goal(text)
    assert result.measurable
    assert result.missing == ["baseline"]
    assert "present levels" in result.summary


@pytest.mark.parametrize(("text", "measurable", "missing"), [
    ("Within one year of graduating from high school, Dana will enroll in the welding program at Portland "
     "Community College.", True, []),
    ("After high school, Marcus will attend a job fair.", False, ["behavior"]),
    ("Jasmine will enroll in community college.", False, ["timeframe"]),
    ("After graduation, Leo will be employed part-time at a grocery store.", True, []),
    ("After leaving high school, Leo will go to a two-year college.", True, []),
    ("After high school, Leo will go on to bigger things.", False, ["behavior"]),
])
def test_postsecondary_goals_are_judged_by_their_own_rule(text, measurable, missing):
    result = check_goal(text)
    assert result.kind == "postsecondary"
    assert result.measurable is measurable
    assert result.missing == missing
    assert not any(c.present for n, c in result.components.items() if n not in ("timeframe", "behavior"))


def test_the_kind_can_be_forced():
    result = check_goal("After high school, Dana will enroll in a welding program.", kind="annual")
    assert result.kind == "annual"
    assert not result.measurable


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text_is_not_measurable(text):
    result = check_goal(text)
    assert not result.measurable
    assert result.findings[0].code == "empty"


def test_the_result_is_plain_json():
    data = check_goal(FULL).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert list(data)[:4] == ["text", "kind", "measurable", "missing"]
    assert {c["name"] for c in data["components"]} == set(COMPONENTS)


def test_evidence_keeps_the_users_spelling():
    result = check_goal("After high school, Dana will enroll at PCC in Welding.")
    assert result.components["behavior"].words == "enroll at PCC in Welding"


def test_it_is_deterministic_and_fast_enough_for_typing():
    import time

    start = time.perf_counter()
    results = [check_goal(FULL).to_dict() for _ in range(50)]
    assert all(r == results[0] for r in results)
    assert (time.perf_counter() - start) / 50 < 0.05
