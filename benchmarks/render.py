"""Rendering throughput: letters per second through the whole pipeline, against plain python-docx.

    .venv/bin/python benchmarks/render.py [--rounds N]

The baseline writes the same paragraphs straight into a python-docx document (no templates, no
parsing, no styles lookup), in the same process and run, so the ratio says what the pipeline costs on
top of Word writing itself. Budget (DESIGN.md): at least 50 letters per second in one process.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx

from planwriter.core.sample import sample_case
from planwriter.render.docx_writer import DocxWriter, reference_path
from planwriter.render.engine import default_registry, render_document
from planwriter.render.html_writer import to_html


def _time(fn, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-round", type=int, default=20)
    args = parser.parse_args()

    case = sample_case()
    registry = default_registry()
    letters = [t for t in registry.letters() if t.builtin]
    documents = {t.id: render_document(case, t.id, t.meta.sample_inputs) for t in letters}

    def pipeline() -> None:
        for template in letters:
            document = render_document(case, template.id, template.meta.sample_inputs)
            DocxWriter().to_bytes(document)

    def preview() -> None:
        for template in letters:
            to_html(render_document(case, template.id, template.meta.sample_inputs))

    def baseline() -> None:
        for document in documents.values():
            doc = docx.Document(str(reference_path()))
            for line in document.plain_text().split("\n\n"):
                doc.add_paragraph(line)
            doc.save(io.BytesIO())

    pipeline()  # warm caches (templates, reference document, parser)
    results = {"pipeline": [], "preview": [], "baseline": []}
    for _ in range(args.rounds):
        for name, fn in (("pipeline", pipeline), ("preview", preview), ("baseline", baseline)):
            results[name].append(_time(fn, max(1, args.per_round // len(letters))) / len(letters))

    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"letters: {len(letters)} built-in, sample case, {args.rounds} rounds")
    print(f"render + .docx: {med['pipeline'] * 1000:.1f} ms per letter = {1 / med['pipeline']:.0f} letters/s")
    print(f"render + HTML preview: {med['preview'] * 1000:.1f} ms per letter")
    print(f"baseline (plain python-docx, same text): {med['baseline'] * 1000:.1f} ms per letter")
    print(f"ratio pipeline / baseline: {med['pipeline'] / med['baseline']:.2f}")
    big_documents(args.rounds)
    return 0


def big_documents(rounds: int) -> None:
    """A case with 60 accommodations and 20 goals: the two longest documents, written to .docx.

    Budget (DESIGN.md): a 20-goal, 60-accommodation packet written in under 1 s.
    """
    from planwriter.core.accommodations import catalogue

    case = sample_case()
    items = catalogue().search()[:60]
    case.accommodations = [catalogue().choose(item, case) for item in items]
    goals = list(case.goals)
    case.goals = [goals[n % len(goals)].model_copy(update={"id": f"g{n}"}) for n in range(20)]
    registry = default_registry()
    for template_id in ("accommodations", "proposed-goals"):
        inputs = registry.get(template_id).meta.sample_inputs
        document = render_document(case, template_id, inputs)

        def write(template_id=template_id, inputs=inputs) -> None:
            DocxWriter().to_bytes(render_document(case, template_id, inputs))

        def baseline(document=document) -> None:
            doc = docx.Document(str(reference_path()))
            for line in document.plain_text().split("\n\n"):
                doc.add_paragraph(line)
            doc.save(io.BytesIO())

        write()
        took = statistics.median(_time(write, 1) for _ in range(rounds))
        base = statistics.median(_time(baseline, 1) for _ in range(rounds))
        print(f"{template_id} (60 accommodations, 20 goals): {took * 1000:.0f} ms to .docx; "
              f"plain python-docx with the same text {base * 1000:.0f} ms; ratio {took / base:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
