"""Two windows (or two running copies of planwriter) never offer or delete each other's recovery copy."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planwriter.core import casefile
from planwriter.gui.appcontext import AppContext
from planwriter.gui.files import RecoveryDialog
from planwriter.gui.mainwindow import MainWindow

DEAD_PID = 2**22 + 4321


@pytest.fixture
def cases(tmp_path: Path, sample_case) -> tuple[Path, Path]:
    first, second = tmp_path / "first.pwcase", tmp_path / "second.pwcase"
    casefile.save(sample_case, first)
    casefile.save(sample_case, second)
    return first, second


def _edit(qtbot, window: MainWindow, text: str) -> None:
    page = next(page for page in window.pages if type(page).__name__ == "ChildPage")
    page.first_name_edit.edit.clear()
    qtbot.keyClicks(page.first_name_edit.edit, text)
    assert window.isWindowModified()


def _window(qtbot, data_dir: Path) -> MainWindow:
    window = MainWindow(AppContext.load(data_dir))
    qtbot.addWidget(window, before_close_func=lambda w: w.setWindowModified(False))
    return window


def test_a_second_window_leaves_the_first_windows_copy_alone(qtbot, monkeypatch, data_dir, cases, no_modal):
    offered: list[str] = []
    monkeypatch.setattr(RecoveryDialog, "ask",
                        classmethod(lambda cls, parent, name, when: offered.append(name) or False))
    first = _window(qtbot, data_dir)
    first.files.open_path(cases[0])
    _edit(qtbot, first, "Unsaved")
    assert first.files.write_recovery()

    second = _window(qtbot, data_dir)
    assert second.files.offer_recovery() is False  # the first window is still running: not offered
    assert offered == []
    second.files.open_path(cases[1])
    _edit(qtbot, second, "Other")
    second.files.write_recovery()
    second.files.save()  # removes the second window's own copy only
    second.files.close_case()

    assert first.files.has_recovery()
    assert casefile.load(first.files.recovery_path).child.legal_first_name == "Unsaved"
    assert first.files.recovery_path != second.files.recovery_path


def test_a_copy_of_another_running_process_is_not_offered(qtbot, monkeypatch, data_dir, cases, no_modal):
    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(lambda cls, parent, name, when: False))
    other = _window(qtbot, data_dir)
    other.files.open_path(cases[0])
    _edit(qtbot, other, "Elsewhere")
    other.files.write_recovery()
    info = json.loads(other.files.recovery_info_path.read_text(encoding="utf-8"))
    info["pid"] = os.getppid()  # a process that is running (the one that started the tests)
    other.files.recovery_info_path.write_text(json.dumps(info), encoding="utf-8")
    copy = other.files.recovery_path
    other.files.slot = "gone"  # this window no longer owns it: only the running process does

    newcomer = _window(qtbot, data_dir)
    assert newcomer.files.offer_recovery() is False
    assert copy.exists()


def test_after_the_first_window_crashes_the_next_one_recovers(qtbot, monkeypatch, data_dir, cases, no_modal):
    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(lambda cls, parent, name, when: True))
    crashed = _window(qtbot, data_dir)
    crashed.files.open_path(cases[0])
    _edit(qtbot, crashed, "Crashed")
    crashed.files.write_recovery()
    info = json.loads(crashed.files.recovery_info_path.read_text(encoding="utf-8"))
    info["pid"] = DEAD_PID
    crashed.files.recovery_info_path.write_text(json.dumps(info), encoding="utf-8")
    crashed.files.autosave_timer.stop()

    one, two = _window(qtbot, data_dir), _window(qtbot, data_dir)
    assert one.files.offer_recovery() is True
    assert one.case.child.legal_first_name == "Crashed"
    assert two.files.offer_recovery() is False  # claimed by the first: never offered twice
    assert one.files.has_recovery()


def test_an_old_single_recovery_copy_is_still_offered(qtbot, monkeypatch, data_dir, cases, sample_case, no_modal):
    monkeypatch.setattr(RecoveryDialog, "ask", classmethod(lambda cls, parent, name, when: True))
    folder = data_dir / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    sample_case.child.legal_first_name = "Legacy"
    casefile.save(sample_case, folder / "recovery.pwcase", keep_backup=False)
    (folder / "recovery.json").write_text(json.dumps({"path": str(cases[0])}), encoding="utf-8")
    window = _window(qtbot, data_dir)
    assert window.files.offer_recovery() is True
    assert window.case.child.legal_first_name == "Legacy"
    assert not (folder / "recovery.pwcase").exists()
