"""The case library window, the sender profiles dialog and choosing a case's sender."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QInputDialog

from planwriter.core import casefile
from planwriter.core.library import due_items
from planwriter.core.profiles import ProfileBook, SenderProfile, load_profiles, save_profiles
from planwriter.gui.library import PATH_ROLE, LibraryWindow
from planwriter.gui.profiles_dialog import ProfilesDialog
from planwriter.render.library_batch import PACKET

_spec = importlib.util.spec_from_file_location(
    "library_cases", Path(__file__).resolve().parents[1] / "library" / "conftest.py")
_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_cases)


@pytest.fixture
def library(window, context, tmp_path: Path):
    folder = tmp_path / "cases"
    _cases.write_library(folder, 9, dt.date.today())
    context.settings.library_folder = str(folder)
    window.show_library()
    lw: LibraryWindow = window.library_window
    yield lw
    lw.close()


def _column(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_lists_every_case_with_problems_shown(library):
    table = library.cases_table
    assert table.rowCount() == 11
    plans = _column(table, 3)
    problems = [table.item(row, 4).text() for row in range(table.rowCount()) if plans[row] == "Cannot be read"]
    assert len(problems) == 2 and any("newer version" in p for p in problems)
    assert any("damaged" in p for p in problems)
    assert library.count_label.text().startswith("11 cases; 2 cannot be read")
    # Sorted by the next date: overdue cases first.
    overdue = _column(table, 5)
    first_plain = overdue.index("")
    assert all(overdue[:first_plain]) and not any(overdue[first_plain:])


def test_search_filters_the_table(qtbot, library):
    qtbot.keyClicks(library.search_edit, "cedar")
    schools = _column(library.cases_table, 1)
    assert schools and all(s == "Cedar Middle School" for s in schools)
    assert "shown of" in library.count_label.text()
    library.search_edit.clear()
    assert library.cases_table.rowCount() == 11


def test_this_week_shows_the_due_dates(library):
    today = dt.date.today()
    expected = due_items(library.summaries, today, 7)
    table = library.due_table
    assert table.rowCount() == len(expected) > 0
    assert sorted(_column(table, 0)) == sorted(i.date.isoformat() for i in expected)
    library.days_spin.setValue(0)
    assert table.rowCount() == len(due_items(library.summaries, today, 0))
    assert library.tabs.tabText(1).endswith(f"({table.rowCount()})")
    # The two unreadable cases have no dates: the week view says so.
    assert "2 cases could not be read, so their dates are missing" in library.due_note.text()


def test_double_click_opens_the_case(window, library):
    item = library.cases_table.item(0, 0)
    library._open_item(item)
    assert window.file_path == Path(item.data(PATH_ROLE)).resolve()
    assert window.case is not None


def test_calendar_export(monkeypatch, library, tmp_path):
    target = tmp_path / "week.ics"
    monkeypatch.setattr(library, "ask_calendar_path", lambda: target)
    assert library.export_calendar() == target
    assert len(list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))) == len(library.due)


def test_new_case_in_the_folder(monkeypatch, window, context, library):
    book = ProfileBook()
    profile = book.add(SenderProfile())
    profile.sender.name = "Dana Ortiz"
    book.default_id = profile.id
    save_profiles(book, context.data_dir)
    monkeypatch.setattr(library, "ask_child_name", lambda: "Rosa Maria Delgado")
    path = library.new_case()
    assert path == library.folder / "Rosa Maria Delgado.pwcase"
    case = casefile.load(path)
    assert (case.child.legal_first_name, case.child.legal_last_name) == ("Rosa Maria", "Delgado")
    assert case.sender_profile_id == profile.id and case.sender.name == "Dana Ortiz"
    assert window.file_path == path.resolve()
    assert library.cases_table.rowCount() == 12


def test_batch_export_with_report(monkeypatch, library, tmp_path):
    table = library.cases_table
    table.selectAll()
    out = tmp_path / "out"
    monkeypatch.setattr(library, "ask_batch", lambda count: (PACKET, out))
    shown = []
    monkeypatch.setattr(library, "show_message", lambda title, text, details="": shown.append((text, details)))
    report = library.batch_export()
    assert len(report.items) == 11 and len(report.written) == 9
    assert len(list(out.glob("*.docx"))) == 9
    text, details = shown[-1]
    assert text.startswith("9 of 11 documents written")
    assert "damaged" in details and "newer version" in details


def test_profiles_dialog_adds_and_saves(qtbot, context):
    dialog = ProfilesDialog(context)
    qtbot.addWidget(dialog)
    dialog.add_profile()
    qtbot.keyClicks(dialog.edits["name"], "Lee Park")
    qtbot.keyClicks(dialog.edits["organization"], "Family Advocacy Network")
    qtbot.keyClicks(dialog.edits["email"], "not an email")
    dialog.accept()
    assert "email" in dialog.error_label.text().lower()
    assert load_profiles(context.data_dir).profiles == []
    dialog.edits["email"].clear()
    qtbot.keyClicks(dialog.edits["email"], "lee@example.org")
    dialog.make_default()
    dialog.accept()
    book = load_profiles(context.data_dir)
    assert [p.sender.name for p in book.profiles] == ["Lee Park"]
    assert book.default().sender.email == "lee@example.org"


def test_choose_the_sender_of_the_open_case(monkeypatch, window, context, library):
    book = ProfileBook()
    book.add(SenderProfile()).sender.name = "Dana Ortiz"
    save_profiles(book, context.data_dir)
    library._open_item(library.cases_table.item(0, 0))
    labels_seen = []

    def pick(parent, title, label, labels, current, editable):
        labels_seen.append(labels)
        return labels[1], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    window.choose_case_sender()
    assert window.case.sender.name == "Dana Ortiz"
    assert window.case.sender_profile_id == book.profiles[0].id
    assert window.isWindowModified()
    assert len(labels_seen[0]) == 2


def test_refresh_keeps_the_selection_and_the_users_sort(library, tmp_path):
    table = library.cases_table
    table.sortItems(0)  # by child
    table.selectRow(2)
    chosen = library.selected_paths()
    casefile.save(_cases.make_case(50), library.folder / "late.pwcase", keep_backup=False)
    library.refresh()
    assert table.rowCount() == 12
    assert library.selected_paths() == chosen
    names = _column(table, 0)
    assert names == sorted(names, key=str.casefold)


def test_editing_a_profile_updates_the_open_case(monkeypatch, window, context, library):
    book = ProfileBook()
    profile = book.add(SenderProfile())
    profile.sender.name = "Dana Ortiz"
    save_profiles(book, context.data_dir)
    library._open_item(library.cases_table.item(0, 0))
    from planwriter.core.profiles import apply_profile

    apply_profile(window.case, profile)

    def edit_and_accept(dialog):
        dialog.edits["phone"].setText("(503) 555-0100")
        dialog._store_current()
        dialog.accept()
        return 1

    monkeypatch.setattr(ProfilesDialog, "exec", edit_and_accept)
    window.show_profiles()
    assert window.case.sender.phone == "(503) 555-0100" and window.isWindowModified()


def test_enter_opens_the_selected_case(qtbot, window, library):
    from PySide6.QtCore import Qt

    table = library.cases_table
    table.setFocus()
    table.selectRow(1)
    expected = Path(table.item(1, 0).data(PATH_ROLE)).resolve()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.file_path == expected


def test_exports_use_the_case_profile_letterhead(context, tmp_path):
    from planwriter.core.model import Case
    from planwriter.core.profiles import apply_profile
    from planwriter.gui.profiles_dialog import case_letterhead

    mine, settings_head = tmp_path / "mine.docx", tmp_path / "settings.docx"
    for path in (mine, settings_head):
        path.write_bytes(b"PK")
    context.settings.letterhead = str(settings_head)
    book = ProfileBook()
    with_head = book.add(SenderProfile(letterhead=str(mine)))
    without = book.add(SenderProfile())
    save_profiles(book, context.data_dir)
    case = Case()
    assert case_letterhead(context, case) == settings_head
    apply_profile(case, with_head)
    assert case_letterhead(context, case) == mine
    apply_profile(case, without)
    assert case_letterhead(context, case) == settings_head
    assert case_letterhead(context, None) == settings_head
