"""Text pasted with control characters (Word's soft line break, NUL, ESC …) is cleaned, with a notice."""

from __future__ import annotations

import pytest

from planwriter.core.text import needs_cleaning
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.letters import LettersPage


@pytest.fixture
def page(qtbot, data_dir, sample_case):
    page = LettersPage(AppContext(data_dir=data_dir))
    qtbot.addWidget(page)
    page.set_case(sample_case)
    page.show()
    assert page.select_template("records")
    return page


@pytest.mark.parametrize("char", ["\x0b", "\x0c", "\x00", "\x1b", "\ufffe"])
def test_pasted_enclosures_are_cleaned_with_a_notice(qtbot, page, char, tmp_path, monkeypatch) -> None:
    page.enclosures_edit.edit.setPlainText(f"Report{char}card\nDoctor's letter")
    draft = page._draft()
    assert draft is not None
    assert draft.enclosures == ["Report card", "Doctor's letter"]
    assert not any(needs_cleaning(e) for e in draft.enclosures)
    assert "invisible characters" in page.enclosures_edit.error()
    page.enclosures_edit.edit.setPlainText("Report card")
    assert page.enclosures_edit.error() == ""

    out = tmp_path / "letter.docx"
    monkeypatch.setattr(LettersPage, "ask_save_path", lambda _page, _suggested: out)
    monkeypatch.setattr(LettersPage, "confirm_open", lambda _page, _path: False)
    monkeypatch.setattr(LettersPage, "show_message", lambda _page, _title, _text: None)
    page.enclosures_edit.edit.setPlainText(f"Report{char}card")
    assert page.export() == out
    assert out.exists()
