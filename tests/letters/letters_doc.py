"""Builds the table in ``docs/letters.md`` from the letters' metadata (``python tests/letters/letters_doc.py``)."""

from __future__ import annotations

from pathlib import Path

from planwriter.core.deadlines import timelines
from planwriter.render.engine import default_registry
from planwriter.render.registry import GROUP_LABELS, Template

DOC = Path(__file__).resolve().parents[2] / "docs" / "letters.md"
TABLE_START = "| id | title | group | situation | legal basis | response rule |"


def response_text(template: Template) -> str:
    rule = template.meta.response
    if rule is None:
        return "none (the letter asks for no answer by a date)"
    parts = []
    if rule.timeline:
        timeline = timelines().timelines[rule.timeline]
        if timeline.federal:
            f = timeline.federal
            parts.append(f"`{rule.timeline}`: {f.amount} {f.unit} days ({f.source})")
        else:
            parts.append(f"`{rule.timeline}`: no federal number")
        if timeline.state_topic:
            parts.append("or the state's own rule where it has one ([dates](dates.md))")
    if rule.requested_days:
        parts.append(f"asks for an answer within {rule.requested_days} {rule.requested_unit} days")
    return "; ".join(parts)


def table() -> str:
    rows = [TABLE_START, "|---|---|---|---|---|---|"]
    for t in default_registry().letters():
        m = t.meta
        cites = "; ".join(c.cite for c in m.legal_basis)
        rows.append(f"| `{m.id}` | {m.title} | {GROUP_LABELS[m.group]} | {m.situation} | {cites} "
                    f"| {response_text(t)} |")
    return "\n".join(rows)


def updated(text: str) -> str:
    """``text`` with its letters table replaced by a fresh one."""
    start = text.index(TABLE_START)
    end = text.index("\n\n", start)
    return text[:start] + table() + text[end:]


if __name__ == "__main__":
    DOC.write_text(updated(DOC.read_text(encoding="utf-8")), encoding="utf-8")
