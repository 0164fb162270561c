"""The contract every section of the main window follows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from planwriter.core.model import Case
from planwriter.gui.appcontext import AppContext


class CasePage(QWidget):
    """One section of the main window (Child & family, Letters, Accommodations, …).

    A page edits the :class:`Case` it is given *in place* and emits :attr:`changed` after every
    edit, so the window can mark the file modified and the preview can re-render. It knows
    nothing about documents or files.
    """

    #: Emitted after the page changed the case.
    changed = Signal()

    #: Label in the navigation list (already translated by the subclass with ``self.tr``).
    nav_title: str = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case: Case | None = None

    def set_case(self, case: Case) -> None:
        """Show ``case``; called when a case is opened, created or recovered."""
        self.case = case
        self.refresh()

    def refresh(self) -> None:
        """Re-read every widget from ``self.case`` (without emitting :attr:`changed`)."""

    def title(self) -> str:
        return self.nav_title

    def focus_first_field(self) -> None:
        """Put the keyboard in the field a new case starts with (pages with a form override this)."""
