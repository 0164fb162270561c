"""Files: the unsaved-changes prompt, saving and reloading, recovery copies, files that cannot be opened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from planwriter.core import casefile
from planwriter.core.model import SCHEMA_VERSION
from planwriter.gui import files as files_module
from planwriter.gui.appcontext import AppContext
from planwriter.gui.files import AUTOSAVE_INTERVAL_MS, Choice, RecoveryDialog, UnsavedChangesDialog
from planwriter.gui.mainwindow import MainWindow


@pytest.fixture
def case_file(tmp_path: Path, sample_case) -> Path:
    path = tmp_path / "cases" / "Alexander Rivera.pwcase"
    path.parent.mkdir()
    casefile.save(sample_case, path)
    return path


def type_first_name(qtbot, window, text: str) -> None:
    page = next(page for page in window.pages if type(page).__name__ == "ChildPage")
    page.first_name_edit.edit.clear()
    qtbot.keyClicks(page.first_name_edit.edit, text)
    assert window.isWindowModified()


def answer_prompt(monkeypatch, choice: Choice) -> list[str]:
    asked: list[str] = []

    def ask(cls, parent, case_name):
        asked.append(case_name)
        return choice

    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(ask))
    return asked


# --------------------------------------------------------------------------- unsaved changes


@pytest.mark.parametrize(
    ("choice", "still_open", "name_on_disk"),
    [
        (Choice.CANCEL, True, "Alexander"),
        (Choice.DISCARD, False, "Alexander"),
        (Choice.SAVE, False, "Sam"),
    ],
)
def test_closing_a_modified_case_asks_first(qtbot, monkeypatch, window, case_file, choice, still_open, name_on_disk):
    window.files.open_path(case_file)
    type_first_name(qtbot, window, "Sam")
    asked = answer_prompt(monkeypatch, choice)

    closed = window.files.close_case()

    assert asked == [case_file.name]
    assert closed is not still_open
    assert (window.case is not None) is still_open
    assert window.isWindowModified() is still_open
    assert casefile.load(case_file).child.legal_first_name == name_on_disk


def test_an_unmodified_case_closes_without_asking(monkeypatch, window, case_file):
    window.files.open_path(case_file)
    asked = answer_prompt(monkeypatch, Choice.CANCEL)

    assert window.files.close_case()
    assert asked == []
    assert window.central_stack.currentWidget() is window.welcome


def test_cancel_keeps_the_window_open_when_quitting(qtbot, monkeypatch, window, case_file):
    window.files.open_path(case_file)
    type_first_name(qtbot, window, "Sam")
    answer_prompt(monkeypatch, Choice.CANCEL)

    assert window.close() is False
    assert window.isVisible()


def test_opening_another_case_asks_about_the_modified_one(qtbot, monkeypatch, window, case_file, tmp_path):
    window.files.open_path(case_file)
    type_first_name(qtbot, window, "Sam")
    asked = answer_prompt(monkeypatch, Choice.CANCEL)

    assert window.files.open_sample() is False
    assert asked == [case_file.name]
    assert window.case.child.legal_first_name == "Sam"


@pytest.mark.parametrize(
    ("button", "choice"),
    [("save_button", Choice.SAVE), ("discard_button", Choice.DISCARD), ("cancel_button", Choice.CANCEL)],
)
def test_the_prompt_reports_the_button_clicked(qtbot, button, choice):
    dialog = UnsavedChangesDialog("Alex.pwcase")
    qtbot.addWidget(dialog)
    assert "Alex.pwcase" in dialog.text()

    qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)

    assert dialog.choice() is choice


# --------------------------------------------------------------------------- save and reload


def test_save_as_writes_a_case_that_reloads_the_same(qtbot, monkeypatch, window, tmp_path):
    target = tmp_path / "saved" / "my case"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.files.open_sample()
    type_first_name(qtbot, window, "Sam")

    assert window.files.save() is True  # an untitled case asks where to save

    path = target.with_name("my case.pwcase")
    assert path.is_file()
    reloaded = casefile.load(path)
    assert reloaded == window.case
    assert reloaded.child.legal_first_name == "Sam"
    assert not window.isWindowModified()
    assert window.windowTitle() == "my case.pwcase[*] — planwriter"
    settings = json.loads((window.context.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert settings["recent_files"] == [str(path.resolve())]


def test_save_suggests_the_childs_name_in_the_cases_folder(window, case_file):
    window.files.open_path(case_file)
    suggested = Path(window.files.suggested_path())
    assert suggested.name == "Alexander James Rivera.pwcase"
    assert suggested.parent == case_file.parent.resolve()


def test_save_writes_to_the_open_file_and_keeps_a_backup(qtbot, window, case_file):
    window.files.open_path(case_file)
    type_first_name(qtbot, window, "Sam")

    assert window.files.save()

    assert casefile.load(case_file).child.legal_first_name == "Sam"
    assert casefile.load(casefile.backup_path(case_file)).child.legal_first_name == "Alexander"


def test_a_case_saved_by_a_newer_version_is_not_overwritten(qtbot, window, case_file, no_modal):
    window.files.open_path(case_file)
    data = json.loads(case_file.read_text(encoding="utf-8"))
    data["schema_version"] = SCHEMA_VERSION + 1
    case_file.write_text(json.dumps(data), encoding="utf-8")
    before = case_file.read_bytes()
    type_first_name(qtbot, window, "Sam")

    assert window.files.save() is False

    assert case_file.read_bytes() == before
    assert no_modal[-1][0] == "warning"
    assert "newer version" in no_modal[-1][2]
    assert window.isWindowModified()


# --------------------------------------------------------------------------- files that cannot be opened


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"schema_version": 2, "child": {', "damaged"),
        (json.dumps({"schema_version": SCHEMA_VERSION + 5}).encode(), "newer version of planwriter"),
        (b"\xff\xfe\x00garbage", "not a planwriter case"),
        (json.dumps({"schema_version": 2, "child": {"date_of_birth": "not a date"}}).encode(), "not a date"),
    ],
    ids=["damaged", "newer", "binary", "invalid-value"],
)
def test_a_file_that_cannot_be_opened_is_explained_and_changes_nothing(
    qtbot, window, tmp_path, no_modal, content, expected
):
    window.files.open_sample()
    type_first_name(qtbot, window, "Sam")
    case_before = window.case
    bad = tmp_path / "bad.pwcase"
    bad.write_bytes(content)

    assert window.files.open_path(bad) is False

    kind, title, text = no_modal[-1]
    assert kind == "warning"
    assert title == "This case could not be opened"
    assert expected in text
    assert window.case is case_before
    assert window.case.child.legal_first_name == "Sam"
    assert window.isWindowModified()
    assert window.file_path is None
    assert bad.read_bytes() == content
    assert window.context.settings.recent_files == []


def test_a_missing_recent_file_is_explained(window, tmp_path, no_modal):
    assert window.files.open_path(tmp_path / "gone.pwcase") is False
    assert "gone.pwcase" in no_modal[-1][2]
    assert window.case is None


# --------------------------------------------------------------------------- recovery copies


def test_the_recovery_copy_is_written_about_every_30_seconds(window):
    assert window.files.autosave_timer.isActive()
    assert 25_000 <= AUTOSAVE_INTERVAL_MS == window.files.autosave_timer.interval() <= 35_000


def test_a_recovery_copy_is_written_only_for_unsaved_changes(qtbot, window, case_file):
    window.files.open_path(case_file)
    assert window.files.write_recovery() is False
    assert not window.files.has_recovery()

    type_first_name(qtbot, window, "Sam")
    assert window.files.write_recovery() is True

    assert casefile.load(window.files.recovery_path).child.legal_first_name == "Sam"
    assert casefile.load(case_file).child.legal_first_name == "Alexander"


def test_saving_removes_the_recovery_copy(qtbot, window, case_file):
    window.files.open_path(case_file)
    type_first_name(qtbot, window, "Sam")
    window.files.write_recovery()

    window.files.save()

    assert not window.files.has_recovery()
    assert not list(window.context.recovery_dir.iterdir())


DEAD_PID = 2**22 + 4321  # above the usual pid range: no such process


def crash_with_unsaved_changes(qtbot, data_dir: Path, case_file: Path, name: str) -> None:
    """A window edits a case, writes its recovery copy, and vanishes without closing."""
    crashed = MainWindow(AppContext.load(data_dir))
    crashed.files.open_path(case_file)
    type_first_name(qtbot, crashed, name)
    assert crashed.files.write_recovery()
    crashed.files.autosave_timer.stop()
    # A crash ends the process: its recovery copy now names a process that is no longer running.
    info = json.loads(crashed.files.recovery_info_path.read_text(encoding="utf-8"))
    info["pid"] = DEAD_PID
    crashed.files.recovery_info_path.write_text(json.dumps(info), encoding="utf-8")
    crashed.deleteLater()  # no closeEvent: like a crash, the recovery copy stays


def test_after_a_crash_the_next_start_recovers_the_changes(qtbot, monkeypatch, data_dir, case_file, no_modal):
    crash_with_unsaved_changes(qtbot, data_dir, case_file, "Recovered")
    offered = []
    monkeypatch.setattr(
        RecoveryDialog, "ask", classmethod(lambda cls, parent, name, when: offered.append(name) or True)
    )
    window = MainWindow(AppContext.load(data_dir))
    qtbot.addWidget(window)

    assert window.files.offer_recovery() is True

    assert offered == [case_file.name]
    assert window.case.child.legal_first_name == "Recovered"
    assert window.file_path == case_file.resolve()
    assert window.isWindowModified()
    assert casefile.load(case_file).child.legal_first_name == "Alexander"  # the file waits for Save
    window.files.save()
    assert casefile.load(case_file).child.legal_first_name == "Recovered"
    assert not window.files.has_recovery()


def test_declining_recovery_deletes_the_copy(qtbot, monkeypatch, data_dir, case_file, no_modal):
    crash_with_unsaved_changes(qtbot, data_dir, case_file, "Lost")
    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(lambda cls, parent, name, when: False))
    window = MainWindow(AppContext.load(data_dir))
    qtbot.addWidget(window)

    assert window.files.offer_recovery() is False

    assert window.case is None
    assert not window.files.has_recovery()


def test_without_a_recovery_copy_nothing_is_offered(qtbot, data_dir, no_modal):
    window = MainWindow(AppContext.load(data_dir))
    qtbot.addWidget(window)
    assert window.files.offer_recovery() is False


def test_the_recovery_prompt_defaults_to_recovering(qtbot):
    dialog = RecoveryDialog("Alex.pwcase", "2026-11-28 10:00:00")
    qtbot.addWidget(dialog)
    assert "Alex.pwcase" in dialog.text()
    assert dialog.defaultButton() is dialog.recover_button

    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert dialog.accepted_recovery() is False


def test_the_save_dialog_adds_the_case_ending(monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "x"), ""))
    assert files_module.ask_save_path(None, "") == tmp_path / "x.pwcase"


def test_at_start_a_recovery_copy_is_offered_before_the_case_file_asked_for(
    qtbot, monkeypatch, data_dir, case_file, tmp_path, sample_case, no_modal
):
    from planwriter.app import StartOptions, _finish_start

    crash_with_unsaved_changes(qtbot, data_dir, case_file, "Recovered")
    other = tmp_path / "other.pwcase"
    casefile.save(sample_case, other)
    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(lambda cls, parent, name, when: True))
    window = MainWindow()
    qtbot.addWidget(window)

    _finish_start(window, StartOptions(case=other, data_dir=data_dir))

    assert window.case.child.legal_first_name == "Recovered"
    assert window.file_path == case_file.resolve()
    window.files.save()


def test_at_start_the_case_file_asked_for_opens(qtbot, data_dir, case_file, no_modal):
    from planwriter.app import StartOptions, _finish_start

    window = MainWindow()
    qtbot.addWidget(window)

    _finish_start(window, StartOptions(case=case_file, data_dir=data_dir, section="Letters"))

    assert window.file_path == case_file.resolve()
    assert window.menu_actions is not None
    letters = [page for page in window.pages if type(page).__name__ == "LettersPage"]
    if letters:
        assert window.current_page() is letters[0]
