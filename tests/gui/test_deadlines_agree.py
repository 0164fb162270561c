"""The app and the command line give the same dates: every letter on the sample case, and Dates & log."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planwriter.cli import main
from planwriter.core import casefile
from planwriter.core.keydates import key_dates
from planwriter.core.model import Case, DayOff, LetterDraft, LogEntry, SchoolCalendar
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.letters import LettersPage
from planwriter.gui.pages.log import DatesLogPage
from planwriter.render.engine import default_registry, render_document
from planwriter.render.letter import LetterOptions

LETTER_DATE = dt.date(2026, 12, 14)
LETTERS = [t.id for t in default_registry().all() if t.meta.kind.value == "letter"]


def meta_timeline(template_id: str) -> str:
    response = default_registry().get(template_id).meta.response
    return response.timeline if response is not None else ""


@pytest.fixture
def context(data_dir):
    return AppContext(data_dir=data_dir)


@pytest.mark.parametrize("state", ["", "TX", "CA", "CA with winter break", "NC"])
def test_every_letter_has_the_same_answer_date_in_the_app_and_the_cli(qtbot, context, sample_case, tmp_path,
                                                                     capsys, state):
    sample_case.child.state = state.split()[0] if state else ""
    if "winter break" in state:
        sample_case.school_calendar = SchoolCalendar(
            first_day=dt.date(2026, 8, 17), last_day=dt.date(2027, 5, 28),
            days_off=[DayOff(start=dt.date(2026, 12, 21), end=dt.date(2027, 1, 1), name="Winter break")])
    for template_id in LETTERS:
        meta = default_registry().get(template_id).meta
        sample_case.letter_drafts[template_id] = LetterDraft(inputs=dict(meta.sample_inputs), date=LETTER_DATE)
    path = casefile.save(sample_case, tmp_path / "case.pwcase", keep_backup=False)
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    for template_id in LETTERS:
        assert page.select_template(template_id)
        gui_lines = page.answer_lines()
        assert main(["guidance", template_id, "--case", str(path), "--date", LETTER_DATE.isoformat()]) == 0
        cli_text = " ".join(capsys.readouterr().out.split())
        for line in gui_lines:
            assert " ".join(line.split()) in cli_text, (template_id, line)
        assert main(["guidance", template_id, "--case", str(path), "--date", LETTER_DATE.isoformat(),
                     "--json"]) == 0
        response = json.loads(capsys.readouterr().out)["response"]
        document = page.render()
        expected = render_document(sample_case, template_id, dict(sample_case.letter_drafts[template_id].inputs),
                                   LetterOptions(date=LETTER_DATE))
        assert document is not None and document.response_due == expected.response_due, template_id
        if response is not None and response["due"]:
            assert document.response_due is not None
            assert dt.date.fromisoformat(response["due"]) >= document.response_due  # the letter may ask sooner
        if document.response_due is not None:
            # Logged as sent, the letter's answer date on Dates & log is the one the letter used.
            entry = LogEntry(date=LETTER_DATE, template_id=template_id, response_due=document.response_due,
                             timeline=meta_timeline(template_id))
            (item,) = key_dates(Case(child=sample_case.child, school_calendar=sample_case.school_calendar,
                                     correspondence=[entry]), LETTER_DATE)
            assert item.date == document.response_due, template_id


def test_draft_iep_gives_the_federal_note_in_both(qtbot, context, sample_case, tmp_path, capsys):
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    page.select_template("draft-iep")
    lines = page.answer_lines()
    assert lines and "draft IEP" in lines[0]
    path = casefile.save(sample_case, tmp_path / "case.pwcase", keep_backup=False)
    assert main(["guidance", "draft-iep", "--case", str(path)]) == 0
    assert " ".join(lines[0].split()) in " ".join(capsys.readouterr().out.split())


def test_dates_and_log_lists_what_the_cli_lists(qtbot, context, sample_case, tmp_path, capsys):
    sample_case.child.state = "Texas"
    sample_case.key_dates.request_date = dt.date(2026, 12, 11)
    sample_case.key_dates.consent_date = dt.date(2027, 1, 15)
    page = DatesLogPage(context)
    page.today = lambda: dt.date(2027, 4, 1)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    path = casefile.save(sample_case, tmp_path / "case.pwcase", keep_backup=False)
    assert main(["dates", str(path), "--json", "--date", "2027-04-01"]) == 0
    items = json.loads(capsys.readouterr().out)
    rows = [page.overview_row(r) for r in range(page.dates_table.rowCount())]
    assert [(r[0], r[1]) for r in rows] == [(i["date"], i["title"]) for i in items]
    overdue = [r for r, i in zip(rows, items, strict=True) if i["overdue"]]
    assert overdue and all(r[2] == "OVERDUE" for r in overdue)
    assert page.dates_table.item(rows.index(overdue[0]), 0).font().bold()


def _district_ics() -> bytes:
    import icalendar

    cal = icalendar.Calendar()
    for name, start, end in [("First Day of School", dt.date(2026, 8, 17), dt.date(2026, 8, 18)),
                             ("Winter Break", dt.date(2026, 12, 21), dt.date(2027, 1, 2)),
                             ("Last Day of School", dt.date(2027, 5, 28), dt.date(2027, 5, 29))]:
        event = icalendar.Event()
        event.add("summary", name)
        event.add("dtstart", start)
        event.add("dtend", end)
        cal.add_component(event)
    return cal.to_ical()


def test_the_page_imports_a_district_calendar_and_exports_the_dates(qtbot, context, sample_case, tmp_path,
                                                                    monkeypatch):
    import icalendar

    sample_case.child.state = "CA"
    sample_case.key_dates.request_date = dt.date(2026, 12, 14)
    sample_case.key_dates.consent_date = None  # a request just sent: its answer is still to come
    page = DatesLogPage(context)
    page.today = lambda: dt.date(2026, 12, 15)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    before = {r: page.overview_row(r) for r in range(page.dates_table.rowCount())}
    assert any(row[0] == "2026-12-29" and row[2] == "Estimate" for row in before.values())
    source = tmp_path / "district.ics"
    source.write_bytes(_district_ics())
    monkeypatch.setattr(DatesLogPage, "choose_ics_to_import", lambda _page: source)
    changes = []
    page.changed.connect(lambda: changes.append(True))
    assert page.import_calendar()
    assert changes and sample_case.school_calendar.first_day == dt.date(2026, 8, 17)
    assert page.days_off_table.rowCount() == 1 and page.days_off_table.item(0, 0).text() == "2026-12-21"
    rows = [page.overview_row(r) for r in range(page.dates_table.rowCount())]
    answer = next(r for r in rows if r[1] == "Answer to the evaluation request due")
    assert answer[0] == "2027-01-10" and "skipped 2026-12-21 to 2027-01-01" in answer[3]

    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"hello")
    monkeypatch.setattr(DatesLogPage, "choose_ics_to_import", lambda _page: bad)
    assert not page.import_calendar()
    assert page.calendar_error.message() and sample_case.school_calendar.first_day == dt.date(2026, 8, 17)

    target = tmp_path / "dates"
    monkeypatch.setattr(DatesLogPage, "choose_ics_to_save", lambda _page: target)
    written = page.export_ics()
    assert written == tmp_path / "dates.ics"
    events = list(icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT"))
    assert len(events) == page.dates_table.rowCount()


def test_progress_report_dates_typed_on_the_page_become_key_dates(qtbot, context, sample_case):
    page = DatesLogPage(context)
    page.today = lambda: dt.date(2026, 12, 1)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    edit = page.progress_field.edit
    qtbot.keyClicks(edit, "2026-11-13, 2027-01-2")
    assert page.progress_field.error()
    qtbot.keyClicks(edit, "9")
    assert page.progress_field.error() == ""
    assert sample_case.school_calendar.progress_report_dates == [dt.date(2026, 11, 13), dt.date(2027, 1, 29)]
    titles = [page.overview_row(r)[1] for r in range(page.dates_table.rowCount())]
    assert titles.count("Progress report") == 2


def test_a_late_private_placement_notice_is_flagged_before_export(qtbot, context, sample_case, tmp_path,
                                                                   monkeypatch):
    meta = default_registry().get("private-placement-notice").meta
    inputs = {**meta.sample_inputs, "start_date": "2026-12-01"}
    sample_case.letter_drafts["private-placement-notice"] = LetterDraft(inputs=inputs, date=dt.date(2026, 11, 25))
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    page.select_template("private-placement-notice")
    assert any("Only 4 business days remain" in line for line in page.answer_lines())
    asked: list[list[str]] = []
    saved: list[object] = []
    monkeypatch.setattr(LettersPage, "confirm_deadline_warnings", lambda _page, w: asked.append(w) or False)
    monkeypatch.setattr(LettersPage, "ask_save_path", lambda _page, suggested: saved.append(suggested))
    before = len(sample_case.correspondence)
    assert page.export() is None
    assert asked and "300.148(d)(1)(ii)" in asked[0][0]
    assert saved == [] and len(sample_case.correspondence) == before  # nothing written, nothing logged
