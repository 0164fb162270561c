"""Case library speed: listing a folder of cases, and a batch of letters for many cases.

    .venv/bin/python benchmarks/library.py [--cases 500] [--batch 200]

The cases are the tests' generated cases (tests/library/conftest.py: the sample case with another
child, school, state, plan, key dates and letters), written into a temporary folder.

- cold: the first listing, with no index (every file is read, its key dates worked out);
- warm: the next listing (the index is read; every file's time and size checked);
- window: the case library window (offscreen) opened with the index warm, filled and painted; then
  refreshed, then searched;
- batch: the records-request letter for the first N cases into one folder, in this process,
  each case read from its file, rendered and written to .docx.

Budgets (issue 16): 500 cases listed in under 5 s cold and under 1 s warm; 50 or more cases per
second for the batch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planwriter.core.library import Library  # noqa: E402
from planwriter.render.engine import default_registry  # noqa: E402
from planwriter.render.library_batch import batch_export  # noqa: E402

TODAY = dt.date.today()  # the day the app would list them on, so the window reads the same index


def _generator():
    spec = importlib.util.spec_from_file_location("library_cases", ROOT / "tests" / "library" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gui_listing(folder: Path, data: Path) -> tuple[float, float, float]:
    """The whole path in the app (offscreen): the library window opened, filled and painted."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from planwriter.gui.appcontext import AppContext
    from planwriter.gui.library import LibraryWindow
    from planwriter.gui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    context = AppContext.load(data)
    context.settings.library_folder = str(folder)
    window = MainWindow(context)
    t = time.perf_counter()
    library = LibraryWindow(window, context)
    library.show()
    app.processEvents()
    opened = time.perf_counter() - t
    t = time.perf_counter()
    library.refresh()
    app.processEvents()
    refreshed = time.perf_counter() - t
    t = time.perf_counter()
    library.search_edit.setText("cedar")
    app.processEvents()
    searched = time.perf_counter() - t
    library.close()
    window.close()
    return opened, refreshed, searched


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="warm listings to time")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder, data, out = Path(tmp) / "cases", Path(tmp) / "data", Path(tmp) / "out"
        t = time.perf_counter()
        paths = _generator().write_library(folder, args.cases, TODAY)
        print(f"wrote {args.cases} cases (+2 unreadable) in {time.perf_counter() - t:.1f} s")

        t = time.perf_counter()
        listed = Library(folder, data).scan(TODAY)
        cold = time.perf_counter() - t
        print(f"cold listing: {len(listed)} cases in {cold:.2f} s (budget 5 s)")

        warm = []
        for _ in range(args.rounds):
            t = time.perf_counter()
            library = Library(folder, data)
            library.scan(TODAY)
            warm.append(time.perf_counter() - t)
            assert library.read_count == 0
        print(f"warm listing: median {statistics.median(warm) * 1000:.0f} ms, worst {max(warm) * 1000:.0f} ms "
              f"over {args.rounds} rounds (budget 1000 ms)")

        gui = _gui_listing(folder, data)
        print(f"library window, 500 cases from the index: opened and filled in {gui[0] * 1000:.0f} ms, "
              f"refreshed in {gui[1] * 1000:.0f} ms, search applied in {gui[2] * 1000:.0f} ms (budget 1000 ms)")

        default_registry()  # the templates are loaded once per process, as in the app
        batch = paths[: args.batch]
        t = time.perf_counter()
        report = batch_export(batch, "records", out, today=TODAY)
        took = time.perf_counter() - t
        assert len(report.written) == len(batch), report.lines()
        print(f"batch: {len(batch)} records letters in {took:.2f} s = {len(batch) / took:.0f} cases/s "
              "(budget 50 cases/s)")
        # The same letters rendered to .docx bytes in memory, cases already loaded and nothing written:
        # what the machine manages right now (other jobs on a shared machine change both figures).
        from planwriter.core import casefile
        from planwriter.render.docx_writer import DocxWriter
        from planwriter.render.engine import render_document
        from planwriter.render.letter import LetterOptions

        cases = [casefile.load(p) for p in batch]
        t = time.perf_counter()
        for case in cases:
            DocxWriter().to_bytes(render_document(case, "records", {}, LetterOptions(date=TODAY), today=TODAY))
        ref = time.perf_counter() - t
        print(f"reference in the same run (render + .docx bytes only, plain writer): {len(batch) / ref:.0f} per s; "
              f"batch / reference = {ref / took:.2f}")
        ok = cold < 5 and max(warm) < 1 and max(gui) < 1 and len(batch) / took >= 50
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
