"""Meeting packet page: meeting details, parts and order, exhibits, agreements, preview and export."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from PySide6.QtCore import Qt

from planwriter.core.model import LogEntry, PacketPart
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.packet import PacketPage


@pytest.fixture
def page(qtbot, data_dir):
    page = PacketPage(AppContext(data_dir=data_dir))
    qtbot.addWidget(page)
    return page


def _field(form, label):
    return next(f for f in form.fields() if f.label.text() == label)


def test_the_meeting_details_are_typed_into_the_case(qtbot, page, sample_case):
    sample_case.meeting.date, sample_case.meeting.place, sample_case.meeting.kind = None, "", None  # a new meeting
    page.set_case(sample_case)
    changes = []
    page.changed.connect(lambda: changes.append(True))
    qtbot.keyClicks(_field(page.meeting_form, "Date").edit, "2027-01-12")
    _field(page.meeting_form, "Date").edit.editingFinished.emit()
    qtbot.keyClicks(_field(page.meeting_form, "Place").edit, "Room 12")
    kind = _field(page.meeting_form, "Kind of meeting")
    kind.combo.setCurrentIndex(kind.combo.findText("Annual review"))
    assert sample_case.meeting.date == dt.date(2027, 1, 12)
    assert sample_case.meeting.place == "Room 12"
    assert sample_case.meeting.kind.value == "annual"
    assert changes


def test_parts_are_switched_off_and_moved(qtbot, page, sample_case):
    page.set_case(sample_case)
    assert page.parts_list.count() == len(PacketPart)
    about = page.parts_list.item(1)
    about.setCheckState(Qt.CheckState.Unchecked)
    assert PacketPart.ABOUT not in sample_case.packet.chosen()
    page.parts_list.setCurrentRow(11)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert sample_case.packet.parts[10].part == PacketPart.NOTES
    assert page.parts_list.item(10).text() == "Meeting notes"
    assert page.parts_list.currentRow() == 10
    page.parts_list.setCurrentRow(0)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)  # already first: nothing moves
    assert sample_case.packet.parts[0].part == PacketPart.COVER


def test_files_and_letters_become_exhibits_with_names_and_dates(page, sample_case, tmp_path, monkeypatch):
    report = tmp_path / "Reading evaluation.pdf"
    report.write_bytes(b"%PDF-1.4")
    sample_case.correspondence = [LogEntry(id="l1", date=dt.date(2026, 10, 5), title="Request for records",
                                           template_id="records")]
    page.set_case(sample_case)
    monkeypatch.setattr(page, "ask_files", lambda: [report])
    page.add_files()
    page.add_letters()
    page.add_letters()  # a letter is listed once
    exhibits = sample_case.exhibits
    assert [(e.title, e.file_name) for e in exhibits] == [
        ("Reading evaluation", "Reading evaluation.pdf"), ("Request for records", "")]
    assert exhibits[0].date == dt.date.today()
    assert exhibits[1].log_entry_id == "l1"
    assert page.exhibits.list.item(1).text() == "Request for records\n2026-10-05"


def test_agreements_are_typed_into_the_notes_table(qtbot, page, sample_case):
    page.set_case(sample_case)
    qtbot.mouseClick(page.add_agreement_button, Qt.MouseButton.LeftButton)
    table = page.agreements_table
    table.item(0, 0).setText("Start a reading intervention")
    table.item(0, 1).setText("Ms. Park")
    table.item(0, 2).setText("2027-02-01")
    qtbot.mouseClick(page.add_agreement_button, Qt.MouseButton.LeftButton)
    table.item(1, 0).setText("Share progress data")
    table.item(1, 2).setText("every month")
    first, second = sample_case.agreements
    assert (first.what, first.who, first.by_when) == ("Start a reading intervention", "Ms. Park",
                                                      dt.date(2027, 2, 1))
    assert (second.by_when, second.by_when_text) == (None, "every month")
    table.setCurrentCell(0, 0)
    qtbot.mouseClick(page.remove_agreement_button, Qt.MouseButton.LeftButton)
    assert [a.what for a in sample_case.agreements] == ["Share progress data"]


def test_the_preview_shows_the_whole_packet_and_export_writes_it(page, sample_case, tmp_path, monkeypatch):
    sample_case.meeting.date = dt.date(2027, 1, 12)
    page.set_case(sample_case)
    page.render_now()
    text = page.preview.toPlainText()
    assert "Meeting packet" in text and "Correspondence log" in text and "Meeting notes" in text
    target = tmp_path / "packet.docx"
    monkeypatch.setattr(page, "ask_save_path", lambda suggested: target)
    assert page.export_packet() == target
    doc = docx.Document(str(target))
    assert doc.paragraphs[0].text == "Meeting packet"
    assert "January 12, 2027" in doc.sections[0].header.paragraphs[0].text


def test_a_failed_export_says_so(page, sample_case, tmp_path, monkeypatch):
    page.set_case(sample_case)
    shown = []
    monkeypatch.setattr(page, "ask_save_path", lambda suggested: tmp_path / "missing-folder" / "p.docx")
    monkeypatch.setattr(page, "show_message", lambda title, text: shown.append(title))
    assert page.export_packet() is None
    assert shown == ["The packet could not be saved"]
