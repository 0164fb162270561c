"""Exporting on a letterhead: a broken one is refused in one message; a shared one's details are removed."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest

from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.letters import LettersPage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "faults"))
from test_clean_exports import hostile_letterhead


@pytest.fixture
def page(qtbot, data_dir, sample_case, monkeypatch, tmp_path):
    context = AppContext(data_dir=data_dir)
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    page.show()
    assert page.select_template("records")
    page.messages = []
    monkeypatch.setattr(LettersPage, "ask_save_path", lambda _page, _suggested: tmp_path / "out.docx")
    monkeypatch.setattr(LettersPage, "confirm_open", lambda _page, _path: False)
    monkeypatch.setattr(LettersPage, "show_message", lambda _page, title, text: page.messages.append((title, text)))
    return page


def test_a_broken_letterhead_is_one_message(page, tmp_path) -> None:
    bad = tmp_path / "letterhead.docx"
    bad.write_bytes(b"this is not a Word file")
    page.context.settings.letterhead = str(bad)
    assert page.export() is None
    _title, text = page.messages[-1]
    assert "letterhead.docx" in text and "Settings" in text
    assert not (tmp_path / "out.docx").exists()


def test_a_shared_letterhead_is_cleaned_with_a_notice(page, tmp_path) -> None:
    page.context.settings.letterhead = str(hostile_letterhead(tmp_path / "shared.docx"))
    out = page.export()
    assert out == tmp_path / "out.docx"
    title, text = page.messages[-1]
    assert "removed" in title.lower() and "inherited" in text
    props = docx.Document(str(out)).core_properties
    assert "Other Client" not in (props.author + props.last_modified_by) and not props.comments
