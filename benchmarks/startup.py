"""Start-up time: planwriter's main window shown, against a bare PySide6 window, in fresh processes.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Each run starts a new Python process and measures, from just before the process is started, until
the process reports its window shown (after the first round of events). planwriter also reports
when it is ready (settings, template list and sections loaded, right after the window is shown).
Prints the medians and the ratio planwriter / bare (the budget is 1.3).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1180, 780)
window.show()
app.processEvents()
sys.stdout.write("shown\\n")
sys.stdout.flush()
"""

PLANWRITER = """
import sys
from planwriter.app import main
main([])
"""


def _run(code: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start to each line it prints ("shown", "ready")."""
    times: dict[str, float] = {}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=ROOT,
    )
    assert process.stdout is not None
    for line in process.stdout:
        word = line.split()[0] if line.strip() else ""
        if word in ("shown", "ready"):
            times[word] = time.perf_counter() - start
    process.wait()
    if process.returncode != 0 or "shown" not in times:
        raise SystemExit(f"a start-up run failed (exit code {process.returncode}): {process.stderr.read()}")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["QT_LOGGING_RULES"] = "*.warning=false"
        env["PLANWRITER_DATA_DIR"] = str(Path(tmp) / "appdata")
        probe_env = {**env, "PLANWRITER_STARTUP_PROBE": "1"}
        # One warm-up of each, so both read their files from the OS cache.
        _run(BARE, env)
        _run(PLANWRITER, probe_env)
        bare, shown, ready = [], [], []
        for _ in range(args.runs):  # interleaved, so a busy moment hurts both alike
            bare.append(_run(BARE, env)["shown"])
            times = _run(PLANWRITER, probe_env)
            shown.append(times["shown"])
            ready.append(times["ready"])
    bare_median = statistics.median(bare)
    shown_median = statistics.median(shown)
    ready_median = statistics.median(ready)
    print(f"platform: {env['QT_QPA_PLATFORM']}, Python {sys.version.split()[0]}, {args.runs} runs each")
    print(f"bare PySide6 window shown:   {bare_median * 1000:7.0f} ms (median)")
    print(f"planwriter window shown:     {shown_median * 1000:7.0f} ms (median)")
    print(f"planwriter ready:            {ready_median * 1000:7.0f} ms (median; sections loaded)")
    print(f"ratio shown / bare:          {shown_median / bare_median:7.2f}  (budget 1.30)")
    print(f"ratio ready / bare:          {ready_median / bare_median:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
