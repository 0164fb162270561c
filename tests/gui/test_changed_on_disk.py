"""Two people, one file: saving over a case that changed on disk asks first (reload or save a copy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwriter.core import casefile
from planwriter.gui import files as files_module
from planwriter.gui.conflict import ChangedOnDiskDialog, ConflictChoice


@pytest.fixture
def case_file(tmp_path: Path, sample_case) -> Path:
    path = tmp_path / "cases" / "Alex.pwcase"
    path.parent.mkdir()
    casefile.save(sample_case, path)
    return path


def _someone_else_saves(path: Path, school: str) -> None:
    other = casefile.load(path)
    other.child.school = school
    casefile.save(other, path)


def _answer(monkeypatch, choice: ConflictChoice) -> list[tuple[str, bool]]:
    asked: list[tuple[str, bool]] = []

    def ask(cls, parent, file_name, missing=False):
        asked.append((file_name, missing))
        return choice

    monkeypatch.setattr(ChangedOnDiskDialog, "ask", classmethod(ask))
    return asked


def _edit(window, grade: str) -> None:
    window.case.child.grade = grade
    window.setWindowModified(True)


def test_saving_an_unchanged_file_does_not_ask(monkeypatch, window, case_file):
    asked = _answer(monkeypatch, ConflictChoice.CANCEL)
    assert window.files.open_path(case_file)
    _edit(window, "5")
    assert window.files.save()
    assert asked == [] and casefile.load(case_file).child.grade == "5"
    _edit(window, "6")  # saving twice: the stamp follows our own save
    assert window.files.save()
    assert asked == [] and casefile.load(case_file).child.grade == "6"


def test_cancel_leaves_the_other_change_on_disk(monkeypatch, window, case_file):
    asked = _answer(monkeypatch, ConflictChoice.CANCEL)
    window.files.open_path(case_file)
    _someone_else_saves(case_file, "Lincoln Elementary")
    _edit(window, "5")
    assert not window.files.save()
    assert asked == [("Alex.pwcase", False)]
    on_disk = casefile.load(case_file)
    assert on_disk.child.school == "Lincoln Elementary" and on_disk.child.grade != "5"
    assert window.isWindowModified()


def test_reload_shows_the_other_version(monkeypatch, window, case_file):
    _answer(monkeypatch, ConflictChoice.RELOAD)
    window.files.open_path(case_file)
    _someone_else_saves(case_file, "Lincoln Elementary")
    _edit(window, "5")
    assert not window.files.save()
    assert window.case.child.school == "Lincoln Elementary" and not window.isWindowModified()
    _edit(window, "7")  # after the reload, saving is plain again
    assert window.files.save()
    on_disk = casefile.load(case_file)
    assert (on_disk.child.school, on_disk.child.grade) == ("Lincoln Elementary", "7")


def test_save_a_copy_keeps_both_versions(monkeypatch, window, case_file):
    _answer(monkeypatch, ConflictChoice.SAVE_COPY)
    copy = case_file.with_name("Alex (my copy).pwcase")
    suggested: list[str] = []
    monkeypatch.setattr(files_module, "ask_save_path", lambda parent, s: suggested.append(s) or copy)
    window.files.open_path(case_file)
    _someone_else_saves(case_file, "Lincoln Elementary")
    _edit(window, "5")
    window.files.save()
    assert suggested == [str(copy)]
    assert casefile.load(case_file).child.school == "Lincoln Elementary"
    mine = casefile.load(copy)
    assert mine.child.grade == "5" and mine.child.school != "Lincoln Elementary"
    assert window.file_path == copy.resolve() and not window.isWindowModified()


def test_a_deleted_file_is_said_so(monkeypatch, window, case_file):
    asked = _answer(monkeypatch, ConflictChoice.CANCEL)
    window.files.open_path(case_file)
    case_file.unlink()
    _edit(window, "5")
    assert not window.files.save()
    assert asked == [("Alex.pwcase", True)] and not case_file.exists()


def test_the_dialog_offers_copy_reload_and_cancel(qtbot):
    dialog = ChangedOnDiskDialog("Alex.pwcase")
    qtbot.addWidget(dialog)
    assert dialog.defaultButton() is dialog.copy_button
    assert "someone else" in dialog.text() and dialog.reload_button is not None
    dialog.reload_button.click()
    assert dialog.choice() is ConflictChoice.RELOAD
    gone = ChangedOnDiskDialog("Alex.pwcase", missing=True)
    qtbot.addWidget(gone)
    assert gone.reload_button is None and "deleted" in gone.text()
