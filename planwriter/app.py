"""Starts the desktop app (the ``planwriter`` command and ``python -m planwriter``)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planwriter",
        description="Drafts IEP and Section 504 letters and documents as Word files.",
    )
    parser.add_argument("case", nargs="?", type=Path, help="a case file (.pwcase) to open")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen, export every built-in document for the sample case, exit 0 or 1",
    )
    parser.add_argument("--sample", action="store_true", help="open the sample case (as an untitled copy)")
    parser.add_argument("--section", help="with a case: show this section first (e.g. Letters)")
    parser.add_argument("--data-dir", type=Path, help="use this folder for settings and recovery copies")
    # For benchmarks/startup.py: report when the window is shown and when it is ready, then quit.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return parser


def _make_application():
    from PySide6.QtCore import QLocale, Qt, QTranslator
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from planwriter import APP_NAME, APP_ORG

    app = QApplication.instance()
    if app is None:
        # Sharp at 125 % and 150 % display scaling too (Qt 6 scales for high DPI by itself).
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_ORG)
    from planwriter import __version__

    app.setApplicationVersion(__version__)
    # Fusion looks the same everywhere and takes its colours from the system palette (light or dark).
    app.setStyle("Fusion")
    _install_translations(app, QLocale.system(), QTranslator)
    return app


def _install_translations(app, locale, translator_class) -> None:
    """Load ``resources/i18n/planwriter_<lang>.qm`` when one exists for the user's language."""
    from planwriter.core.paths import resources_dir

    try:
        folder = resources_dir() / "i18n"
    except FileNotFoundError:
        return
    if not folder.is_dir():
        return
    translator = translator_class(app)
    if translator.load(locale, "planwriter", "_", str(folder)):
        app.installTranslator(translator)


def _finish_start(window, args: argparse.Namespace) -> None:
    """Runs right after the window is first shown: load settings and sections, then open a case."""
    from planwriter.gui.appcontext import AppContext

    window.attach_context(AppContext.load(args.data_dir))
    if args.case is not None:
        window.files.open_path(args.case)
    elif args.sample:
        window.files.open_sample()
    else:
        window.files.offer_recovery()
    if args.section:
        window.show_page(args.section)


def main(argv: list[str] | None = None) -> int:
    start = time.perf_counter()
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.self_test:
        from planwriter.gui.selftest import run_self_test

        return run_self_test()

    from PySide6.QtCore import QTimer

    app = _make_application()
    from planwriter.gui.mainwindow import MainWindow

    window = MainWindow()
    window.show()
    if args.startup_probe:
        _probe(app, window, args, start)
        return 0
    # Settings, pydantic and the sections load once the window is on screen.
    QTimer.singleShot(0, lambda: _finish_start(window, args))
    return app.exec()


def _probe(app, window, args: argparse.Namespace, start: float) -> None:
    app.processEvents()
    sys.stdout.write(f"shown {time.perf_counter() - start:.4f}\n")
    sys.stdout.flush()
    _finish_start(window, args)
    app.processEvents()
    sys.stdout.write(f"ready {time.perf_counter() - start:.4f}\n")
    sys.stdout.flush()
    window.setWindowModified(False)
    window.close()


if __name__ == "__main__":
    raise SystemExit(main())
