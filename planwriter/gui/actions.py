"""Every menu command of the main window, with its standard shortcut, and the menus built from them."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QMenuBar, QPlainTextEdit, QTextEdit

    from planwriter.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

StandardKey = QKeySequence.StandardKey


def focused_text_widget() -> QLineEdit | QTextEdit | QPlainTextEdit | None:
    """The text field that has the keyboard focus, if any (Edit menu commands act on it)."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    widget = QApplication.focusWidget()
    if isinstance(widget, QComboBox) and widget.isEditable():
        widget = widget.lineEdit()
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return widget
    return None


class MainActions(QObject):
    """Creates the window's QActions, connects them to the window, and builds the menu bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

        def files(command: str):
            # The file controller is created on first use, after the window is on screen.
            return lambda: getattr(window.files, command)()

        # File
        self.new = self._action(self.tr("&New case"), StandardKey.New, files("new_case"))
        self.open = self._action(self.tr("&Open case…"), StandardKey.Open, files("open_case"))
        self.open_sample = self._action(self.tr("Open the &sample case"), None, files("open_sample"))
        self.save = self._action(self.tr("&Save"), StandardKey.Save, files("save"))
        self.save_as = self._action(self.tr("Save &as…"), StandardKey.SaveAs, files("save_as"), "Ctrl+Shift+S")
        self.close = self._action(self.tr("&Close case"), StandardKey.Close, files("close_case"))
        self.settings = self._action(
            self.tr("Se&ttings…"), StandardKey.Preferences, window.show_settings, "Ctrl+,"
        )
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = self._action(self.tr("&Quit"), StandardKey.Quit, window.close, "Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.recent_menu = QMenu(self.tr("Open &recent"), window)
        self.recent_menu.setObjectName("recent_menu")
        self.clear_recent = self._action(self.tr("Clear this list"), None, files("clear_recent"))
        # Case library, sender profiles (advocates with many families)
        self.library = self._action(self.tr("Case &library…"), None, window.show_library)
        self.library.setShortcut(QKeySequence("Ctrl+L"))
        self.profiles = self._action(self.tr("Sender &profiles…"), None, window.show_profiles)
        self.case_sender = self._action(self.tr("Sen&der for this case…"), None, window.choose_case_sender)

        # Edit: acts on whichever text field has the focus.
        self.undo = self._action(self.tr("&Undo"), StandardKey.Undo, lambda: self._edit("undo"))
        self.redo = self._action(self.tr("&Redo"), StandardKey.Redo, lambda: self._edit("redo"))
        self.cut = self._action(self.tr("Cu&t"), StandardKey.Cut, lambda: self._edit("cut"))
        self.copy = self._action(self.tr("&Copy"), StandardKey.Copy, lambda: self._edit("copy"))
        self.paste = self._action(self.tr("&Paste"), StandardKey.Paste, lambda: self._edit("paste"))
        self.edit_actions = (self.undo, self.redo, self.cut, self.copy, self.paste)

        # Go: move between the sections without the mouse.
        self.next_section = self._action(self.tr("&Next section"), None, lambda: window.step_section(1))
        self.next_section.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.previous_section = self._action(
            self.tr("&Previous section"), None, lambda: window.step_section(-1)
        )
        self.previous_section.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.section_list = self._action(self.tr("&Section list"), None, window.focus_section_list)
        self.section_list.setShortcut(QKeySequence("F6"))
        self.go_actions = (self.next_section, self.previous_section, self.section_list)

        # Help
        self.plan_guide = self._action(
            self.tr("&Which plan fits? (IEP or 504)"), StandardKey.HelpContents, window.show_plan_guide, "F1"
        )
        self.about = self._action(self.tr("&About planwriter"), None, window.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        self.case_actions = (self.save, self.save_as, self.close, self.case_sender, *self.go_actions)

    # ------------------------------------------------------------------ creation

    def _action(self, text: str, key: StandardKey | None, slot, fallback: str = "") -> QAction:
        action = QAction(text, self.window)
        if key is not None:
            shortcuts = QKeySequence.keyBindings(key)
            if not shortcuts and fallback:
                # Some platforms have no standard key for this command (Quit and Settings on Windows).
                shortcuts = [QKeySequence(fallback)]
            action.setShortcuts(shortcuts)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def build_menus(self, menu_bar: QMenuBar) -> None:
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("file_menu")
        file_menu.addActions([self.new, self.open])
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.open_sample)
        file_menu.addAction(self.library)
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.case_sender, self.profiles])
        file_menu.addAction(self.settings)
        file_menu.addSeparator()
        file_menu.addActions([self.close, self.quit])

        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("edit_menu")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.cut, self.copy, self.paste])
        edit_menu.aboutToShow.connect(self.update_edit_actions)
        # Keyboard shortcuts must keep working once the menu is closed again.
        edit_menu.aboutToHide.connect(self._enable_edit_actions)

        go_menu = menu_bar.addMenu(self.tr("&Go"))
        go_menu.setObjectName("go_menu")
        go_menu.addActions(list(self.go_actions))

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("help_menu")
        help_menu.addAction(self.plan_guide)
        help_menu.addSeparator()
        help_menu.addAction(self.about)

        self.update_recent([])

    # ------------------------------------------------------------------ state

    def update_case_actions(self, has_case: bool) -> None:
        for action in self.case_actions:
            action.setEnabled(has_case)

    def update_recent(self, paths: list[str]) -> None:
        """Rebuild the Open Recent submenu from the settings' list (newest first)."""
        menu = self.recent_menu
        menu.clear()
        for number, text in enumerate(paths, start=1):
            path = Path(text)
            label = f"&{number} {path.name}" if number < 10 else path.name
            action = menu.addAction(label)
            action.setToolTip(text)
            action.setStatusTip(text)
            action.setData(text)
            action.triggered.connect(lambda _checked=False, p=text: self.window.files.open_path(Path(p)))
        if paths:
            menu.addSeparator()
            menu.addAction(self.clear_recent)
        else:
            empty = menu.addAction(self.tr("No recent cases"))
            empty.setEnabled(False)
        menu.setEnabled(True)

    def update_edit_actions(self) -> None:
        widget = focused_text_widget()
        if widget is None:
            for action in self.edit_actions:
                action.setEnabled(False)
            return
        read_only = widget.isReadOnly()
        if hasattr(widget, "isUndoAvailable"):  # a QLineEdit
            self.undo.setEnabled(widget.isUndoAvailable())
            self.redo.setEnabled(widget.isRedoAvailable())
            has_selection = widget.hasSelectedText()
        else:
            document = widget.document()
            self.undo.setEnabled(document.isUndoAvailable() and not read_only)
            self.redo.setEnabled(document.isRedoAvailable() and not read_only)
            has_selection = widget.textCursor().hasSelection()
        self.cut.setEnabled(has_selection and not read_only)
        self.copy.setEnabled(has_selection)
        self.paste.setEnabled(not read_only)

    def _enable_edit_actions(self) -> None:
        for action in self.edit_actions:
            action.setEnabled(True)

    def _edit(self, command: str) -> None:
        widget = focused_text_widget()
        if widget is not None:
            getattr(widget, command)()
