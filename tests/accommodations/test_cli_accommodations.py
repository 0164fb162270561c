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
    result = cli("--need", "reading")
    assert result.returncode == 0, result.stderr
    assert "Presentation (how information is given to the student):" in result.stdout
    assert "P03" in result.stdout and "[can change what a test measures]" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].split()[0].isdigit()


def test_a_search_is_listed_best_match_first_with_each_kind():
    result = cli("--need", "reading", "--search", "text-to-speech")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("  1. P03 ") and "[can change what a test measures]" in result.stdout
    assert "(Presentation)" in result.stdout
    assert lines[-1].endswith("best match first.")


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


# --------------------------------------------------------------------------- --suggest CASE


@pytest.fixture
def diabetes_file(tmp_path, diabetes_case):
    from planwriter.core import casefile

    path = tmp_path / "maya.pwcase"
    casefile.save(diabetes_case, path, keep_backup=False)
    return path


def test_suggest_prints_the_case_suggestions_best_first_with_the_reason(diabetes_file):
    result = cli("--suggest", str(diabetes_file), "--limit", "5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("  1. T17 ") and "Test taken later" in lines[0]
    assert sum(line.strip().startswith("Why: Helps with") for line in lines) == 5
    assert "5 suggestions, best first." in result.stdout


def test_suggest_json_has_id_text_category_and_reason_in_rank_order(diabetes_file):
    from planwriter.core import casefile
    from planwriter.core.accommodations import catalogue

    result = cli("--suggest", str(diabetes_file), "--json", "--limit", "0")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    expected = catalogue().suggest(casefile.load(diabetes_file), limit=None)
    assert [d["id"] for d in data] == [s.accommodation.id for s in expected]
    for rank, entry in enumerate(data, start=1):
        assert {"id", "text", "category", "reason"} <= set(entry)
        assert entry["rank"] == rank and entry["reason"] and entry["text"]
    assert data[0]["category"] == "timing_scheduling" and "the diagnosis “T1D”" in data[0]["reason"]
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)


def test_suggest_takes_the_catalogue_filters(diabetes_file):
    result = cli("--suggest", str(diabetes_file), "--category", "emergency", "--json")
    data = json.loads(result.stdout)
    assert data and all(d["category"] == "emergency" for d in data)


def test_suggest_with_a_missing_file_says_so(tmp_path):
    result = cli("--suggest", str(tmp_path / "nobody.pwcase"))
    assert result.returncode != 0
    assert "nobody.pwcase" in result.stderr


@pytest.mark.parametrize(("query", "first"), [("EpiPen", "H27"), ("restroom", "H45"), ("hat", "SN07")])
def test_search_finds_words_and_synonyms_best_first(query, first):
    result = cli("--search", query, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == first
