"""Suggested file names: short enough for every system, free of characters that hide or reorder text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planwriter.render.batch import MAX_NAME_BYTES, MAX_NAME_CHARS, free_path, safe_file_name, suggested_file_name

DAY = dt.date(2026, 11, 30)


def test_an_ordinary_name_is_unchanged() -> None:
    assert suggested_file_name("Request for an initial evaluation", "Alex Rivera", DAY) == (
        "2026-11-30 Request for an initial evaluation - Alex Rivera.docx")


@pytest.mark.parametrize("child", ["Alex " + "Vandermeer" * 30, "Ana " + "de la Cruz " * 40, "李" * 300, ""])
def test_a_very_long_name_is_cut_keeping_the_date_and_the_extension(child: str, tmp_path: Path) -> None:
    title = "Answer to the school's evaluation plan (consent, conditions or refusal)" + " and more" * 30
    name = suggested_file_name(title, child, DAY)
    assert len(name) <= MAX_NAME_CHARS and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.startswith("2026-11-30 Answer to the school") and name.endswith(".docx")
    assert not name[:-5].endswith((" ", "-", "."))
    (tmp_path / name).write_bytes(b"x")  # the system accepts it


def test_a_name_cut_at_a_word_keeps_whole_words() -> None:
    name = suggested_file_name("Meeting packet", "Ana " + "de la Cruz " * 40, DAY)
    assert name.endswith(("Cruz.docx", "la.docx", "de.docx"))


def test_bidi_and_control_characters_never_reach_a_file_name() -> None:
    name = suggested_file_name("Meeting packet", "Ana\u202e xcod.exe\u200b Lopez\x07\u2066", DAY)
    assert name == "2026-11-30 Meeting packet - Ana xcod.exe Lopez.docx"
    assert safe_file_name("a/b:c\tnew\nline") == "a-b-c new line"


def test_free_path_numbers_a_name_that_is_taken(tmp_path: Path) -> None:
    first = tmp_path / "letter.docx"
    used: set[Path] = set()
    assert free_path(first, used) == first
    assert free_path(first, used).name == "letter (2).docx"  # taken in this batch
    (tmp_path / "letter (3).docx").write_bytes(b"x")
    assert free_path(first, used).name == "letter (4).docx"  # taken on disk
