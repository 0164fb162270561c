"""State codes: what people type becomes a USPS code, in the model, in old case files and on the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planwriter.core import casefile
from planwriter.core.model import SCHEMA_VERSION, Case, Child
from planwriter.core.problems import problems_from_error
from planwriter.core.states import STATE_NAMES, STATES_AND_DC, UnknownState, state_code, state_name

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(("typed", "code"), [
    ("Texas", "TX"), (" ca ", "CA"), ("north carolina", "NC"), ("NORTH  CAROLINA", "NC"), ("tx", "TX"),
    ("District of Columbia", "DC"), ("Washington, D.C.", "DC"), ("Puerto Rico", "PR"), ("u.s. virgin islands", "VI"),
    ("", ""), ("   ", ""),
])
def test_it_reads_names_codes_and_stray_spaces(typed, code):
    assert state_code(typed) == code


def test_it_knows_fifty_states_dc_and_the_idea_territories():
    assert len(STATES_AND_DC) == 51
    assert {"PR", "GU", "VI", "AS", "MP"} <= set(STATE_NAMES)
    for code, name in STATE_NAMES.items():
        assert state_code(name) == code
        assert state_code(code.lower()) == code
    assert state_name("nc") == "North Carolina"


def test_it_refuses_an_unknown_state_in_words_a_parent_understands():
    with pytest.raises(UnknownState, match="not a US state"):
        state_code("Texs")


def test_the_model_stores_the_code():
    assert Child(state="Texas").state == "TX"
    child = Child()
    child.state = " california "
    assert child.state == "CA"


def test_an_unknown_state_names_the_field():
    with pytest.raises(Exception) as caught:
        Case.model_validate({"child": {"state": "Atlantis"}})
    problems = problems_from_error(caught.value, Case)
    assert problems[0].message.startswith("State: “Atlantis” is not a US state")


@pytest.mark.parametrize(("fixture", "code"), [
    ("v3-state-texas.pwcase", "TX"), ("v3-state-spaces.pwcase", "CA"), ("v3-state-north-carolina.pwcase", "NC"),
])
def test_an_old_case_is_upgraded_to_the_code(tmp_path, fixture, code):
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    before = path.read_bytes()
    case = casefile.load(path)
    assert case.child.state == code
    assert case.notes == "Met the teacher in October."
    assert case.school_calendar.is_empty()
    assert path.read_bytes() == before  # loading never writes
    casefile.save(case, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION == 4
    assert casefile.load(path).child.state == code


def test_an_old_case_with_an_unknown_state_still_opens_and_keeps_what_was_typed(tmp_path):
    path = tmp_path / "unknown.pwcase"
    shutil.copy(FIXTURES / "v3-state-unknown.pwcase", path)
    case = casefile.load(path)
    assert case.child.state == ""
    assert case.notes.startswith("Met the teacher in October.")
    assert "“Texs”" in case.notes and "Child page" in case.notes


def test_a_current_case_with_an_unknown_state_is_refused_with_the_field_named(tmp_path):
    data = json.loads((FIXTURES / "v3-state-unknown.pwcase").read_text(encoding="utf-8"))
    data["schema_version"] = SCHEMA_VERSION
    path = tmp_path / "bad.pwcase"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(casefile.CaseFileError, match="State: “Texs” is not a US state"):
        casefile.load(path)
