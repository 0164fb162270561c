"""Layout helpers for long form pages: a scrolling column of group boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from planwriter.gui.widgets.fields import help_label


class ScrollPage(QScrollArea):
    """A vertical scroll area holding a column of sections, kept to a readable width."""

    def __init__(self, parent: QWidget | None = None, max_width: int = 980) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own: it scrolls to whichever field gets the focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.content = QWidget(self)
        self.content.setMaximumWidth(max_width)
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(16, 12, 16, 16)
        self.column.setSpacing(14)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.content)

    def add_heading(self, title: str, intro: str = "") -> QLabel:
        heading = page_heading(title, self.content)
        self.column.addWidget(heading)
        if intro:
            self.column.addWidget(help_label(intro, self.content))
        return heading

    def add(self, widget: QWidget) -> QWidget:
        self.column.addWidget(widget)
        return widget

    def finish(self) -> None:
        self.column.addStretch(1)


def page_heading(title: str, parent: QWidget | None = None) -> QLabel:
    """The bold title at the top of a section."""
    heading = QLabel(title, parent)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.4 if font.pointSizeF() > 0 else 14)
    font.setBold(True)
    heading.setFont(font)
    heading.setAccessibleName(title)
    return heading


def group_box(title: str, *widgets: QWidget, intro: str = "", parent: QWidget | None = None) -> QGroupBox:
    """A titled box around ``widgets``, with an optional sentence of explanation first."""
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    layout.setSpacing(8)
    if intro:
        layout.addWidget(help_label(intro, box))
    for widget in widgets:
        layout.addWidget(widget)
    return box
