"""The letter and "Before you send" agree on whether the letter names an answer date."""

import datetime as dt

from planwriter.core.deadlines import use_state_rules
from planwriter.core.model import Case
from planwriter.core.paths import resource
from planwriter.render.engine import default_registry
from planwriter.render.guidance import response_context, response_for


def _case(state: str) -> Case:
    case = Case()
    case.child.state = state
    return case


def test_within_that_time_has_no_asked_date_in_lines_or_letter():
    template = default_registry().get("initial-evaluation")
    with use_state_rules(resource("state_rules")):
        info = response_for(template, dt.date(2026, 11, 30), _case("CA"))
    assert info is not None and info.due is not None and info.requested is not None
    assert (info.due - info.requested).days <= 7
    assert info.asks_by is None
    assert response_context(info)["asks_by"] is None
    assert not any(line.startswith("The letter asks for an answer by") for line in info.lines)
    assert any("within the time the law gives" in line for line in info.lines)


def test_a_letter_without_a_legal_clock_keeps_its_asked_date():
    template = default_registry().get("records")
    info = response_for(template, dt.date(2026, 11, 30), _case(""))
    assert info is not None
    assert info.asks_by == info.reply_by
