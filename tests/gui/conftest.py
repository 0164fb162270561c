"""GUI fixtures: an AppContext on a temporary app-data folder, a main window, and no blocking dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from planwriter.gui.appcontext import AppContext


class ModalDialogCalled(AssertionError):
    """A test reached a modal dialog it did not replace; it would have waited for a click forever."""


@pytest.fixture
def context(data_dir: Path) -> AppContext:
    """Settings, recovery copies and templates of a fresh user, in ``tmp_path``."""
    return AppContext.load(data_dir)


@pytest.fixture
def app_context(context: AppContext) -> AppContext:
    return context


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str, str]]:
    """Every message box shown, as (kind, title, text); none of them blocks."""
    shown: list[tuple[str, str, str]] = []

    def recorder(kind: str, answer):
        def show(_parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "warning", recorder("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", recorder("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", recorder("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", recorder("question", QMessageBox.StandardButton.No))
    return shown


@pytest.fixture
def no_modal(monkeypatch, messages):
    """Fail fast instead of blocking when code under test opens a dialog the test did not replace."""

    def refuse(self, *args, **kwargs):
        raise ModalDialogCalled(f"{type(self).__name__} was opened modally: {self.windowTitle()!r}")

    def refuse_static(*args, **kwargs):
        raise ModalDialogCalled("a file dialog was opened")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", refuse_static)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", refuse_static)
    return messages


@pytest.fixture
def window(qtbot, context: AppContext, no_modal):
    """The main window on the test's context, shown offscreen, with no case open."""
    from planwriter.gui.mainwindow import MainWindow

    # Not given to qtbot.addWidget: pytest-qt would close it before this fixture can silence the
    # unsaved-changes prompt.
    main_window = MainWindow(context)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    # Close without the unsaved-changes prompt (a field losing focus may still store an edit).
    main_window.files.maybe_save = lambda: True
    main_window.close()
    main_window.deleteLater()


@pytest.fixture
def main_window(window):
    return window
