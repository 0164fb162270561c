"""What the user-template limits cost: each built-in letter rendered as a built-in (no limits) and
the same file rendered as a user's template (loop, call and size checks, time budget).

Run from the repository root: ``PYTHONPATH=. .venv/bin/python benchmarks/template_limits.py``.
Built-ins never run the checks, so their time is the time before the limits were added.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    from planwriter.core.sample import sample_case
    from planwriter.render.engine import default_registry, render_document
    from planwriter.render.registry import Registry

    case = sample_case()
    builtins = default_registry()
    with tempfile.TemporaryDirectory() as folder:
        for template in builtins.letters():
            text = template.path.read_text(encoding="utf-8")
            text = re.sub(r'^id = "([^"]+)"', r'id = "my-\1"', text, count=1, flags=re.MULTILINE)
            (Path(folder) / f"my-{template.path.name}").write_text(text, encoding="utf-8")
        mine = Registry.load(user_dir=Path(folder))
        assert not mine.problems, mine.problems
        plain_times, limited_times = [], []
        for template in builtins.letters():
            inputs = dict(template.meta.sample_inputs)
            for registry, template_id, bucket in ((builtins, template.id, plain_times),
                                                  (mine, f"my-{template.id}", limited_times)):
                render_document(case, template_id, inputs, registry=registry)  # compile once
                samples = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    render_document(case, template_id, inputs, registry=registry)
                    samples.append(time.perf_counter() - start)
                bucket.append(statistics.median(samples))
    count = len(plain_times)
    print(f"{count} letters, sample case, {args.runs} runs each (median per letter, then median over letters)")
    print(f"built-in (no limits):       {_median_ms(plain_times):6.2f} ms")
    print(f"as a user template (limits): {_median_ms(limited_times):6.2f} ms "
          f"(x{statistics.median(limited_times) / statistics.median(plain_times):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
