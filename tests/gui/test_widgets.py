"""Model-bound form widgets: typing stores values, refused values show plain-language errors."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from planwriter.core.model import (
    AREA_LABELS,
    Area,
    Case,
    Child,
    Diagnosis,
    Guardian,
    Intervention,
)
from planwriter.gui.widgets import (
    ChoiceField,
    DateField,
    DictBinding,
    FormSection,
    LongTextField,
    ModelBinding,
    RepeatableEditor,
    TextField,
    TextListEditor,
    enum_choices,
    parse_date,
)


def test_it_stores_each_keystroke_in_the_model(qtbot):
    child = Child()
    field = TextField("Legal first name", ModelBinding(lambda: child, "legal_first_name"), help="As on records")
    qtbot.addWidget(field)
    field.refresh()
    edits = []
    field.edited.connect(lambda: edits.append(True))
    qtbot.keyClicks(field.edit, "Alex")
    assert child.legal_first_name == "Alex"
    assert len(edits) == 4
    assert field.error() == ""


def test_it_shows_the_plain_error_and_keeps_the_last_good_value(qtbot):
    guardian = Guardian(email="maria@example.org")
    field = TextField("Email", ModelBinding(lambda: guardian, "email"))
    qtbot.addWidget(field)
    field.refresh()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "maria")
    assert guardian.email == "maria@example.org"
    assert field.error() == "This email address does not look complete (for example name@example.org)"
    assert "pydantic" not in field.error().lower() and "value error" not in field.error().lower()
    qtbot.keyClicks(field.edit, "@example.org")
    assert guardian.email == "maria@example.org"
    assert field.error() == ""


def test_it_names_every_input_and_shows_its_help(qtbot):
    child = Child()
    field = TextField("Grade", ModelBinding(lambda: child, "grade"), help="For example 3")
    qtbot.addWidget(field)
    assert field.edit.accessibleName() == "Grade"
    assert field.edit.accessibleDescription() == "For example 3"
    assert field.help_label.text() == "For example 3"
    assert field.label.buddy() is field.edit


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2017-03-14", dt.date(2017, 3, 14)),
        ("3/14/2017", dt.date(2017, 3, 14)),
        ("2017/03/14", dt.date(2017, 3, 14)),
        ("", None),
        ("  ", None),
    ],
)
def test_it_reads_dates_written_in_the_usual_ways(typed, expected):
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["14.03.2017", "2017-13-01", "tomorrow", "2/30/2020"])
def test_it_refuses_text_that_is_not_a_date(typed):
    with pytest.raises(ValueError):
        parse_date(typed)


def test_a_future_date_of_birth_is_refused_next_to_the_field(qtbot):
    child = Child(date_of_birth=dt.date(2017, 3, 14))
    field = DateField("Date of birth", ModelBinding(lambda: child, "date_of_birth"))
    qtbot.addWidget(field)
    field.refresh()
    field.edit.selectAll()
    next_year = dt.date.today().year + 1
    qtbot.keyClicks(field.edit, f"{next_year}-01-01")
    assert field.error() == "The date of birth is in the future"
    assert child.date_of_birth == dt.date(2017, 3, 14)
    assert "The date of birth is in the future" in field.edit.accessibleDescription()


def test_a_date_field_can_be_emptied_and_says_what_is_wrong_while_typing(qtbot):
    child = Child(date_of_birth=dt.date(2017, 3, 14))
    field = DateField("Date of birth", ModelBinding(lambda: child, "date_of_birth"))
    qtbot.addWidget(field)
    field.refresh()
    assert field.readable.text() == "Tuesday, March 14, 2017"
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    assert child.date_of_birth is None
    qtbot.keyClicks(field.edit, "2017-0")
    assert field.error().startswith("“2017-0” is not a date")
    assert child.date_of_birth is None


def test_the_calendar_popup_fills_in_the_date(qtbot):
    child = Child()
    field = DateField("Date of birth", ModelBinding(lambda: child, "date_of_birth"))
    qtbot.addWidget(field)
    field.refresh()
    field.calendar.clicked.emit(QDate(2016, 5, 2))
    assert child.date_of_birth == dt.date(2016, 5, 2)
    assert field.edit.text() == "2016-05-02"


def test_a_check_that_spans_fields_keeps_the_old_value(qtbot):
    tried = Intervention(start=dt.date(2026, 1, 5), end=dt.date(2026, 6, 1))
    field = DateField("Ended", ModelBinding(lambda: tried, "end"))
    qtbot.addWidget(field)
    field.refresh()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "2025-01-01")
    assert field.error() == "The end date is before the start date"
    assert tried.end == dt.date(2026, 6, 1)


def test_a_choice_stores_the_enum_member(qtbot):
    level = Diagnosis()
    holder = {"area": Area.OTHER}
    field = ChoiceField("Area", DictBinding(lambda: holder, "area"), enum_choices(AREA_LABELS))
    qtbot.addWidget(field)
    field.refresh()
    assert field.combo.currentText() == "Other"
    field.combo.setCurrentIndex(list(Area).index(Area.MATH))
    assert holder["area"] is Area.MATH
    assert field.combo.itemText(list(Area).index(Area.EXECUTIVE_FUNCTION)) == "Organization and planning"
    assert level.name == ""


def test_a_long_text_keeps_paragraphs(qtbot):
    tried = Intervention()
    field = LongTextField("What was tried", ModelBinding(lambda: tried, "description"))
    qtbot.addWidget(field)
    field.refresh()
    field.edit.setPlainText("Small-group reading\n\nthree times a week")
    assert tried.description == "Small-group reading\n\nthree times a week"


def _guardian_editor(qtbot, case: Case) -> RepeatableEditor:
    editor = RepeatableEditor("guardian", "guardians", items=lambda: case.guardians, factory=Guardian,
                              summary=lambda g: g.name)
    editor.form.add(TextField("Name", ModelBinding(editor.current, "name")))
    qtbot.addWidget(editor)
    editor.refresh()
    return editor


def test_a_repeatable_editor_adds_edits_moves_and_removes_items(qtbot):
    case = Case()
    editor = _guardian_editor(qtbot, case)
    name = editor.form.fields()[0]
    assert editor.form.isHidden()
    assert not editor.remove_button.isEnabled()

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(name.edit, "Maria Rivera")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(name.edit, "Daniel Rivera")
    assert [g.name for g in case.guardians] == ["Maria Rivera", "Daniel Rivera"]
    assert editor.list.item(1).text() == "Daniel Rivera"

    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert [g.name for g in case.guardians] == ["Daniel Rivera", "Maria Rivera"]
    assert editor.list.currentRow() == 0
    assert name.edit.text() == "Daniel Rivera"

    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [g.name for g in case.guardians] == ["Maria Rivera"]
    assert name.edit.text() == "Maria Rivera"
    assert [editor.list.item(i).text() for i in range(editor.list.count())] == ["Maria Rivera"]


def test_a_repeatable_editor_works_from_the_keyboard(qtbot):
    case = Case(guardians=[Guardian(name="A"), Guardian(name="B")])
    editor = _guardian_editor(qtbot, case)
    editor.show()
    editor.list.setFocus()
    editor.list.setCurrentRow(0)
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [g.name for g in case.guardians] == ["B", "A"]
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert [g.name for g in case.guardians] == ["B"]
    for button in (editor.add_button, editor.remove_button, editor.up_button, editor.down_button):
        assert "guardian" in button.accessibleName()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_text_list_stores_only_filled_items(qtbot):
    case = Case(strengths=["kind"])

    def store(values):
        case.strengths = values

    editor = TextListEditor("strength", "strengths", get=lambda: case.strengths, store=store)
    qtbot.addWidget(editor)
    editor.show()
    editor.refresh()
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert case.strengths == ["kind"]  # the new, empty line is not stored
    editor.list.item(1).setText("loves science")
    assert case.strengths == ["kind", "loves science"]
    editor.list.setCurrentRow(1)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert case.strengths == ["loves science", "kind"]
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert case.strengths == ["kind"]


def test_a_form_section_refreshes_all_its_fields_without_reporting_edits(qtbot):
    child = Child(legal_first_name="Alex", grade="3")
    form = FormSection()
    qtbot.addWidget(form)
    form.add(TextField("First", ModelBinding(lambda: child, "legal_first_name")))
    form.add(TextField("Grade", ModelBinding(lambda: child, "grade")))
    edits = []
    form.edited.connect(lambda: edits.append(True))
    form.refresh()
    assert [f.edit.text() for f in form.fields()] == ["Alex", "3"]
    assert edits == []
