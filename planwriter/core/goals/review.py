"""The parent's review of the school's goals: one short block per goal, shared questions once.

``review(texts, first_name) -> dict`` is what the goal-review template shows. It checks each goal
(``check_goal``), guesses the goal's area from its words (``guess_area``) so that the suggestion fits
the goal (a social goal gets a social example), and collects the questions for the meeting so that
each question appears once, with the goals it applies to, instead of once per goal.
"""

from __future__ import annotations

import re
from typing import Any

from planwriter.core.goals.checker import COMPONENT_LABELS, check_goal
from planwriter.core.goals.documents import FoundGoal, find_goals

#: Words that mark a goal's area, tried in this order (the first area with a match wins).
_AREA_WORDS: tuple[tuple[str, str], ...] = (
    ("transition", r"after\s+(?:high\s+school|graduation)|college|employ|job|career|postsecondary|apartment|"
                   r"live\s+independently|vocational"),
    ("social", r"\bpeers?\b|friend|greet|conversation|turn[\s-]tak|take\s+turns|play(?:ground)?|recess|social|"
               r"invite|join\s+(?:a|the)\s+(?:game|group)"),
    ("communication", r"articulat|/[a-z]{1,2}/|sounds?\b|intelligib|speech|stutter|fluency\s+strateg|vocabulary|"
                      r"wh-?\s*questions|aac|utterance|sentences?\s+(?:orally|verbally)|language\s+sample"),
    ("behavior", r"on[\s-]task|aggress|tantrum|blurt|calm|coping|self-control|self-regulat|break\s+card|comply|"
                 r"follow\s+(?:adult|teacher|classroom)\s+direction|behavior|hands\s+and\s+feet|elop"),
    ("executive_function", r"planner|agenda|assignments?\s+(?:on\s+time|in)|organiz|homework|study\s+skills|"
                           r"turn\s+in|materials\s+for\s+class|checklist\s+to\s+complete"),
    ("motor", r"scissor|cut\b|cut\s+along|handwriting|letter\s+formation|legib|pencil|button|zip|stairs|"
              r"fine[\s-]motor|gross[\s-]motor|ball\b|keyboard|type\b"),
    ("self_help", r"wash|toilet|dress|brush|hygiene|lunch\s+tray|feed|utensil"),
    ("math", r"math|add\b|addition|subtract|multipl|divid|fraction|equation|coins?|money|dollar|digits|number|"
             r"problems?\b|calculat|count"),
    ("writing", r"\bwrit(?:e|es|ing)\b|paragraph|essay|sentences?\b|capital|punctuat|spell"),
    ("reading", r"read|passage|text|decod|comprehen|main\s+idea|fluency|wcpm|phonics|sight\s+words|retell"),
)


def guess_area(text: str) -> str:
    """The goal's area ("reading", "social", ... or "other"), from its words."""
    low = text.lower()
    for area, pattern in _AREA_WORDS:
        if re.search(pattern, low):
            return area
    return "other"


def _missing_line(result: Any, name: str, used: set[str]) -> str:
    """One line about a missing part: the part's name, and the goal's own words when they explain it (a sentence
    already used for another goal is not repeated; the goal's words are shown instead)."""
    label = COMPONENT_LABELS[name]
    part = result.components[name]
    specific = [f for f in result.findings if f.component == name and f.words and f.severity == "problem"]
    if specific and specific[0].message not in used:
        used.add(specific[0].message)
        return f"{label}: {specific[0].message}"
    if part.words:
        return f"{label}: “{part.words}” is not enough" + (f" ({part.note})" if part.note else "")
    return label


def _worth(result: Any, missing: list[str], used: set[str]) -> list[str]:
    lines = []
    for finding in result.findings:
        if finding.severity == "warning" and finding.component not in missing and finding.words \
                and finding.code != "placeholder" and finding.message not in used:
            used.add(finding.message)
            lines.append(finding.message)
    return lines


def review(texts: Any, first_name: str = "") -> dict[str, Any]:
    """Blocks for the goal review document.

    ``texts`` is the pasted text or a list of lines/goals; it is split into goals as a draft IEP is. Returns
    ``{"goals": [...], "questions": [{"text", "goals"}], "counts": {...}}``; each goal has ``label``,
    ``text``, ``measurable``, ``kind``, ``area``, ``example_index`` (which example of its area to show, so that
    two goals in the same area get different examples), ``missing`` (lines), ``worth`` (lines worth checking),
    ``own_questions`` (questions quoting this goal's words) and ``ask`` (the shared questions' numbers).
    """
    if isinstance(texts, str):
        text = texts
    else:
        text = "\n".join(str(t) for t in (texts or []) if str(t).strip())
    return review_found(find_goals(text), first_name)


def review_found(found: list[FoundGoal], first_name: str = "") -> dict[str, Any]:
    """``review`` for goals already found (``documents.find_goals``), keeping their labels."""
    blocks: list[dict[str, Any]] = []
    shared: dict[str, list[str]] = {}
    seen_area: dict[str, int] = {}
    used: set[str] = set()
    own_seen: set[str] = set()
    for item in found:
        result = check_goal(item.text)
        area = "transition" if result.kind == "postsecondary" else guess_area(item.text)
        index = seen_area.get(area, 0)
        seen_area[area] = index + 1
        missing = [n for n in result.missing if n in result.required]
        own: list[str] = []
        for finding in result.findings:
            if not finding.question:
                continue
            if finding.words and finding.words.lower() in finding.question.lower() \
                    and finding.question not in own_seen:
                own_seen.add(finding.question)
                own.append(finding.question)
            else:
                shared.setdefault(finding.question, [])
                if item.label not in shared[finding.question]:
                    shared[finding.question].append(item.label)
        blocks.append({
            "label": item.label,
            "role": item.role,
            "text": item.text,
            "measurable": result.measurable,
            "kind": result.kind,
            "area": area,
            "example_index": index,
            "missing": [_missing_line(result, n, used) for n in missing],
            "worth": _worth(result, missing, used),
            "baseline_missing": "baseline" in result.missing and result.kind != "postsecondary",
            "placeholder": any(f.code == "placeholder" for f in result.findings),
            "timeframe_words": result.components["timeframe"].words,
            "own_questions": own,
        })
    questions = [{"text": q, "goals": labels} for q, labels in shared.items()]
    numbers = {q["text"]: n for n, q in enumerate(questions, start=1)}
    for block, item in zip(blocks, found, strict=True):
        block["ask"] = [numbers[q] for q, labels in shared.items() if item.label in labels]
    goals = [b for b in blocks if b["role"] == "goal"]
    return {
        "goals": blocks,
        "questions": questions,
        "counts": {"goals": len(goals), "measurable": sum(b["measurable"] for b in goals),
                   "objectives": len(blocks) - len(goals)},
        "first_name": first_name,
    }
