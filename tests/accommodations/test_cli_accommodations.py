"""``planwriter-cli accommodations``, run as a separate process the way a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planwriter.cli", "accommodations", *args],
                          capture_output=True, text=True, timeout=120)


def test_json_lists_every_accommodation_with_the_promised_fields():
    result = cli("--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data) >= 150
    for item in data:
        assert {"id", "text", "category", "needs", "settings"} <= set(item)
        assert item["needs"] and item["settings"]
    assert not any(item["id"].startswith("M") for item in data)


def test_filters_narrow_the_json():
    result = cli("--need", "hearing", "--category", "assistive_technology", "--setting", "classroom", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"AT01", "AT12"} <= {item["id"] for item in data}
    for item in data:
        assert "hearing" in item["needs"] and item["category"] == "assistive_technology"
        assert "classroom" in item["settings"]


def test_the_plain_listing_groups_by_category_and_counts():
    result = cli("--need", "reading", "--search", "text-to-speech")
    assert result.returncode == 0, result.stderr
    assert "Presentation (how information is given to the student):" in result.stdout
    assert "P03" in result.stdout and "[can change what a test measures]" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].split()[0].isdigit()


def test_modifications_are_listed_apart_with_the_difference():
    result = cli("--modifications")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Modifications (not accommodations):")
    assert "M04" in result.stdout and "counts as success" in result.stdout


@pytest.mark.parametrize(("option", "value"), [("--need", "telepathy"), ("--category", "magic"),
                                               ("--setting", "moon")])
def test_an_unknown_filter_exits_1_with_one_readable_line(option, value):
    result = cli(option, value)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"“{value}”" in lines[0] and "Traceback" not in result.stderr
