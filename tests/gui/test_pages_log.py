"""Dates & log page: key dates, the log of letters, overdue answers in words."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planwriter.core.model import Case, DeliveryMethod, LogEntry
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.log import DatesLogPage

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def context(data_dir):
    return AppContext(data_dir=data_dir)


@pytest.fixture
def case():
    return Case(correspondence=[
        LogEntry(date=dt.date(2026, 9, 1), template_id="records", title="Records request",
                 recipient="Dr. Karen Whitfield, Principal", delivery_method=DeliveryMethod.EMAIL,
                 response_due=dt.date(2026, 10, 16), response_rule="45 calendar days"),
        LogEntry(date=dt.date(2026, 11, 20), title="Evaluation request", response_due=dt.date(2026, 12, 10)),
        LogEntry(date=dt.date(2026, 11, 21), title="Thank-you note"),
    ])


@pytest.fixture
def page(qtbot, context, case):
    page = DatesLogPage(context)
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.set_case(case)
    return page


def _cell(page, row, column):
    return page.table.item(row, column).text()


def test_the_log_lists_each_letter_with_its_status_in_words(page):
    assert page.table.rowCount() == 3
    assert [_cell(page, 0, c) for c in (0, 1, 2, 4, 5)] == [
        "2026-09-01", "Records request", "Dr. Karen Whitfield, Principal", "2026-10-16", "",
    ]
    assert page.table.cellWidget(0, 3).currentText() == "Email"
    assert page.status_text(0) == "OVERDUE: the answer was due 43 days ago"
    assert page.status_text(1) == "Waiting: due in 12 days"
    assert page.status_text(2) == "No deadline"
    assert page.summary_label.message().startswith("1 answer is overdue")
    assert "45 calendar days" in page.table.item(0, 6).toolTip()


def test_typing_the_answer_date_clears_the_overdue_mark(page, case):
    changes = []
    page.changed.connect(lambda: changes.append(True))
    page.table.item(0, 5).setText("2026-10-10")
    assert case.correspondence[0].response_received == dt.date(2026, 10, 10)
    assert page.status_text(0) == "Answered on 2026-10-10"
    assert page.summary_label.message() == ""
    assert changes


def test_a_cell_that_is_not_a_date_is_explained_and_put_back(page, case):
    page.table.item(1, 4).setText("soon")
    assert page.error_label.message().startswith("“soon” is not a date")
    assert case.correspondence[1].response_due == dt.date(2026, 12, 10)
    assert _cell(page, 1, 4) == "2026-12-10"
    page.table.item(1, 0).setText("")
    assert page.error_label.message() == "Every entry needs the date it was sent"
    assert case.correspondence[1].date == dt.date(2026, 11, 20)


def test_text_cells_and_delivery_are_editable(page, case):
    page.table.item(2, 2).setText("Ms. Park")
    assert case.correspondence[2].recipient == "Ms. Park"
    page.table.cellWidget(2, 3).setCurrentIndex(list(DeliveryMethod).index(DeliveryMethod.HAND) + 1)
    assert case.correspondence[2].delivery_method is DeliveryMethod.HAND
    page.table.cellWidget(2, 3).setCurrentIndex(0)
    assert case.correspondence[2].delivery_method is None


def test_entries_can_be_added_and_removed(qtbot, page, case):
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(case.correspondence) == 4
    assert case.correspondence[-1].date == TODAY
    page.table.setCurrentCell(0, 1)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [e.title for e in case.correspondence][:2] == ["Evaluation request", "Thank-you note"]
    assert page.table.rowCount() == 3


def test_key_dates_use_calendar_fields(qtbot, page, case):
    field = page.date_fields["consent_date"]
    qtbot.keyClicks(field.edit, "2026-10-01")
    assert case.key_dates.consent_date == dt.date(2026, 10, 1)
    assert field.calendar_button.accessibleName() == "Pick consent signed from a calendar"


def test_the_log_follows_an_export(page, case, context):
    case.correspondence.append(LogEntry(date=TODAY, title="Request for progress data"))
    context.signals.log_changed.emit()
    assert page.table.rowCount() == 4
    assert _cell(page, 3, 1) == "Request for progress data"


def test_typing_a_first_day_off_after_the_last_moves_the_last_day_along(page, case):
    page.add_day_off()
    off = case.school_calendar.days_off[-1]
    assert off.start == off.end  # a new break starts and ends on the same day
    page.days_off_table.item(len(case.school_calendar.days_off) - 1, 0).setText("2099-12-21")
    off = case.school_calendar.days_off[-1]
    assert off.start == off.end == dt.date(2099, 12, 21)
    assert page.calendar_error.message() == ""


def test_a_clock_that_runs_into_the_next_school_year_is_listed_without_a_date(qtbot, context):
    from planwriter.core.deadlines import use_state_rules
    from planwriter.core.model import SchoolCalendar
    from planwriter.core.paths import resource

    case = Case()
    case.child.state = "TX"
    case.key_dates.consent_date = dt.date(2027, 5, 10)
    case.school_calendar = SchoolCalendar(first_day=dt.date(2026, 8, 19), last_day=dt.date(2027, 5, 27))
    with use_state_rules(resource("state_rules")):
        page = DatesLogPage(context)
        page.today = lambda: TODAY
        qtbot.addWidget(page)
        page.set_case(case)
        texts = [page.dates_table.item(r, 0).text() for r in range(page.dates_table.rowCount())]
        why = page.dates_table.item(texts.index("Not known yet"), 3).text()
    assert "next school year" in why
