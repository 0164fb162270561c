"""Response dates: calendar, school and business days; a state's rule or the federal default, explained."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter.core.deadlines import DayUnit, add_days
from planwriter.render.engine import default_registry, render_document

WEDNESDAY_BEFORE_THANKSGIVING = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("state", "due", "words"),
    [
        ("CA", dt.date(2026, 12, 4), "Under Cal. Educ. Code § 56504, the district must provide these "
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
    ("CA", "under California rules (Cal. Educ. Code § 56043(a)), the district has 15 calendar days from receiving "
           "this request to answer it, ending on or about December 10, 2026"),
    ("TX", "under Texas rules (Tex. Educ. Code § 29.004), the district has 15 school days from receiving this "
           "request to answer it, ending on or about December 17, 2026"),
    ("OR", "I look forward to your written response by"),
    ("NC", "I look forward to your written response by"),
])
def test_evaluation_request_names_the_state_timeline_where_there_is_one(state, words, sample_case):
    sample_case.child.state = state
    template = default_registry().get("initial-evaluation")
    text = render_document(sample_case, "initial-evaluation", template.meta.sample_inputs,
                           today=WEDNESDAY_BEFORE_THANKSGIVING).plain_text()
    assert words in text
    assert ({"CA": "California", "TX": "Texas"}.get(state, "?") + " rules (") in text \
        or state in ("OR", "NC")


@pytest.mark.parametrize(("state", "words"), [
    ("TX", "Once the district receives my signed consent, Texas rules (Tex. Educ. Code § 29.004) give the "
           "district 45 school days to complete the evaluation."),
    ("CA", "Once the district receives my signed consent, California rules (Cal. Educ. Code § 56344(a)) give "
           "the district 60 calendar days to complete the evaluation and hold the IEP meeting."),
    ("OR", "Once the district receives my signed consent, it must complete the evaluation within 60 calendar "
           "days under 34 CFR 300.301(c)(1), the federal default, unless Oregon sets a different timeline."),
    # North Carolina counts its 90 days from the referral, through the IEP: the letter says so and gives the date.
    ("NC", "the district has 90 calendar days from receiving this referral to complete the evaluation, decide "
           "whether Alex is eligible and have an IEP in place, which I count as February 23, 2027."),
])
def test_evaluation_request_states_the_evaluation_clock_in_the_states_own_unit(state, words, sample_case):
    sample_case.child.state = state
    template = default_registry().get("initial-evaluation")
    text = render_document(sample_case, "initial-evaluation", template.meta.sample_inputs,
                           today=WEDNESDAY_BEFORE_THANKSGIVING).plain_text()
    assert words in text


@pytest.mark.parametrize(("start", "says_ten_days"), [(dt.date(2027, 1, 19), True), (dt.date(2026, 12, 1), False)])
def test_private_placement_notice_claims_ten_business_days_only_when_true(start, says_ten_days, sample_case):
    template = default_registry().get("private-placement-notice")
    inputs = {**template.meta.sample_inputs, "start_date": start.isoformat()}
    document = render_document(sample_case, "private-placement-notice", inputs, today=WEDNESDAY_BEFORE_THANKSGIVING)
    # 34 CFR 300.148(d)(1)(ii) counts Thanksgiving and the day after as business days
    assert document.response_due == dt.date(2026, 12, 9)
    assert ("at least 10 business days before that date" in document.plain_text()) == says_ten_days
    assert bool(document.deadline_warnings) != says_ten_days
