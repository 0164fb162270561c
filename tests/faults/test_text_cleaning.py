"""Every text entering the case is cleaned the same way, and a case that loads can always be saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwriter.core import casefile
from planwriter.core.model import Case, LetterDraft
from planwriter.core.text import clean_block, clean_line, needs_cleaning
from planwriter.render.engine import export, render_document

HOSTILE = ["\x0b", "\x0c", "\x00", "\x1b", "\ufffe", "\x7f", "\x85", "\u2028", "\x1e", "\ud800"]


@pytest.mark.parametrize("char", HOSTILE)
def test_control_characters_never_glue_words(char: str) -> None:
    line = clean_line(f"two{char}words")
    assert line.split() == ["two", "words"] or line == "two\ufffdwords"
    block = clean_block(f"two{char}words")
    assert block.split() == ["two", "words"] or block == "two\ufffdwords"
    assert needs_cleaning(f"two{char}words")


def test_soft_line_break_is_a_line_break_in_long_text() -> None:
    assert clean_block("first\x0bsecond") == "first\nsecond"
    assert clean_line("first\x0bsecond") == "first second"


@given(st.text())
def test_cleaned_text_is_valid_xml_and_utf8(text: str) -> None:
    for cleaned in (clean_line(text), clean_block(text)):
        assert isinstance(cleaned, str)
        cleaned.encode("utf-8")
        assert not needs_cleaning(cleaned.replace("\n", ""))
        assert clean_block(cleaned) == cleaned or clean_line(cleaned) == cleaned


@pytest.mark.parametrize("char", HOSTILE)
def test_pasted_enclosures_and_answers_export(tmp_path: Path, sample_case: Case, char: str) -> None:
    """The three ways in: assignment (the app), a loaded file, and the CLI's answers."""
    template = "records"
    draft = LetterDraft(inputs={})
    draft.enclosures = [f"Report{char}card", "Note"]
    sample_case.letter_drafts[template] = draft
    assert all(not needs_cleaning(e) for e in draft.enclosures)
    path = tmp_path / "case.pwcase"
    casefile.save(sample_case, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["letter_drafts"][template]["enclosures"] = [f"Bad{char}one"]
    data["letter_drafts"][template]["inputs"] = {"anything": f"odd{char}answer", "list": [f"a{char}b"]}
    data["notes"] = f"x{char}y"
    raw = json.dumps(data, ensure_ascii=True)  # \\ud800 survives as an escape, like a damaged file
    path.write_text(raw, encoding="utf-8")
    case = casefile.load(path)
    assert not needs_cleaning(case.letter_drafts[template].enclosures[0])
    assert not needs_cleaning(case.letter_drafts[template].inputs["anything"])
    casefile.save(case, tmp_path / "again.pwcase")
    from planwriter.render.letter import LetterOptions

    document = render_document(case, "records", sample_input(case, template),
                               LetterOptions(enclosures=[f"Encl{char}osure"]))
    from planwriter.render.engine import export_docx

    export_docx(document, tmp_path / "out.docx", allow_missing=True)


def sample_input(case: Case, template_id: str) -> dict:
    from planwriter.render.engine import default_registry

    return dict(default_registry().get(template_id).meta.sample_inputs)


def test_lone_surrogate_in_any_string_of_a_file_is_saved(tmp_path: Path, sample_case: Case) -> None:
    path = tmp_path / "case.pwcase"
    casefile.save(sample_case, path)
    text = path.read_text(encoding="utf-8").replace('"Alexander"', '"Alex\\udc80ander"', 1)
    path.write_text(text, encoding="utf-8")
    case = casefile.load(path)
    casefile.save(case, path)
    assert "\ufffd" in path.read_text(encoding="utf-8")
    export(case, "records", tmp_path / "x.docx", sample_input(case, "records"))


def test_loading_says_when_text_was_cleaned(tmp_path: Path, sample_case: Case) -> None:
    path = tmp_path / "case.pwcase"
    casefile.save(sample_case, path)
    notes: list[str] = []
    casefile.load(path, notes)
    assert notes == []
    path.write_text(path.read_text(encoding="utf-8").replace('"Alexander"', '"Alex\\u000bander"', 1),
                    encoding="utf-8")
    case = casefile.load(path, notes)
    assert notes == [casefile.CLEANED_NOTICE]
    assert case.child.legal_first_name == "Alex ander"
