"""Starts the real planwriter window in one state for a documentation screenshot (see take.sh)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer  # noqa: TID251 (a documentation tool that drives the real window)

from planwriter.app import StartOptions, _finish_start, _make_application, show_main_window

#: scene name -> (open the sample?, section, letter id, dialog)
SCENES: dict[str, tuple[bool, str | None, str | None, str | None]] = {
    "welcome": (False, None, None, None),
    "child-family": (True, "Child", None, None),
    "school-team": (True, "School", None, None),
    "about-the-child": (True, "About", None, None),
    "letters": (True, "Letters", "records", None),
    "letters-before-you-send": (True, "Letters", "records", "before-you-send"),
    "letters-new-case": (False, "Letters", "records", "new-case"),
    "accommodations": (True, "Accommodations", None, None),
    "goals": (True, "Goals", None, None),
    "dates-log": (True, "Dates", None, None),
    "plan-guide": (True, None, None, "plan-guide"),
    "settings": (True, None, None, "settings"),
    "about-dialog": (True, None, None, "about"),
}


def main(name: str) -> int:
    sample, section, letter, extra = SCENES[name]
    app = _make_application()
    from planwriter.gui.mainwindow import MainWindow

    window = MainWindow()
    show_main_window(window)
    data_dir = Path(tempfile.mkdtemp(prefix="planwriter-screenshot-"))
    options = StartOptions(sample=sample, section=section, letter=letter, data_dir=data_dir)

    def start() -> None:
        if extra == "new-case":
            options.section = options.letter = None
            _finish_start(window, options)
            window.files.new_case()
            window.show_page(section)
            window.select_template(letter)
            return
        _finish_start(window, options)
        if extra == "before-you-send":
            page = window.current_page()
            page.preview_tabs.setCurrentWidget(page.guidance_view)
        elif extra == "plan-guide":
            window.show_plan_guide()
        elif extra == "settings":
            window.show_settings()
        elif extra == "about":
            window.show_about()

    QTimer.singleShot(0, start)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
