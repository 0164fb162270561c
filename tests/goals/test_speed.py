"""Checking time grows linearly with the input (issue 13 item 5), measured as ratios, not wall-clock limits."""

from __future__ import annotations

import time

import pytest

from planwriter.core.goals.checker import MAX_GOAL_CHARS, check_goal


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        check_goal(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", ["1", "will ", "Sam will read ", "1 of ", "80% ", "by ", "_", "Given a list, "])
def test_ten_times_the_text_costs_at_most_a_bounded_multiple(unit):
    small = (unit * 1000)[:1000]
    large = (unit * 100_000)[:100_000]
    # Linear would be 10x for 10x the text; past MAX_GOAL_CHARS the work per goal is bounded, so far less.
    assert _seconds(large) <= 25 * _seconds(small) + 0.05


def test_text_longer_than_any_goal_is_read_up_to_the_limit_and_says_so():
    result = check_goal("Sam will read. " * 1000)
    assert len(result.text) == MAX_GOAL_CHARS
    assert any(f.code == "too_long" for f in result.findings)
