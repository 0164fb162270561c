"""The goal bank: enough patterns in every domain, valid, and each one makes a measurable goal."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planwriter.core.goals.bank import GoalBankError, apply_pattern, goal_bank, load_bank, with_pronouns
from planwriter.core.goals.checker import check_goal
from planwriter.core.goals.composer import compose
from planwriter.core.model import Area, Goal, Pronouns

BANK = goal_bank()


def test_it_has_at_least_60_patterns_across_every_domain():
    assert len(BANK.patterns) >= 60
    areas = {p.area for p in BANK.patterns}
    assert {Area.READING, Area.MATH, Area.WRITING, Area.SPELLING, Area.BEHAVIOR, Area.SOCIAL,
            Area.COMMUNICATION, Area.MOTOR, Area.SELF_HELP, Area.EXECUTIVE_FUNCTION, Area.TRANSITION} <= areas
    reading_skills = {p.skill for p in BANK.patterns if p.area == Area.READING}
    assert {"fluency", "decoding", "comprehension"} <= reading_skills
    assert any(p.postsecondary for p in BANK.patterns)


def test_every_annual_pattern_names_a_unit_and_a_tool():
    for pattern in BANK.patterns:
        assert pattern.tools, pattern.id
        if not pattern.postsecondary:
            assert pattern.unit and pattern.consistency and pattern.example_target, pattern.id


@pytest.mark.parametrize("pattern", BANK.patterns, ids=lambda p: p.id)
def test_each_pattern_with_its_example_numbers_makes_a_measurable_goal(pattern):
    goal = apply_pattern(Goal(timeframe_date=dt.date(2027, 6, 11)), pattern, Pronouns.SHE)
    goal.baseline.value = pattern.example_baseline
    goal.criterion.target_value = pattern.example_target
    result = check_goal(compose(goal, "Maya"))
    assert result.measurable, (result.text, result.missing)
    assert result.kind == ("postsecondary" if pattern.postsecondary else "annual")
    assert not result.findings, [f.message for f in result.findings]
    assert "{" not in result.text


def test_choosing_a_pattern_keeps_the_childs_own_numbers():
    goal = Goal(area=Area.OTHER)
    goal.baseline.value = "42"
    goal.criterion.target_value = "90"
    apply_pattern(goal, BANK.get("reading-orf"), Pronouns.HE)
    assert (goal.area, goal.bank_id, goal.behavior) == (Area.READING, "reading-orf", "read aloud")
    assert (goal.baseline.value, goal.criterion.target_value) == ("42", "90")
    assert goal.criterion.unit == goal.baseline.unit == "words correct per minute"
    assert goal.measurement.tool.startswith("curriculum-based oral reading fluency probes")


@pytest.mark.parametrize(("pronouns", "expected"), [
    (Pronouns.HE, "raise his hand"), (Pronouns.SHE, "raise her hand"), (Pronouns.THEY, "raise their hand"),
])
def test_pronoun_marks_follow_the_child(pronouns, expected):
    assert with_pronouns(BANK.get("behavior-call-outs").behavior, pronouns).startswith(expected)


def test_search_and_area_filter():
    assert [p.id for p in BANK.search("washing hands")] == ["self-help-handwashing"]
    assert all(p.area == Area.MATH for p in BANK.search("", Area.MATH))
    assert BANK.search("no such thing at all") == []


def test_a_broken_bank_file_gives_a_readable_error(tmp_path):
    path = tmp_path / "goal_bank.json"
    data = json.loads(json.dumps({"version": 1, "patterns": [BANK.patterns[0].model_dump(mode="json")] * 2}))
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoalBankError, match="used twice"):
        load_bank(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(GoalBankError, match="cannot be read"):
        load_bank(path)
