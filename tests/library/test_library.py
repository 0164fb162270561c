"""The case library: listing, the index, search and order, what is due, the .ics calendar."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from icalendar import Calendar

from planwriter.core import casefile
from planwriter.core.keydates import key_dates
from planwriter.core.library import INDEX_NAME, Library, by_next_date, due_calendar, due_items, search

from .conftest import TODAY, make_case


def _by_file(summaries):
    return {Path(s.path).name: s for s in summaries}


def test_lists_every_case_in_folder_and_subfolders(library_folder: Path, tmp_path: Path) -> None:
    summaries = Library(library_folder, tmp_path / "data").scan(TODAY)
    files = _by_file(summaries)
    assert len(summaries) == 14  # 12 cases, a damaged file and a newer one
    assert "case-0002.pwcase" in files and Path(files["case-0002.pwcase"].path).parent.name == "families"
    s = files["case-0001.pwcase"]
    assert (s.child, s.school, s.state, s.plan) == ("Sam Chen1", "Cedar Middle School", "CA", "504")
    assert s.last_letter_date == (TODAY - dt.timedelta(days=2)).isoformat()
    assert s.last_letter_title == "Request for an IEP meeting"
    assert s.problem == ""


def test_unreadable_files_are_listed_with_their_problem_and_left_alone(library_folder: Path,
                                                                        tmp_path: Path) -> None:
    damaged = library_folder / "damaged.pwcase"
    newer = library_folder / "families" / "from-the-future.pwcase"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (damaged, newer)}
    files = _by_file(Library(library_folder, tmp_path / "data").scan(TODAY))
    assert "damaged or incomplete" in files["damaged.pwcase"].problem
    assert "newer version of planwriter" in files["from-the-future.pwcase"].problem
    assert files["damaged.pwcase"].name == "damaged"
    for p, state in before.items():
        assert (p.read_bytes(), p.stat().st_mtime_ns) == state
    assert not list(library_folder.rglob("*.bak"))


def test_dates_come_from_the_key_dates_of_each_case(library_folder: Path, tmp_path: Path) -> None:
    files = _by_file(Library(library_folder, tmp_path / "data").scan(TODAY))
    for i in (0, 1, 5):
        case = casefile.load(Path(files[f"case-{i:04d}.pwcase"].path))
        expected = key_dates(case, TODAY)
        got = files[f"case-{i:04d}.pwcase"]
        assert [(d.date, d.title, d.overdue) for d in got.dates] == [
            (k.date.isoformat(), k.title, k.overdue) for k in expected]
        assert got.overdue == sum(k.overdue for k in expected)
        upcoming = [k for k in expected if not k.done and k.date >= TODAY]
        assert got.next_date().date == upcoming[0].date.isoformat()


def test_second_scan_comes_from_the_index(library_folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = Library(library_folder, data)
    listed = first.scan(TODAY)
    assert first.read_count == 14
    assert (data / INDEX_NAME).is_file()
    second = Library(library_folder, data)
    again = second.scan(TODAY)
    assert second.read_count == 0
    assert [s.as_json() for s in again] == [s.as_json() for s in listed]


def test_index_is_refreshed_when_a_file_changes_is_added_or_removed(library_folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    Library(library_folder, data).scan(TODAY)
    path = library_folder / "case-0000.pwcase"
    case = casefile.load(path)
    case.child.school = "Lincoln High School"
    casefile.save(case, path, keep_backup=False)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))  # a coarse file system clock
    casefile.save(make_case(99), library_folder / "new.pwcase", keep_backup=False)
    (library_folder / "case-0003.pwcase").unlink()
    library = Library(library_folder, data)
    files = _by_file(library.scan(TODAY))
    assert library.read_count == 2
    assert files["case-0000.pwcase"].school == "Lincoln High School"
    assert "new.pwcase" in files and "case-0003.pwcase" not in files
    index = json.loads((data / INDEX_NAME).read_text(encoding="utf-8"))
    assert not any(k.endswith("case-0003.pwcase") for k in index["entries"])


def test_another_day_reads_the_cases_again(library_folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    Library(library_folder, data).scan(TODAY)
    library = Library(library_folder, data)
    later = TODAY + dt.timedelta(days=30)
    files = _by_file(library.scan(later))
    assert library.read_count == 14  # overdue depends on the day
    assert files["case-0001.pwcase"].overdue == 2  # its annual review and the answer due have passed
    assert all(d.date >= later.isoformat() for s in files.values() if (d := s.next_date()))


def test_damaged_index_is_rebuilt(library_folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / INDEX_NAME).write_text("{not json", encoding="utf-8")
    library = Library(library_folder, data)
    assert len(library.scan(TODAY)) == 14
    assert json.loads((data / INDEX_NAME).read_text(encoding="utf-8"))["entries"]


def test_search_and_sort(library_folder: Path, tmp_path: Path) -> None:
    summaries = Library(library_folder, tmp_path / "data").scan(TODAY)
    assert {s.child for s in search(summaries, "cedar chen")} == {"Sam Chen1"}  # every word, any field
    assert {s.child for s in search(summaries, "LUCIA")} == {"Lucia Kim8"}
    assert {s.child for s in search(summaries, "504 plan ny")} == {"Ben Patel9"}
    assert {Path(s.path).name for s in search(summaries, "newer version")} == {"from-the-future.pwcase"}
    assert search(summaries, "  ") == summaries
    ordered = by_next_date(summaries)
    overdue = [s for s in ordered if s.overdue]
    assert ordered[: len(overdue)] == overdue
    rest = [s for s in ordered[len(overdue):] if not s.problem]
    dates = [s.next_date().date for s in rest if s.next_date()]
    assert dates == sorted(dates)
    assert all(s.problem for s in ordered[-2:])


def test_due_items_window_and_overdue(library_folder: Path, tmp_path: Path) -> None:
    summaries = Library(library_folder, tmp_path / "data").scan(TODAY)
    week = due_items(summaries, TODAY, 7)
    end = TODAY + dt.timedelta(days=7)
    assert week, "the generated cases have dates this week"
    for item in week:
        assert item.overdue or TODAY <= item.date <= end
    # Every overdue date of every case, and nothing done.
    overdue = [i for i in week if i.overdue]
    assert len(overdue) == sum(s.overdue for s in summaries)
    assert week[: len(overdue)] == overdue
    # Case 0: meeting 5 days ago (not a deadline), review in 3 days, an answer due 5 days ago.
    zero = [(i.date, i.title, i.overdue) for i in week if i.path.endswith("case-0000.pwcase")]
    assert zero == [(TODAY - dt.timedelta(days=5), "Answer due: Request to inspect and copy education records", True),
                    (TODAY + dt.timedelta(days=3), "Annual review due", False)]
    # The window edges: a date exactly N days out is in, N + 1 is not.
    one = [(i.date, i.title) for i in due_items(summaries, TODAY, 0) if i.path.endswith("case-0005.pwcase")]
    assert one == [(TODAY, "Next meeting")]
    with pytest.raises(ValueError):
        due_items(summaries, TODAY, -1)


def test_answers_received_are_not_due(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    case = make_case(0)
    case.correspondence[0].response_received = TODAY - dt.timedelta(days=1)
    casefile.save(case, folder / "a.pwcase", keep_backup=False)
    items = due_items(Library(folder, None).scan(TODAY), TODAY, 7)
    assert [i.title for i in items] == ["Annual review due"]


def test_calendar_export(library_folder: Path, tmp_path: Path) -> None:
    items = due_items(Library(library_folder, tmp_path / "data").scan(TODAY), TODAY, 7)
    data = due_calendar(items, stamp=dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC))
    cal = Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(items)
    for event, item in zip(events, items, strict=True):
        assert event.decoded("dtstart") == item.date
        assert event.decoded("dtend") == item.date + dt.timedelta(days=1)
        assert item.child in str(event.get("summary")) and item.title in str(event.get("summary"))
        assert str(event.get("summary")).startswith("OVERDUE: ") == item.overdue
    assert len({str(e.get("uid")) for e in events}) == len(events)
    assert due_calendar(items, stamp=dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)) == data


def test_library_and_batch_log_no_personal_details(library_folder: Path, tmp_path: Path, caplog) -> None:
    import logging

    from planwriter.render.library_batch import PACKET, batch_export

    caplog.set_level(logging.DEBUG)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "library-index.json").write_text("{broken", encoding="utf-8")
    summaries = Library(library_folder, tmp_path / "data").scan(TODAY)
    paths = [Path(s.path) for s in summaries]
    batch_export(paths, "records", tmp_path / "out", today=TODAY)
    batch_export(paths[:2], PACKET, tmp_path / "out", today=TODAY)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged
    for detail in ("Rivera", "Chen", "Maple Grove", "Cedar", "555-0142", "case-0", "damaged", str(tmp_path)):
        assert detail not in logged, detail


def test_index_of_another_version_is_rebuilt(library_folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    Library(library_folder, data).scan(TODAY)
    index = json.loads((data / INDEX_NAME).read_text(encoding="utf-8"))
    index["version"] = "0.0.1/1"
    (data / INDEX_NAME).write_text(json.dumps(index), encoding="utf-8")
    library = Library(library_folder, data)
    library.scan(TODAY)
    assert library.read_count == 14


def test_calendar_says_how_a_date_was_worked_out() -> None:
    from planwriter.core.library import DueItem

    item = DueItem(path="/cases/a.pwcase", child="Sam", date=TODAY, title="Evaluation due", kind="evaluation_due",
                   overdue=False, estimate=True, rule="60 calendar days after consent", source="34 CFR 300.301(c)",
                   estimate_reason="The school calendar is not entered.", state_rule=False)
    event = Calendar.from_ical(due_calendar([item])).walk("VEVENT")[0]
    text = str(event.get("description"))
    assert "60 calendar days after consent" in text
    assert "Legal basis (federal rule): 34 CFR 300.301(c)" in text
    assert "estimate" in text and "The school calendar is not entered." in text
    assert "Case file: /cases/a.pwcase" in text
