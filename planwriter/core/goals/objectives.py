"""Short-term objectives: evenly spaced steps from the baseline to the target, one per reporting period."""

from __future__ import annotations

import datetime as dt
import re

from planwriter.core.goals.composer import condition_words, consistency_words, long_date
from planwriter.core.model import Goal, Objective

_NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)(\s*%)?(?:\s+(?:out\s+)?of\s+(\d+(?:\.\d+)?))?")

#: Reporting schedules in words → reports per year.
_SCHEDULES: tuple[tuple[str, int], ...] = (
    (r"\bmonth", 10),
    (r"\bsix[- ]week|\b6[- ]week", 6),
    (r"\bnine[- ]week|\b9[- ]week|\bquarter|\breport\s+cards?\b|\bgrading\s+period", 4),
    (r"\btrimester|\bthree\s+times", 3),
    (r"\bsemester|\btwice", 2),
)


def reports_per_year(reporting: str) -> int:
    """How many progress reports a schedule in words means (default: quarterly)."""
    text = reporting.lower()
    every = re.search(r"every\s+(\d+)\s+weeks", text)
    if every and int(every.group(1)) > 0:
        return max(1, min(12, round(36 / int(every.group(1)))))
    for pattern, count in _SCHEDULES:
        if re.search(pattern, text):
            return count
    return 4


def parse_level(text: str) -> tuple[float, str, str] | None:
    """``"16 of 20"`` → (16, "", " of 20"); ``"80%"`` → (80, "%", ""); ``"42"`` → (42, "", "")."""
    match = _NUMBER.search(text or "")
    if not match:
        return None
    value = float(match.group(1))
    percent = "%" if match.group(2) else ""
    total = f" of {_tidy(float(match.group(3)))}" if match.group(3) else ""
    return value, percent, total


def _tidy(value: float) -> str:
    return str(round(value)) if abs(value - round(value)) < 1e-9 else f"{value:.1f}"


def report_dates(start: dt.date, end: dt.date, count: int) -> list[dt.date]:
    """``count`` dates evenly spaced after ``start``, the last one on ``end``."""
    if end <= start:
        end = start + dt.timedelta(days=365)
    span = (end - start).days
    return [start + dt.timedelta(days=round(span * k / count)) for k in range(1, count + 1)]


def generate(goal: Goal, name: str = "", *, start: dt.date | None = None,
             annual_review: dt.date | None = None) -> list[Objective]:
    """Objectives for each reporting period before the goal date, stepping from baseline to target.

    Returns an empty list when the baseline or the target has no number to step between.
    """
    base = parse_level(goal.baseline.value)
    target = parse_level(goal.criterion.target_value)
    if base is None or target is None or not goal.behavior.strip():
        return []
    start = start or goal.baseline.date or dt.date.today()
    end = goal.timeframe_date or (annual_review if goal.by_annual_review else None) or annual_review
    end = end or start + dt.timedelta(days=365)
    count = reports_per_year(goal.reporting)
    dates = report_dates(start, end, count)
    unit = goal.criterion.unit.strip() or goal.baseline.unit.strip()
    name = name.strip() or "the student"
    behavior = goal.behavior.strip().rstrip(".")
    condition = condition_words(goal.condition)
    consistency = consistency_words(goal.criterion.consistency)
    integer = all(float(v).is_integer() for v in (base[0], target[0]))
    objectives: list[Objective] = []
    for step, date in enumerate(dates[:-1], start=1):
        value = base[0] + (target[0] - base[0]) * step / count
        value = round(value) if integer else round(value, 1)
        level = _tidy(value) + target[1] + target[2]
        lead = f"By {long_date(date)}" + (f", {condition}" if condition else "")
        text = f"{lead}, {name} will {behavior}, reaching {' '.join(p for p in (level, unit) if p)}"
        if consistency:
            text += f" {consistency}"
        objectives.append(Objective(by_date=date, text=text + "."))
    return objectives


def describe_schedule(goal: Goal) -> str:
    count = reports_per_year(goal.reporting)
    return goal.reporting.strip() or f"{count} progress reports a year"
