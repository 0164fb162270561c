"""Times the accommodation search per keystroke: the word index alone, and keystroke to repainted list.

The baseline does the same work by hand the way the catalogue searched before the word index: every
typed word looked up as a substring of each item's text (which is also why "hat" matched "that").
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

PHRASES = ["blood sugar out of range on a test", "EpiPen", "study buddy", "extra time on tests",
           "restroom pass", "germs"]


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _keystrokes() -> list[str]:
    return [phrase[:n] for phrase in PHRASES for n in range(1, len(phrase) + 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from planwriter.core.accommodations import catalogue

    start = time.perf_counter()
    cat = catalogue()
    load = time.perf_counter() - start
    start = time.perf_counter()
    cat.search("a")  # the word index is built on the first search
    first = time.perf_counter() - start

    def substring_search(text: str) -> list:
        typed = " ".join(re.sub(r"[^\w ]+", " ", text.casefold()).split()).split()
        out = []
        for item in cat.accommodations:
            haystack = " ".join(re.sub(r"[^\w ]+", " ", " ".join([
                item.id, item.text, item.explanation, cat.category_labels[item.category],
                *(cat.need_labels[n] for n in item.needs)]).casefold()).split())
            if all(w in haystack for w in typed):
                out.append(item)
        return out

    keys = _keystrokes()
    index, baseline = [], []
    for _ in range(args.rounds):
        for text in keys:
            t = time.perf_counter()
            cat.search(text)
            index.append(time.perf_counter() - t)
            t = time.perf_counter()
            substring_search(text)
            baseline.append(time.perf_counter() - t)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from planwriter.core.sample import sample_case
    from planwriter.gui.appcontext import AppContext
    from planwriter.gui.pages.accommodations import AccommodationsPage

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        context = AppContext.load(Path(folder))
        page = AccommodationsPage(context)
        page.set_case(sample_case())
        page.resize(1100, 800)
        page.show()
        app.processEvents()
        typed = []
        for _ in range(args.rounds):
            for text in keys:
                t = time.perf_counter()
                page.search_edit.setText(text)  # one keystroke: textChanged fills the list
                page.catalogue_list.repaint()
                app.processEvents()
                typed.append(time.perf_counter() - t)
            page.search_edit.clear()
            app.processEvents()
        page.close()

    print(f"catalogue: {len(cat.accommodations)} accommodations, loaded in {load * 1000:.0f} ms; "
          f"first search (builds the word index) {first * 1000:.0f} ms")
    print(f"{len(keys)} keystrokes x {args.rounds} rounds")
    print(f"search, word index:          median {_median_ms(index):.3f} ms, max {max(index) * 1000:.2f} ms")
    print(f"search, substring baseline:  median {_median_ms(baseline):.3f} ms, max {max(baseline) * 1000:.2f} ms")
    slow = sorted(typed)[int(len(typed) * 0.9)]
    print(f"keystroke to repainted list: median {_median_ms(typed):.2f} ms, 90th percentile {slow * 1000:.1f} ms, "
          f"max {max(typed) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
