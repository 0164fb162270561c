"""The Settings dialog: who signs the letters, an optional letterhead, and the default state."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planwriter.core.model import Sender, SenderRole
from planwriter.core.problems import problems_from_error
from planwriter.gui.appcontext import AppContext

log = logging.getLogger(__name__)

#: Sender fields edited as one line each: (model field, label).
_SENDER_FIELDS = ("name", "organization", "title", "phone", "email", "signature_line")
_ADDRESS_FIELDS = ("street", "street2", "city", "state", "postal_code")


class SettingsDialog(QDialog):
    """Edits ``context.settings``; OK validates, saves the JSON file and closes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(900)
        self.edits: dict[tuple[str, ...], QLineEdit] = {}
        self.error_labels: dict[tuple[str, ...], QLabel] = {}

        labels = {
            "name": self.tr("&Name"),
            "organization": self.tr("&Organization"),
            "title": self.tr("&Title"),
            "phone": self.tr("&Phone"),
            "email": self.tr("&Email"),
            "signature_line": self.tr("Si&gnature line"),
            "street": self.tr("&Street address"),
            "street2": self.tr("Apartment, s&uite or unit"),
            "city": self.tr("&City"),
            "state": self.tr("State"),
            "postal_code": self.tr("&ZIP code"),
        }
        hints = {
            "name": self.tr("As it should appear under the letters"),
            "organization": self.tr("Advocates: your organization, if any"),
            "title": self.tr("Advocates: for example Special Education Advocate"),
            "signature_line": self.tr("Optional, printed under your name, for example Parent of Alex"),
            "state": self.tr("Two letters, for example OR"),
            "postal_code": self.tr("5 digits, or 5 + 4 digits"),
        }

        # Who signs
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("Parent or guardian"), SenderRole.PARENT.value)
        self.role_combo.addItem(self.tr("Advocate"), SenderRole.ADVOCATE.value)
        self.role_combo.setAccessibleName(self.tr("I write letters as"))
        sender_form = QFormLayout()
        role_label = QLabel(self.tr("I write letters &as"))
        role_label.setBuddy(self.role_combo)
        sender_form.addRow(role_label, self.role_combo)
        for name in ("name", "organization", "title", "phone", "email", "signature_line"):
            self._add_row(sender_form, (name,), labels[name], hints.get(name, ""))
        address_form = QFormLayout()
        for name in _ADDRESS_FIELDS:
            self._add_row(address_form, ("address", name), labels[name], hints.get(name, ""))
        sender_box = QGroupBox(self.tr("Who signs the letters"))
        sender_intro = QLabel(
            self.tr("Used on every letter unless a case has its own sender. Parents can leave this empty: "
                    "the first parent or guardian of the case signs.")
        )
        sender_intro.setWordWrap(True)
        columns = QHBoxLayout()
        columns.addLayout(sender_form, 1)
        columns.addSpacing(16)
        columns.addLayout(address_form, 1)
        sender_layout = QVBoxLayout(sender_box)
        sender_layout.addWidget(sender_intro)
        sender_layout.addLayout(columns)

        # Letterhead and state
        self.letterhead_edit = QLineEdit()
        self.letterhead_edit.setReadOnly(True)
        self.letterhead_edit.setPlaceholderText(self.tr("None: plain pages"))
        self.letterhead_edit.setAccessibleName(self.tr("Letterhead document"))
        self.letterhead_button = QPushButton(self.tr("C&hoose…"))
        self.letterhead_button.setAccessibleName(self.tr("Choose a letterhead document"))
        self.letterhead_button.clicked.connect(self._choose_letterhead)
        self.clear_letterhead_button = QPushButton(self.tr("&Remove"))
        self.clear_letterhead_button.setAccessibleName(self.tr("Remove the letterhead"))
        self.clear_letterhead_button.clicked.connect(self._clear_letterhead)
        letterhead_row = QHBoxLayout()
        letterhead_row.addWidget(self.letterhead_edit, 1)
        letterhead_row.addWidget(self.letterhead_button)
        letterhead_row.addWidget(self.clear_letterhead_button)
        self.state_edit = QLineEdit()
        self.state_edit.setMaxLength(30)
        self.state_edit.setPlaceholderText(self.tr("For example OR"))
        self.state_edit.setAccessibleName(self.tr("Default state"))
        self.state_edit.setToolTip(self.tr("New cases start in this state; deadlines follow its rules"))
        other_form = QFormLayout()
        letterhead_label = QLabel(self.tr("&Letterhead"))
        letterhead_label.setBuddy(self.letterhead_button)
        other_form.addRow(letterhead_label, letterhead_row)
        hint = QLabel(self.tr("A Word document (.docx) whose header, footer and styles every export uses."))
        hint.setWordWrap(True)
        other_form.addRow("", hint)
        state_label = QLabel(self.tr("&Default state"))
        state_label.setBuddy(self.state_edit)
        other_form.addRow(state_label, self.state_edit)
        other_box = QGroupBox(self.tr("Documents"))
        other_box.setLayout(other_form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(sender_box)
        layout.addWidget(other_box)
        layout.addWidget(self.buttons)

        self._load(context)
        for edit in self.edits.values():
            edit.textChanged.connect(self.validate)
        self.validate()

    # ------------------------------------------------------------------ building

    def _add_row(self, form: QFormLayout, key: tuple[str, ...], label: str, hint: str) -> None:
        edit = QLineEdit()
        edit.setAccessibleName(label.replace("&", ""))
        error = QLabel()
        error.setObjectName("error_label")
        error.setWordWrap(True)
        error.setVisible(False)
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(edit)
        if hint:
            edit.setAccessibleDescription(hint)
            hint_label = QLabel(hint)  # one short line: wrapped labels in form cells get clipped
            font = hint_label.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            hint_label.setFont(font)
            cell.addWidget(hint_label)
        cell.addWidget(error)
        row_label = QLabel(label)
        row_label.setBuddy(edit)
        form.addRow(row_label, cell)
        self.edits[key] = edit
        self.error_labels[key] = error

    def _load(self, context: AppContext) -> None:
        settings = context.settings
        sender = settings.sender
        index = self.role_combo.findData(sender.role.value)
        self.role_combo.setCurrentIndex(max(index, 0))
        for name in _SENDER_FIELDS:
            self.edits[(name,)].setText(getattr(sender, name))
        for name in _ADDRESS_FIELDS:
            self.edits[("address", name)].setText(getattr(sender.address, name))
        self.letterhead_edit.setText(settings.letterhead)
        self.state_edit.setText(settings.default_state)

    # ------------------------------------------------------------------ values

    def sender_data(self) -> dict:
        data: dict = {"role": self.role_combo.currentData()}
        data.update({name: self.edits[(name,)].text() for name in _SENDER_FIELDS})
        data["address"] = {name: self.edits[("address", name)].text() for name in _ADDRESS_FIELDS}
        return data

    def validate(self) -> Sender | None:
        """Check the sender as typed; show each problem under its field. Returns the sender if valid."""
        from pydantic import ValidationError

        for label in self.error_labels.values():
            label.clear()
            label.setVisible(False)
        try:
            sender = Sender.model_validate(self.sender_data())
        except ValidationError as error:
            for problem in problems_from_error(error, Sender):
                key = tuple(str(part) for part in problem.location)
                label = self.error_labels.get(key)
                if label is not None:
                    label.setText(problem.message)
                    label.setVisible(True)
            self.ok_button.setEnabled(False)
            return None
        self.ok_button.setEnabled(True)
        return sender

    def accept(self) -> None:
        sender = self.validate()
        if sender is None:
            return
        settings = self.context.settings
        settings.sender = sender
        settings.letterhead = self.letterhead_edit.text()
        state = self.state_edit.text().strip()
        settings.default_state = state  # stored as its USPS code (core/settings.py)
        try:
            self.context.save_settings()
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Settings not saved"),
                self.tr("planwriter could not save your settings ({reason}).").format(
                    reason=error.strerror or error
                ),
            )
            return
        log.info("Saved the settings")
        super().accept()

    # ------------------------------------------------------------------ letterhead

    def ask_letterhead_path(self) -> Path | None:
        start = self.letterhead_edit.text() or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a letterhead document"), start, self.tr("Word documents (*.docx)")
        )
        return Path(path) if path else None

    def _choose_letterhead(self) -> None:
        path = self.ask_letterhead_path()
        if path is None:
            return
        if path.suffix.lower() != ".docx":
            QMessageBox.warning(
                self,
                self.tr("Not a Word document"),
                self.tr("The letterhead must be a Word document ending in .docx."),
            )
            return
        self.letterhead_edit.setText(str(path))

    def _clear_letterhead(self) -> None:
        self.letterhead_edit.clear()

    @classmethod
    def edit(cls, parent: QWidget | None, context: AppContext) -> bool:
        """Show the dialog; True when the user saved new settings."""
        return cls(context, parent).exec() == QDialog.DialogCode.Accepted
