"""Prints the goal checker's accuracy on the labeled set in tests/goals/data/labeled_goals.json."""

from __future__ import annotations

import sys
from pathlib import Path

from planwriter.core.goals.accuracy import load_labeled, score
from planwriter.core.goals.checker import COMPONENTS

LABELED = Path(__file__).resolve().parent.parent / "tests" / "goals" / "data" / "labeled_goals.json"


def main() -> int:
    items = load_labeled(LABELED)
    result = score(items)
    measurable = sum(i["measurable"] for i in items)
    postsecondary = sum(i["kind"] == "postsecondary" for i in items)
    print(f"Labeled statements: {result.total} ({measurable} measurable, {postsecondary} postsecondary)")
    print(f"Measurable decision accuracy: {result.accuracy:.1%} ({result.measurable_correct}/{result.total})")
    print(f"Goal kind (annual/postsecondary) accuracy: {result.kind_correct / result.total:.1%}")
    print()
    print(f"{'component':<12} {'precision':>9} {'recall':>7}   (for detecting that a component is missing)")
    for name in COMPONENTS:
        print(f"{name:<12} {result.precision(name):>9.1%} {result.recall(name):>7.1%}")
    if "-v" in sys.argv:
        print()
        for error in result.errors:
            print(error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
