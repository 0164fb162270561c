"""Settings: the sender profile, letterhead and default state, saved as JSON in the app-data folder."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from planwriter.core.model import SenderRole
from planwriter.core.settings import load_settings
from planwriter.gui.settings_dialog import SettingsDialog


def make_dialog(qtbot, context) -> SettingsDialog:
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    return dialog


def test_it_saves_the_sender_profile_as_json(qtbot, context):
    dialog = make_dialog(qtbot, context)
    changed = []
    context.signals.settings_changed.connect(lambda: changed.append(True))
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(SenderRole.ADVOCATE.value))
    typed = {
        ("name",): "Jordan Lee",
        ("organization",): "Family Advocacy Partners",
        ("title",): "Special Education Advocate",
        ("address", "street"): "12 Oak Street",
        ("address", "city"): "Portland",
        ("address", "state"): "or",
        ("address", "postal_code"): "97201",
        ("phone",): "503-555-0100",
        ("email",): "jordan@example.org",
        ("signature_line",): "Advocate for the Rivera family",
    }
    for key, text in typed.items():
        qtbot.keyClicks(dialog.edits[key], text)
    qtbot.keyClicks(dialog.state_edit, "or")

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert changed == [True]
    saved = json.loads((context.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["sender"]["role"] == "advocate"
    assert saved["sender"]["name"] == "Jordan Lee"
    assert saved["sender"]["organization"] == "Family Advocacy Partners"
    assert saved["sender"]["address"]["state"] == "OR"
    assert saved["sender"]["signature_line"] == "Advocate for the Rivera family"
    assert saved["default_state"] == "OR"
    assert load_settings(context.data_dir).sender == context.settings.sender


def test_it_shows_the_saved_settings_again(qtbot, context):
    context.settings.sender.name = "Maria Rivera"
    context.settings.default_state = "WA"
    dialog = make_dialog(qtbot, context)
    assert dialog.edits[("name",)].text() == "Maria Rivera"
    assert dialog.state_edit.text() == "WA"
    assert dialog.role_combo.currentData() == "parent"


def test_a_wrong_zip_code_is_explained_next_to_the_field_and_blocks_ok(qtbot, context):
    dialog = make_dialog(qtbot, context)

    qtbot.keyClicks(dialog.edits[("address", "postal_code")], "9720")

    error = dialog.error_labels[("address", "postal_code")]
    assert not error.isHidden()
    assert "ZIP code" in error.text()
    assert not dialog.ok_button.isEnabled()
    assert not (context.data_dir / "settings.json").exists()

    qtbot.keyClicks(dialog.edits[("address", "postal_code")], "1")
    assert error.isHidden()
    assert dialog.ok_button.isEnabled()


def test_cancel_changes_nothing(qtbot, context):
    dialog = make_dialog(qtbot, context)
    qtbot.keyClicks(dialog.edits[("name",)], "Someone")
    dialog.reject()
    assert context.settings.sender.name == ""
    assert not (context.data_dir / "settings.json").exists()


def test_the_letterhead_is_picked_with_a_file_dialog_and_can_be_removed(qtbot, monkeypatch, context, tmp_path):
    letterhead = tmp_path / "letterhead.docx"
    letterhead.write_bytes(b"stand-in")
    dialog = make_dialog(qtbot, context)
    monkeypatch.setattr(dialog, "ask_letterhead_path", lambda: letterhead)

    qtbot.mouseClick(dialog.letterhead_button, Qt.MouseButton.LeftButton)
    dialog.accept()

    assert context.settings.letterhead_path() == letterhead
    saved = json.loads((context.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert Path(saved["letterhead"]) == letterhead

    again = make_dialog(qtbot, context)
    qtbot.mouseClick(again.clear_letterhead_button, Qt.MouseButton.LeftButton)
    again.accept()
    assert context.settings.letterhead == ""


def test_a_letterhead_that_is_not_a_word_file_is_refused(qtbot, monkeypatch, context, tmp_path, no_modal):
    dialog = make_dialog(qtbot, context)
    monkeypatch.setattr(dialog, "ask_letterhead_path", lambda: tmp_path / "logo.png")

    qtbot.mouseClick(dialog.letterhead_button, Qt.MouseButton.LeftButton)

    assert dialog.letterhead_edit.text() == ""
    assert no_modal[-1][0] == "warning"


def test_every_input_has_an_accessible_name(qtbot, context):
    dialog = make_dialog(qtbot, context)
    inputs = [*dialog.edits.values(), dialog.role_combo, dialog.letterhead_edit, dialog.state_edit,
              dialog.letterhead_button, dialog.clear_letterhead_button]
    assert all(widget.accessibleName() for widget in inputs)


def test_a_new_case_starts_in_the_default_state(window):
    window.context.settings.default_state = "TX"
    window.files.new_case()
    assert window.case.child.state == "TX"
    assert window.windowTitle() == "Untitled case[*] — planwriter"
