"""Pure functions templates call (``check_goal``, ``goal_view``); they take and return plain data only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planwriter.core.goals import objectives as objectives_mod
from planwriter.core.goals.checker import check_goal
from planwriter.core.goals.composer import (
    baseline_words,
    goal_from_data,
    long_date,
    measurement_words,
    statement,
)
from planwriter.core.model import AREA_LABELS


def _text(value: Any) -> str:
    """Template stand-ins for empty values are falsy; anything falsy becomes ""."""
    return str(value) if value and isinstance(value, str) else ""


def _date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def check_goal_data(text: Any) -> dict[str, Any]:
    """The checker's result for one goal text, as plain dicts and lists (see ``GoalCheck.to_dict``)."""
    result = check_goal(_text(text)).to_dict()
    questions: list[str] = []
    for finding in result["findings"]:
        if finding["question"] and finding["question"] not in questions:
            questions.append(finding["question"])
    result["questions"] = questions
    result["problems"] = [f for f in result["findings"] if f["severity"] == "problem"]
    result["warnings"] = [f for f in result["findings"] if f["severity"] != "problem"]
    return result


def goal_view(goal: Any, name: Any = "", annual_review: Any = None) -> dict[str, Any]:
    """Everything a document shows about one goal, as display strings ("" when unknown)."""
    model = goal_from_data(goal)
    child = _text(name)
    review = _date(annual_review)
    stored = [
        {"date": long_date(o.by_date) if o.by_date else "", "text": o.text, "generated": False}
        for o in model.objectives if o.text.strip()
    ]
    if not stored:
        stored = [
            {"date": long_date(o.by_date) if o.by_date else "", "text": o.text, "generated": True}
            for o in objectives_mod.generate(model, child, annual_review=review)
        ]
    text = statement(model, child, annual_review=review)
    return {
        "area_label": AREA_LABELS[model.area],
        "statement": text,
        "baseline": baseline_words(model.baseline),
        "measurement": measurement_words(model.measurement),
        "reporting": model.reporting.strip(),
        "objectives": stored,
        "postsecondary": model.postsecondary,
        "check": check_goal_data(text),
    }


#: What ``make_environment`` adds to every template's globals.
def goal_review(texts: Any, name: Any = "") -> dict[str, Any]:
    """The school's goals, split and checked for the review document (see ``review.review``)."""
    from planwriter.core.goals.review import review

    return review(texts if isinstance(texts, (str, list, tuple)) else "", _text(name))


TEMPLATE_GLOBALS = {"check_goal": check_goal_data, "goal_view": goal_view, "goal_review": goal_review}
