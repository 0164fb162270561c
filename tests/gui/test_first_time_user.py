"""A parent who has never seen planwriter: from the welcome screen to a records request in Word, by typing."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from planwriter.core import casefile

SITUATION = "I want to see everything the school has on file about my child"


def field(form, label: str):
    """The field of ``form`` whose visible label is ``label`` (what a person reads on screen)."""
    return next(f for f in form.fields() if f.label is not None and f.label.text().rstrip(" *") == label)


def type_into(qtbot, form, label: str, text: str) -> None:
    qtbot.keyClicks(field(form, label).edit, text)


@pytest.fixture
def save_dialog(monkeypatch):
    """The file dialog answers with the paths a test puts here, and records what it suggested."""
    answers: list[Path] = []
    suggested: list[str] = []

    def ask(_parent, _title, start, _filter, *args, **kwargs):
        suggested.append(start)
        return str(answers.pop(0)), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return answers, suggested


def test_a_parent_writes_exports_and_saves_a_records_request_for_their_own_child(
    qtbot, window, tmp_path, save_dialog, messages
):
    answers, suggested = save_dialog

    # The welcome screen: "New case" has the focus, so Enter would do too.
    assert window.welcome.new_button.hasFocus()
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    assert window.current_page().title() == "Child & family"
    child_page = window.current_page()

    # Child & family, by typing: the first name has the focus; Tab goes from one field to the next.
    form = child_page.child_form
    assert QApplication.focusWidget() is field(form, "Legal first name").edit
    qtbot.keyClicks(field(form, "Legal first name").edit, "Maya")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field(form, "Middle name").edit
    type_into(qtbot, form, "Last name", "Okoro")
    type_into(qtbot, form, "Date of birth", "2016-09-02")
    type_into(qtbot, form, "Grade", "4")
    type_into(qtbot, form, "School", "Lincoln Elementary School")
    type_into(qtbot, form, "School district", "Cedar Valley School District")
    type_into(qtbot, form, "State", "WA")
    assert window.case.child.full_legal_name == "Maya Okoro"
    assert window.isWindowModified()

    guardians = child_page.guardians
    qtbot.mouseClick(guardians.add_button, Qt.MouseButton.LeftButton)
    for label, text in (("Name", "Ngozi Okoro"), ("Relationship", "mother"), ("Street", "12 Birch Lane"),
                        ("City", "Olympia"), ("State", "WA"), ("ZIP code", "98501"),
                        ("Email", "ngozi@example.org")):
        type_into(qtbot, guardians.form, label, text)
    assert guardians.list.item(0).text() == "Ngozi Okoro (mother)"

    # School & team: the principal, who receives a records request.
    assert window.show_page("School & team")
    school = window.current_page()
    qtbot.mouseClick(school.contacts.add_button, Qt.MouseButton.LeftButton)
    school.role_edit.combo.setCurrentIndex(school.role_edit.combo.findText("Principal"))
    type_into(qtbot, school.contacts.form, "Name", "Mr. Tom Baker")
    type_into(qtbot, school.contacts.form, "Greeting", "Mr. Baker")
    type_into(qtbot, school.contacts.form, "Email", "tbaker@cedarvalley.example.org")

    # Letters: the records request is found by its situation, in plain words, and clicked.
    assert window.show_page("Letters")
    letters = window.current_page()
    item = next(i for i in letters._template_items() if i.text(0) == SITUATION)
    letters.tree.scrollToItem(item)
    rect = letters.tree.visualItemRect(item)
    qtbot.mouseClick(letters.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert letters.template.id == "records"
    qtbot.waitUntil(lambda: "Dear Mr. Baker:" in letters.preview.toPlainText(), timeout=2000)
    assert letters.recipient_edit.combo.currentText() == "Mr. Tom Baker — Principal"

    # The letter's own questions.
    qtbot.keyClicks(letters.input_field("meeting_date").edit, "2027-01-12")
    qtbot.keyClicks(letters.input_field("extra_records").edit, "bus incident reports")
    qtbot.waitUntil(lambda: "bus incident reports" in letters.preview.toPlainText(), timeout=2000)
    assert letters.still_needed() == []
    assert letters.missing_text().startswith("✓ Everything this letter needs is filled in")

    # Export to Word; the save dialog suggests a good name, and "open it now?" is answered No.
    exported = tmp_path / "Records request - Maya.docx"
    answers.append(exported)
    qtbot.mouseClick(letters.export_button, Qt.MouseButton.LeftButton)
    assert exported.is_file()
    assert Path(suggested[0]).name.endswith("Request to inspect and copy education records - Maya Okoro.docx")
    assert [m[1] for m in messages] == ["Letter exported"]
    assert letters.preview_tabs.currentWidget() is letters.guidance_view  # what to do next
    assert "Keep proof" in letters.guidance_view.toPlainText()

    text = "\n".join(p.text for p in docx.Document(str(exported)).paragraphs)
    for expected in ("Ngozi Okoro", "12 Birch Lane", "Mr. Tom Baker", "Dear Mr. Baker:",
                     "Maya Okoro", "September 2, 2016", "Lincoln Elementary School",
                     "bus incident reports", "January 12, 2027"):
        assert expected in text
    assert "[" not in text  # no placeholder left for a missing value

    # The export is in the log, and the Dates & log section shows it.
    assert [e.template_id for e in window.case.correspondence] == ["records"]
    assert window.show_page("Dates & log")
    log_page = window.current_page()
    assert log_page.table.rowCount() == 1

    # Save the case (Ctrl+S asks for a name the first time) and open it again.
    case_path = tmp_path / "Maya Okoro.pwcase"
    answers.append(case_path)
    window.menu_actions.save.trigger()
    assert Path(suggested[1]).name == "Maya Okoro.pwcase"
    assert not window.isWindowModified()
    assert window.windowTitle() == "Maya Okoro.pwcase[*] — planwriter"

    reloaded = casefile.load(case_path)
    assert reloaded.child.full_legal_name == "Maya Okoro"
    assert reloaded.guardians[0].name == "Ngozi Okoro"
    assert reloaded.contacts[0].salutation == "Mr. Baker"
    assert reloaded.correspondence[0].file_name == exported.name

    window.files.close_case()
    assert window.files.open_path(case_path)
    assert window.show_page("Child & family")
    assert field(window.current_page().child_form, "Legal first name").edit.text() == "Maya"


def test_the_missing_list_says_where_each_gap_is_filled_in_and_its_links_go_there(qtbot, window, messages):
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    assert window.select_template("disagreement")
    letters = window.current_page()
    qtbot.waitUntil(lambda: letters.missing_text().startswith("Still needed before you can export"), timeout=2000)
    lines = letters.missing_text().splitlines()
    assert any(line.startswith("the child's name") and line.endswith("fill it in on Child & family")
               for line in lines)
    assert any("sender's name" in line and "Parents and guardians" in line for line in lines)
    assert any(line.endswith("fill it in under About this letter") for line in lines)

    # Export is refused with the same list, in words.
    qtbot.mouseClick(letters.export_button, Qt.MouseButton.LeftButton)
    assert messages[-1][1] == "Some information is missing"
    assert "(fill it in on Child & family)" in messages[-1][2]

    links = re.findall(r"href='([^']+)'", letters.missing_label.text())
    input_link = next(link for link in links if link.startswith("input:"))
    letters.missing_label.linkActivated.emit(input_link)
    assert QApplication.focusWidget() is letters.input_field(input_link.split(":")[1]).editor
    letters.missing_label.linkActivated.emit("section:ChildPage")
    assert window.current_page().title() == "Child & family"


def test_a_letter_to_nobody_by_name_suggests_adding_them_on_school_and_team(qtbot, window):
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    assert window.select_template("records")
    letters = window.current_page()
    qtbot.waitUntil(lambda: "without a name" in letters.missing_text(), timeout=2000)
    assert "The letter goes to “Principal” without a name. Add them on School & team" in letters.missing_text()
    assert "href='section:SchoolPage'" in letters.missing_label.text()
    letters.missing_label.linkActivated.emit("section:SchoolPage")
    assert window.current_page().title() == "School & team"
    school = window.current_page()
    qtbot.mouseClick(school.contacts.add_button, Qt.MouseButton.LeftButton)
    school.role_edit.combo.setCurrentIndex(school.role_edit.combo.findText("Principal"))
    type_into(qtbot, school.contacts.form, "Name", "Ms. Ada Park")
    assert window.show_page("Letters")
    qtbot.waitUntil(lambda: "Dear Ms. Ada Park:" in letters.preview.toPlainText(), timeout=2000)
    assert letters.recipient_edit.combo.currentText() == "Ms. Ada Park — Principal"
    assert "without a name" not in letters.missing_text()


def _tab_stops(window, start, count: int) -> list:
    """The widgets Tab visits after ``start``, as focusNextChild would (visible, enabled, Tab-focusable)."""
    stops, widget = [], start
    while len(stops) < count:
        widget = widget.nextInFocusChain()
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
    return stops


def test_tab_goes_from_the_list_of_letters_to_the_letters_own_questions_before_export(qtbot, window):
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    assert window.select_template("records")
    letters = window.current_page()
    stops = _tab_stops(window, letters.tree, 12)
    assert stops[0] is letters.input_field("meeting_date").edit
    assert stops.index(letters.recipient_edit.combo) > stops.index(letters.input_field("ask_fee_waiver").box)
    assert letters.export_button in _tab_stops(window, letters.tree, 20)
    assert _tab_stops(window, letters.tree, 20).index(letters.export_button) > stops.index(
        letters.recipient_edit.combo)


def test_every_input_on_child_and_family_has_its_own_accessible_name(qtbot, window):
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    page = window.current_page()
    qtbot.mouseClick(page.guardians.add_button, Qt.MouseButton.LeftButton)
    names = [f.editor.accessibleName() for form in (page.child_form, page.guardians.form, page.sender_form)
             for f in form.fields() if f.editor is not None]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    assert "Name (guardian)" in names and "Name (sender)" in names


def test_the_missing_list_names_the_childs_name_once(qtbot, window):
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    assert window.select_template("records")
    letters = window.current_page()
    qtbot.waitUntil(lambda: "the child's name" in letters.missing_text(), timeout=2000)
    assert letters.still_needed().count("the child's name") == 1
    assert "the child's first name" not in letters.missing_text()
    assert "the child's last name" not in letters.missing_text()
