"""Times the Letters page's live preview: render + HTML for the records letter on the sample case.

Run from the repository root with ``PYTHONPATH=.`` so this checkout is measured:
``PYTHONPATH=. .venv/bin/python benchmarks/preview.py --concerns 500``."""

from __future__ import annotations

import argparse
import os
import statistics
import time


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--template", default="records")
    parser.add_argument("--concerns", type=int, default=0,
                        help="give the sample case this many concerns (500: the scale the preview must keep up with)")
    args = parser.parse_args()

    from planwriter.core.sample import sample_case
    from planwriter.render.engine import default_registry, render_document
    from planwriter.render.html_writer import to_html

    case = sample_case()
    if args.concerns:
        first = case.concerns[0]
        case.concerns = [first.model_copy(deep=True, update={"description": f"{n + 1}. {first.description}"})
                         for n in range(args.concerns)]
    registry = default_registry()
    to_html(render_document(case, args.template, registry=registry))  # warm caches, as in the app

    render, html = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        document = render_document(case, args.template, registry=registry)
        middle = time.perf_counter()
        page = to_html(document)
        render.append(middle - start)
        html.append(time.perf_counter() - middle)
    total = [a + b for a, b in zip(render, html, strict=True)]

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTextBrowser

    app = QApplication.instance() or QApplication([])
    browser = QTextBrowser()
    browser.resize(460, 700)
    browser.setHtml(page)
    shown = []
    for _ in range(args.runs):
        start = time.perf_counter()
        browser.setHtml(page)
        shown.append(time.perf_counter() - start)
    app.processEvents()

    # From a keystroke in the letter's form to the redrawn preview, through the real page.
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from planwriter.gui.appcontext import AppContext
    from planwriter.gui.pages.letters import PREVIEW_DELAY_MS, LettersPage

    with tempfile.TemporaryDirectory() as folder:
        letters = LettersPage(AppContext(data_dir=Path(folder)))
        letters.set_case(case)
        letters.resize(1100, 760)
        letters.show()
        letters.select_template(args.template)
        edit = letters.input_field("extra_records").edit if args.template == "records" else None
        follow = []
        for n in range(min(args.runs, 60)):
            if edit is None:
                break
            count = letters.render_count
            QTest.keyClick(edit, Qt.Key.Key_A if n % 2 else Qt.Key.Key_B)
            start = time.perf_counter()
            while letters.render_count == count and time.perf_counter() - start < 1:
                # Wait for events like the app's own loop (the preview is drawn on a worker thread;
                # a busy loop here would only compete with it for the interpreter).
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            follow.append(time.perf_counter() - start)
        letters.close()

    print(f"template: {args.template}, runs: {args.runs}, concerns: {len(case.concerns)}")
    print(f"render_document:           median {_median_ms(render):6.2f} ms")
    print(f"to_html:                   median {_median_ms(html):6.2f} ms")
    print(f"render_document + to_html: median {_median_ms(total):6.2f} ms, "
          f"95th percentile {sorted(total)[int(len(total) * 0.95)] * 1000:6.2f} ms")
    print(f"QTextBrowser.setHtml:      median {_median_ms(shown):6.2f} ms")
    if follow:
        print(f"keystroke -> preview shown: median {_median_ms(follow):6.2f} ms, "
              f"max {max(follow) * 1000:6.2f} ms (debounce {PREVIEW_DELAY_MS} ms included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
