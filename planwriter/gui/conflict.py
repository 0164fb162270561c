"""The question asked when a case file changed on disk since it was opened (two people, one file)."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget


class ConflictChoice(enum.Enum):
    SAVE_COPY = "copy"
    RELOAD = "reload"
    CANCEL = "cancel"


class ChangedOnDiskDialog(QMessageBox):
    """Save a copy / Reload / Cancel: never overwrite someone else's change without asking."""

    def __init__(self, file_name: str, missing: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("The case changed on disk"))
        if missing:
            self.setText(self.tr("“{name}” was moved, renamed or deleted since you opened it.").format(
                name=file_name))
            self.setInformativeText(self.tr(
                "Save your work as a new file so that nothing is lost."))
        else:
            self.setText(self.tr("“{name}” was changed by someone else (or in another window) since you "
                                 "opened it.").format(name=file_name))
            self.setInformativeText(self.tr(
                "Saving now would replace their changes. You can save your version as a copy and compare "
                "the two, or reload the file and lose the changes you made here."))
        self.copy_button = self.addButton(self.tr("Save as a &copy…"), QMessageBox.ButtonRole.AcceptRole)
        self.reload_button = None
        if not missing:
            self.reload_button = self.addButton(self.tr("&Reload their version"),
                                                QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.copy_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> ConflictChoice:
        clicked = self.clickedButton()
        if clicked is self.copy_button:
            return ConflictChoice.SAVE_COPY
        if self.reload_button is not None and clicked is self.reload_button:
            return ConflictChoice.RELOAD
        return ConflictChoice.CANCEL

    @classmethod
    def ask(cls, parent: QWidget | None, file_name: str, missing: bool = False) -> ConflictChoice:
        dialog = cls(file_name, missing, parent)
        dialog.exec()
        return dialog.choice()
