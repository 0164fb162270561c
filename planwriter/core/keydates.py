"""Key dates of a case: every date that matters, past and coming, with how it was worked out.

This is the one list that the Dates & log page, ``planwriter-cli dates``, the meeting packet and the
case library show. Nothing else decides which dates a case has or whether one is overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from planwriter.core.model import Case


class DateKind(StrEnum):
    """What a key date is about (stable identifiers: they appear in ``dates --json``)."""

    REQUEST = "request"
    CONSENT = "consent"
    EVALUATION_DUE = "evaluation_due"
    LAST_EVALUATION = "last_evaluation"
    ELIGIBILITY = "eligibility"
    IEP_MEETING_DUE = "iep_meeting_due"
    PLAN_DATE = "plan_date"
    MEETING = "meeting"
    ANNUAL_REVIEW = "annual_review"
    REEVALUATION = "reevaluation"
    PROGRESS_REPORT = "progress_report"
    ANSWER_DUE = "answer_due"


@dataclass(frozen=True)
class KeyDate:
    """One date of the case.

    ``rule`` says in words how the date was worked out ("" for a date the family entered);
    ``source`` is the legal citation behind it ("" when none); ``state_rule`` is true when a state's
    rule (not the federal default) set it; ``estimate`` is true when the real date may differ, and
    ``estimate_reason`` says why. ``done`` marks a date that needs nothing more (an answer received,
    a meeting held); ``overdue`` is true for a deadline that has passed and is not done.
    """

    date: dt.date
    title: str
    kind: DateKind
    rule: str = ""
    source: str = ""
    state_rule: bool = False
    estimate: bool = False
    estimate_reason: str = ""
    done: bool = False
    overdue: bool = False
    #: The correspondence-log entry this date belongs to, for answers due.
    log_entry_id: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "date": self.date.isoformat(),
            "title": self.title,
            "kind": self.kind.value,
            "rule": self.rule,
            "source": self.source,
            "state_rule": self.state_rule,
            "estimate": self.estimate,
            "estimate_reason": self.estimate_reason,
            "done": self.done,
            "overdue": self.overdue,
            "log_entry_id": self.log_entry_id,
        }


#: Dates the family enters (KeyDates field → kind, title, whether it is a deadline the school must meet).
_ENTERED: tuple[tuple[str, DateKind, str, bool], ...] = (
    ("request_date", DateKind.REQUEST, "Written request for an evaluation", False),
    ("consent_date", DateKind.CONSENT, "Consent to the evaluation signed", False),
    ("last_evaluation_date", DateKind.LAST_EVALUATION, "Last evaluation", False),
    ("eligibility_date", DateKind.ELIGIBILITY, "Eligibility decision", False),
    ("iep_date", DateKind.PLAN_DATE, "Current IEP or 504 plan", False),
    ("next_meeting_date", DateKind.MEETING, "Next meeting", False),
    ("annual_review_date", DateKind.ANNUAL_REVIEW, "Annual review due", True),
    ("reevaluation_date", DateKind.REEVALUATION, "Reevaluation due", True),
)


def key_dates(case: Case, today: dt.date) -> list[KeyDate]:
    """Every key date of ``case`` in date order, with ``overdue`` judged against ``today``.

    The dates the family entered come as they are; each letter logged as sent adds the date its
    answer is due (as computed when it was logged), done once an answer is recorded.
    """
    out: list[KeyDate] = []
    for field_name, kind, title, is_deadline in _ENTERED:
        value = getattr(case.key_dates, field_name)
        if value is None:
            continue
        out.append(KeyDate(date=value, title=title, kind=kind, overdue=is_deadline and value < today))
    for entry in case.correspondence:
        if entry.response_due is None:
            continue
        done = entry.response_received is not None
        out.append(
            KeyDate(
                date=entry.response_due,
                title=f"Answer due: {entry.title or 'letter'}",
                kind=DateKind.ANSWER_DUE,
                rule=entry.response_rule,
                done=done,
                overdue=not done and entry.response_due < today,
                log_entry_id=entry.id,
            )
        )
    out.sort(key=lambda d: (d.date, d.title))
    return out
