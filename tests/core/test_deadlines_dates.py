"""Key dates from the engine, the .ics calendar in and out, ``planwriter-cli dates``, and every jurisdiction."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest

from planwriter.cli import main
from planwriter.core import casefile
from planwriter.core.calendar_ics import CalendarImportError, export_ics, import_ics
from planwriter.core.deadlines import (
    REQUIRED_TOPICS,
    deadline,
    load_state_rule_file,
    state_rules_dir,
    use_state_rules,
)
from planwriter.core.keydates import DateKind, key_dates
from planwriter.core.model import Case, KeyDates, LogEntry, PlanStatus
from planwriter.core.paths import resource
from planwriter.core.states import STATES_AND_DC

FIXTURE_RULES = Path(__file__).parent / "state_rules"


def texas_case(school_year) -> Case:
    case = Case()
    case.child.legal_first_name, case.child.legal_last_name = "Dana", "Reyes"
    case.child.state = "Texas"
    case.school_calendar = school_year
    case.key_dates = KeyDates(request_date=dt.date(2026, 12, 11), consent_date=dt.date(2027, 1, 15))
    return case


def test_key_dates_use_the_states_rules_and_the_school_calendar(school_year):
    case = texas_case(school_year)
    with use_state_rules(FIXTURE_RULES):
        dates = {d.kind: d for d in key_dates(case, dt.date(2027, 4, 1))}
    evaluation = dates[DateKind.EVALUATION_DUE]
    assert evaluation.date == dt.date(2027, 3, 30)
    assert evaluation.state_rule and evaluation.source == "Tex. Educ. Code § 29.004"
    assert evaluation.overdue and not evaluation.done and not evaluation.estimate
    answer = dates[DateKind.ANSWER_DUE]
    assert answer.date == dt.date(2027, 1, 15) and answer.done  # consent was signed


def test_an_iep_brings_the_meeting_annual_review_and_reevaluation():
    case = Case(plan_status=PlanStatus.IEP, key_dates=KeyDates(
        eligibility_date=dt.date(2026, 3, 2), iep_date=dt.date(2026, 3, 20)))
    case.school_calendar.progress_report_dates = [dt.date(2026, 11, 13), dt.date(2027, 1, 29)]
    with use_state_rules(FIXTURE_RULES):
        dates = {(d.kind, d.date): d for d in key_dates(case, dt.date(2026, 12, 1))}
    meeting = dates[(DateKind.IEP_MEETING_DUE, dt.date(2026, 4, 1))]
    assert meeting.done and meeting.source == "34 CFR 300.323(c)(1)" and not meeting.state_rule
    review = dates[(DateKind.ANNUAL_REVIEW, dt.date(2027, 3, 20))]
    assert review.source == "34 CFR 300.324(b)(1)(i)" and not review.overdue
    assert dates[(DateKind.REEVALUATION, dt.date(2029, 3, 2))].source == "34 CFR 300.303(b)"
    assert dates[(DateKind.PROGRESS_REPORT, dt.date(2026, 11, 13))].done
    assert not dates[(DateKind.PROGRESS_REPORT, dt.date(2027, 1, 29))].done


def test_a_logged_letter_is_worked_out_again_when_the_state_changes():
    entry = LogEntry(date=dt.date(2026, 11, 25), title="Records request", timeline="records_access",
                     response_due=dt.date(2027, 1, 9), response_rule="45 calendar days")
    case = Case(correspondence=[entry])
    case.child.state = "CA"
    with use_state_rules(FIXTURE_RULES):
        (item,) = key_dates(case, dt.date(2026, 12, 7))
    assert item.date == dt.date(2026, 12, 4) and item.overdue and item.state_rule
    assert item.log_entry_id == entry.id


def test_ics_export_reads_back_with_the_legal_basis(school_year):
    case = texas_case(school_year)
    with use_state_rules(FIXTURE_RULES):
        dates = key_dates(case, dt.date(2027, 1, 10))
    data = export_ics(dates, calendar_name="Key dates - Dana Reyes", today=dt.date(2027, 1, 10))
    cal = icalendar.Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(dates)
    by_title = {str(e["SUMMARY"]): e for e in events}
    evaluation = by_title["Evaluation due"]
    assert evaluation["DTSTART"].dt == dt.date(2027, 3, 30)
    assert evaluation["DTEND"].dt == dt.date(2027, 3, 31)
    assert "Tex. Educ. Code § 29.004" in str(evaluation["DESCRIPTION"])
    assert "state rule" in str(evaluation["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_a_district_calendar_is_imported_and_counts_its_breaks():
    source = icalendar.Calendar()
    for name, start, end in [("First Day of School", dt.date(2026, 8, 17), dt.date(2026, 8, 18)),
                             ("Winter Break - No School", dt.date(2026, 12, 21), dt.date(2027, 1, 2)),
                             ("Board meeting", dt.datetime(2026, 12, 1, 18, 0), dt.datetime(2026, 12, 1, 20, 0)),
                             ("Thanksgiving lunch - early release", dt.date(2026, 11, 24), dt.date(2026, 11, 25)),
                             ("Martin Luther King Jr. Day", dt.date(2027, 1, 18), dt.date(2027, 1, 19)),
                             ("Last Day of School", dt.date(2027, 5, 28), dt.date(2027, 5, 29))]:
        event = icalendar.Event()
        event.add("summary", name)
        event.add("dtstart", start)
        event.add("dtend", end)
        source.add_component(event)
    calendar = import_ics(source.to_ical(), source="district.ics")
    assert calendar.first_day == dt.date(2026, 8, 17) and calendar.last_day == dt.date(2027, 5, 28)
    assert [(d.start, d.end) for d in calendar.days_off] == [(dt.date(2026, 12, 21), dt.date(2027, 1, 1)),
                                                             (dt.date(2027, 1, 18), dt.date(2027, 1, 18))]
    assert calendar.days_off[1].kind.value == "holiday"
    with use_state_rules(FIXTURE_RULES):
        found = deadline("evaluation_request_response", dt.date(2026, 12, 14), "CA", calendar)
    assert found.date == dt.date(2027, 1, 10)


@pytest.mark.parametrize("data", [b"not a calendar", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"])
def test_a_file_that_is_not_a_school_calendar_is_refused_in_one_sentence(data):
    with pytest.raises(CalendarImportError):
        import_ics(data)


def test_cli_dates_prints_json_and_writes_ics(tmp_path, capsys, school_year):
    path = casefile.save(texas_case(school_year), tmp_path / "dana.pwcase")
    ics = tmp_path / "dates.ics"
    with use_state_rules(FIXTURE_RULES):
        assert main(["dates", str(path), "--json", "--date", "2027-04-01", "--ics", str(ics)]) == 0
    items = json.loads(capsys.readouterr().out)
    evaluation = next(i for i in items if i["kind"] == "evaluation_due")
    assert evaluation["date"] == "2027-03-30" and evaluation["overdue"] is True
    for item in items:
        assert {"date", "title", "kind", "rule", "source", "estimate"} <= set(item)
    events = list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert len(events) == len(items)


def test_cli_dates_reads_a_typed_state_name(tmp_path, capsys, school_year):
    case = texas_case(school_year)
    case.child.state = ""
    path = casefile.save(case, tmp_path / "dana.pwcase")
    with use_state_rules(FIXTURE_RULES):
        assert main(["dates", str(path), "--state", "texas", "--date", "2027-01-10"]) == 0
        out = capsys.readouterr().out
        assert "Texas rule" in out and "2027-03-30  Evaluation due" in out
        assert main(["dates", str(path), "--state", "Texs"]) == 1
    assert "not a US state" in capsys.readouterr().err


# --------------------------------------------------------------------------- every jurisdiction


def _rule_files() -> list[Path]:
    folder = resource("state_rules")
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@pytest.mark.parametrize("path", _rule_files() or [pytest.param(None, marks=pytest.mark.skip("no state files yet"))],
                         ids=lambda p: p.stem if p else "none")
def test_every_state_file_present_validates_and_every_rule_has_source_url_and_unit(path):
    table = load_state_rule_file(path)
    for rule in table.rules:
        assert rule.citation.strip() and rule.url.startswith(("https://", "http://")) and rule.unit
        if rule.excludes_breaks:
            assert rule.excludes_breaks.citation and rule.excludes_breaks.url


@pytest.mark.parametrize("code", STATES_AND_DC)
def test_every_state_gets_a_labelled_rule_or_the_federal_default(code):
    with use_state_rules(resource("state_rules")):
        assert state_rules_dir() == resource("state_rules")
        for topic in REQUIRED_TOPICS:
            found = deadline(topic, dt.date(2026, 11, 25), code)
            if found.state_rule:
                assert found.citation and found.url and found.unit and found.measures
            elif found.has_date:
                assert found.label == "federal default" and found.citation
            else:
                assert "federal default" in found.law_note


def test_cli_render_warns_when_the_private_placement_notice_is_late(tmp_path, capsys, sample_case):
    from planwriter.render.engine import default_registry

    path = casefile.save(sample_case, tmp_path / "case.pwcase")
    inputs = dict(default_registry().get("private-placement-notice").meta.sample_inputs)
    inputs["start_date"] = "2026-12-01"
    sets = [arg for key, value in inputs.items()
            for item in (value if isinstance(value, list) else [value])
            for arg in ("--set", f"{key}={item}")]
    out = tmp_path / "notice.docx"
    assert main(["render", str(path), "-t", "private-placement-notice", "--date", "2026-11-25",
                 "--out", str(out), *sets]) == 0
    captured = capsys.readouterr()
    assert "warning: Only 4 business days remain" in captured.err and "300.148(d)(1)(ii)" in captured.err
    assert captured.out.startswith("Wrote") and "Sincerely" not in captured.out


def test_cli_guidance_json_carries_the_evaluation_clock(tmp_path, capsys, sample_case):
    sample_case.child.state = "TX"
    path = casefile.save(sample_case, tmp_path / "case.pwcase")
    with use_state_rules(FIXTURE_RULES):
        assert main(["guidance", "initial-evaluation", "--case", str(path), "--date", "2026-12-11", "--json"]) == 0
    response = json.loads(capsys.readouterr().out)["response"]
    assert response["evaluation"]["amount"] == 45 and response["evaluation"]["unit"] == "school"
    assert response["evaluation"]["state_rule"] is True and response["warnings"] == []


@pytest.mark.parametrize(("typed", "words"), [("Texas", "under Texas rules ("),
                                              (" ca ", "under California rules (")])
def test_cli_render_set_state_reads_names_like_the_app(tmp_path, capsys, sample_case, typed, words):
    path = casefile.save(sample_case, tmp_path / "case.pwcase")
    assert main(["render", str(path), "-t", "initial-evaluation", "--date", "2026-12-11", "--set",
                 f"state={typed}"]) == 0
    assert words in " ".join(capsys.readouterr().out.split())
    assert main(["render", str(path), "-t", "initial-evaluation", "--set", "state=Texs"]) == 1
    assert "--set state: “Texs” is not a US state" in capsys.readouterr().err


def test_the_evaluation_due_date_says_what_the_state_clock_covers():
    case = Case(key_dates=KeyDates(request_date=dt.date(2026, 11, 25)))
    case.child.state = "NC"
    with use_state_rules(FIXTURE_RULES):
        (_request, due) = key_dates(case, dt.date(2026, 12, 1))
    assert due.kind == DateKind.EVALUATION_DUE and due.date == dt.date(2027, 2, 23)
    assert due.title == "Evaluation, eligibility decision and IEP due"
    assert "from the day the school receives the written referral" in due.rule
