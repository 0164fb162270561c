"""'Before you send' for one letter: who gets it, proof of delivery, next steps and the response date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planwriter.core.deadlines import DayUnit, add_days, due_date, timelines
from planwriter.core.model import ROLE_LABELS, Case
from planwriter.render.registry import Template

_UNIT_WORDS = {"calendar": "calendar", "school": "school", "business": "business"}


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

    @property
    def lines(self) -> list[str]:
        out: list[str] = []
        if self.due is not None:
            out.append(f"{self.title or 'Response due by law'}: {self.due.isoformat()}. How: {self.explanation}.")
        elif self.law_note:
            out.append(self.law_note)
        if self.requested is not None:
            out.append(f"The letter asks for an answer by {self.requested.isoformat()}. How: {self.requested_text}.")
        return out


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


def response_info(template: Template, sent: dt.date, state: str | None = None) -> ResponseInfo | None:
    """The response date for a letter sent (received) on ``sent``; ``None`` when the letter has no rule."""
    rule = template.meta.response
    if rule is None:
        return None
    info = ResponseInfo(sent=sent)
    if rule.timeline:
        info.title = timelines().timelines[rule.timeline].title
        due = due_date(rule.timeline, sent, state)
        if due is not None:
            info.due = due.date
            info.explanation = due.explanation
        else:
            info.law_note = timelines().timelines[rule.timeline].federal_note
    if rule.requested_days:
        info.requested = add_days(sent, rule.requested_days, DayUnit(rule.requested_unit), state)
        unit = _UNIT_WORDS.get(rule.requested_unit, rule.requested_unit)
        info.requested_text = f"{rule.requested_days} {unit} days from {rule.starts}"
        if unit == "school":
            info.requested_text += "; school days are estimated, so check the school calendar"
    return info


def letter_guidance(template: Template, case: Case | None = None, sent: dt.date | None = None) -> LetterGuidance:
    """Everything the 'Before you send' panel and ``planwriter-cli guidance`` show for one letter."""
    meta = template.meta
    response = None
    if case is not None or sent is not None:
        state = case.child.state if case is not None else None
        response = response_info(template, sent or dt.date.today(), state or None)
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
