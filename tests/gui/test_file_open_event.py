"""macOS opens a double-clicked case with a FileOpen event; the app opens it like a command-line file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from planwriter.app import StartOptions, install_file_open_handler
from planwriter.core import casefile


def test_a_file_open_event_opens_the_case(window, tmp_path, sample_case):
    path = casefile.save(sample_case, tmp_path / "alex.pwcase")
    handler = install_file_open_handler(QApplication.instance(), window, StartOptions())
    try:
        QCoreApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))
        assert window.case is not None
        assert window.case.child.legal_last_name == "Rivera"
        assert "alex.pwcase" in window.windowTitle()
    finally:
        QApplication.instance().removeEventFilter(handler)


def test_a_file_open_event_before_start_up_is_remembered(tmp_path):
    class Unstarted:
        context = None

    args = StartOptions()
    handler = install_file_open_handler(QApplication.instance(), Unstarted(), args)
    try:
        QCoreApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(tmp_path / "later.pwcase")))
        assert args.case == tmp_path / "later.pwcase"
    finally:
        QApplication.instance().removeEventFilter(handler)
