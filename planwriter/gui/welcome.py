"""The welcome screen shown when no case is open: new case, open a case, open the sample, recent cases."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WelcomePage(QWidget):
    """First thing a user sees; every choice is a button reachable with Tab."""

    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    guide_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")

        # A plain label with a scaled font: it follows the user's font size and the palette's colours
        # (a rich-text heading would cost ~7 ms of start-up for the text layout engine).
        self.title_label = QLabel(self.tr("Welcome to planwriter"))
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAccessibleName(self.tr("Welcome to planwriter"))

        self.intro_label = QLabel(
            self.tr(
                "planwriter helps you write the letters and documents you send to a school about your "
                "child's IEP or 504 plan. You describe your child once, in a case; planwriter drafts "
                "Word documents from it that you can edit, print and send. Everything stays on this "
                "computer."
            )
        )
        self.intro_label.setWordWrap(True)
        self.start_label = QLabel(
            self.tr("New here? Look at the sample case to see how it works, or start a new case and type "
                    "your child's details. You can save the case and come back to it at any time.")
        )
        self.start_label.setWordWrap(True)

        self.new_button = self._button(
            self.tr("&New case: start with my child"), self.tr("Empty forms for your child's details, then a letter")
        )
        self.open_button = self._button(self.tr("&Open a case I saved…"), self.tr("Open a case you saved before"))
        self.sample_button = self._button(
            self.tr("See the &sample case first"),
            self.tr("Look around with a made-up child; your own files are not touched"),
        )
        self.guide_button = self._button(
            self.tr("&Which plan fits? IEP or 504"),
            self.tr("A few questions that explain the two kinds of plans"),
        )
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.guide_button.clicked.connect(self.guide_requested)

        self.recent_label = QLabel(self.tr("&Recent cases"))
        self.recent_list = None  # created with the first recent case (keeps start-up light)
        self._recent_paths: list[str] = []

        self.note_label = QLabel(
            self.tr("planwriter is a drafting aid, not legal advice. Check each document before you send it.")
        )
        self.note_label.setWordWrap(True)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.title_label)
        column.addWidget(self.intro_label)
        column.addWidget(self.start_label)
        column.addSpacing(12)
        for button in (self.new_button, self.open_button, self.sample_button):
            column.addWidget(button)
        column.addSpacing(16)
        column.addWidget(self.guide_button)
        column.addSpacing(12)
        column.addWidget(self.recent_label)
        self._column = column
        column.addSpacing(12)
        column.addWidget(self.note_label)

        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(620)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.setTabOrder(self.new_button, self.open_button)
        self.setTabOrder(self.open_button, self.sample_button)
        self.setTabOrder(self.sample_button, self.guide_button)
        self.recent_label.setVisible(False)

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setMinimumHeight(36)  # device-independent pixels: a large, easy target at any scale
        button.setAutoDefault(True)
        return button

    def _build_recent_list(self):
        from PySide6.QtWidgets import QListWidget

        recent_list = QListWidget()
        recent_list.setObjectName("recent_list")
        recent_list.setAccessibleName(self.tr("Recent cases"))
        recent_list.setAccessibleDescription(self.tr("Press Enter to open the selected case"))
        recent_list.setMaximumHeight(160)
        recent_list.itemActivated.connect(self._recent_activated)
        self.recent_label.setBuddy(recent_list)
        self._column.insertWidget(self._column.indexOf(self.recent_label) + 1, recent_list)
        self.setTabOrder(self.guide_button, recent_list)
        return recent_list

    def set_recent_files(self, paths: list[str]) -> None:
        self._recent_paths = list(paths)
        if self.recent_list is None:
            if not paths:
                return
            self.recent_list = self._build_recent_list()
        self.recent_list.clear()
        from PySide6.QtWidgets import QListWidgetItem

        for text in paths:
            item = QListWidgetItem(Path(text).name)
            item.setToolTip(text)
            self.recent_list.addItem(item)
        visible = bool(paths)
        self.recent_label.setVisible(visible)
        self.recent_list.setVisible(visible)

    def _recent_activated(self, item) -> None:
        row = self.recent_list.row(item)
        if 0 <= row < len(self._recent_paths):
            self.recent_requested.emit(self._recent_paths[row])
