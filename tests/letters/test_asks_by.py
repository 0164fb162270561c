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


def test_an_iep_meeting_request_from_a_504_family_claims_no_iep_deadline():
    from planwriter.core.model import PlanStatus

    case = _case("CA")
    case.plan_status = PlanStatus.PLAN_504
    template = default_registry().get("iep-meeting")
    with use_state_rules(resource("state_rules")):
        info = response_for(template, dt.date(2026, 12, 10), case)
        iep = _case("CA")
        iep.plan_status = PlanStatus.IEP
        with_iep = response_for(template, dt.date(2026, 12, 10), iep)
    assert info is not None and info.due is None and info.deadline is None
    assert "Section 504 plan" in info.law_note
    assert response_context(info)["has_deadline"] is False
    assert with_iep is not None and with_iep.due is not None  # Cal. Educ. Code 56343.5 for an IEP


def test_a_skipped_winter_break_reaches_the_letter():
    from planwriter.core.model import DayOff, SchoolCalendar

    case = _case("CA")
    case.school_calendar = SchoolCalendar(
        first_day=dt.date(2026, 8, 19), last_day=dt.date(2027, 5, 27),
        days_off=[DayOff(start=dt.date(2026, 12, 21), end=dt.date(2027, 1, 5), name="Winter break")])
    template = default_registry().get("initial-evaluation")
    with use_state_rules(resource("state_rules")):
        info = response_for(template, dt.date(2026, 12, 14), case)
    context = response_context(info)
    assert context["skipped_breaks"] == [(dt.date(2026, 12, 21), dt.date(2027, 1, 5))]


def test_a_request_sent_days_before_summer_states_no_made_up_date():
    from planwriter.core.model import SchoolCalendar

    case = _case("TX")
    case.school_calendar = SchoolCalendar(first_day=dt.date(2026, 8, 19), last_day=dt.date(2027, 5, 27))
    template = default_registry().get("initial-evaluation")
    with use_state_rules(resource("state_rules")):
        info = response_for(template, dt.date(2027, 5, 20), case)
    assert info is not None and info.due is None and "next school year" in info.law_note
    assert info.requested == dt.date(2027, 5, 27)  # the letter asks for the last day of school
    context = response_context(info)
    assert context["has_deadline"] is False and context["evaluation"]["known"] is True
    assert context["evaluation"]["due"] is None
