"""School & team: the people at school the letters go to, with their roles and addresses."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planwriter.core.model import ROLE_LABELS, Address, Contact
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.base import CasePage
from planwriter.gui.widgets import (
    ChoiceField,
    ModelBinding,
    RepeatableEditor,
    ScrollPage,
    TextField,
    add_address_fields,
    enum_choices,
    group_box,
)

log = logging.getLogger(__name__)


def role_label(contact: Contact) -> str:
    return QCoreApplication.translate("roles", ROLE_LABELS[contact.role])


def contact_summary(contact: Contact) -> str:
    """The name, and the role under it, for the list of contacts."""
    if contact.name:
        return f"{contact.name}\n{role_label(contact)}"
    return ""


class SchoolPage(CasePage):
    """Everyone at school the family writes to; letters pick their recipient from here by role."""

    nav_title = "School & team"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.nav_title = self.tr("School & team")
        self.scroll = ScrollPage(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.scroll.add_heading(
            self.tr("School & team"),
            self.tr("The people at school you write to. Each letter is addressed to the right person by "
                    "their role, for example a records request goes to the principal."),
        )
        self.contacts = RepeatableEditor(
            self.tr("contact"), self.tr("school contacts"),
            items=lambda: self.case.contacts if self.case is not None else None,
            factory=Contact,
            summary=contact_summary,
        )
        current = self.contacts.current

        def address() -> Address | None:
            contact = current()
            return contact.address if contact is not None else None

        form = self.contacts.form
        self.role_edit = ChoiceField(
            self.tr("Role"), ModelBinding(current, "role"),
            enum_choices(ROLE_LABELS, lambda text: QCoreApplication.translate("roles", text)),
            help=self.tr("What this person does for your child's schooling. Letters look for the "
                         "right role."),
        )
        form.add(self.role_edit)
        self.name_edit = form.add(TextField(
            self.tr("Name"), ModelBinding(current, "name"), placeholder=self.tr("For example Dr. Karen Whitfield"),
        ))
        form.add(TextField(
            self.tr("Greeting"), ModelBinding(current, "salutation"),
            help=self.tr("How the letter greets them after “Dear”, for example Dr. Whitfield or Ms. Park."),
        ))
        form.add(TextField(
            self.tr("Job title"), ModelBinding(current, "title"),
            help=self.tr("Optional. Their own title, if it differs from the role (for example "
                         "Director of Student Services)."),
        ))
        form.add(TextField(
            self.tr("Subject or service"), ModelBinding(current, "subject"),
            help=self.tr("Optional. For teachers and therapists: what they teach or provide, for example "
                         "speech therapy."),
        ))
        form.add(TextField(self.tr("Email"), ModelBinding(current, "email")))
        form.add(TextField(self.tr("Phone"), ModelBinding(current, "phone")))
        add_address_fields(form, address, self.tr("contact"))
        self.scroll.add(group_box(
            self.tr("School contacts"), self.contacts,
            intro=self.tr("Add at least the principal and the district's special education director; "
                          "most letters go to one of them."),
        ))
        self.scroll.finish()
        self.contacts.edited.connect(self.changed)

    def refresh(self) -> None:
        self.contacts.refresh()
