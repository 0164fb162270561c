"""Meeting packet speed: a long case built and written to .docx, against plain python-docx.

    .venv/bin/python benchmarks/packet.py [--rounds N]

The case has 20 goals, 60 accommodations, 30 correspondence-log entries and 10 exhibits. The packet
time is the whole path a user waits for: case → templates → blocks → .docx bytes, every part
included. The baseline writes the same paragraphs and tables (the packet's own blocks, already made)
straight into the same reference document with python-docx's public API and the same named styles,
in the same run, so the ratio says what assembling the packet costs on top of Word writing itself.
Budget (DESIGN.md): under 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from planwriter.core.sample import sample_case  # noqa: E402
from planwriter.render.blocks import Heading, ListBlock, PageBreak, Paragraph, Table  # noqa: E402
from planwriter.render.docx_writer import reference_path  # noqa: E402
from planwriter.render.packet import build_packet, packet_bytes  # noqa: E402

TODAY = dt.date(2026, 11, 28)


def long_case():
    """The tests' long case (tests/packet/conftest.py), so the benchmark measures what they check."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("packet_cases", ROOT / "tests" / "packet" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.long_case(sample_case())


def baseline(blocks) -> bytes:
    """The same paragraphs and tables, by hand with python-docx, in the same styles."""
    doc = docx.Document(str(reference_path()))
    body = doc.element.body
    for child in list(body)[:-1]:
        body.remove(child)

    def text(runs) -> str:
        return "".join(r.text for r in runs)

    def write(block, depth=0) -> None:
        if isinstance(block, Heading):
            doc.add_paragraph(text(block.runs), style="Title" if block.level == 0 else f"Heading {block.level}")
        elif isinstance(block, Paragraph):
            doc.add_paragraph(text(block.runs), style=block.style if block.style in styles else "Normal")
        elif isinstance(block, ListBlock):
            style = ("List Number" if block.ordered else "List Bullet") + (" 2" if depth else "")
            for item in block.items:
                for inner in item.blocks:
                    if isinstance(inner, Paragraph):
                        doc.add_paragraph(text(inner.runs), style=style)
                    else:
                        write(inner, depth + 1)
        elif isinstance(block, Table):
            table = doc.add_table(rows=1 + len(block.rows), cols=len(block.header), style="Table Grid")
            for cell, runs in zip(table.rows[0].cells, block.header, strict=False):
                cell.paragraphs[0].add_run(text(runs))
                cell.paragraphs[0].style = "Table Heading"
            for row, cells in zip(table.rows[1:], block.rows, strict=False):
                for cell, runs in zip(row.cells, cells, strict=False):
                    cell.paragraphs[0].add_run(text(runs))
                    cell.paragraphs[0].style = "Table Text"
        elif isinstance(block, PageBreak):
            doc.add_page_break()

    styles = {s.name for s in doc.styles}
    for block in blocks:
        write(block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    case = long_case()
    document = build_packet(case, today=TODAY)
    packet_bytes(document)  # warm caches (templates, reference document, parser)
    baseline(document.blocks)
    packet_times, build_times, baseline_times = [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        built = build_packet(case, today=TODAY)
        middle = time.perf_counter()
        packet_bytes(built)
        packet_times.append(time.perf_counter() - start)
        build_times.append(middle - start)
        start = time.perf_counter()
        baseline(built.blocks)
        baseline_times.append(time.perf_counter() - start)
    packet, build, base = (statistics.median(t) for t in (packet_times, build_times, baseline_times))
    print(f"long case: {len(case.goals)} goals, {len(case.accommodations)} accommodations, "
          f"{len(case.correspondence)} log entries, {len(case.exhibits)} exhibits; {args.rounds} rounds, median")
    print(f"packet, case to .docx bytes: {packet * 1000:.0f} ms (of which templates to blocks {build * 1000:.0f} ms)")
    print(f"baseline, python-docx writing the same blocks: {base * 1000:.0f} ms")
    print(f"ratio packet / baseline: {packet / base:.2f}")
    print("budget: under 1 s —", "met" if packet < 1 else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
