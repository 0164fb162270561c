"""'Before you send' for one letter: who gets it, proof of delivery, next steps and the response date.

Every date here comes from the deadline engine (:func:`planwriter.core.deadlines.deadline`); the
letter body (``render/engine.py``), the Letters page and ``planwriter-cli guidance`` all use
:func:`response_for`, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planwriter.core.calendar import DayUnit, count_days
from planwriter.core.deadlines import Deadline, NoticeCheck, deadline, placement_notice_check, timelines
from planwriter.core.model import ROLE_LABELS, Case, PlanStatus, SchoolCalendar
from planwriter.core.states import state_name
from planwriter.render.environment import long_date
from planwriter.render.registry import Template

_UNIT_WORDS = {"calendar": "calendar", "school": "school", "business": "business"}

#: The clock that starts once the parent signs consent, stated in evaluation requests.
EVALUATION_TOPIC = "initial_evaluation"
#: The letter asks for an answer "within that time" when the legal due date is at most this many
#: days after the date it would ask for (parts/reply_by.j2 words it from ``response.asks_by``).
WITHIN_DAYS = 7
#: Clocks that run only for a child with an IEP (they are IDEA/IEP rules); for a family with a
#: Section 504 plan they do not apply, and planwriter has no 504 rule in their place.
IEP_ONLY_TIMELINES = frozenset({"iep_meeting_request", "draft_iep_copy"})
#: Letters whose answer clock is one of these also state the evaluation clock.
_EVALUATION_REQUESTS = frozenset({"evaluation_request_response"})


@dataclass
class ResponseInfo:
    """When the school should answer a letter sent on ``sent``, and how that date was worked out."""

    sent: dt.date
    title: str = ""  # what the date is for, from resources/timelines.json
    due: dt.date | None = None
    explanation: str = ""
    law_note: str = ""  # what the law says when it sets no number of days
    requested: dt.date | None = None
    requested_text: str = ""
    requested_days: int = 0
    requested_unit: str = ""
    requested_estimate: bool = False
    deadline: Deadline | None = None
    #: For evaluation requests: the clock that runs after consent (or from the referral, where the
    #: state counts it so), in the state's own unit.
    evaluation: Deadline | None = None
    #: Warnings to show before export (a private-placement notice given too late).
    warnings: list[str] = field(default_factory=list)
    notice_check: NoticeCheck | None = None

    @property
    def reply_by(self) -> dt.date | None:
        """The date the letter asks for: the legal due date, or the requested date when earlier."""
        if self.due is None:
            return self.requested
        if self.requested is not None and self.requested < self.due:
            return self.requested
        return self.due

    @property
    def asks_by(self) -> dt.date | None:
        """The date the letter itself names for an answer, or ``None`` when it names none.

        An evaluation request states the legal clock; when the legal due date comes at most
        :data:`WITHIN_DAYS` days after the date asked for, the letter asks for an answer "within
        that time" instead of naming a second date. The letter (``response.asks_by``) and
        :attr:`lines` both use this, so they cannot disagree.
        """
        reply = self.reply_by
        if reply is None:
            return None
        if self.states_clock and self.due is not None and (self.due - reply).days <= WITHIN_DAYS:
            return None
        return reply

    @property
    def states_clock(self) -> bool:
        """True when the letter states the legal answer clock itself (evaluation requests)."""
        return self.evaluation is not None and self.due is not None

    @property
    def note(self) -> str:
        """How the answer-due date was worked out, in one line (kept in the correspondence log)."""
        if self.explanation:
            return self.explanation
        if self.requested is not None:
            return (f"the date the letter asks for ({self.requested_days} {self.requested_unit} days); "
                    "the law sets no number of days")
        return ""

    @property
    def lines(self) -> list[str]:
        """What the GUI and the CLI show under "When to expect an answer", one sentence each."""
        out: list[str] = []
        if self.due is not None:
            out.append(f"{self.title or 'Response due by law'}: {long_date(self.due)}. How: {self.explanation}.")
        elif self.law_note:
            out.append(self.law_note)
        asks = self.asks_by
        if asks is not None and asks == self.requested:
            out.append(f"The letter asks for an answer by {long_date(asks)}. How: {self.requested_text}.")
        elif asks is None and self.states_clock:
            out.append("The letter asks for an answer within the time the law gives (the date above).")
        if self.evaluation is not None:
            out.append(evaluation_line(self.evaluation))
        out.extend(self.warnings)
        if not out:
            out.append("The law sets no number of days for an answer to this letter.")
        return out


def evaluation_line(clock: Deadline) -> str:
    """The evaluation clock in one sentence, for the GUI and the CLI."""
    if clock.starts_from == "consent" and clock.amount is not None:
        if clock.has_date:
            return f"After you sign consent: {clock.rule_text}."
        return (f"After you sign consent: {clock.days_text} from {clock.starts} ({clock.citation}); "
                "days of summer break do not count.")
    if not clock.has_date:
        return f"Evaluation: {clock.law_note}"
    return f"{clock.title}: {long_date(clock.date)}. How: {clock.explanation}."


def response_for(template: Template, sent: dt.date, case: Case | None = None,
                 inputs: dict[str, Any] | None = None, state: str | None = None) -> ResponseInfo | None:
    """The response date for ``template`` sent (received) on ``sent``; ``None`` when the letter has no rule.

    The state and school calendar come from ``case`` (``state`` overrides it); ``inputs`` are the
    letter's answers, used where the rule depends on one (a private-placement notice's enrollment date).
    """
    rule = template.meta.response
    if rule is None:
        return None
    code = state if state is not None else (case.child.state if case is not None else None)
    code = code or None
    calendar: SchoolCalendar | None = case.school_calendar if case is not None else None
    info = ResponseInfo(sent=sent)
    if rule.timeline and case is not None and case.plan_status == PlanStatus.PLAN_504 \
            and rule.timeline in IEP_ONLY_TIMELINES:
        # An IEP rule's deadline must not be claimed for a child whose plan is a Section 504 plan.
        info.title = timelines().timelines[rule.timeline].title
        info.law_note = ("Your child has a Section 504 plan, not an IEP, so the IEP deadline for this request "
                         "does not apply, and planwriter has no Section 504 rule that sets one: the letter "
                         "names no legal deadline.")
    elif rule.timeline:
        found = deadline(rule.timeline, sent, code, calendar)
        info.deadline = found
        info.title = found.title
        if found.has_date:
            info.due = found.date
            info.explanation = found.explanation
        else:
            info.law_note = found.law_note
        if rule.timeline in _EVALUATION_REQUESTS:
            clock = deadline(EVALUATION_TOPIC, sent, code, calendar)
            info.evaluation = clock
    if rule.requested_days:
        count = count_days(sent, rule.requested_days, DayUnit(rule.requested_unit), code, calendar)
        # A request is not a legal date: when the count would run into the summer, the letter asks
        # for an answer by the last day of the school year instead.
        info.requested = count.date if count.date is not None else count.year_end
        info.requested_days = rule.requested_days
        info.requested_unit = rule.requested_unit
        info.requested_estimate = count.estimate
        unit = _UNIT_WORDS.get(rule.requested_unit, rule.requested_unit)
        info.requested_text = f"{rule.requested_days} {unit} days from {rule.starts}"
        if count.date is None and count.year_end is not None:
            info.requested_text += "; the school year ends sooner, so the letter asks for its last day"
        if count.estimate:
            info.requested_text += f"; this date is an estimate: {'; '.join(count.reasons)}"
    before = getattr(rule, "before_input", "")
    if before and inputs:
        removal = inputs.get(before)
        if isinstance(removal, str):
            try:
                removal = dt.date.fromisoformat(removal)
            except ValueError:
                removal = None
        if isinstance(removal, dt.date):
            check = placement_notice_check(sent, removal)
            info.notice_check = check
            if check.warning:
                info.warnings.append(check.warning)
    return info


def response_info(template: Template, sent: dt.date, state: str | None = None) -> ResponseInfo | None:
    """The response date for a letter sent on ``sent`` in ``state`` (no school calendar)."""
    return response_for(template, sent, None, state=state)


def response_context(info: ResponseInfo | None) -> dict[str, Any]:
    """What a letter template can use about the answer date (``response.*``), from the engine's result."""
    data: dict[str, Any] = {
        "has_deadline": False,
        "due": None,
        "explanation": "",
        "federal_note": "",
        "reply_by": None,
        "asks_by": None,
        "requested_days": 0,
        "requested_unit": "",
        "rule_source": "",
        "rule_days": 0,
        "rule_unit": "",
        "rule_state": "",
        "state_name": "",
        "case_state_name": "",
        "label": "",
        "measures": "",
        "measures_id": "",
        "estimate": False,
        #: School breaks the count skipped (a state that does not count long breaks), as (first, last) days.
        "skipped_breaks": [],
        "evaluation": _clock_context(None),
        "warnings": [],
    }
    if info is None:
        return data
    found = info.deadline
    if found is not None:
        data["federal_note"] = found.law_note
        data["case_state_name"] = state_name(found.asked_state)
        if found.has_date:
            data.update(has_deadline=True, due=found.date, explanation=found.explanation,
                        rule_source=found.citation, rule_days=found.amount,
                        rule_unit=found.unit.value if found.unit else "", rule_state=found.state or "",
                        state_name=state_name(found.state),
                        label=found.label, measures=found.measures_text, estimate=found.estimate,
                        measures_id=found.measures.value if found.measures else "",
                        skipped_breaks=list(found.skipped_breaks))
    data.update(reply_by=info.reply_by, asks_by=info.asks_by, requested_days=info.requested_days,
                requested_unit=info.requested_unit)
    data["evaluation"] = _clock_context(info.evaluation)
    data["warnings"] = list(info.warnings)
    return data


def _clock_context(clock: Deadline | None) -> dict[str, Any]:
    # A clock from consent is stated by its rule even when the count from the letter's date would
    # run into the next school year (consent is not signed yet); one from the referral needs its date.
    usable = clock is not None and (clock.has_date or (clock.pending and clock.starts_from == "consent"))
    if clock is None or not usable:
        return {"known": False, "days": 0, "unit": "", "source": "", "state_rule": False, "state": "",
                "state_name": "",
                "measures": "", "starts_from": "", "starts": "", "from_consent": False, "due": None,
                "estimate": False}
    return {
        "known": True,
        "days": clock.amount,
        "unit": clock.unit.value if clock.unit else "",
        "source": clock.citation,
        "state_rule": clock.state_rule,
        "state": clock.state or "",
        "state_name": state_name(clock.state),
        "measures": clock.measures.value if clock.measures else "",
        "starts_from": clock.starts_from,
        "starts": clock.starts,
        "from_consent": clock.starts_from == "consent",
        # A clock that starts at the referral runs from this letter; one that starts at consent
        # has no date until consent is signed.
        "due": clock.date if clock.starts_from in ("referral", "request", "receipt") else None,
        "estimate": clock.estimate,
    }


@dataclass
class LetterGuidance:
    template_id: str
    title: str
    send_to: str
    proof: str
    next_steps: list[str]
    tips: list[str]
    legal_basis: list[tuple[str, str]]
    recipient_role: str
    cc_roles: list[str] = field(default_factory=list)
    response: ResponseInfo | None = None


def letter_guidance(template: Template, case: Case | None = None, sent: dt.date | None = None,
                    inputs: dict[str, Any] | None = None) -> LetterGuidance:
    """Everything the 'Before you send' panel and ``planwriter-cli guidance`` show for one letter."""
    meta = template.meta
    response = None
    if case is not None or sent is not None:
        if inputs is None and case is not None and meta.id in case.letter_drafts:
            inputs = dict(case.letter_drafts[meta.id].inputs)  # what the Letters page uses too
        response = response_for(template, sent or dt.date.today(), case, inputs)
    return LetterGuidance(
        template_id=meta.id,
        title=meta.title,
        send_to=meta.guidance.send_to,
        proof=meta.guidance.proof,
        next_steps=list(meta.guidance.next_steps),
        tips=list(meta.guidance.tips),
        legal_basis=[(c.cite, c.summary) for c in meta.legal_basis],
        recipient_role=ROLE_LABELS[meta.recipient_role] if meta.recipient_role else "",
        cc_roles=[ROLE_LABELS[r] for r in meta.cc_roles],
        response=response,
    )
