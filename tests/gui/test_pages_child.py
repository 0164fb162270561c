"""Child & family page: typing goes into the case and into the letter preview."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planwriter.core.model import Case, Child, Pronouns, SenderRole
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.child import ChildPage
from planwriter.gui.pages.letters import LettersPage


@pytest.fixture
def context(data_dir):
    return AppContext(data_dir=data_dir)


@pytest.fixture
def page(qtbot, context, sample_case):
    page = ChildPage(context)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    return page


def test_it_shows_the_case_it_is_given(page, sample_case):
    assert page.nav_title == "Child & family"
    assert page.first_name_edit.edit.text() == sample_case.child.legal_first_name
    assert page.dob_edit.edit.text() == sample_case.child.date_of_birth.isoformat()
    assert page.guardians.count() == len(sample_case.guardians)
    page.set_case(Case(child=Child(legal_first_name="Sam")))
    assert page.first_name_edit.edit.text() == "Sam"
    assert page.guardians.count() == 0
    assert page.dob_edit.edit.text() == ""


def test_typing_a_name_reaches_the_letter_preview(qtbot, context, sample_case):
    child_page = ChildPage(context)
    letters = LettersPage(context)
    for widget in (child_page, letters):
        qtbot.addWidget(widget)
        widget.set_case(sample_case)
    child_page.changed.connect(context.signals.case_changed)  # what the main window does
    letters.show()
    assert letters.select_template("records")
    qtbot.waitUntil(lambda: "Alexander" in letters.preview.toPlainText())

    child_page.first_name_edit.edit.selectAll()
    qtbot.keyClicks(child_page.first_name_edit.edit, "Zacharias")
    assert sample_case.child.legal_first_name == "Zacharias"
    qtbot.waitUntil(lambda: "Zacharias James Rivera" in letters.preview.toPlainText(), timeout=2000)


def test_a_future_birth_date_is_refused_next_to_the_field(qtbot, page, sample_case):
    changes = []
    page.changed.connect(lambda: changes.append(True))
    page.dob_edit.edit.selectAll()
    qtbot.keyClicks(page.dob_edit.edit, f"{dt.date.today().year + 2}-02-01")
    assert page.dob_edit.error() == "The date of birth is in the future"
    assert page.dob_edit.error_label.isVisibleTo(page)
    assert sample_case.child.date_of_birth == dt.date(2017, 3, 14)
    assert changes == []  # nothing was stored, so nothing changed


def test_pronouns_and_state_are_stored(qtbot, page, sample_case):
    page.pronouns_edit.combo.setCurrentIndex(1)
    assert sample_case.child.pronouns is Pronouns.SHE
    edit = page.state_edit.combo.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "wa")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert sample_case.child.state == "WA"


@pytest.mark.parametrize(("typed", "code"), [("north carolina", "NC"), (" Texas ", "TX"), ("Texas (TX)", "TX")])
def test_the_state_accepts_a_typed_name_and_stores_the_code(qtbot, page, sample_case, typed, code):
    edit = page.state_edit.combo.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert sample_case.child.state == code
    assert page.state_edit.error() == ""


def test_an_unknown_state_is_refused_with_a_message_and_the_pick_list_chooses(qtbot, page, sample_case):
    edit = page.state_edit.combo.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "Texs")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert sample_case.child.state == "OR"
    assert "not a US state" in page.state_edit.error()
    combo = page.state_edit.combo
    combo.setCurrentIndex(combo.findData("CA"))
    combo.activated.emit(combo.currentIndex())
    assert sample_case.child.state == "CA" and page.state_edit.error() == ""


def test_guardians_can_be_added_reordered_and_removed(qtbot, page, sample_case):
    editor = page.guardians
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.guardian_name_edit.edit, "Rosa Alvarez")
    assert sample_case.guardians[-1].name == "Rosa Alvarez"
    assert editor.list.item(2).text().startswith("Rosa Alvarez")

    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert [g.name for g in sample_case.guardians] == ["Rosa Alvarez", "Maria Rivera", "Daniel Rivera"]
    assert not editor.up_button.isEnabled()

    editor.list.setCurrentRow(2)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [g.name for g in sample_case.guardians] == ["Rosa Alvarez", "Maria Rivera"]


def test_a_guardians_zip_code_is_checked(qtbot, page, sample_case):
    zip_field = next(f for f in page.guardians.form.fields() if f.label.text() == "ZIP code")
    zip_field.edit.selectAll()
    qtbot.keyClicks(zip_field.edit, "974")
    assert zip_field.error().startswith("A ZIP code has 5 digits")
    assert sample_case.guardians[0].address.postal_code == "97477"


def test_an_advocate_can_sign_the_letters(qtbot, page, sample_case):
    page.sender_role_edit.combo.setCurrentIndex(1)
    page.sender_name_edit.edit.selectAll()
    qtbot.keyClicks(page.sender_name_edit.edit, "Jordan Blake")
    assert sample_case.sender.role is SenderRole.ADVOCATE
    assert sample_case.sender.name == "Jordan Blake"
