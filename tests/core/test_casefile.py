"""Case files: round trip, atomic saving with a backup, refusal of newer files, damaged files, migration."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from planwriter.core import casefile
from planwriter.core.model import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_saved_case_reloads_identically(tmp_path, sample_case):
    path = casefile.save(sample_case, tmp_path / "alex.pwcase")
    again = casefile.load(path)
    assert again == sample_case
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["child"]["legal_last_name"] == "Rivera"


def test_saving_keeps_the_previous_version_as_a_backup(tmp_path, sample_case):
    path = tmp_path / "alex.pwcase"
    casefile.save(sample_case, path)
    first = path.read_bytes()
    sample_case.child.grade = "4"
    casefile.save(sample_case, path)
    assert casefile.backup_path(path).read_bytes() == first
    assert casefile.load(path).child.grade == "4"


def test_a_crash_in_the_middle_of_a_save_leaves_the_old_file_intact(tmp_path, sample_case, monkeypatch):
    path = tmp_path / "alex.pwcase"
    casefile.save(sample_case, path)
    before = path.read_bytes()
    sample_case.child.grade = "5"

    def power_cut(src, dst):
        if Path(dst) == path:
            raise OSError("simulated power cut")
        return real_replace(src, dst)

    real_replace = os.replace
    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError, match="simulated power cut"):
        casefile.save(sample_case, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert casefile.load(path).child.grade == "3"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".pwtmp"))]
    assert leftovers == []


def test_a_case_from_a_newer_version_is_refused_and_never_rewritten(tmp_path, sample_case):
    path = tmp_path / "future.pwcase"
    data = json.loads(casefile.dumps(sample_case))
    data["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(casefile.NewerSchemaError, match="newer version of planwriter"):
        casefile.load(path)
    with pytest.raises(casefile.NewerSchemaError, match="will not overwrite"):
        casefile.save(sample_case, path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (lambda good: good[: len(good) // 2], "damaged or incomplete"),
        (lambda good: b"", "damaged or incomplete"),
        (lambda good: b"\xff\xfe\x00garbage", "not UTF-8"),
        (lambda good: b"[1, 2, 3]", "not a planwriter case"),
        (lambda good: b'{"child": {}}', "no valid schema_version"),
        (lambda good: good.replace(b'"2017-03-14"', b'"someday"'), "is not a date"),
    ],
)
def test_a_damaged_file_gives_one_clear_line_and_is_left_untouched(tmp_path, sample_case, content, expected):
    good = casefile.dumps(sample_case).encode("utf-8")
    path = tmp_path / "broken.pwcase"
    path.write_bytes(content(good))
    before = path.read_bytes()
    with pytest.raises(casefile.CaseFileError) as caught:
        casefile.load(path)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and "Traceback" not in message
    assert path.read_bytes() == before


def test_a_missing_file_is_named_in_the_message(tmp_path):
    with pytest.raises(casefile.CaseFileError, match=r"no file named “nowhere\.pwcase”"):
        casefile.load(tmp_path / "nowhere.pwcase")


def test_a_version_1_case_is_migrated_on_load(tmp_path):
    path = tmp_path / "old.pwcase"
    shutil.copy(FIXTURES / "v1-case.pwcase", path)
    before = path.read_bytes()
    case = casefile.load(path)
    assert case.schema_version == SCHEMA_VERSION
    assert (case.child.legal_first_name, case.child.legal_last_name) == ("Jordan", "Lee")
    assert case.child.date_of_birth.isoformat() == "2015-05-02"
    assert case.guardians[0].name == "Sam Lee"
    assert case.guardians[0].relationship == "father"
    assert case.guardians[0].address.city == "Lakeside"
    assert case.concerns[0].description.startswith("Jordan cannot")
    # Loading never writes: the old file is only upgraded when the user saves.
    assert path.read_bytes() == before
    casefile.save(case, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_a_version_2_case_gains_empty_letter_drafts_and_school_goals(tmp_path, sample_case):
    data = json.loads(casefile.dumps(sample_case))
    data["schema_version"] = 2
    del data["letter_drafts"], data["school_goals"]
    path = tmp_path / "v2.pwcase"
    path.write_text(json.dumps(data), encoding="utf-8")
    case = casefile.load(path)
    assert case.letter_drafts == {} and case.school_goals == ""
    assert case.child == sample_case.child


def test_letter_answers_and_pasted_goals_survive_a_save(tmp_path, sample_case):
    import datetime as dt

    from planwriter.core.model import LetterDraft

    sample_case.letter_drafts["records"] = LetterDraft(
        inputs={"meeting_date": dt.date(2027, 1, 12), "extra_records": ["bus reports"], "ask_fee_waiver": False},
        delivery="certified_mail", enclosures=["Copy of my earlier request"],
    )
    sample_case.school_goals = "Alex will improve reading.\nAlex will behave."
    again = casefile.load(casefile.save(sample_case, tmp_path / "alex.pwcase"))
    draft = again.letter_drafts["records"]
    assert draft.inputs == {"meeting_date": "2027-01-12", "extra_records": ["bus reports"], "ask_fee_waiver": False}
    assert draft.delivery == "certified_mail" and draft.enclosures == ["Copy of my earlier request"]
    assert again.school_goals == "Alex will improve reading.\nAlex will behave."
