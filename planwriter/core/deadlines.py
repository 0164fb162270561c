"""The deadline engine: every due date planwriter states, with its rule, unit, source and certainty.

Federal defaults and notes live in ``resources/timelines.json``; each state's own rules live in
``resources/state_rules/<CODE>.json`` (see ``docs/state-rules.md``). :func:`deadline` is the one
function that decides a due date; letters, "Before you send", the guidance and dates commands,
Dates & log and the meeting packet all word their dates from what it returns.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from planwriter.core.calendar import Count, DayUnit, business_days_between, count_days
from planwriter.core.model import SchoolCalendar
from planwriter.core.paths import resource
from planwriter.core.states import STATE_NAMES, state_name

__all__ = [
    "STATE_NAMES", "DayUnit", "Deadline", "Measure", "NoticeCheck", "StateRule", "StateRuleFile",
    "add_days", "deadline", "due_date", "placement_notice_check", "state_name", "state_rules",
    "timelines",
]

log = logging.getLogger(__name__)

UNIT_WORDS = {DayUnit.CALENDAR: "calendar", DayUnit.SCHOOL: "school", DayUnit.BUSINESS: "business"}


class Measure(StrEnum):
    """What a clock measures: what must have happened by the due date."""

    ANSWER_REQUEST = "answer_request"
    EVALUATION_DONE = "evaluation_done"
    ELIGIBILITY_DECIDED = "eligibility_decided"
    IEP_MEETING_HELD = "iep_meeting_held"
    IEP_IN_PLACE = "iep_in_place"
    RECORDS_PROVIDED = "records_provided"
    MEETING_HELD = "meeting_held"
    DECISION_ISSUED = "decision_issued"
    NOTICE_BEFORE = "notice_before"


#: "... until the school must <words>" (in the GUI, the CLI and the .ics descriptions).
MEASURE_WORDS: dict[Measure, str] = {
    Measure.ANSWER_REQUEST: "answer the request",
    Measure.EVALUATION_DONE: "finish the evaluation",
    Measure.ELIGIBILITY_DECIDED: "finish the evaluation and decide eligibility",
    Measure.IEP_MEETING_HELD: "hold the IEP meeting",
    Measure.IEP_IN_PLACE: "finish the evaluation, decide eligibility and have the IEP in place",
    Measure.RECORDS_PROVIDED: "let you see the records",
    Measure.MEETING_HELD: "hold the meeting",
    Measure.DECISION_ISSUED: "issue a written decision",
    Measure.NOTICE_BEFORE: "the first day your child may leave the public school",
}

Topic = Literal[
    "evaluation_request_response", "initial_evaluation", "eligibility_to_iep", "records_access",
    "iep_meeting_request", "section_504_evaluation", "iee_response", "prior_written_notice",
    "assessment_request_response",
]
#: Every state file covers these, as a rule or in ``not_found`` (docs/state-rules.md).
REQUIRED_TOPICS = ("evaluation_request_response", "initial_evaluation", "eligibility_to_iep", "records_access")
StartsFrom = Literal["request", "referral", "consent", "eligibility", "receipt"]


# --------------------------------------------------------------------------- federal table


class TimeRule(BaseModel):
    """A federal rule: ``amount`` days of ``unit`` from ``starts`` until the school must do ``measures``."""

    model_config = ConfigDict(extra="forbid")

    amount: int = Field(gt=0)
    unit: DayUnit
    source: str
    url: str = ""
    measures: Measure
    starts_from: StartsFrom = "receipt"
    starts: str = "the day the school receives the letter"
    #: 34 CFR 300.148(d)(1)(ii) counts weekday holidays as business days.
    holidays_count: bool = False
    confidence: str = "high"
    note: str = ""


class Timeline(BaseModel):
    """One kind of deadline (e.g. access to records): the federal rule or, where it sets no number, a note."""

    model_config = ConfigDict(extra="forbid")

    title: str
    federal: TimeRule | None = None
    federal_note: str = ""
    #: The topic in ``resources/state_rules/*.json`` whose state rules replace the federal one.
    state_topic: str | None = None

    @property
    def states(self) -> dict[str, TimeRule]:
        """The state rules for this timeline, in the federal rule's shape (code → rule)."""
        out: dict[str, TimeRule] = {}
        for code, table in state_rules().items():
            rule = table.rule(self.state_topic) if self.state_topic else None
            if rule is not None:
                out[code] = rule.as_time_rule()
        return out


class TimelineTable(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timelines: dict[str, Timeline]


@cache
def timelines() -> TimelineTable:
    """The shipped table ``resources/timelines.json``, validated."""
    raw = json.loads(resource("timelines.json").read_text(encoding="utf-8"))
    return TimelineTable.model_validate(raw)


# --------------------------------------------------------------------------- state rules


class BreakRule(BaseModel):
    """A state's rule that long school breaks do not count (e.g. Cal. Educ. Code 56043)."""

    model_config = ConfigDict(extra="forbid")

    min_school_days: int = Field(ge=0)
    citation: str
    url: str


class SummerDue(BaseModel):
    """A state's fixed summer due date, for a school-day count that reaches the last day of school.

    When at least ``min_school_days`` (but fewer than the rule's amount) of the count fall inside
    the school year, the due date is ``month``/``day`` of the year that school year ends in (Texas:
    June 30, 19 TAC 89.1011; the rule's ``summer`` text words it). ``citation`` and ``url`` default
    to the rule's own.
    """

    model_config = ConfigDict(extra="forbid")

    min_school_days: int = Field(gt=0)
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    citation: str = ""
    url: str = ""


class SourceKind(StrEnum):
    """The kind of page a state rule was read on."""

    RULE_TEXT = "rule_text"
    STATE_AGENCY = "state_agency"
    PARENT_CENTRE = "parent_centre"


class StateRule(BaseModel):
    """One state rule, as ``docs/state-rules.md`` describes it."""

    model_config = ConfigDict(extra="forbid")

    topic: Topic
    measures: Measure
    amount: int = Field(gt=0)
    unit: DayUnit
    starts_from: StartsFrom
    starts: str = ""  # "" → a phrase from starts_from (see :attr:`start_phrase`)
    ends: str = ""
    citation: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")
    #: What kind of page the rule was read on (rule_text, state_agency, parent_centre).
    source_kind: SourceKind
    excludes_breaks: BreakRule | None = None
    summer: str = ""
    #: The summer rule in a form the engine can compute (only where ``summer`` states one precisely).
    summer_due: SummerDue | None = None
    note: str = ""

    @property
    def start_phrase(self) -> str:
        return self.starts.strip() or _START_PHRASES[self.starts_from]

    def as_time_rule(self) -> TimeRule:
        return TimeRule(amount=self.amount, unit=self.unit, source=self.citation, url=self.url,
                        measures=self.measures, starts_from=self.starts_from, starts=self.start_phrase,
                        note=self.note)


_START_PHRASES = {
    "request": "the day the school receives the request",
    "referral": "the day the school receives the referral",
    "consent": "the day the school receives your signed consent",
    "eligibility": "the day of the eligibility decision",
    "receipt": "the day the school receives it",
}


class StateRuleFile(BaseModel):
    """``resources/state_rules/<CODE>.json``: one jurisdiction's rules and the topics searched in vain."""

    model_config = ConfigDict(extra="forbid")

    code: str
    name: str
    rules: list[StateRule] = Field(default_factory=list)
    not_found: list[Topic] = Field(default_factory=list)
    #: Why a topic in ``not_found`` has no state rule (what was seen, and why it is not used).
    not_found_notes: dict[Topic, str] = Field(default_factory=dict)
    checked_on: dt.date

    @model_validator(mode="after")
    def _complete(self) -> StateRuleFile:
        if self.code not in STATE_NAMES:
            raise ValueError(f"{self.code!r} is not a USPS code of a state, DC or territory")
        covered = {r.topic for r in self.rules} | set(self.not_found)
        missing = [t for t in REQUIRED_TOPICS if t not in covered]
        if missing:
            raise ValueError(f"{self.code}: topics neither in rules nor in not_found: {', '.join(missing)}")
        return self

    def rule(self, topic: str) -> StateRule | None:
        return next((r for r in self.rules if r.topic == topic), None)


_rules_dir_override: Path | None = None


def state_rules_dir() -> Path:
    """Where the state rule files are read from: ``resources/state_rules``, unless
    ``PLANWRITER_STATE_RULES_DIR`` names another folder (the test suite's fixed fixture rules)."""
    if _rules_dir_override is not None:
        return _rules_dir_override
    chosen = os.environ.get("PLANWRITER_STATE_RULES_DIR")
    return Path(chosen) if chosen else resource("state_rules")


@contextmanager
def use_state_rules(directory: Path | None) -> Iterator[None]:
    """Read state rules from ``directory`` inside the ``with`` block (tests use small fixture files)."""
    global _rules_dir_override
    before = _rules_dir_override
    _rules_dir_override = directory
    _load_state_rules.cache_clear()
    try:
        yield
    finally:
        _rules_dir_override = before
        _load_state_rules.cache_clear()


def load_state_rule_file(path: Path) -> StateRuleFile:
    """Read and validate one state file; raises ``ValueError`` (with the file name) when it is wrong."""
    try:
        table = StateRuleFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as error:
        raise ValueError(f"{path.name}: {error}") from None
    if table.code != path.stem.upper():
        raise ValueError(f"{path.name}: the file holds the rules of {table.code}")
    return table


@cache
def _load_state_rules(directory: Path) -> tuple[dict[str, StateRuleFile], tuple[str, ...]]:
    out: dict[str, StateRuleFile] = {}
    problems: list[str] = []
    if not directory.is_dir():
        return out, ()
    for path in sorted(directory.glob("*.json")):
        try:
            table = load_state_rule_file(path)
        except ValueError as error:
            # A broken file must not stop the app: that state falls back to the federal defaults.
            problems.append(str(error))
            log.warning("Skipped a state rules file: %s", error)
            continue
        out[table.code] = table
    return out, tuple(problems)


def state_rules() -> dict[str, StateRuleFile]:
    """Every valid state rule file, by USPS code (invalid ones are skipped; see :func:`state_rule_problems`)."""
    return _load_state_rules(state_rules_dir())[0]


def state_rule_problems() -> list[str]:
    """Why state files were skipped at load (empty when all of them are valid)."""
    return list(_load_state_rules(state_rules_dir())[1])


# --------------------------------------------------------------------------- the engine


@dataclass(frozen=True)
class RuleView:
    """The rule behind a due date in the old ``DueDate.rule`` shape (amount, unit, source, starts, note)."""

    amount: int
    unit: DayUnit
    source: str
    starts: str
    note: str = ""


@dataclass(frozen=True)
class Deadline:
    """What :func:`deadline` decided for one clock.

    ``date`` is ``None`` when neither the state nor federal law sets a number of days (``law_note``
    then says what the law does require). ``state`` is the code whose rule applied (``None`` for the
    federal default); ``asked_state`` is the case's state. ``estimate`` is true when the real date
    may differ, and ``estimate_reason`` says why.
    """

    topic: str
    title: str
    start: dt.date
    date: dt.date | None
    amount: int | None = None
    unit: DayUnit | None = None
    measures: Measure | None = None
    starts_from: str = ""
    starts: str = ""
    ends: str = ""
    citation: str = ""
    url: str = ""
    state: str | None = None
    asked_state: str | None = None
    state_searched: bool = False  # the state's file says no state rule was found for this topic
    estimate_reasons: tuple[str, ...] = ()
    skipped_breaks: tuple[tuple[dt.date, dt.date], ...] = ()
    note: str = ""
    law_note: str = ""
    break_rule: BreakRule | None = None
    #: The count reached the last day of the school year entered (``date`` is then ``None``, or the
    #: state's fixed summer date when ``summer_rule`` is true).
    year_end: dt.date | None = None
    counted_by_year_end: int = 0
    summer_rule: bool = False  # the date is the state's fixed summer date (e.g. Texas, June 30)
    summer_text: str = ""  # the state's summer rule, in words (from its state file)

    @property
    def pending(self) -> bool:
        """True when the clock runs on into the next school year and its date is not known yet."""
        return self.date is None and self.year_end is not None

    # ---------------------------------------------------------------- facts
    @property
    def has_date(self) -> bool:
        return self.date is not None

    @property
    def state_rule(self) -> bool:
        return self.state is not None

    @property
    def federal_default(self) -> bool:
        return self.has_date and self.state is None

    @property
    def estimate(self) -> bool:
        return bool(self.estimate_reasons)

    @property
    def exact(self) -> bool:
        return self.has_date and not self.estimate

    @property
    def estimate_reason(self) -> str:
        return "; ".join(self.estimate_reasons)

    @property
    def timeline(self) -> str:  # the old DueDate name
        return self.topic

    @property
    def rule(self) -> RuleView | None:
        if self.amount is None or self.unit is None:
            return None
        return RuleView(self.amount, self.unit, self.citation, self.starts, self.note)

    # ---------------------------------------------------------------- words
    @property
    def label(self) -> str:
        """``Texas rule`` or ``federal default`` ("" when no rule sets a date)."""
        if self.state:
            return f"{state_name(self.state)} rule"
        return "federal default" if self.has_date else ""

    @property
    def days_text(self) -> str:
        """``15 school days``."""
        if self.amount is None or self.unit is None:
            return ""
        return f"{self.amount} {UNIT_WORDS[self.unit]} day{'s' if self.amount != 1 else ''}"

    @property
    def measures_text(self) -> str:
        return MEASURE_WORDS[self.measures] if self.measures else ""

    @property
    def rule_text(self) -> str:
        """How the date is worked out, in one line (no date): rule, unit, label, citation."""
        if not self.has_date:
            return self.law_note
        text = f"{self.days_text} from {self.starts}"
        if self.measures_text:
            text += f" to {self.measures_text}"
        text += f" ({self.label}, {self.citation})"
        if self.summer_rule and self.year_end is not None:
            text += (f"; only {self.counted_by_year_end} of them fall before the last day of school "
                     f"({self.year_end.isoformat()}), so the {state_name(self.state)} summer rule sets the date: "
                     f"{self.summer_text.rstrip('.')}")
        if self.state is None and self.asked_state:
            name = state_name(self.asked_state)
            if self.state_searched:
                text += f"; no {name} rule for this was found, so the federal default applies"
            else:
                text += f"; planwriter has no {name} rule for this, so the federal default applies"
        if self.break_rule is not None and self.skipped_breaks:
            spans = ", ".join(_span(a, b) for a, b in self.skipped_breaks)
            text += (f"; school breaks longer than {self.break_rule.min_school_days} school days are not "
                     f"counted ({self.break_rule.citation}): skipped {spans}")
        if self.unit == DayUnit.BUSINESS and self.topic == "private_placement_notice":
            text += "; weekdays that are holidays count as business days"
        elif self.unit == DayUnit.BUSINESS:
            text += "; business days skip weekends and federal and state holidays"
        return text

    @property
    def explanation(self) -> str:
        """:attr:`rule_text` plus, for an estimate, why the real date may differ."""
        text = self.rule_text
        if self.estimate:
            text += f"; this date is an estimate: {self.estimate_reason}"
        return text

    def as_json(self) -> dict[str, object]:
        return {
            "topic": self.topic,
            "title": self.title,
            "start": self.start.isoformat(),
            "date": self.date.isoformat() if self.date else None,
            "amount": self.amount,
            "unit": self.unit.value if self.unit else None,
            "measures": self.measures.value if self.measures else None,
            "starts_from": self.starts_from,
            "citation": self.citation,
            "url": self.url,
            "state": self.state,
            "state_rule": self.state_rule,
            "federal_default": self.federal_default,
            "estimate": self.estimate,
            "estimate_reason": self.estimate_reason,
            "explanation": self.explanation,
            "law_note": self.law_note,
            "pending": self.pending,
            "summer_rule": self.summer_rule,
        }


def _pending_note(amount: int, unit: DayUnit, counted: int, year_end: dt.date, state: str | None,
                  summer: str) -> str:
    """Why a count that reached the last day of school has no date yet, in plain words."""
    unit_words = f"{UNIT_WORDS[unit]} day{'s' if amount != 1 else ''}"
    days_word = "school days" if unit == DayUnit.SCHOOL else "days"
    text = (f"Only {counted} of the {amount} {unit_words} fall before the last day of the school year you "
            f"entered ({year_end.isoformat()}). Summer break days do not count, so the clock goes on when the "
            f"next school year starts: the date cannot be worked out until that year's first day is known "
            f"(the remaining {amount - counted} {days_word} count from then).")
    if summer:
        text += f" {state_name(state)}'s summer rule: {summer}"
    return text


def _span(first: dt.date, last: dt.date) -> str:
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()} to {last.isoformat()}"


def deadline(
    topic: str,
    start: dt.date,
    state: str | None = None,
    calendar: SchoolCalendar | None = None,
) -> Deadline:
    """The due date of clock ``topic`` started on ``start``, in ``state`` (a USPS code), counting
    school days on ``calendar`` when given.

    The state's rule applies where ``resources/state_rules/<state>.json`` has one for the topic;
    otherwise the federal default from ``resources/timelines.json``. ``Deadline.date`` is ``None``
    when neither sets a number of days. Raises ``KeyError`` for an unknown topic.
    """
    timeline = timelines().timelines.get(topic)
    if timeline is None:
        raise KeyError(f"unknown timeline {topic!r}")
    code = (state or "").strip().upper() or None
    table = state_rules().get(code) if code else None
    state_rule = table.rule(timeline.state_topic) if table is not None and timeline.state_topic else None
    searched = bool(table is not None and timeline.state_topic and timeline.state_topic in table.not_found)
    if state_rule is not None:
        breaks = state_rule.excludes_breaks
        count = count_days(start, state_rule.amount, state_rule.unit, code, calendar,
                           skip_breaks_over=breaks.min_school_days if breaks else None)
        date, law_note, summer_rule = count.date, "", False
        citation, url = state_rule.citation, state_rule.url
        if date is None and count.year_end is not None:
            fixed = state_rule.summer_due
            if (fixed is not None and state_rule.unit == DayUnit.SCHOOL
                    and fixed.min_school_days <= count.counted_by_year_end < state_rule.amount):
                date = dt.date(count.year_end.year, fixed.month, fixed.day)
                summer_rule = True
                citation, url = fixed.citation or citation, fixed.url or url
            else:
                law_note = _pending_note(state_rule.amount, state_rule.unit, count.counted_by_year_end,
                                         count.year_end, code, state_rule.summer)
        return Deadline(
            topic=topic, title=timeline.title, start=start, date=date, amount=state_rule.amount,
            unit=state_rule.unit, measures=state_rule.measures, starts_from=state_rule.starts_from,
            starts=state_rule.start_phrase, ends=state_rule.ends, citation=citation, url=url,
            state=code, asked_state=code, estimate_reasons=count.reasons, skipped_breaks=count.skipped_breaks,
            note=state_rule.note, break_rule=breaks, law_note=law_note, year_end=count.year_end,
            counted_by_year_end=count.counted_by_year_end, summer_rule=summer_rule, summer_text=state_rule.summer,
        )
    rule = timeline.federal
    if rule is None:
        note = timeline.federal_note
        if code and timeline.state_topic:
            who = "no rule was found" if searched else "planwriter has no rule"
            note += f" (For {state_name(code)}, {who} of its own, so this federal default applies.)"
        return Deadline(topic=topic, title=timeline.title, start=start, date=None, asked_state=code,
                        state_searched=searched, law_note=note.strip())
    count: Count = count_days(start, rule.amount, rule.unit, code, calendar, holidays_count=rule.holidays_count)
    law_note = ""
    if count.date is None and count.year_end is not None:
        law_note = _pending_note(rule.amount, rule.unit, count.counted_by_year_end, count.year_end, None, "")
    return Deadline(
        topic=topic, title=timeline.title, start=start, date=count.date, amount=rule.amount, unit=rule.unit,
        measures=rule.measures, starts_from=rule.starts_from, starts=rule.starts, citation=rule.source,
        url=rule.url, state=None, asked_state=code if timeline.state_topic else None, state_searched=searched,
        estimate_reasons=count.reasons, note=rule.note, law_note=law_note, year_end=count.year_end,
        counted_by_year_end=count.counted_by_year_end,
    )


def due_date(timeline_id: str, start: dt.date, state: str | None = None) -> Deadline | None:
    """Compatible wrapper of :func:`deadline`: ``None`` when no rule sets a number of days."""
    found = deadline(timeline_id, start, state)
    return found if found.has_date else None


def add_days(start: dt.date, amount: int, unit: DayUnit | str, state: str | None = None) -> dt.date:
    """The date ``amount`` days of ``unit`` after ``start`` without a school calendar (see
    :func:`planwriter.core.calendar.count_days` for the count that also says whether it is an estimate)."""
    found = count_days(start, amount, unit, state).date
    assert found is not None  # without a calendar a count always ends
    return found


# --------------------------------------------------------------------------- private placement


#: 34 CFR 300.148(d)(1)(ii): written notice at least 10 business days (counting weekday holidays)
#: before removing the child, or reimbursement may be reduced or denied.
PLACEMENT_NOTICE_DAYS = 10
PLACEMENT_NOTICE_SOURCE = "34 CFR 300.148(d)(1)(ii)"


@dataclass(frozen=True)
class NoticeCheck:
    """Whether a private-placement notice given on ``notice_date`` comes early enough for ``removal_date``."""

    notice_date: dt.date
    removal_date: dt.date
    business_days: int  # business days after the notice up to and including the removal date
    earliest_removal: dt.date

    @property
    def enough(self) -> bool:
        return self.business_days >= PLACEMENT_NOTICE_DAYS

    @property
    def warning(self) -> str:
        """A sentence for the Letters page and the CLI ("" when the notice is early enough)."""
        if self.enough:
            return ""
        return (f"Only {self.business_days} business day{'s' if self.business_days != 1 else ''} remain between "
                f"this notice ({self.notice_date.isoformat()}) and the enrollment date "
                f"({self.removal_date.isoformat()}). {PLACEMENT_NOTICE_SOURCE} asks for written notice at least "
                f"{PLACEMENT_NOTICE_DAYS} business days (weekday holidays count) before the child leaves the "
                f"public school, or reimbursement may be reduced or denied. The earliest date that gives "
                f"{PLACEMENT_NOTICE_DAYS} business days is {self.earliest_removal.isoformat()}.")

    def as_json(self) -> dict[str, object]:
        return {"notice_date": self.notice_date.isoformat(), "removal_date": self.removal_date.isoformat(),
                "business_days": self.business_days, "enough": self.enough,
                "earliest_removal": self.earliest_removal.isoformat(), "warning": self.warning,
                "source": PLACEMENT_NOTICE_SOURCE}


def placement_notice_check(notice_date: dt.date, removal_date: dt.date) -> NoticeCheck:
    """Count business days from the notice to the removal as 34 CFR 300.148(d)(1)(ii) does."""
    return NoticeCheck(
        notice_date=notice_date,
        removal_date=removal_date,
        business_days=business_days_between(notice_date, removal_date, holidays_count=True),
        earliest_removal=count_days(notice_date, PLACEMENT_NOTICE_DAYS, DayUnit.BUSINESS,
                                    holidays_count=True).date or removal_date,
    )
