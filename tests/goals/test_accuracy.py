"""The checker agrees with the labeled goal sets (measurable decision and each component)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwriter.core.goals.accuracy import load_labeled, score
from planwriter.core.goals.checker import COMPONENTS

DATA = Path(__file__).resolve().parent / "data"
SETS = ["labeled_goals.json", "heldout_goals.json", "blind_goals.json", "blind2_goals.json", "blind3_goals.json"]

#: The figures reached (docs/goal-checker.md); a change to the checker must not go below them.
MIN_ACCURACY = {"labeled_goals.json": 1.0, "heldout_goals.json": 1.0, "blind_goals.json": 1.0,
                "blind2_goals.json": 1.0, "blind3_goals.json": 1.0}
#: Per component precision / recall floor for "this part is missing", over all sets together.
#: (behavior: one known label disagreement, "comply with …": see docs/goal-checker.md.)
MIN_PRECISION = {"timeframe": 1.0, "condition": 1.0, "behavior": 0.99, "criterion": 1.0, "measurement": 1.0,
                 "baseline": 1.0}
MIN_RECALL = {"timeframe": 1.0, "condition": 1.0, "behavior": 1.0, "criterion": 1.0, "measurement": 1.0,
              "baseline": 1.0}


#: Held out: written and labeled by someone who never saw the checker, and never used to change it.
#: Its score is the honest estimate for new goals; the floor only guards against getting worse.
HELD_OUT = "blind4_goals.json"
HELD_OUT_MIN_ACCURACY = 0.98  # 154 of 157 (docs/goal-checker.md)


def test_the_independent_held_out_set_stays_at_its_reported_accuracy():
    items = load_labeled(DATA / HELD_OUT)
    assert len(items) >= 100
    result = score(items)
    assert result.accuracy >= HELD_OUT_MIN_ACCURACY, result.errors


def test_the_labeled_sets_are_big_and_varied():
    items = [i for name in SETS for i in load_labeled(DATA / name)]
    held_out = load_labeled(DATA / HELD_OUT)
    main = load_labeled(DATA / "labeled_goals.json")
    assert len(main) >= 80
    assert len({i["domain"] for i in main}) >= 10
    assert sum(i["kind"] == "postsecondary" for i in main) >= 10
    assert len({i["text"] for i in items}) == len(items), "a statement is labeled twice"
    assert len({i["text"] for i in held_out}) == len(held_out), "a statement is labeled twice"
    for item in items + held_out:
        assert set(item["missing"]) <= set(COMPONENTS)
        required = ("timeframe", "behavior") if item["kind"] == "postsecondary" else COMPONENTS[:5]
        assert item["measurable"] == (not set(item["missing"]) & set(required)), item["text"]


@pytest.mark.parametrize("name", SETS)
def test_measurable_accuracy_stays_at_the_reported_level(name):
    result = score(load_labeled(DATA / name))
    assert result.accuracy >= MIN_ACCURACY[name], result.errors
    assert result.kind_correct == result.total


def test_component_precision_and_recall_stay_at_the_reported_level():
    result = score([i for name in SETS for i in load_labeled(DATA / name)])
    for component in COMPONENTS:
        assert result.precision(component) >= MIN_PRECISION[component], (component, result.errors)
        assert result.recall(component) >= MIN_RECALL[component], (component, result.errors)


#: Real goals written by schools, districts, state agencies and goal banks (issue 14), labelled by the rubric
#: before the checker was scored on them; never used to tune a rule (new sentences of each failing kind are in
#: test_realworld_kinds.py). First run 92.9%; figures in docs/goal-checker.md.
REAL_WORLD = "realworld_goals.json"


def test_the_real_world_set_is_sourced_and_big_enough():
    items = load_labeled(DATA / REAL_WORLD)
    assert len(items) >= 150
    assert len({i["source"].split("/")[2] for i in items}) >= 10
    assert all(i["source"].startswith("http") for i in items)


def test_the_real_world_set_stays_at_its_reported_accuracy():
    result = score(load_labeled(DATA / REAL_WORLD))
    assert result.accuracy >= 0.97, result.errors
    for component in COMPONENTS:
        assert result.precision(component) >= 0.90, (component, result.errors)
        assert result.recall(component) >= 0.90, (component, result.errors)
