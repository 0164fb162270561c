"""Writes one clear goal statement from the builder's fields, with graceful wording for missing parts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from planwriter.core.model import Baseline, Criterion, Goal, Measurement, Objective

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_CONDITION_OPENERS = re.compile(
    r"^(?:given|when|during|using|with|without|in|at|after|before|while|on|from|upon|across|throughout|for)\b", re.I
)
_CONSISTENCY_OPENERS = re.compile(r"^(?:on|in|across|over|for|during|at|each|every|within|by|with)\b", re.I)
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_DECREASE = re.compile(r"\b(?:decreas\w*|reduc\w*|fewer|less|no more than|lower)\b", re.I)

#: Shown in the builder in place of a part that is not filled in yet.
PLACEHOLDERS = {
    "timeframe": "[by when]",
    "condition": "[given what]",
    "behavior": "[what the child will do]",
    "target": "[target]",
    "measurement": "[how it will be measured]",
}


def long_date(value: dt.date) -> str:
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"


def timeframe_words(goal: Goal, annual_review: dt.date | None = None) -> str:
    """``By June 12, 2027`` / ``By the annual review`` / the timeframe in words / ``""``."""
    if goal.timeframe_date:
        return f"By {long_date(goal.timeframe_date)}"
    if goal.by_annual_review:
        if annual_review:
            return f"By the annual review ({long_date(annual_review)})"
        return "By the annual review"
    text = goal.timeframe_text.strip().rstrip(",")
    return text[:1].upper() + text[1:] if text else ""


def condition_words(condition: str) -> str:
    text = condition.strip().rstrip(",")
    if not text:
        return ""
    if _CONDITION_OPENERS.match(text):
        return text[:1].lower() + text[1:]
    return f"given {text}"


def _value(value: str, unit: str) -> str:
    return " ".join(p for p in (value.strip(), unit.strip()) if p)


def criterion_words(baseline: Baseline, criterion: Criterion) -> str:
    """``improving from 42 to 90 words correct per minute`` or ``reaching 16 of 20 words correct``."""
    target = criterion.target_value.strip()
    unit = criterion.unit.strip() or baseline.unit.strip()
    if not target:
        return ""
    base = baseline.value.strip()
    if base:
        same_unit = not baseline.unit.strip() or baseline.unit.strip().lower() == unit.lower()
        verb = "reducing" if _is_decrease(base, target, unit) else "improving"
        if same_unit:
            return f"{verb} from {base} to {_value(target, unit)}"
        return f"{verb} from {_value(base, baseline.unit)} to {_value(target, unit)}"
    return f"reaching {_value(target, unit)}"


def _is_decrease(base: str, target: str, unit: str) -> bool:
    a, b = _NUMBER.search(base), _NUMBER.search(target)
    if a and b:
        try:
            return float(b.group(0).replace(",", "")) < float(a.group(0).replace(",", ""))
        except ValueError:
            return False
    return bool(_DECREASE.search(unit))


def consistency_words(consistency: str) -> str:
    text = consistency.strip().rstrip(",.")
    if not text:
        return ""
    if _CONSISTENCY_OPENERS.match(text):
        return text
    if re.search(r"session|trial|opportunit|sample|observation|role play|interview|essay|draft|conversation|"
                 r"transition|recess|period|attempt", text, re.I):
        return f"in {text}"
    return f"on {text}"


def measurement_words(measurement: Measurement) -> str:
    """``DIBELS probes, collected weekly by the special education teacher``."""
    tool = measurement.tool.strip().rstrip(".")
    tail = " ".join(p for p in (measurement.frequency.strip(),
                                f"by {measurement.collector.strip()}" if measurement.collector.strip() else "") if p)
    if tool and tail:
        return f"{tool}, collected {tail}"
    if tool:
        return tool
    if tail:
        return f"data collected {tail}"
    return ""


def baseline_words(baseline: Baseline) -> str:
    """``42 words correct per minute (October 6, 2026; DIBELS 8 fall benchmark)``."""
    main = _value(baseline.value, baseline.unit)
    if not main:
        return ""
    extra = "; ".join(p for p in ((long_date(baseline.date) if baseline.date else ""), baseline.source.strip()) if p)
    return f"{main} ({extra})" if extra else main


def compose(goal: Goal, name: str = "", *, placeholders: bool = False,
            annual_review: dt.date | None = None) -> str:
    """One goal statement from the fields.

    "By <date>, given <condition>, <Name> will <behavior>, improving from <baseline> to <target>
    <consistency>, as measured by <tool>, collected <how often> by <who>."  Missing parts are
    left out (or shown as bracketed prompts with ``placeholders=True``, for the builder).
    """
    if not placeholders and not any((goal.behavior.strip(), goal.condition.strip(), goal.criterion.target_value.strip(),
                                     goal.measurement.tool.strip(), goal.timeframe_date, goal.timeframe_text.strip())):
        return ""
    name = name.strip() or "the student"
    parts: list[str] = []
    when = timeframe_words(goal, annual_review) or (PLACEHOLDERS["timeframe"] if placeholders else "")
    given = condition_words(goal.condition) or (
        PLACEHOLDERS["condition"] if placeholders and not goal.postsecondary else "")
    lead = ", ".join(p for p in (when, given) if p)
    behavior = goal.behavior.strip().rstrip(".")
    if behavior.lower().startswith("will "):
        behavior = behavior[5:]
    behavior = behavior or (PLACEHOLDERS["behavior"] if placeholders else "")
    subject = f"{name} will {behavior}" if behavior else f"{name} will"
    if lead:
        parts.append(f"{lead}, {subject}")
    else:
        parts.append(subject[:1].upper() + subject[1:])
    if not goal.postsecondary:
        level = criterion_words(goal.baseline, goal.criterion)
        if not level and placeholders:
            level = f"reaching {PLACEHOLDERS['target']}"
        if level:
            parts.append(f", {level}")
        consistency = consistency_words(goal.criterion.consistency)
        if consistency:
            parts.append(f" {consistency}")
        measured = measurement_words(goal.measurement) or (PLACEHOLDERS["measurement"] if placeholders else "")
        if measured:
            parts.append(f", as measured by {measured}")
    text = "".join(parts).strip()
    if text.endswith(" will"):
        text = text[: -len(" will")]
    text = re.sub(r"\s+", " ", text).strip(" ,")
    text = text[:1].upper() + text[1:]
    return text + ("" if text.endswith((".", "!", "?")) else ".")


def statement(goal: Goal, name: str = "", *, annual_review: dt.date | None = None) -> str:
    """The goal's words for a document: what the builder composes, else the text typed or pasted."""
    if goal.behavior.strip():
        return compose(goal, name, annual_review=annual_review)
    return goal.statement.strip()


def has_builder_fields(goal: Goal) -> bool:
    return bool(goal.behavior.strip())


# --------------------------------------------------------------------------- templates get plain data


def _clean(value: Any) -> Any:
    """Template data uses stand-ins for empty values; turn every falsy non-number into "" / None."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, bool | int | float | dt.date):
        return value
    if isinstance(value, str):
        return value
    if not value:
        return None
    return str(value)


def goal_from_data(data: Any) -> Goal:
    """A :class:`Goal` from a model or from the plain dict a template sees."""
    if isinstance(data, Goal):
        return data
    raw = _clean(dict(data))
    for key in ("baseline", "criterion", "measurement"):
        if not isinstance(raw.get(key), dict):
            raw.pop(key, None)
        else:
            raw[key] = {k: v for k, v in raw[key].items() if v is not None}
    raw["objectives"] = [
        {k: v for k, v in o.items() if v is not None} for o in raw.get("objectives") or [] if isinstance(o, dict)
    ]
    known = set(Goal.model_fields)
    return Goal.model_validate({k: v for k, v in raw.items() if k in known and v is not None})


def objective_dates(objectives: list[Objective]) -> list[tuple[str, str]]:
    return [(long_date(o.by_date) if o.by_date else "", o.text) for o in objectives if o.text.strip()]
