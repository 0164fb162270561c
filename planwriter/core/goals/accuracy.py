"""Scores the goal checker against a labeled set: accuracy of "measurable" and per-component precision/recall."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwriter.core.goals.checker import COMPONENTS, check_goal


@dataclass
class Score:
    """Agreement between the checker and a labeled set (a component counts as "positive" when missing)."""

    total: int = 0
    measurable_correct: int = 0
    kind_correct: int = 0
    #: component -> [true positives, false positives, false negatives] for "missing".
    counts: dict[str, list[int]] = field(default_factory=lambda: {c: [0, 0, 0] for c in COMPONENTS})
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.measurable_correct / self.total if self.total else 0.0

    def precision(self, component: str) -> float:
        tp, fp, _ = self.counts[component]
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, component: str) -> float:
        tp, _, fn = self.counts[component]
        return tp / (tp + fn) if tp + fn else 1.0


def score(items: list[dict[str, Any]]) -> Score:
    result = Score()
    for item in items:
        check = check_goal(item["text"])
        result.total += 1
        result.kind_correct += check.kind == item["kind"]
        ok = check.measurable == item["measurable"]
        result.measurable_correct += ok
        expected, got = set(item["missing"]), set(check.missing)
        names = COMPONENTS if item["kind"] == "annual" else ("timeframe", "behavior")
        for name in names:
            counts = result.counts[name]
            if name in got and name in expected:
                counts[0] += 1
            elif name in got:
                counts[1] += 1
            elif name in expected:
                counts[2] += 1
        if not ok or expected != got or check.kind != item["kind"]:
            result.errors.append({
                "text": item["text"], "expected": sorted(expected), "got": sorted(got),
                "kind": (item["kind"], check.kind), "measurable": (item["measurable"], check.measurable),
            })
    return result


def load_labeled(path: str | Path) -> list[dict[str, Any]]:
    return json.loads(Path(path).read_text(encoding="utf-8"))
