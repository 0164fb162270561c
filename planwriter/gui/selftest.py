"""``planwriter --self-test``: the whole app offscreen, every built-in document exported and read back."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)


def _say(line: str) -> None:
    # A frozen windowed app may have no console at all (sys.stdout is None there).
    stream = sys.stdout
    if stream is not None:
        stream.write(line + "\n")
        stream.flush()


def run_self_test() -> int:
    """Build the main window offscreen, open the sample, export everything; 0 when all is well."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from planwriter import __version__
    from planwriter.app import _make_application

    own_application = QApplication.instance() is None
    app = _make_application()
    if own_application:
        _quiet_offscreen_warnings()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="planwriter-self-test-") as tmp:
        folder = Path(tmp)
        try:
            failures += _check_window_and_documents(app, folder)
        except Exception as error:  # the self-test must report, not crash
            log.exception("The self-test stopped early")
            _say(f"FAILED  the self-test stopped early: {type(error).__name__}: {error}")
            failures += 1
    seconds = time.perf_counter() - started
    if failures:
        _say(f"planwriter {__version__} self-test FAILED: {failures} problem(s) ({seconds:.1f} s)")
        return 1
    _say(f"planwriter {__version__} self-test passed ({seconds:.1f} s)")
    return 0


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns about window features it lacks; that is noise in a report."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind, _context, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            log.warning("Qt: %s", message)

    qInstallMessageHandler(handler)


def _check_window_and_documents(app, folder: Path) -> int:
    import docx

    from planwriter.gui.appcontext import AppContext
    from planwriter.gui.mainwindow import MainWindow
    from planwriter.render.batch import export_all

    failures = 0
    context = AppContext.load(folder / "appdata")
    window = MainWindow(context)
    window.show()
    app.processEvents()
    if not window.files.open_sample() or window.case is None:
        _say("FAILED  the sample case did not open")
        return 1
    for index in range(len(window.pages)):
        window.show_page(index)
        app.processEvents()
    title = window.windowTitle()
    if "planwriter" not in title.lower():
        _say(f"FAILED  window title {title!r} does not name planwriter")
        failures += 1
    _say(f"ok      window: {len(window.pages)} sections, sample case open")

    exported = export_all(window.case, folder / "documents", registry=context.registry)
    if not exported:
        _say("FAILED  no built-in documents were found")
        failures += 1
    for item in exported:
        try:
            document = docx.Document(str(item.path))
        except Exception as error:  # any reading problem is a failed document
            _say(f"FAILED  {item.template_id}: python-docx cannot open it ({error})")
            failures += 1
            continue
        paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
        size_kb = item.path.stat().st_size / 1024
        if not paragraphs:
            _say(f"FAILED  {item.template_id}: the document has no text")
            failures += 1
            continue
        _say(f"ok      {item.template_id}: {len(paragraphs)} paragraphs, {size_kb:.0f} KB")
    _say(f"ok      {len(exported)} documents exported and read back")

    window.setWindowModified(False)
    window.close()
    window.deleteLater()
    app.processEvents()
    return failures
