import datetime as dt

from planwriter.core.keydates import DateKind, key_dates
from planwriter.core.model import Case, KeyDates, LogEntry


def test_empty_case_has_no_dates():
    assert key_dates(Case(), dt.date(2026, 12, 1)) == []


def test_entered_dates_and_answers_due_in_order_with_overdue_marked():
    case = Case(
        key_dates=KeyDates(annual_review_date=dt.date(2026, 11, 1), next_meeting_date=dt.date(2027, 1, 12)),
        correspondence=[
            LogEntry(date=dt.date(2026, 10, 1), title="Records", response_due=dt.date(2026, 11, 15)),
            LogEntry(date=dt.date(2026, 10, 2), title="PWN", response_due=dt.date(2026, 11, 16),
                     response_received=dt.date(2026, 11, 10)),
        ],
    )
    dates = key_dates(case, dt.date(2026, 12, 1))
    assert [d.kind for d in dates] == [DateKind.ANNUAL_REVIEW, DateKind.ANSWER_DUE, DateKind.ANSWER_DUE,
                                       DateKind.MEETING]
    assert [d.overdue for d in dates] == [True, True, False, False]
    assert dates[2].done and dates[1].log_entry_id == case.correspondence[0].id
    assert dates[0].as_json()["date"] == "2026-11-01"
