"""Prints the goal checker's accuracy on the labeled sets in tests/goals/data/."""

from __future__ import annotations

import sys
from pathlib import Path

from planwriter.core.goals.accuracy import load_labeled, score
from planwriter.core.goals.checker import COMPONENTS

DATA = Path(__file__).resolve().parent.parent / "tests" / "goals" / "data"
#: The first-run figures of the later sets (before any fix they prompted) are in docs/goal-checker.md.
SETS = (
    ("Development set (labeled before the checker was written; tuned on)", DATA / "labeled_goals.json"),
    ("Second set (labeled before its first run, which scored 91.9%; fixes followed)", DATA / "heldout_goals.json"),
    ("Third set (labeled before its first run, which scored 84.6%; fixes followed)", DATA / "blind_goals.json"),
    ("Fourth set (written blind, committed before its first run, which scored 87.6%; fixes followed)",
     DATA / "blind2_goals.json"),
    ("Fifth set (written blind, committed before its first run, which scored 88.9%: the honest estimate)",
     DATA / "blind3_goals.json"),
    ("Sixth set, held out (written and labeled by an engineer who never saw the checker; never used to "
     "change it; 95.5% with the checker before the phrase-coverage work, 98.1% after)",
     DATA / "blind4_goals.json"),
    ("Real-world set (154 goals from 47 public sources, labelled by the rubric before its first run, which "
     "scored 92.9%; new sentences of each failing kind were written to fix the rules)",
     DATA / "realworld_goals.json"),
    ("All sets together", None),
)


def report(title: str, path: Path | None, verbose: bool) -> None:
    items = load_labeled(path) if path else [i for _, p in SETS if p for i in load_labeled(p)]
    result = score(items)
    measurable = sum(i["measurable"] for i in items)
    postsecondary = sum(i["kind"] == "postsecondary" for i in items)
    print(f"== {title}")
    print(f"Statements: {result.total} ({measurable} measurable, {postsecondary} postsecondary)")
    print(f"Measurable decision accuracy: {result.accuracy:.1%} ({result.measurable_correct}/{result.total})")
    print(f"Goal kind (annual/postsecondary) accuracy: {result.kind_correct / result.total:.1%}")
    print(f"{'component':<12} {'precision':>9} {'recall':>7}   (for finding that a component is missing)")
    for name in COMPONENTS:
        print(f"{name:<12} {result.precision(name):>9.1%} {result.recall(name):>7.1%}")
    if verbose:
        for error in result.errors:
            print("  disagrees:", error)
    print()


def main() -> int:
    for title, path in SETS:
        report(title, path, "-v" in sys.argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
