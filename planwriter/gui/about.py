"""The About dialog: version, licence and the not-legal-advice note."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from planwriter import __version__

LICENCE = "GPL-3.0-or-later"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About planwriter"))
        heading = self.tr("planwriter {version}").format(version=__version__)
        paragraphs = [
            self.tr(
                "planwriter drafts the letters, accommodation lists, goals and meeting packets that "
                "families and advocates send to a school about a child's IEP or Section 504 plan, as Word "
                "documents you can edit. It works offline: your cases stay on this computer."
            ),
            self.tr(
                "This is not legal advice. planwriter is a drafting aid: check every document before you "
                "send it, and for advice about your child's rights talk to your state's Parent Training and "
                "Information Center, a protection and advocacy agency or a lawyer."
            ),
            self.tr(
                "Free software under the GNU General Public License, version 3 or (at your option) any "
                "later version ({licence}). It comes with no warranty."
            ).format(licence=LICENCE),
        ]
        self.text_label = QLabel(
            f"<h2>{escape(heading)}</h2>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        )
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text_label.setAccessibleName(self.tr("About planwriter"))
        self.text_label.setMinimumWidth(460)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(self.buttons)

    def text(self) -> str:
        return self.text_label.text()

    @classmethod
    def show_about(cls, parent: QWidget | None = None) -> None:
        cls(parent).exec()
