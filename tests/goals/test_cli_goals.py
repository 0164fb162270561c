"""``planwriter-cli check-goal`` and ``goal-bank`` run as a user runs them: a separate process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

GOOD = ("By June 2027, given a grade 3 passage, Alex will read aloud 90 words correct per minute on 2 "
        "consecutive weekly probes, as measured by DIBELS probes.")
BAD = "Alex will improve reading skills with 80% accuracy."


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planwriter.cli", *args],
                          capture_output=True, text=True, input=stdin, timeout=120)


def test_check_goal_prints_a_readable_report():
    result = cli("check-goal", BAD)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Result: NOT MEASURABLE" in out
    assert "[ ] By when" in out
    assert "[ ] How well and how often   “80%” (a percentage with no number of trials or days)" in out
    assert "What to fix:" in out and "Fix: Add the number of trials" in out
    assert "Questions to ask at the meeting:" in out


def test_check_goal_json_prints_one_object():
    result = cli("check-goal", GOOD, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["measurable"] is True
    assert data["missing"] == ["baseline"]
    assert {"findings", "components", "summary", "questions", "kind"} <= set(data)


def test_stdin_mode_prints_one_json_line_per_input_line_in_order():
    lines = [GOOD, "", BAD, "After high school, Dana will enroll in a welding program."]
    result = cli("check-goal", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4]
    assert [o["text"] for o in out] == lines
    assert [o["measurable"] for o in out] == [True, False, False, True]
    assert out[1]["empty"] is True and out[1]["missing"] == [
        "timeframe", "condition", "behavior", "criterion", "measurement", "baseline"]
    assert out[3]["kind"] == "postsecondary"


def test_stdin_mode_with_windows_line_endings_and_no_final_newline():
    result = cli("check-goal", "-", "--json", stdin=f"{BAD}\r\n{GOOD}")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["text"] for o in out] == [BAD, GOOD]


@pytest.mark.parametrize(("args", "code", "message"), [
    (("check-goal", "   "), 1, "the goal text is empty"),
    (("check-goal",), 1, "give a goal in quotes"),
    (("check-goal", BAD, "--kind", "weekly"), 2, "invalid choice"),
    (("goal-bank", "--area", "cooking"), 1, "unknown area"),
])
def test_mistakes_give_one_line_and_the_right_exit_code(args, code, message):
    result = cli(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_kind_forces_the_rule():
    result = cli("check-goal", "After high school, Dana will enroll in a welding program.", "--json",
                 "--kind", "annual")
    assert json.loads(result.stdout)["kind"] == "annual"


def test_goal_bank_lists_and_filters_patterns():
    result = cli("goal-bank", "--area", "math")
    assert result.returncode == 0, result.stderr
    assert "math-computation" in result.stdout and "reading-orf" not in result.stdout
    data = json.loads(cli("goal-bank", "--json").stdout)
    assert len(data) >= 60 and {"id", "area", "unit", "tools"} <= set(data[0])
