"""Goal checking speed: 100 kB of any input, and a 40-page draft IEP read from a PDF (issue 13 item 5, issue 14).

Run: .venv/bin/python benchmarks/goal_speed.py   (needs LibreOffice for the PDF part; skipped without it)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planwriter.core.goals.checker import check_goal  # noqa: E402
from planwriter.core.goals.documents import find_goals, goals_from_file  # noqa: E402

UNITS = ["1", "1 ", "will ", "Sam will read ", "will be ", "1 of ", "80% ", "by ", "_", "Given a list, ",
         "By June 2027, given a list of 20 words, Sam will read 18 of them on 3 of 4 probes.\n\n"]


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def hundred_kb() -> None:
    print("== 100 kB of one repeated piece: one check, and split into goals then checked")
    for unit in UNITS:
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        one = best(lambda text=text: check_goal(text))
        split = best(lambda text=text: [check_goal(g.text) for g in find_goals(text)], repeat=1)
        print(f"  {unit[:24]!r:<28} check {one:6.3f} s   split+check {split:6.3f} s")


def forty_pages() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("== 40-page draft IEP: skipped (LibreOffice not installed)")
        return
    import docx

    sys.path.insert(0, str(ROOT / "tests" / "goals" / "fixtures"))
    from draft_iep import GOALS

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft_40_pages.docx"
        document = docx.Document()
        document.add_heading("Individualized Education Program (DRAFT)", 0)
        for section in range(30):
            document.add_heading(f"Present Levels, area {section + 1}", 1)
            for _ in range(6):
                document.add_paragraph("Jamie reads 52 words correct per minute on third-grade passages and answers "
                                       "3 of 10 questions about them. He enjoys science, drawing and building. " * 3)
            document.add_heading("Measurable Annual Goals", 1)
            for number, (_area, goal, objectives) in enumerate(GOALS, start=1):
                document.add_paragraph(f"Annual Goal {section * 4 + number}: {goal}")
                for sub, objective in enumerate(objectives, start=1):
                    document.add_paragraph(f"Objective {section * 4 + number}.{sub}: {objective}")
        document.save(str(path))
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", tmp, str(path)], capture_output=True, timeout=300,
                       check=True)
        pdf = path.with_suffix(".pdf")
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
        found: list = []

        def run() -> None:
            found[:] = goals_from_file(pdf)
            for goal in found:
                check_goal(goal.text)

        seconds = best(run)
        print(f"== {pages}-page draft IEP PDF: read, split and checked {len(found)} goals and objectives in "
              f"{seconds:.2f} s")


if __name__ == "__main__":
    hundred_kb()
    forty_pages()
