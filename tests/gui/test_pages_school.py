"""School & team page: contacts by role, edited in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planwriter.core.model import Case, SchoolRole
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.school import SchoolPage


@pytest.fixture
def page(qtbot, data_dir):
    page = SchoolPage(AppContext(data_dir=data_dir))
    qtbot.addWidget(page)
    return page


def _field(page, label):
    return next(f for f in page.contacts.form.fields() if f.label.text() == label)


def test_it_lists_the_contacts_with_their_roles(page, sample_case):
    page.set_case(sample_case)
    assert page.contacts.count() == len(sample_case.contacts)
    assert page.contacts.list.item(0).text() == "Dr. Karen Whitfield\nPrincipal"
    assert page.name_edit.edit.text() == "Dr. Karen Whitfield"
    assert page.role_edit.combo.currentText() == "Principal"


def test_a_new_contact_gets_a_role_a_name_and_an_email(qtbot, page):
    case = Case()
    page.set_case(case)
    changes = []
    page.changed.connect(lambda: changes.append(True))
    qtbot.mouseClick(page.contacts.add_button, Qt.MouseButton.LeftButton)
    page.role_edit.combo.setCurrentIndex(list(SchoolRole).index(SchoolRole.SECTION_504_COORDINATOR))
    qtbot.keyClicks(page.name_edit.edit, "Linda Chen")
    qtbot.keyClicks(_field(page, "Email").edit, "lchen@example.org")
    contact = case.contacts[0]
    assert contact.role is SchoolRole.SECTION_504_COORDINATOR
    assert contact.name == "Linda Chen"
    assert contact.email == "lchen@example.org"
    assert page.contacts.list.item(0).text() == "Linda Chen\nSection 504 Coordinator"
    assert len(changes) > 3


def test_a_bad_email_is_explained_and_not_stored(qtbot, page, sample_case):
    page.set_case(sample_case)
    email = _field(page, "Email")
    email.edit.selectAll()
    qtbot.keyClicks(email.edit, "whitfield at school")
    assert email.error() == "This email address does not look complete (for example name@example.org)"
    assert sample_case.contacts[0].email == "kwhitfield@riverside.example.org"


def test_contacts_are_reordered_and_removed(qtbot, page, sample_case):
    page.set_case(sample_case)
    names = [c.name for c in sample_case.contacts]
    qtbot.mouseClick(page.contacts.down_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in sample_case.contacts][:2] == [names[1], names[0]]
    qtbot.mouseClick(page.contacts.remove_button, Qt.MouseButton.LeftButton)
    assert names[0] not in [c.name for c in sample_case.contacts]
    assert len(sample_case.contacts) == len(names) - 1
