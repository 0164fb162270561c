"""Key dates of a case: every date that matters, past and coming, with how it was worked out.

This is the one list that the Dates & log page, ``planwriter-cli dates``, the meeting packet and the
case library show. Nothing else decides which dates a case has or whether one is overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from planwriter.core.deadlines import Measure, deadline
from planwriter.core.model import Case, LogEntry, PlanStatus


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


#: Federal rules behind the dates planwriter adds on its own (read in the regulation text).
ANNUAL_REVIEW_SOURCE = "34 CFR 300.324(b)(1)(i)"  # the IEP is reviewed at least once a year
REEVALUATION_SOURCE = "34 CFR 300.303(b)"  # reevaluation at least once every 3 years
PROGRESS_REPORT_SOURCE = "34 CFR 300.320(a)(3)(ii)"  # periodic progress reports as the IEP states


#: What the evaluation clock ends with, as the state counts it (the title of the evaluation due date).
_EVALUATION_TITLES = {
    Measure.EVALUATION_DONE: "Evaluation due",
    Measure.ELIGIBILITY_DECIDED: "Evaluation and eligibility decision due",
    Measure.IEP_MEETING_HELD: "Evaluation and IEP meeting due",
    Measure.IEP_IN_PLACE: "Evaluation, eligibility decision and IEP due",
}


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # February 29
        return day.replace(year=day.year + years, day=28)


def _from_engine(topic: str, start: dt.date, case: Case, title: str, kind: DateKind, today: dt.date,
                 done: bool, log_entry_id: str | None = None) -> KeyDate | None:
    found = deadline(topic, start, case.child.state or None, case.school_calendar)
    if found.date is None:
        return None
    return KeyDate(
        date=found.date, title=title, kind=kind, rule=found.rule_text, source=found.citation,
        state_rule=found.state_rule, estimate=found.estimate, estimate_reason=found.estimate_reason,
        done=done, overdue=not done and found.date < today, log_entry_id=log_entry_id,
    )


def _computed(case: Case, today: dt.date) -> list[KeyDate]:
    """Dates worked out from the entered ones by the deadline engine and the federal rules."""
    k = case.key_dates
    out: list[KeyDate] = []
    evaluated = k.eligibility_date is not None

    def add(item: KeyDate | None) -> None:
        if item is not None:
            out.append(item)

    if k.request_date is not None:
        answered = k.consent_date is not None or evaluated
        add(_from_engine("evaluation_request_response", k.request_date, case,
                         "Answer to the evaluation request due", DateKind.ANSWER_DUE, today, answered))
    clock = deadline("initial_evaluation", k.consent_date or k.request_date or today,
                     case.child.state or None, case.school_calendar)
    start = k.consent_date if clock.starts_from == "consent" else (k.request_date or k.consent_date)
    if start is not None and clock.has_date:
        title = _EVALUATION_TITLES.get(clock.measures, "Evaluation due") if clock.measures else "Evaluation due"
        add(_from_engine("initial_evaluation", start, case, title, DateKind.EVALUATION_DUE, today, evaluated))
    if k.eligibility_date is not None:
        held = k.iep_date is not None and k.iep_date >= k.eligibility_date
        add(_from_engine("eligibility_to_iep", k.eligibility_date, case, "First IEP meeting due",
                         DateKind.IEP_MEETING_DUE, today, held))
    has_iep = case.plan_status == PlanStatus.IEP
    if has_iep and k.iep_date is not None and k.annual_review_date is None:
        due = _years_later(k.iep_date, 1)
        out.append(KeyDate(date=due, title="Annual review due", kind=DateKind.ANNUAL_REVIEW,
                           rule="one year after the current IEP, which the team must review at least once a year",
                           source=ANNUAL_REVIEW_SOURCE, overdue=due < today))
    last_eval = k.last_evaluation_date or (k.eligibility_date if has_iep else None)
    if has_iep and last_eval is not None and k.reevaluation_date is None:
        due = _years_later(last_eval, 3)
        out.append(KeyDate(date=due, title="Three-year reevaluation due", kind=DateKind.REEVALUATION,
                           rule="three years after the last evaluation, unless you and the school agree "
                                "in writing that it is not needed",
                           source=REEVALUATION_SOURCE, overdue=due < today))
    for day in sorted(set(case.school_calendar.progress_report_dates)):
        out.append(KeyDate(date=day, title="Progress report", kind=DateKind.PROGRESS_REPORT,
                           rule="the reporting schedule in the IEP", source=PROGRESS_REPORT_SOURCE,
                           done=day < today))
    return out


def _answer_due(entry: LogEntry, case: Case, today: dt.date) -> KeyDate | None:
    done = entry.response_received is not None
    title = f"Answer due: {entry.title or 'letter'}"
    if entry.timeline:
        # Worked out again, so a changed state or school calendar moves the date.
        try:
            item = _from_engine(entry.timeline, entry.date, case, title, DateKind.ANSWER_DUE, today, done,
                                entry.id)
        except KeyError:
            item = None
        if item is not None:
            return item
    if entry.response_due is None:
        return None
    return KeyDate(date=entry.response_due, title=title, kind=DateKind.ANSWER_DUE, rule=entry.response_rule,
                   done=done, overdue=not done and entry.response_due < today, log_entry_id=entry.id)


def pending_dates(case: Case) -> list[tuple[str, str]]:
    """Clocks of ``case`` that run on into the next school year, so their date is not known yet:
    (title, why in plain words) pairs, for the dates command and the Dates & log page."""
    k = case.key_dates
    out: list[tuple[str, str]] = []
    state = case.child.state or None
    if k.request_date is not None and k.consent_date is None and k.eligibility_date is None:
        found = deadline("evaluation_request_response", k.request_date, state, case.school_calendar)
        if found.pending:
            out.append(("Answer to the evaluation request due", found.law_note))
    clock = deadline("initial_evaluation", k.consent_date or k.request_date or dt.date(2000, 1, 1), state,
                     case.school_calendar)
    start = k.consent_date if clock.starts_from == "consent" else (k.request_date or k.consent_date)
    if start is not None and k.eligibility_date is None:
        found = deadline("initial_evaluation", start, state, case.school_calendar)
        if found.pending:
            title = _EVALUATION_TITLES.get(found.measures, "Evaluation due") if found.measures else "Evaluation due"
            out.append((title, found.law_note))
    return out


def key_dates(case: Case, today: dt.date) -> list[KeyDate]:
    """Every key date of ``case`` in date order, with ``overdue`` judged against ``today``.

    The dates the family entered come as they are. The deadline engine adds: the answer to a
    written evaluation request and the evaluation due date (under the state's rule, from consent
    or from the referral as the state counts it), the first IEP meeting after eligibility, the
    annual review (one year after the IEP) and the three-year reevaluation for a child with an
    IEP, progress reports from the school calendar, and the answer due for every letter logged
    as sent (worked out again by the engine; done once an answer is recorded).
    """
    out: list[KeyDate] = []
    for field_name, kind, title, is_deadline in _ENTERED:
        value = getattr(case.key_dates, field_name)
        if value is None:
            continue
        out.append(KeyDate(date=value, title=title, kind=kind, overdue=is_deadline and value < today))
    out.extend(_computed(case, today))
    for entry in case.correspondence:
        item = _answer_due(entry, case, today)
        if item is not None:
            out.append(item)
    out.sort(key=lambda d: (d.date, d.title))
    return out
