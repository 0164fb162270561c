"""Response dates: calendar, school and business days; a state's rule or the federal default, explained."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter.core.deadlines import DayUnit, add_days, due_date
from planwriter.render.engine import default_registry, render_document

WEDNESDAY_BEFORE_THANKSGIVING = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("start", "amount", "unit", "state", "expected"),
    [
        # calendar days: every day counts, the start day does not
        (dt.date(2026, 11, 25), 45, DayUnit.CALENDAR, None, dt.date(2027, 1, 9)),
        (dt.date(2026, 12, 31), 1, DayUnit.CALENDAR, None, dt.date(2027, 1, 1)),
        # business days skip weekends and holidays: Thanksgiving, and in CA the day after too
        (dt.date(2026, 11, 25), 5, DayUnit.BUSINESS, "CA", dt.date(2026, 12, 4)),
        (dt.date(2026, 11, 25), 5, DayUnit.BUSINESS, None, dt.date(2026, 12, 3)),
        (dt.date(2026, 11, 20), 1, DayUnit.BUSINESS, None, dt.date(2026, 11, 23)),  # Friday → Monday
        # school days are estimated the same way: ten weekdays around Christmas and New Year's Day
        (dt.date(2026, 12, 18), 10, DayUnit.SCHOOL, None, dt.date(2027, 1, 5)),
    ],
)
def test_days_are_counted_in_their_unit(start, amount, unit, state, expected):
    assert add_days(start, amount, unit, state) == expected


def test_california_records_rule_is_five_business_days():
    due = due_date("records_access", WEDNESDAY_BEFORE_THANKSGIVING, "CA")
    assert due is not None
    assert due.state == "CA"
    assert due.date == dt.date(2026, 12, 4)
    assert "5 business days" in due.explanation
    assert "California rule" in due.explanation and "56504" in due.explanation


@pytest.mark.parametrize("state", ["OR", None, ""])
def test_without_a_state_rule_the_federal_45_days_apply(state):
    due = due_date("records_access", WEDNESDAY_BEFORE_THANKSGIVING, state)
    assert due is not None
    assert due.state is None
    assert due.date == dt.date(2027, 1, 9)
    assert "federal rule" in due.explanation and "300.613" in due.explanation


def test_the_explanation_says_when_the_state_has_no_rule_of_its_own():
    due = due_date("records_access", WEDNESDAY_BEFORE_THANKSGIVING, "OR")
    assert "no Oregon rule" in due.explanation


def test_a_timeline_with_no_federal_number_gives_no_date_outside_its_states():
    assert due_date("iee_response", WEDNESDAY_BEFORE_THANKSGIVING, "CA") is None
    assert due_date("evaluation_request_response", WEDNESDAY_BEFORE_THANKSGIVING, "OR") is None
    washington = due_date("evaluation_request_response", WEDNESDAY_BEFORE_THANKSGIVING, "WA")
    assert washington is not None and washington.rule.unit == DayUnit.SCHOOL
    assert "check the school calendar" in washington.explanation


def test_unknown_timeline_is_an_error():
    with pytest.raises(KeyError):
        due_date("no-such-timeline", WEDNESDAY_BEFORE_THANKSGIVING)


@pytest.mark.parametrize(
    ("state", "due", "words"),
    [
        ("CA", dt.date(2026, 12, 4), "Under California Education Code 56504, the district must provide these "
                                     "records within 5 business days"),
        ("OR", dt.date(2027, 1, 9), "no later than 45 calendar days after receiving this request"),
    ],
)
def test_records_letter_uses_the_state_rule_or_the_federal_default(state, due, words, sample_case):
    sample_case.child.state = state
    template = default_registry().get("records")
    document = render_document(sample_case, "records", template.meta.sample_inputs,
                               today=WEDNESDAY_BEFORE_THANKSGIVING)
    assert document.response_due == due
    assert words in document.plain_text()
    assert f"{due:%B} {due.day}, {due.year}" in document.plain_text()


def test_a_letter_without_a_legal_number_asks_for_an_answer_in_school_days(sample_case):
    template = default_registry().get("independent-evaluation")
    document = render_document(sample_case, "independent-evaluation", template.meta.sample_inputs,
                               today=WEDNESDAY_BEFORE_THANKSGIVING)
    expected = add_days(WEDNESDAY_BEFORE_THANKSGIVING, 10, DayUnit.SCHOOL, "OR")
    assert document.response_due == expected
    assert "the law sets no number of days" in document.response_note


def test_due_process_complaint_counts_fifteen_calendar_days_to_the_resolution_meeting(sample_case):
    template = default_registry().get("due-process-complaint")
    document = render_document(sample_case, "due-process-complaint", template.meta.sample_inputs,
                               today=WEDNESDAY_BEFORE_THANKSGIVING)
    assert document.response_due == dt.date(2026, 12, 10)
    assert "within 15 calendar days of receiving this complaint" in document.plain_text()


@pytest.mark.parametrize(("state", "words"), [
    ("CA", "California Education Code 56043(a) sets a timeline of 15 calendar days"),
    ("NC", "North Carolina Policy NC 1503-2.2 sets a timeline of 90 calendar days"),
    ("OR", "I look forward to your written response by"),
])
def test_evaluation_request_names_the_state_timeline_where_there_is_one(state, words, sample_case):
    sample_case.child.state = state
    template = default_registry().get("initial-evaluation")
    text = render_document(sample_case, "initial-evaluation", template.meta.sample_inputs,
                           today=WEDNESDAY_BEFORE_THANKSGIVING).plain_text()
    assert words in text
    assert ("sets a timeline" in text) == (state != "OR")


@pytest.mark.parametrize(("start", "says_ten_days"), [(dt.date(2027, 1, 19), True), (dt.date(2026, 12, 1), False)])
def test_private_placement_notice_claims_ten_business_days_only_when_true(start, says_ten_days, sample_case):
    template = default_registry().get("private-placement-notice")
    inputs = {**template.meta.sample_inputs, "start_date": start.isoformat()}
    document = render_document(sample_case, "private-placement-notice", inputs, today=WEDNESDAY_BEFORE_THANKSGIVING)
    assert document.response_due == add_days(WEDNESDAY_BEFORE_THANKSGIVING, 10, DayUnit.BUSINESS, "OR")
    assert ("at least 10 business days before that date" in document.plain_text()) == says_ten_days
