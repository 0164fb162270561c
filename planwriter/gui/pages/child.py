"""Child & family: who the child is, the parents or guardians, and who signs the letters."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QVBoxLayout, QWidget

from planwriter.core.model import Address, Guardian, Pronouns, Sender, SenderRole
from planwriter.core.states import STATE_NAMES, UnknownState, state_code
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.base import CasePage
from planwriter.gui.widgets import (
    Binding,
    CheckField,
    ChoiceField,
    DateField,
    Field,
    FormSection,
    ModelBinding,
    RepeatableEditor,
    ScrollPage,
    TextField,
    add_address_fields,
    group_box,
)

log = logging.getLogger(__name__)


class StateField(Field):
    """The child's state: a pick list of the states, DC and territories that also takes a typed name
    or code ("texas", " tx ") and stores the USPS code, as the case file and the CLI do."""

    def __init__(self, label: str, binding: Binding, help: str = "", parent: QWidget | None = None) -> None:
        super().__init__(label, binding, help, parent)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("", "")
        for code, name in sorted(STATE_NAMES.items(), key=lambda item: item[1]):
            self.combo.addItem(f"{name} ({code})", code)
        completer = QCompleter([self.combo.itemText(i) for i in range(1, self.combo.count())], self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setCompleter(completer)
        self.combo.lineEdit().setPlaceholderText(self.tr("For example Texas or TX"))
        self._set_editor(self.combo)
        #: The line edit inside the list, where a name or code is typed (like TextField.edit).
        self.edit = self.combo.lineEdit()
        self.combo.activated.connect(lambda _index: self._typed())
        self.edit.editingFinished.connect(self._typed)
        self.edit.textEdited.connect(self._typing)

    def _typing(self, text: str) -> None:
        """Store the state as soon as the text names one; say nothing until typing is finished."""
        index = self.combo.findText(text.strip(), Qt.MatchFlag.MatchFixedString)
        try:
            code = self.combo.itemData(index) if index >= 0 else state_code(text)
        except UnknownState:
            return
        if code and code != (self.binding.get() or ""):
            self.commit(code)

    def _typed(self) -> None:
        text = self.combo.currentText().strip()
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            code = self.combo.itemData(index)
        else:
            try:
                code = state_code(text)
            except UnknownState as error:
                self.set_error(str(error)[:1].upper() + str(error)[1:])
                return
        if code != (self.binding.get() or ""):
            self.commit(code)
        else:
            self.set_error("")
        self.show_value(code)

    def show_value(self, value: Any) -> None:
        index = self.combo.findData(value or "")
        self.combo.setCurrentIndex(max(index, 0))
        if index < 0 and value:
            self.combo.setEditText(str(value))


class ChildPage(CasePage):
    """The child's names, birth date, school, and the family; every field is stored as it is typed."""

    nav_title = "Child & family"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.nav_title = self.tr("Child & family")
        self.scroll = ScrollPage(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.scroll.add_heading(
            self.tr("Child & family"),
            self.tr("The basics that go into every letter. Everything is kept only in your case file "
                    "on this computer."),
        )
        self.child_form = self._build_child()
        self.scroll.add(group_box(self.tr("Your child"), self.child_form))
        self.guardians = self._build_guardians()
        self.scroll.add(group_box(
            self.tr("Parents and guardians"), self.guardians,
            intro=self.tr("Everyone who has a say in school decisions for your child. Put yourself first: "
                          "the first one listed signs the letters, unless you tick “Signs the letters” "
                          "for one or more of you, or “Who signs the letters” below or Settings names "
                          "someone else."),
        ))
        self.sender_form = self._build_sender()
        self.scroll.add(group_box(
            self.tr("Who signs the letters"), self.sender_form,
            intro=self.tr("Most parents leave this empty. Then the letters are signed by the sender saved "
                          "in Settings, or if there is none, by the first parent or guardian above. Fill it "
                          "in if someone else writes for the family, for example an advocate."),
        ))
        self.scroll.finish()
        for part in (self.child_form, self.guardians, self.sender_form):
            part.edited.connect(self.changed)

    # ------------------------------------------------------------------ building
    def _child(self):
        return self.case.child if self.case is not None else None

    def _build_child(self) -> FormSection:
        form = FormSection(self)

        def text(name: str, label: str, help: str = "", placeholder: str = "") -> TextField:
            field = TextField(label, ModelBinding(self._child, name), help=help, placeholder=placeholder)
            form.add(field)
            return field

        self.first_name_edit = text("legal_first_name", self.tr("Legal first name"),
                                    self.tr("As it appears on school records."))
        self.middle_name_edit = text("legal_middle_name", self.tr("Middle name"))
        self.last_name_edit = text("legal_last_name", self.tr("Last name"))
        self.preferred_name_edit = text(
            "preferred_name", self.tr("Goes by"),
            self.tr("The name your child uses every day, if it differs from the legal first name. "
                    "Letters use it after the first mention."),
            self.tr("For example Alex"),
        )
        self.dob_edit = DateField(
            self.tr("Date of birth"), ModelBinding(self._child, "date_of_birth"),
            help=self.tr("Type it as YYYY-MM-DD (for example 2017-03-14) or use the calendar."),
        )
        form.add(self.dob_edit)
        self.pronouns_edit = ChoiceField(
            self.tr("Pronouns"), ModelBinding(self._child, "pronouns"),
            [(Pronouns.HE, self.tr("he / him")), (Pronouns.SHE, self.tr("she / her")),
             (Pronouns.THEY, self.tr("they / them"))],
            help=self.tr("Used when a letter talks about your child."),
        )
        form.add(self.pronouns_edit)
        self.grade_edit = text("grade", self.tr("Grade"), placeholder=self.tr("For example 3, K or Pre-K"))
        self.school_edit = text("school", self.tr("School"), placeholder=self.tr("Full name of the school"))
        self.district_edit = text("district", self.tr("School district"))
        self.state_edit = StateField(
            self.tr("State"), ModelBinding(self._child, "state"),
            help=self.tr("Pick it from the list or type its name or two letters (Texas or TX). Deadlines "
                         "in the letters and on Dates & log follow your state's rules."),
        )
        form.add(self.state_edit)
        self.student_id_edit = text("student_id", self.tr("Student ID"),
                                    self.tr("Optional. Helps the school find the right file."))
        self.home_language_edit = text(
            "home_language", self.tr("Language spoken at home"),
            self.tr("Optional. The school must offer an interpreter at meetings if you need one."),
        )
        return form

    def _build_guardians(self) -> RepeatableEditor:
        editor = RepeatableEditor(
            self.tr("parent or guardian"), self.tr("parents and guardians"),
            items=lambda: self.case.guardians if self.case is not None else None,
            # Empty, not the model's "parent": a person who clicks into the field and types "mother"
            # would otherwise get "parentmother". Letters still say "parent" while it is empty.
            factory=lambda: Guardian(relationship=""),
            summary=lambda g: f"{g.name} ({g.relationship})" if g.name and g.relationship else g.name,
        )
        form = editor.form
        current = editor.current

        def address() -> Address | None:
            guardian = current()
            return guardian.address if guardian is not None else None

        form.add(TextField(self.tr("Name"), ModelBinding(current, "name"),
                           placeholder=self.tr("First and last name")))
        form.add(TextField(self.tr("Relationship"), ModelBinding(current, "relationship"),
                           help=self.tr("For example mother, father, grandmother, foster parent."),
                           placeholder=self.tr("parent")))
        form.add(TextField(self.tr("Phone"), ModelBinding(current, "phone")))
        form.add(TextField(self.tr("Email"), ModelBinding(current, "email")))
        form.add(TextField(self.tr("Preferred language"), ModelBinding(current, "preferred_language"),
                           help=self.tr("If it is not English, letters ask for an interpreter and for "
                                        "documents in this language.")))
        form.add(CheckField(self.tr("Signs the letters"), ModelBinding(current, "signs_letters"),
                            help=self.tr("Tick it for each parent who signs. Two parents who both sign "
                                         "write as \"we\" and each get a signature; an advocate writes "
                                         "on behalf of the parents ticked here.")))
        add_address_fields(form, address, self.tr("guardian"))
        _name_for_screen_readers(form, self.tr("guardian"))
        self.guardian_name_edit = form.fields()[0]
        return editor

    def _sender(self) -> Sender | None:
        return self.case.sender if self.case is not None else None

    def _sender_address(self) -> Address | None:
        sender = self._sender()
        return sender.address if sender is not None else None

    def _build_sender(self) -> FormSection:
        form = FormSection(self)
        binding = self._sender
        self.sender_role_edit = ChoiceField(
            self.tr("Writes as"), ModelBinding(binding, "role"),
            [(SenderRole.PARENT, self.tr("Parent or guardian")), (SenderRole.ADVOCATE, self.tr("Advocate"))],
            help=self.tr("An advocate's letters say they write for the family, with its permission."),
        )
        form.add(self.sender_role_edit)
        self.sender_name_edit = form.add(TextField(
            self.tr("Name"), ModelBinding(binding, "name"),
            help=self.tr("Leave empty to sign as the first parent or guardian above."),
        ))
        form.add(TextField(self.tr("Organization"), ModelBinding(binding, "organization"),
                           help=self.tr("Advocates only: the organization you work for, if any.")))
        form.add(TextField(self.tr("Title"), ModelBinding(binding, "title"),
                           placeholder=self.tr("For example Special Education Advocate")))
        form.add(TextField(self.tr("Phone"), ModelBinding(binding, "phone")))
        form.add(TextField(self.tr("Email"), ModelBinding(binding, "email")))
        form.add(TextField(self.tr("Signature line"), ModelBinding(binding, "signature_line"),
                           help=self.tr("Optional. Printed under the name, for example “Parent of Alex "
                                        "Rivera”.")))
        add_address_fields(form, self._sender_address, self.tr("sender"))
        _name_for_screen_readers(form, self.tr("sender"))
        return form

    # ------------------------------------------------------------------ CasePage
    def focus_first_field(self) -> None:
        self.scroll.ensureWidgetVisible(self.first_name_edit)
        self.first_name_edit.edit.setFocus()

    def refresh(self) -> None:
        for part in (self.child_form, self.guardians, self.sender_form):
            part.refresh()


def _name_for_screen_readers(form: FormSection, whose: str) -> None:
    """Guardians and the sender both have a Name, a Phone…: a screen reader says whose field it is."""
    for field in form.fields():
        editor = field.editor
        if editor is not None and "(" not in editor.accessibleName():
            editor.setAccessibleName(f"{editor.accessibleName()} ({whose})")
