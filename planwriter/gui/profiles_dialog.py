"""Sender profiles: the list of people who sign letters, and choosing one for the open case.

The profiles are kept by :mod:`planwriter.core.profiles` in the app-data folder; this dialog only
edits them. Choosing a profile for a case copies its details into the case (``apply_profile``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planwriter.core.model import Address, Sender, SenderRole
from planwriter.core.profiles import ProfileBook, SenderProfile, load_profiles, save_profiles

if TYPE_CHECKING:
    from planwriter.core.model import Case
    from planwriter.gui.appcontext import AppContext

log = logging.getLogger(__name__)

_FIELDS = ("name", "title", "organization", "phone", "email", "signature_line")
_ADDRESS = ("street", "street2", "city", "state", "postal_code")


class ProfilesDialog(QDialog):
    """Add, edit and remove sender profiles; OK checks every profile and saves them all."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.book = load_profiles(context.data_dir)
        self.setWindowTitle(self.tr("Sender profiles"))
        self.setMinimumWidth(820)
        self._current = -1

        intro = QLabel(self.tr("The people who sign letters: you as a parent, or the advocates of your "
                               "organization. Each case chooses one (File ▸ Sender for this case). Profiles are "
                               "kept on this computer, not in the case files."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Profiles"))
        self.list.currentRowChanged.connect(self._show_row)
        add = QPushButton(self.tr("&Add"))
        add.clicked.connect(self.add_profile)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.clicked.connect(self.remove_profile)
        self.default_button = QPushButton(self.tr("Use for &new cases"))
        self.default_button.clicked.connect(self.make_default)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove_button)
        left.addLayout(row)
        left.addWidget(self.default_button)

        labels = {
            "name": self.tr("&Name"), "title": self.tr("&Title"), "organization": self.tr("&Organization"),
            "phone": self.tr("&Phone"), "email": self.tr("&Email"), "signature_line": self.tr("Si&gnature text"),
            "street": self.tr("&Street address"), "street2": self.tr("Apartment, s&uite or unit"),
            "city": self.tr("&City"), "state": self.tr("State"), "postal_code": self.tr("&ZIP code"),
        }
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("Parent or guardian"), SenderRole.PARENT.value)
        self.role_combo.addItem(self.tr("Advocate"), SenderRole.ADVOCATE.value)
        form = QFormLayout()
        form.addRow(self.tr("Writes &as"), self.role_combo)
        self.edits: dict[str, QLineEdit] = {}
        for name in (*_FIELDS, *_ADDRESS):
            edit = QLineEdit()
            edit.setAccessibleName(labels[name].replace("&", ""))
            self.edits[name] = edit
            form.addRow(labels[name], edit)
            edit.textEdited.connect(self._store_current)
        self.role_combo.currentIndexChanged.connect(self._store_current)
        self.letterhead_edit = QLineEdit()
        self.letterhead_edit.setReadOnly(True)
        self.letterhead_edit.setPlaceholderText(self.tr("None: the letterhead in Settings, or plain pages"))
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self._choose_letterhead)
        clear = QPushButton(self.tr("Clea&r"))
        clear.clicked.connect(lambda: (self.letterhead_edit.clear(), self._store_current()))
        head_row = QHBoxLayout()
        head_row.addWidget(self.letterhead_edit, 1)
        head_row.addWidget(choose)
        head_row.addWidget(clear)
        head_label = QLabel(self.tr("&Letterhead"))
        head_label.setBuddy(choose)
        form.addRow(head_label, head_row)
        self.form_widget = QWidget()
        self.form_widget.setLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a00;")

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addWidget(self.form_widget, 6)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(box)
        self._drafts: list[dict] = [self._as_draft(p) for p in self.book.profiles]
        self._refresh_list(0 if self._drafts else -1)

    # ------------------------------------------------------------------ drafts (what is typed)

    @staticmethod
    def _as_draft(profile: SenderProfile) -> dict:
        s = profile.sender
        draft = {name: getattr(s, name) for name in _FIELDS}
        draft.update({name: getattr(s.address, name) for name in _ADDRESS})
        draft.update(id=profile.id, role=s.role.value, letterhead=profile.letterhead)
        return draft

    @staticmethod
    def _as_profile(draft: dict) -> SenderProfile:
        """Raises ``ValidationError`` for a value the model refuses (an email, a ZIP code)."""
        address = Address(**{name: draft[name].strip() for name in _ADDRESS})
        sender = Sender(role=SenderRole(draft["role"]), address=address,
                        **{name: draft[name].strip() for name in _FIELDS})
        return SenderProfile(id=draft["id"], sender=sender, letterhead=draft["letterhead"])

    def _label(self, draft: dict) -> str:
        try:
            text = self._as_profile(draft).label
        except ValidationError:
            text = draft["name"] or self.tr("(no name yet)")
        if draft["id"] == self.book.default_id:
            text = self.tr("[new cases] %1").replace("%1", text)
        return text

    def _refresh_list(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for draft in self._drafts:
            self.list.addItem(self._label(draft))
        self.list.blockSignals(False)
        self._current = -1
        self.list.setCurrentRow(select)
        self._show_row(select)

    def _show_row(self, row: int) -> None:
        self._current = row
        has = 0 <= row < len(self._drafts)
        self.form_widget.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.default_button.setEnabled(has)
        draft = self._drafts[row] if has else {n: "" for n in (*_FIELDS, *_ADDRESS, "letterhead")}
        self.role_combo.blockSignals(True)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(draft.get("role", "parent"))))
        self.role_combo.blockSignals(False)
        for name, edit in self.edits.items():
            edit.setText(draft[name])
        self.letterhead_edit.setText(draft["letterhead"])

    def _store_current(self, *_args) -> None:
        if not 0 <= self._current < len(self._drafts):
            return
        draft = self._drafts[self._current]
        for name, edit in self.edits.items():
            draft[name] = edit.text()
        draft["role"] = self.role_combo.currentData()
        draft["letterhead"] = self.letterhead_edit.text()
        item = self.list.item(self._current)
        if item is not None:
            item.setText(self._label(draft))

    # ------------------------------------------------------------------ commands

    def add_profile(self) -> None:
        draft = self._as_draft(SenderProfile(sender=Sender(role=SenderRole.ADVOCATE)))
        self._drafts.append(draft)
        self._refresh_list(len(self._drafts) - 1)
        self.edits["name"].setFocus()

    def remove_profile(self) -> None:
        if 0 <= self._current < len(self._drafts):
            removed = self._drafts.pop(self._current)
            if removed["id"] == self.book.default_id:
                self.book.default_id = ""
            self._refresh_list(min(self._current, len(self._drafts) - 1))

    def make_default(self) -> None:
        if 0 <= self._current < len(self._drafts):
            self.book.default_id = self._drafts[self._current]["id"]
            self._refresh_list(self._current)

    def ask_letterhead_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a letterhead"), str(Path.home()),
                                              self.tr("Word document (*.docx)"))
        return Path(path) if path else None

    def _choose_letterhead(self) -> None:
        path = self.ask_letterhead_path()
        if path is not None:
            self.letterhead_edit.setText(str(path))
            self._store_current()

    def collect(self) -> ProfileBook | None:
        """The profiles as typed, or None (with the problem shown) when one is not valid."""
        profiles = []
        for row, draft in enumerate(self._drafts):
            try:
                profiles.append(self._as_profile(draft))
            except ValidationError as error:
                first = error.errors()[0]["msg"].removeprefix("Value error, ")
                self.list.setCurrentRow(row)
                self.error_label.setText(self.tr("%1: %2").replace("%1", self._label(draft))
                                         .replace("%2", first))
                return None
        self.error_label.clear()
        ids = {p.id for p in profiles}
        return ProfileBook(profiles=profiles, default_id=self.book.default_id if self.book.default_id in ids else "")

    def accept(self) -> None:
        book = self.collect()
        if book is None:
            return
        try:
            save_profiles(book, self.context.data_dir)
        except OSError as error:
            self.error_label.setText(self.tr("The profiles could not be saved (%1).")
                                     .replace("%1", error.strerror or str(error)))
            return
        self.book = book
        super().accept()


def edit_profiles(parent: QWidget | None, context: AppContext) -> tuple[ProfileBook | None, bool]:
    """Show the profiles dialog: ``(saved profiles, True)``, or ``(None, False)`` when cancelled."""
    dialog = ProfilesDialog(context, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None, False
    return dialog.book, True


def choose_case_sender(parent: QWidget, context: AppContext, case: Case) -> bool:
    """Ask which profile signs the letters of ``case`` and apply it; True when the case changed."""
    from PySide6.QtWidgets import QInputDialog

    from planwriter.core.profiles import apply_profile

    book = load_profiles(context.data_dir)
    if not book.profiles:
        QMessageBox.information(parent, parent.tr("No sender profiles yet"), parent.tr(
            "Add the people who sign letters first (File ▸ Sender profiles)."))
        return False
    none = parent.tr("No profile: the sender typed in this case")
    labels = [none, *(p.label for p in book.profiles)]
    current = next((n + 1 for n, p in enumerate(book.profiles) if p.id == case.sender_profile_id), 0)
    label, ok = QInputDialog.getItem(parent, parent.tr("Sender for this case"),
                                     parent.tr("Who signs this case's letters?"), labels, current, False)
    if not ok:
        return False
    index = labels.index(label)
    profile = book.profiles[index - 1] if index > 0 else None
    if profile is None and not case.sender_profile_id:
        return False
    apply_profile(case, profile)
    return True


def case_letterhead(context: AppContext, case: Case | None) -> Path | None:
    """The letterhead for exports of ``case``: its sender profile's, else the one in Settings."""
    from planwriter.core.profiles import for_rendering

    fallback = context.settings.letterhead_path()
    if case is None:
        return fallback
    return for_rendering(case, load_profiles(context.data_dir), fallback)[1]
