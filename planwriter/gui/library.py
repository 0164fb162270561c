"""The case library window: every case of a folder, what is due this week, and batch export.

It only shows what :mod:`planwriter.core.library` lists and :mod:`planwriter.render.library_batch`
makes; opening a case goes through the main window's file controller.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from planwriter.core.library import CaseSummary, DueItem
    from planwriter.gui.appcontext import AppContext
    from planwriter.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def default_library_folder() -> Path:
    """``Documents/planwriter cases``: where the library looks until the user picks a folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "planwriter cases"


class _Item(QTableWidgetItem):
    """A table cell that sorts by a key of its own (the next-date order, a number), not its text."""

    def __init__(self, text: str, key: object = None, path: str = "") -> None:
        super().__init__(text)
        self.setFlags(self.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.setData(SORT_ROLE, key if key is not None else text.casefold())
        if path:
            self.setData(PATH_ROLE, path)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        try:
            return mine < theirs
        except TypeError:
            return str(mine) < str(theirs)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    return table


class LibraryWindow(QWidget):
    """The cases of one folder (with its subfolders) for advocates who keep many families."""

    def __init__(self, main_window: MainWindow, context: AppContext) -> None:
        super().__init__(main_window, Qt.WindowType.Window)
        self.setObjectName("library_window")
        self.main_window = main_window
        self.context = context
        self.summaries: list[CaseSummary] = []
        self.due: list[DueItem] = []
        self.today = dt.date.today()
        self.setWindowTitle(self.tr("Case library - planwriter"))
        self.resize(1100, 640)

        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("Choose &folder…"))
        choose.clicked.connect(self.choose_folder)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Cases folder:")))
        top.addWidget(self.folder_label, 1)
        top.addWidget(choose)
        top.addWidget(refresh)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by child, school, state, plan, date or letter"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._fill_cases)
        self.search_edit.setAccessibleName(self.tr("Search the cases"))

        self.cases_table = _table([self.tr("Child"), self.tr("School"), self.tr("State"), self.tr("Plan"),
                                   self.tr("Next key date"), self.tr("Overdue"), self.tr("Last letter sent"),
                                   self.tr("Last changed")])
        self.cases_table.setAccessibleName(self.tr("Cases"))
        self.cases_table.itemDoubleClicked.connect(self._open_item)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the keyboard opens the case too
            shortcut = QShortcut(QKeySequence(key), self.cases_table, self.open_selected)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.cases_table.itemSelectionChanged.connect(self._update_buttons)
        self.count_label = QLabel()

        new_case = QPushButton(self.tr("&New case in this folder…"))
        new_case.clicked.connect(self.new_case)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton(self.tr("&Export for the selected cases…"))
        self.export_button.clicked.connect(self.batch_export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(new_case)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)

        cases_tab = QWidget()
        cases_layout = QVBoxLayout(cases_tab)
        cases_layout.addWidget(self.search_edit)
        cases_layout.addWidget(self.cases_table, 1)
        cases_layout.addLayout(buttons)

        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, 366)
        self.days_spin.setValue(7)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.valueChanged.connect(self._fill_due)
        self.days_spin.setAccessibleName(self.tr("How many days ahead"))
        ics = QPushButton(self.tr("Export as a &calendar (.ics)…"))
        ics.clicked.connect(self.export_calendar)
        due_top = QHBoxLayout()
        due_top.addWidget(QLabel(self.tr("Overdue, and due in the next")))
        due_top.addWidget(self.days_spin)
        due_top.addStretch(1)
        due_top.addWidget(ics)
        self.due_table = _table([self.tr("Date"), self.tr("Child"), self.tr("What"), self.tr("Status"),
                                 self.tr("How the date was worked out")])
        self.due_table.setAccessibleName(self.tr("What is due"))
        self.due_table.itemDoubleClicked.connect(self._open_item)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.due_table,
                                 lambda: self._open_item(self.due_table.currentItem()))
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.due_note = QLabel()
        self.due_note.setWordWrap(True)
        due_tab = QWidget()
        due_layout = QVBoxLayout(due_tab)
        due_layout.addLayout(due_top)
        due_layout.addWidget(self.due_table, 1)
        due_layout.addWidget(self.due_note)

        self.tabs = QTabWidget()
        self.tabs.addTab(cases_tab, self.tr("All cases"))
        self.tabs.addTab(due_tab, self.tr("This week"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    # ------------------------------------------------------------------ the folder

    @property
    def folder(self) -> Path:
        chosen = self.context.settings.library_folder
        return Path(chosen) if chosen else default_library_folder()

    def ask_folder(self) -> Path | None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of your cases"), str(self.folder))
        return Path(path) if path else None

    def choose_folder(self) -> None:
        path = self.ask_folder()
        if path is None:
            return
        self.context.settings.library_folder = str(path)
        try:
            self.context.save_settings()
        except OSError:
            log.warning("The library folder could not be remembered")
        self.refresh()

    def refresh(self) -> None:
        """List the folder again (unchanged files come from the index)."""
        from planwriter.core.library import Library, by_next_date, due_items

        self.today = dt.date.today()
        self.folder_label.setText(str(self.folder))
        if self.folder.is_dir():
            self.summaries = by_next_date(Library(self.folder, self.context.data_dir).scan(self.today))
        else:
            self.summaries = []
        self.due = due_items(self.summaries, self.today, self.days_spin.maximum())
        self._fill_cases()
        self._fill_due()

    # ------------------------------------------------------------------ tables

    def visible_summaries(self) -> list[CaseSummary]:
        from planwriter.core.library import search

        return search(self.summaries, self.search_edit.text())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and hasattr(self, "due_table"):
            self.refresh()  # cases saved in the main window meanwhile (unchanged files come from the index)
        return super().event(event)

    def _fill_cases(self) -> None:
        table = self.cases_table
        keep = {str(p) for p in self.selected_paths()}
        shown = self.visible_summaries()
        order = {s.path: n for n, s in enumerate(self.summaries)}
        header = table.horizontalHeader()
        # Sorted by the next date at first; the user's own choice (a click on a column) is kept after.
        sort = ((header.sortIndicatorSection(), header.sortIndicatorOrder()) if table.isSortingEnabled()
                else (4, Qt.SortOrder.AscendingOrder))
        table.setSortingEnabled(False)
        table.setRowCount(len(shown))
        for row, s in enumerate(shown):
            nxt = s.next_date()
            cells = [
                _Item(s.name, path=s.path),
                _Item(s.school),
                _Item(s.state),
                _Item(s.plan_label if not s.problem else self.tr("Cannot be read")),
                _Item(s.problem or (f"{nxt.date}  {nxt.title}" if nxt else ""), key=order[s.path]),
                _Item(str(s.overdue) if s.overdue else "", key=s.overdue),
                _Item(f"{s.last_letter_date}  {s.last_letter_title}" if s.last_letter_date else "",
                      key=s.last_letter_date),
                _Item(s.changed.strftime("%Y-%m-%d %H:%M"), key=s.mtime_ns),
            ]
            if s.problem:  # never hidden: the file is listed with why it cannot be opened
                for cell in (cells[0], cells[4]):
                    cell.setToolTip(s.problem)
                cells[4].setForeground(QColor("#a00000"))
            for column, cell in enumerate(cells):
                cell.setData(PATH_ROLE, s.path)
                table.setItem(row, column, cell)
        table.setSortingEnabled(True)
        table.sortItems(*sort)
        if keep:
            from PySide6.QtCore import QItemSelection, QItemSelectionModel

            selection = QItemSelection()
            for row in range(table.rowCount()):
                if table.item(row, 0).data(PATH_ROLE) in keep:
                    selection.select(table.model().index(row, 0), table.model().index(row, table.columnCount() - 1))
            table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        table.resizeColumnsToContents()
        for column in (1, 4, 6):
            table.setColumnWidth(column, min(table.columnWidth(column), 260))
        problems = sum(1 for s in self.summaries if s.problem)
        total = len(self.summaries)
        text = self.tr("1 case") if total == 1 else self.tr("%1 cases").replace("%1", str(total))
        if len(shown) != total:
            text = self.tr("%1 shown of %2").replace("%1", str(len(shown))).replace("%2", text)
        if problems:
            text += self.tr("; %1 cannot be read (the reason is in red)").replace("%1", str(problems))
        if not self.folder.is_dir():
            text = self.tr("This folder does not exist yet. Choose a folder, or make a new case here.")
        self.count_label.setText(text)
        self._update_buttons()

    def _fill_due(self) -> None:
        from planwriter.core.library import due_items

        self.due = due_items(self.summaries, self.today, self.days_spin.value())
        table = self.due_table
        table.setSortingEnabled(False)
        table.setRowCount(len(self.due))
        for row, item in enumerate(self.due):
            status = self.tr("Overdue") if item.overdue else ""
            if item.estimate:
                status = (status + "; " if status else "") + self.tr("estimate")
            cells = [_Item(item.date.isoformat(), key=(not item.overdue, item.date.isoformat())),
                     _Item(item.child), _Item(item.title), _Item(status), _Item(item.rule)]
            if item.estimate and item.estimate_reason:
                cells[3].setToolTip(item.estimate_reason)
            if item.rule or item.source:
                cells[4].setToolTip("\n".join(t for t in (item.rule, item.source) if t))
            for column, cell in enumerate(cells):
                cell.setData(PATH_ROLE, item.path)
                if item.overdue:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(row, column, cell)
        table.setSortingEnabled(True)
        table.sortItems(0, Qt.SortOrder.AscendingOrder)
        table.resizeColumnsToContents()
        overdue = sum(1 for i in self.due if i.overdue)
        self.due_note.setText(self.tr("%1 dates: %2 overdue. Double-click a row to open its case. Dates come "
                                      "from each case's key dates and letters sent.")
                              .replace("%1", str(len(self.due))).replace("%2", str(overdue)))
        lost = sum(1 for s in self.summaries if s.problem)
        if lost:  # their dates are unknown: say so rather than leave them out silently
            self.due_note.setText(self.due_note.text() + "\n" + (
                self.tr("1 case could not be read, so its dates are missing here (see All cases).") if lost == 1
                else self.tr("%1 cases could not be read, so their dates are missing here (see All cases).")
                .replace("%1", str(lost))))
        self.tabs.setTabText(1, self.tr("This week (%1)").replace("%1", str(len(self.due))))

    def selected_paths(self) -> list[Path]:
        rows = sorted({index.row() for index in self.cases_table.selectionModel().selectedRows()})
        out = []
        for row in rows:
            item = self.cases_table.item(row, 0)
            if item is not None:
                out.append(Path(item.data(PATH_ROLE)))
        return out

    def _update_buttons(self) -> None:
        selected = bool(self.cases_table.selectionModel().selectedRows())
        self.open_button.setEnabled(selected)
        self.export_button.setEnabled(selected)

    # ------------------------------------------------------------------ commands

    def _open_item(self, item: QTableWidgetItem | None) -> None:
        path = item.data(PATH_ROLE) if item is not None else None
        if path:
            self.open_case(Path(path))

    def open_selected(self) -> None:
        paths = self.selected_paths()
        if paths:
            self.open_case(paths[0])

    def open_case(self, path: Path) -> bool:
        opened = self.main_window.files.open_path(path)
        if opened:
            self.main_window.raise_()
            self.main_window.activateWindow()
        return opened

    def ask_child_name(self) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("New case"), self.tr("The child's first and last name:"))
        return text.strip() if ok and text.strip() else None

    def new_case(self) -> Path | None:
        """Make a case file for a new child in the folder, with the default sender, and open it."""
        from planwriter.core import casefile
        from planwriter.core.model import Case
        from planwriter.core.profiles import apply_profile, load_profiles
        from planwriter.render.batch import safe_file_name

        name = self.ask_child_name()
        if name is None:
            return None
        case = Case()
        first, _, last = name.rpartition(" ") if " " in name else (name, "", "")
        case.child.legal_first_name, case.child.legal_last_name = first, last
        if self.context.settings.default_state:
            case.child.state = self.context.settings.default_state
        apply_profile(case, load_profiles(self.context.data_dir).default())
        path, n = self.folder / f"{safe_file_name(name)}.pwcase", 2
        while path.exists():
            path = self.folder / f"{safe_file_name(name)} ({n}).pwcase"
            n += 1
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            casefile.save(case, path, keep_backup=False)
        except (OSError, casefile.CaseFileError) as error:
            self.show_message(self.tr("The case was not made"), str(error))
            return None
        self.refresh()
        self.open_case(path)
        return path

    def show_message(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        if details:
            box.setDetailedText(details)
        box.exec()

    def ask_calendar_path(self) -> Path | None:
        suggested = self.folder / f"{self.today.isoformat()} due dates.ics"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the dates as a calendar"),
                                                    str(suggested), self.tr("Calendar (*.ics)"))
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == ".ics" else path.with_name(path.name + ".ics")

    def export_calendar(self) -> Path | None:
        from planwriter.core.atomic import atomic_write_bytes
        from planwriter.core.library import due_calendar

        path = self.ask_calendar_path()
        if path is None:
            return None
        try:
            atomic_write_bytes(path, due_calendar(self.due))
        except OSError as error:
            self.show_message(self.tr("The calendar was not saved"), self.tr(
                "planwriter could not write the file (%1).").replace("%1", error.strerror or str(error)))
            return None
        return path

    def ask_batch(self, count: int) -> tuple[str, Path] | None:
        value, accepted = BatchDialog.ask(self, self.context, count, self.folder / f"Exports {self.today.isoformat()}")
        return value if accepted else None

    def batch_export(self):
        """Export the chosen document for every selected case, with a progress bar and a report."""
        from planwriter.core.profiles import load_profiles
        from planwriter.render.library_batch import batch_export

        paths = self.selected_paths()
        if not paths:
            return None
        chosen = self.ask_batch(len(paths))
        if chosen is None:
            return None
        document, outdir = chosen
        progress = QProgressDialog(self.tr("Making the documents…"), self.tr("Stop"), 0, len(paths), self)
        progress.setWindowTitle(self.tr("Export"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, total: int, name: str) -> None:
            progress.setValue(done)
            progress.setLabelText(self.tr("Made %1 of %2 (%3)").replace("%1", str(done))
                                  .replace("%2", str(total)).replace("%3", name))
            from PySide6.QtWidgets import QApplication

            QApplication.processEvents()

        try:
            report = batch_export(paths, document, outdir, today=self.today, registry=self.context.registry,
                                  profiles=load_profiles(self.context.data_dir),
                                  letterhead=self.context.settings.letterhead_path(),
                                  progress=step, should_stop=progress.wasCanceled)
        except OSError as error:
            progress.close()
            self.show_message(self.tr("Nothing was exported"), self.tr(
                "planwriter could not make the folder %1 (%2).").replace("%1", str(outdir))
                .replace("%2", error.strerror or str(error)))
            return None
        progress.close()
        self.last_report = report
        lines = report.lines()
        text = lines[-1] + "\n" + self.tr("Folder: %1").replace("%1", str(outdir))
        if report.failed:
            text += "\n\n" + self.tr("Some documents could not be made; the details say why.")
        self.show_message(self.tr("Export finished"), text, "\n".join(lines[:-1]))
        return report


class BatchDialog(QDialog):
    """Which document to make for the selected cases, and into which folder."""

    def __init__(self, context: AppContext, count: int, outdir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from planwriter.render.library_batch import PACKET
        from planwriter.render.registry import Kind

        self.setWindowTitle(self.tr("Export for 1 case") if count == 1
                            else self.tr("Export for %1 cases").replace("%1", str(count)))
        self.document_combo = QComboBox()
        self.document_combo.addItem(self.tr("Meeting packet"), PACKET)
        lists = [t for t in context.registry.all() if t.meta.kind in (Kind.LIST, Kind.GOALS)]
        letters = [t for t in context.registry.all() if t.meta.kind == Kind.LETTER]
        for template in lists:
            self.document_combo.addItem(template.meta.title, template.id)
        self.document_combo.insertSeparator(self.document_combo.count())
        for template in letters:
            self.document_combo.addItem(self.tr("Letter: %1").replace("%1", template.meta.title), template.id)
        self.folder_edit = QLineEdit(str(outdir))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Document:"), self.document_combo)
        form.addRow(self.tr("Into the &folder:"), row)
        note = QLabel(self.tr("Each case uses its own saved answers for the letter and its sender profile. "
                              "A document that still misses information is not made; the report says "
                              "what to fill in."))
        note.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(box)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Export into"), self.folder_edit.text())
        if path:
            self.folder_edit.setText(path)

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext, count: int,
            outdir: Path) -> tuple[tuple[str, Path] | None, bool]:
        """``((document id, folder), True)`` when the user chose, ``(None, False)`` when cancelled."""
        dialog = cls(context, count, outdir, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None, False
        return (dialog.document(), dialog.outdir()), True

    def document(self) -> str:
        return str(self.document_combo.currentData())

    def outdir(self) -> Path:
        return Path(self.folder_edit.text().strip())
