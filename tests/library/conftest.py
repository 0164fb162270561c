"""A generated folder of cases for the case library (also used by benchmarks/library.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planwriter.core import casefile
from planwriter.core.model import Case, LogEntry, PlanStatus
from planwriter.core.sample import sample_case

TODAY = dt.date(2026, 11, 28)

FIRST = ["Alex", "Sam", "Maya", "Leo", "Ana", "Noah", "Iris", "Omar", "Lucia", "Ben", "Zoe", "Mateo"]
LAST = ["Rivera", "Chen", "Okafor", "Garcia", "Nguyen", "Smith", "Haddad", "Lopez", "Kim", "Patel"]
SCHOOLS = ["Maple Grove Elementary School", "Cedar Middle School", "Riverside High School", "Oak Park Elementary"]
STATES = ["OR", "CA", "TX", "NY", "WA", "FL"]
PLANS = [PlanStatus.IEP, PlanStatus.PLAN_504, PlanStatus.EVALUATING, PlanStatus.NONE]


def make_case(i: int, today: dt.date = TODAY, base: Case | None = None) -> Case:
    """Case number ``i``: a different child, school, state and plan, and dates around ``today``.

    Case ``i`` has its next meeting ``i % 40 - 5`` days from today, an annual review ``i % 60 + 3``
    days away, and (every third case) a letter sent 50 days ago whose answer was due 5 days ago
    (overdue) or (every third + 1) one whose answer is due in ``i % 10`` days.
    """
    case = (base or sample_case()).model_copy(deep=True)
    case.child.legal_first_name = FIRST[i % len(FIRST)]
    case.child.preferred_name = ""
    case.child.legal_last_name = f"{LAST[i % len(LAST)]}{i}"
    case.child.school = SCHOOLS[i % len(SCHOOLS)]
    case.child.state = STATES[i % len(STATES)]
    case.plan_status = PLANS[i % len(PLANS)]
    case.key_dates.next_meeting_date = today + dt.timedelta(days=i % 40 - 5)
    case.key_dates.annual_review_date = today + dt.timedelta(days=i % 60 + 3)
    case.correspondence = []
    if i % 3 == 0:
        case.correspondence.append(LogEntry(date=today - dt.timedelta(days=50), template_id="records",
                                            title="Request to inspect and copy education records",
                                            response_due=today - dt.timedelta(days=5)))
    elif i % 3 == 1:
        case.correspondence.append(LogEntry(date=today - dt.timedelta(days=2), template_id="iep-meeting",
                                            title="Request for an IEP meeting",
                                            response_due=today + dt.timedelta(days=i % 10)))
    return case


def write_library(folder: Path, count: int, today: dt.date = TODAY, *, broken: bool = True) -> list[Path]:
    """Write ``count`` generated cases into ``folder`` (a third in a subfolder); with ``broken``, add a
    damaged file and one saved by a newer planwriter. Returns the paths of the good cases."""
    base = sample_case()
    paths = []
    for i in range(count):
        where = folder / "families" if i % 3 == 2 else folder
        where.mkdir(parents=True, exist_ok=True)
        path = where / f"case-{i:04d}.pwcase"
        casefile.save(make_case(i, today, base), path, keep_backup=False)
        paths.append(path)
    if broken:
        (folder / "damaged.pwcase").write_text('{"schema_version": 3, "child": ', encoding="utf-8")
        (folder / "families" / "from-the-future.pwcase").parent.mkdir(parents=True, exist_ok=True)
        (folder / "families" / "from-the-future.pwcase").write_text(
            '{"schema_version": 999, "child": {}}', encoding="utf-8")
    return paths


@pytest.fixture
def library_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    write_library(folder, 12)
    return folder
