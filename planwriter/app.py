"""Starts the desktop app (the ``planwriter`` command and ``python -m planwriter``)."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)

#: Set by benchmarks/startup.py: print when the window is shown and when it is ready, then quit.
PROBE_ENV = "PLANWRITER_STARTUP_PROBE"


class StartOptions:
    """What the command line asked for."""

    def __init__(
        self,
        case: Path | None = None,
        self_test: bool = False,
        sample: bool = False,
        section: str | None = None,
        letter: str | None = None,
        data_dir: Path | None = None,
    ) -> None:
        self.case = case
        self.self_test = self_test
        self.sample = sample
        self.section = section
        self.letter = letter
        self.data_dir = data_dir


def parse_args(argv: list[str]) -> StartOptions:
    """The command line; the usual start (nothing, or one case file) skips argparse to start faster."""
    if not argv or (len(argv) == 1 and not argv[0].startswith("-")):
        return StartOptions(case=Path(argv[0]) if argv else None)
    namespace = _parser().parse_args(argv)
    return StartOptions(**vars(namespace))


def _parser():
    import argparse

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
    parser.add_argument("--letter", help="with a case: start this letter (a template id, e.g. records)")
    parser.add_argument("--data-dir", type=Path, help="use this folder for settings and recovery copies")
    return parser


def _make_application():
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from planwriter import APP_NAME, APP_ORG

    app = QApplication.instance()
    if app is None:
        # High DPI: Qt 6 always scales, with fractional factors (125 %, 150 %) passed through as they are.
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_ORG)
    from planwriter import __version__

    app.setApplicationVersion(__version__)
    # Fusion looks the same everywhere and takes its colours from the system palette (light or dark).
    # Where it already is the default style (Linux), setting it again would only cost start-up time.
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    _install_translations(app, QLocale.system(), QTranslator)
    return app


def _install_translations(app, locale, translator_class) -> None:
    """Qt's own strings (standard buttons) and ``resources/i18n/planwriter_<lang>.qm`` in the user's
    language, where they exist. English needs neither, so it pays nothing at start-up."""
    if locale.name().startswith("en") or locale.name() == "C":
        return
    from PySide6.QtCore import QLibraryInfo

    from planwriter.core.paths import resources_dir

    qt_translator = translator_class(app)
    if qt_translator.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
    try:
        folder = resources_dir() / "i18n"
    except FileNotFoundError:
        return
    translator = translator_class(app)
    if folder.is_dir() and translator.load(locale, "planwriter", "_", str(folder)):
        app.installTranslator(translator)


def _finish_start(window, args: StartOptions) -> None:
    """Runs right after the window is first shown: menus, settings and sections, then a case."""
    from PySide6.QtWidgets import QApplication

    window.build_menus()
    QApplication.processEvents()  # paint the menu bar before the settings and sections load
    from planwriter.gui.appcontext import AppContext

    window.attach_context(AppContext.load(args.data_dir))
    # Unsaved work from a crash comes first: opening another case would delete its recovery copy.
    if not window.files.offer_recovery():
        if args.case is not None:
            window.files.open_path(args.case)
        elif args.sample:
            window.files.open_sample()
    if args.section:
        window.show_page(args.section)
    if args.letter and window.case is not None:
        window.select_template(args.letter)


def show_main_window(window) -> None:
    """Show the window: maximized on a screen about the size of a laptop's, else at its own size."""
    if window.fit_to_screen():
        window.showMaximized()
    else:
        window.show()


def install_file_open_handler(app, window, args: StartOptions):
    """macOS sends a double-clicked or dropped-on-the-Dock ``.pwcase`` as a FileOpen event, not as an
    argument; open it like a file named on the command line (before start-up finishes, remember it)."""
    from PySide6.QtCore import QEvent, QObject

    class FileOpenFilter(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.FileOpen and event.file():
                path = Path(event.file())
                if window.context is not None:
                    window.files.open_path(path)
                else:
                    args.case = path
                return True
            return super().eventFilter(watched, event)

    handler = FileOpenFilter(app)
    app.installEventFilter(handler)
    return handler


#: Libraries Qt's X11 window-system plugin loads, and the Debian/Ubuntu package that has each.
QT_LINUX_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def missing_qt_library() -> str | None:
    """On Linux under X11: one sentence naming a system library Qt's window plugin cannot load and
    the Debian/Ubuntu package to install, or ``None`` when nothing is missing (or not X11)."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None  # Qt may use Wayland; it reports its own problems there
    import ctypes
    import re

    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).resolve().parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        found = re.search(r"([\w.+-]+\.so(?:\.\d+)*)\s*:", str(error))
        library = Path(found.group(1)).name if found else ""
        if library == plugin.name or library.startswith("libQt6"):
            return None  # a problem of the app's own files: let Qt report it
        package = QT_LINUX_PACKAGES.get(library)
        if package:
            return (f"planwriter cannot open its window because the system library {library} is missing; "
                    f"install it with “sudo apt install {package}” (package {package} on Debian and Ubuntu) "
                    "and start planwriter again.")
        return (f"planwriter cannot open its window because the system library {library or 'that Qt needs'} "
                "is missing; install it with your system's package manager and start planwriter again.")
    return None


def main(argv: list[str] | None = None) -> int:
    start = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else list(argv))
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.self_test:
        from planwriter.gui.selftest import run_self_test

        return run_self_test()
    problem = missing_qt_library()
    if problem:
        sys.stderr.write(problem + "\n")
        return 1

    from PySide6.QtCore import QTimer

    app = _make_application()
    from planwriter.gui.mainwindow import MainWindow

    window = MainWindow()
    show_main_window(window)
    if sys.platform == "darwin":
        # Only macOS sends FileOpen events. Elsewhere an app-wide filter in Python would only slow
        # down every event, the first paint included (start-up ratio 1.50 with it, 1.27 without).
        install_file_open_handler(app, window, args)
    if os.environ.get(PROBE_ENV):
        _probe(app, window, args, start)
        return 0
    # Settings, pydantic and the sections load once the window is on screen.
    QTimer.singleShot(0, lambda: _finish_start(window, args))
    return app.exec()


def _probe(app, window, args: StartOptions, start: float) -> None:
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
