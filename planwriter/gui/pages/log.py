"""Dates & log: the case's key dates, the school calendar, and the log of letters sent, with answers
that are overdue. Every date shown comes from ``core/keydates.py`` and the deadline engine."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planwriter.core.atomic import atomic_write_bytes
from planwriter.core.calendar_ics import CalendarImportError, export_ics, import_ics
from planwriter.core.keydates import KeyDate, key_dates, pending_dates
from planwriter.core.model import (
    DELIVERY_LABELS,
    DayOff,
    DayOffKind,
    DeliveryMethod,
    KeyDates,
    LogEntry,
    SchoolCalendar,
)
from planwriter.core.problems import problems_from_error
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.base import CasePage
from planwriter.gui.widgets import (
    Binding,
    DateField,
    FieldError,
    FormSection,
    ModelBinding,
    ScrollPage,
    TextField,
    group_box,
    parse_date,
)
from planwriter.gui.widgets.fields import ErrorLabel, help_label

log = logging.getLogger(__name__)

#: Short names for the delivery column (the letters themselves use the longer DELIVERY_LABELS).
DELIVERY_SHORT = {
    DeliveryMethod.EMAIL: "Email",
    DeliveryMethod.HAND: "By hand",
    DeliveryMethod.CERTIFIED_MAIL: "Certified mail",
    DeliveryMethod.MAIL: "Mail",
    DeliveryMethod.FAX: "Fax",
    DeliveryMethod.PORTAL: "Parent portal",
}


def _short_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def response_status(entry: LogEntry, today: dt.date, due: dt.date | None = None) -> tuple[str, bool]:
    """The status of an answer in words, and whether it is overdue (``due``: the date the key
    dates give for the entry, when it differs from the one stored)."""
    tr = QCoreApplication.translate
    due = due or entry.response_due
    if entry.response_received:
        return tr("DatesLogPage", "Answered on %1").replace("%1", entry.response_received.isoformat()), False
    if due is None:
        return tr("DatesLogPage", "No deadline"), False
    days = (due - today).days
    if days < 0:
        late = -days
        text = tr("DatesLogPage", "OVERDUE: the answer was due %1 days ago") if late != 1 else tr(
            "DatesLogPage", "OVERDUE: the answer was due yesterday")
        return text.replace("%1", str(late)), True
    if days == 0:
        return tr("DatesLogPage", "Answer due today"), False
    text = tr("DatesLogPage", "Waiting: due in %1 days") if days != 1 else tr(
        "DatesLogPage", "Waiting: due tomorrow")
    return text.replace("%1", str(days)), False


class DatesLogPage(CasePage):
    """Key dates as calendar fields; the correspondence log as an editable table."""

    nav_title = "Dates & log"

    #: Columns of the log table: (attribute, header).
    COLUMNS = (
        ("date", "Date sent"),
        ("title", "Letter"),
        ("recipient", "Sent to"),
        ("delivery_method", "Delivery"),
        ("response_due", "Answer due"),
        ("response_received", "Answer received"),
        ("status", "Status"),
    )
    DATE_COLUMNS = {"date", "response_due", "response_received"}

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.nav_title = self.tr("Dates & log")
        #: Today's date (tests replace it).
        self.today: Callable[[], dt.date] = dt.date.today
        self._loading = False
        self.scroll = ScrollPage(self, max_width=1200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.scroll.add_heading(
            self.tr("Dates & log"),
            self.tr("Deadlines count from dates, so write them down as they happen. Every letter you "
                    "export is added to the log below."),
        )
        self.scroll.add(group_box(
            self.tr("Every date of the case"), self._build_overview(),
            intro=self.tr("The dates you entered and the deadlines planwriter works out from them under "
                          "your state's rules or the federal default. Overdue ones are marked in red."),
        ))
        self.dates_form = self._build_dates()
        self.scroll.add(group_box(self.tr("Key dates"), self.dates_form))
        self.scroll.add(group_box(
            self.tr("School calendar"), self._build_calendar(),
            intro=self.tr("Deadlines counted in school days need the school's calendar. Import the "
                          "district's calendar file (.ics) or type the first and last day and the breaks. "
                          "Without it, school days are estimated as weekdays that are not federal holidays."),
        ))
        self.scroll.add(group_box(
            self.tr("Letters sent"), self._build_log(),
            intro=self.tr("Fill in “Answer received” when the school replies. Dates are written "
                          "YYYY-MM-DD; double-click a cell or press F2 to change it."),
        ))
        self.scroll.finish()
        self.dates_form.edited.connect(self.changed)
        self.dates_form.edited.connect(self.refresh_overview)
        self.calendar_form.edited.connect(self._calendar_changed)
        self.context.signals.log_changed.connect(self.refresh_log)

    # ------------------------------------------------------------------ every date
    OVERVIEW_COLUMNS = ("Date", "What", "Status", "How it was worked out")

    def _build_overview(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.dates_table = QTableWidget(0, len(self.OVERVIEW_COLUMNS), box)
        self.dates_table.setHorizontalHeaderLabels([self.tr(h) for h in self.OVERVIEW_COLUMNS])
        self.dates_table.setAccessibleName(self.tr("Every date of the case"))
        self.dates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dates_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dates_table.setWordWrap(True)
        self.dates_table.verticalHeader().setVisible(False)
        header = self.dates_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.dates_table.setMinimumHeight(self.dates_table.fontMetrics().lineSpacing() * 18)
        layout.addWidget(self.dates_table)
        row = QHBoxLayout()
        self.overview_label = ErrorLabel(box)  # overdue dates and errors
        row.addWidget(self.overview_label, 3)
        self.overview_note = help_label("", box)  # everything else: no dates yet, file saved
        self.overview_note.setVisible(False)
        row.addWidget(self.overview_note, 3)
        row.addStretch(1)
        self.export_ics_button = QPushButton(self.tr("Export to calendar (.ics)…"), box)
        self.export_ics_button.setAccessibleName(
            self.tr("Export every date to a calendar file for Outlook, Google or Apple Calendar"))
        self.export_ics_button.setAutoDefault(False)
        self.export_ics_button.clicked.connect(self.export_ics)
        row.addWidget(self.export_ics_button)
        layout.addLayout(row)
        return box

    def dates(self) -> list[KeyDate]:
        """The case's key dates as ``planwriter-cli dates`` lists them (one list for both)."""
        return key_dates(self.case, self.today()) if self.case is not None else []

    def pending(self) -> list[tuple[str, str]]:
        """Clocks whose date waits for the next school year (title, why), as ``planwriter-cli dates`` shows."""
        return pending_dates(self.case) if self.case is not None else []

    def refresh_overview(self) -> None:
        items = self.dates()
        pending = self.pending()
        self.dates_table.setRowCount(len(items) + len(pending))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        late_brush = QBrush(QColor(176, 0, 32))
        overdue = 0
        for row, item in enumerate(items):
            status = self._status(item)
            how = item.rule
            if item.source:
                how = f"{how} ({item.source})" if item.source not in how else how
            if item.estimate:
                how += " " + self.tr("Estimate: %1.").replace("%1", item.estimate_reason)
            cells = [item.date.isoformat(), item.title, status, how.strip()]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if item.overdue:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                    cell.setForeground(late_brush)
                    if column == 2:
                        cell.setIcon(warning)
                elif item.done:
                    cell.setForeground(QBrush(QColor(96, 96, 96)))
                self.dates_table.setItem(row, column, cell)
            overdue += item.overdue
        for row, (title, why) in enumerate(pending, start=len(items)):
            for column, text in enumerate([self.tr("Not known yet"), title, self.tr("Next school year"), why]):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.dates_table.setItem(row, column, cell)
        self.dates_table.resizeRowsToContents()
        self.dates_table.setVisible(bool(items) or bool(pending))  # an empty table would only take room
        self._note(self.tr("No dates yet: add the dates you know below; the letters you export are added "
                           "automatically.") if not items else "")
        if overdue:
            self.overview_label.set_message(
                (self.tr("%1 dates are overdue.") if overdue != 1 else self.tr("1 date is overdue."))
                .replace("%1", str(overdue)))
        else:
            self.overview_label.set_message("")
        self.export_ics_button.setEnabled(bool(items))

    def _status(self, item: KeyDate) -> str:
        if item.overdue:
            return self.tr("OVERDUE")
        if item.done:
            return self.tr("Done")
        if not item.rule and not item.source:
            return self.tr("Entered")
        if item.estimate:
            return self.tr("Estimate")
        return self.tr("Coming") if item.date >= self.today() else self.tr("Passed")

    def overview_row(self, row: int) -> list[str]:
        return [self.dates_table.item(row, c).text() for c in range(self.dates_table.columnCount())]

    def choose_ics_to_save(self) -> Path | None:
        """Ask where to write the calendar file; tests replace this method."""
        name = self.case.child.short_name if self.case is not None else ""
        suggested = f"Key dates - {name}.ics" if name else "Key dates.ics"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export dates to a calendar file"), suggested,
                                                    self.tr("Calendar files (*.ics)"))
        return Path(path) if path else None

    def export_ics(self) -> Path | None:
        """Write every date to an .ics file (legal basis in each event's description)."""
        items = self.dates()
        if not items:
            return None
        path = self.choose_ics_to_save()
        if path is None:
            return None
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        name = self.case.child.short_name if self.case is not None else ""
        try:
            atomic_write_bytes(path, export_ics(items, calendar_name=f"Key dates - {name}" if name else "Key dates",
                                                today=self.today()))
        except OSError as error:
            self.overview_label.set_message(self.tr("The calendar file could not be written (%1).")
                                            .replace("%1", error.strerror or str(error)))
            return None
        self._note(self.tr("Saved “%1”. Open it with your calendar app to add the dates.").replace("%1", path.name))
        return path

    def _note(self, text: str) -> None:
        self.overview_note.setText(text)
        self.overview_note.setVisible(bool(text))

    # ------------------------------------------------------------------ school calendar
    def _calendar(self) -> SchoolCalendar | None:
        return self.case.school_calendar if self.case is not None else None

    DAYS_OFF_COLUMNS = ("First day off", "Last day off", "Name", "Kind")

    def _build_calendar(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.calendar_form = FormSection(box)
        self.first_day_field = DateField(self.tr("First day of school"), ModelBinding(self._calendar, "first_day"))
        self.last_day_field = DateField(self.tr("Last day of school"), ModelBinding(self._calendar, "last_day"))
        self.calendar_form.add(self.first_day_field)
        self.calendar_form.add(self.last_day_field)
        self.progress_field = TextField(
            self.tr("Progress report dates"), _DateListBinding(self._calendar),
            help=self.tr("When the school sends progress on the IEP goals (often with report cards), as the "
                         "IEP says. Separate the dates with commas."),
            placeholder=self.tr("For example 2026-11-13, 2027-01-29"),
        )
        self.calendar_form.add(self.progress_field)
        layout.addWidget(self.calendar_form)
        layout.addWidget(QLabel(self.tr("Breaks and holidays (no school for students):"), box))
        self.days_off_table = QTableWidget(0, len(self.DAYS_OFF_COLUMNS), box)
        self.days_off_table.setHorizontalHeaderLabels([self.tr(h) for h in self.DAYS_OFF_COLUMNS])
        self.days_off_table.setAccessibleName(self.tr("Breaks and holidays"))
        self.days_off_table.verticalHeader().setVisible(False)
        self.days_off_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.days_off_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.days_off_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.days_off_table.setMinimumHeight(self.days_off_table.fontMetrics().lineSpacing() * 7)
        self.days_off_table.itemChanged.connect(self._day_off_changed)
        layout.addWidget(self.days_off_table)
        self.calendar_error = ErrorLabel(box)
        layout.addWidget(self.calendar_error)
        row = QHBoxLayout()
        self.calendar_source = QLabel(box)
        self.calendar_source.setWordWrap(True)
        row.addWidget(self.calendar_source, 3)
        row.addStretch(1)
        self.import_button = QPushButton(self.tr("Import district calendar (.ics)…"), box)
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.import_calendar)
        self.add_break_button = QPushButton(self.tr("Add a break"), box)
        self.add_break_button.setAutoDefault(False)
        self.add_break_button.clicked.connect(self.add_day_off)
        self.remove_break_button = QPushButton(self.tr("Remove break"), box)
        self.remove_break_button.setAutoDefault(False)
        self.remove_break_button.clicked.connect(self.remove_day_off)
        for button in (self.import_button, self.add_break_button, self.remove_break_button):
            row.addWidget(button)
        layout.addLayout(row)
        return box

    def refresh_calendar(self) -> None:
        self._loading = True
        calendar = self._calendar()
        days_off = calendar.days_off if calendar is not None else []
        self.days_off_table.setRowCount(len(days_off))
        kinds = {DayOffKind.BREAK: self.tr("Break"), DayOffKind.HOLIDAY: self.tr("Holiday")}
        for row, off in enumerate(days_off):
            cells = [off.start.isoformat(), off.end.isoformat(), off.name, kinds[off.kind]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.days_off_table.setItem(row, column, item)
        self._loading = False
        source = calendar.source if calendar is not None else ""
        self.calendar_source.setText(self.tr("Imported from “%1”.").replace("%1", source) if source else "")
        self.remove_break_button.setEnabled(bool(days_off))
        for widget in (self.import_button, self.add_break_button):
            widget.setEnabled(self.case is not None)

    def _calendar_changed(self) -> None:
        self.changed.emit()
        self.refresh_overview()

    def _day_off_changed(self, item: QTableWidgetItem) -> None:
        calendar = self._calendar()
        if self._loading or calendar is None:
            return
        row, column = item.row(), item.column()
        if not 0 <= row < len(calendar.days_off):
            return
        old = calendar.days_off[row]
        data = old.model_dump()
        text = item.text().strip()
        if column in (0, 1):
            try:
                value = parse_date(text)
            except ValueError:
                value = None
            if value is None:
                self.calendar_error.set_message(self.tr("“%1” is not a date; write it as YYYY-MM-DD (for example "
                                                        "2026-12-21)").replace("%1", text))
                self.refresh_calendar()
                return
            data["start" if column == 0 else "end"] = value
            if column == 0 and data["end"] is not None and value > data["end"]:
                # A new first day after the last one moves the last day along (a one-day break until
                # the last day is typed), so typing the first day of a new break is never refused.
                data["end"] = value
        elif column == 2:
            data["name"] = text
        try:
            calendar.days_off[row] = DayOff.model_validate(data)
        except ValidationError as error:
            self.calendar_error.set_message("; ".join(p.message for p in problems_from_error(error, DayOff)))
            self.refresh_calendar()
            return
        self.calendar_error.set_message("")
        self._calendar_changed()

    def add_day_off(self) -> None:
        calendar = self._calendar()
        if calendar is None:
            return
        today = self.today()
        calendar.days_off.append(DayOff(start=today, end=today, name=self.tr("Break")))
        self.refresh_calendar()
        self._calendar_changed()
        row = len(calendar.days_off) - 1
        self.days_off_table.setCurrentCell(row, 0)
        self.days_off_table.editItem(self.days_off_table.item(row, 0))

    def remove_day_off(self) -> None:
        calendar = self._calendar()
        row = self.days_off_table.currentRow()
        if calendar is None or not 0 <= row < len(calendar.days_off):
            return
        del calendar.days_off[row]
        self.refresh_calendar()
        self._calendar_changed()

    def choose_ics_to_import(self) -> Path | None:
        """Ask for the district's calendar file; tests replace this method."""
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import the district's calendar"), "",
                                                    self.tr("Calendar files (*.ics)"))
        return Path(path) if path else None

    def import_calendar(self) -> bool:
        """Replace the school calendar with one read from an .ics file; a bad file changes nothing."""
        if self.case is None:
            return False
        path = self.choose_ics_to_import()
        if path is None:
            return False
        try:
            calendar = import_ics(path.read_bytes(), source=path.name)
        except OSError as error:
            self.calendar_error.set_message(self.tr("“%1” could not be read (%2).").replace("%1", path.name)
                                            .replace("%2", error.strerror or str(error)))
            return False
        except CalendarImportError as error:
            self.calendar_error.set_message(str(error))
            return False
        calendar.progress_report_dates = list(self.case.school_calendar.progress_report_dates)
        self.case.school_calendar = calendar
        self.calendar_error.set_message("")
        self.calendar_form.refresh()
        self.refresh_calendar()
        self._calendar_changed()
        return True

    # ------------------------------------------------------------------ key dates
    def _key_dates(self) -> KeyDates | None:
        return self.case.key_dates if self.case is not None else None

    def _build_dates(self) -> FormSection:
        form = FormSection(self)
        rows = (
            ("request_date", self.tr("Written request received"),
             self.tr("The day the school got your written request for an evaluation.")),
            ("consent_date", self.tr("Consent signed"),
             self.tr("The day you signed consent for the evaluation. The evaluation clock starts here: "
                     "the due date under your state's rule or the federal default is listed above.")),
            ("last_evaluation_date", self.tr("Last evaluation"),
             self.tr("When the last full evaluation was finished. A new one is due at least every "
                     "three years.")),
            ("eligibility_date", self.tr("Eligibility decision"),
             self.tr("The meeting where the team decided whether your child qualifies.")),
            ("iep_date", self.tr("Current IEP or 504 plan"),
             self.tr("The date the plan in force was written.")),
            ("next_meeting_date", self.tr("Next meeting"), ""),
            ("annual_review_date", self.tr("Annual review due"),
             self.tr("An IEP has to be reviewed at least once a year.")),
            ("reevaluation_date", self.tr("Reevaluation due"),
             self.tr("At the latest three years after the last evaluation, unless you and the school "
                     "agree it is not needed.")),
        )
        self.date_fields: dict[str, DateField] = {}
        for name, label, help in rows:
            field = DateField(label, ModelBinding(self._key_dates, name), help=help)
            self.date_fields[name] = field
            form.add(field)
        return form

    # ------------------------------------------------------------------ the log
    def _build_log(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.COLUMNS), box)
        self.table.setHorizontalHeaderLabels([self.tr(header) for _name, header in self.COLUMNS])
        self.table.setAccessibleName(self.tr("Log of letters sent"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.table.fontMetrics().lineSpacing() * 10)
        self.table.itemChanged.connect(self._cell_changed)
        layout.addWidget(self.table)
        self.error_label = ErrorLabel(box)
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        self.summary_label = ErrorLabel(box)
        row.addWidget(self.summary_label, 3)
        self.add_button = QPushButton(self.tr("Add an entry"), box)
        self.add_button.setAccessibleName(self.tr("Add an entry to the log, for a letter sent another way"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton(self.tr("Remove entry"), box)
        self.remove_button.setAccessibleName(self.tr("Remove the selected log entry"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_entry)
        row.addStretch(1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        return box

    def _entries(self) -> list[LogEntry]:
        return self.case.correspondence if self.case is not None else []

    def refresh_log(self) -> None:
        """Rebuild the table from the case (after an export, or when the case is opened)."""
        self._loading = True
        entries = self._entries()
        self.table.setRowCount(len(entries))
        today = self.today()
        overdue = 0
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        # The answer dates as the key dates give them (worked out again for the case's state and calendar).
        worked_out = {d.log_entry_id: d.date for d in self.dates() if d.log_entry_id}
        for row, entry in enumerate(entries):
            for column, (name, _header) in enumerate(self.COLUMNS):
                if name == "delivery_method":
                    self.table.setCellWidget(row, column, self._delivery_combo(entry))
                    continue
                if name == "status":
                    text, late = response_status(entry, today, worked_out.get(entry.id))
                    overdue += late
                    item = QTableWidgetItem(text)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    if late:
                        item.setIcon(warning)
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    if entry.response_rule:
                        item.setToolTip(self.tr("How the due date was worked out: %1")
                                        .replace("%1", entry.response_rule))
                else:
                    value = getattr(entry, name)
                    if name == "response_due":
                        value = worked_out.get(entry.id, value)
                    text = _short_date(value) if name in self.DATE_COLUMNS else str(value or "")
                    item = QTableWidgetItem(text)
                    if name in self.DATE_COLUMNS:
                        item.setToolTip(self.tr("YYYY-MM-DD, for example 2026-09-14"))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._loading = False
        if overdue:
            text = self.tr("%1 answers are overdue. Consider a follow-up letter or a call, and keep a note "
                           "of it.") if overdue != 1 else self.tr(
                "1 answer is overdue. Consider a follow-up letter or a call, and keep a note of it.")
            self.summary_label.set_message(text.replace("%1", str(overdue)))
        else:
            self.summary_label.set_message("")
        self.remove_button.setEnabled(bool(entries))
        self.add_button.setEnabled(self.case is not None)
        self.refresh_overview()

    def _delivery_combo(self, entry: LogEntry) -> QComboBox:
        combo = QComboBox(self.table)
        combo.setAccessibleName(self.tr("Delivery"))
        combo.addItem(self.tr("(not noted)"))
        methods = list(DeliveryMethod)
        for method in methods:
            combo.addItem(self.tr(DELIVERY_SHORT[method]))
            combo.setItemData(combo.count() - 1, DELIVERY_LABELS[method], Qt.ItemDataRole.ToolTipRole)
        if entry.delivery_method is not None:
            combo.setCurrentIndex(methods.index(entry.delivery_method) + 1)
        combo.currentIndexChanged.connect(lambda index, e=entry: self._delivery_changed(e, index))
        return combo

    def _delivery_changed(self, entry: LogEntry, index: int) -> None:
        methods = list(DeliveryMethod)
        entry.delivery_method = methods[index - 1] if index > 0 else None
        self.changed.emit()

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        entries = self._entries()
        row, column = item.row(), item.column()
        if not 0 <= row < len(entries):
            return
        entry = entries[row]
        name = self.COLUMNS[column][0]
        text = item.text()
        try:
            if name in self.DATE_COLUMNS:
                try:
                    value = parse_date(text)
                except ValueError:
                    raise _CellError(self.tr("“%1” is not a date; write it as YYYY-MM-DD (for example "
                                             "2026-09-14)").replace("%1", text.strip())) from None
                if value is None and name == "date":
                    raise _CellError(self.tr("Every entry needs the date it was sent"))
            else:
                value = text
            try:
                setattr(entry, name, value)
                if name == "response_due":
                    entry.timeline = ""  # a date typed by hand is kept as it is, not worked out again
            except ValidationError as error:
                raise _CellError("; ".join(p.message for p in problems_from_error(error, LogEntry))) from None
        except _CellError as error:
            self.error_label.set_message(str(error))
            self.refresh_log()
            return
        self.error_label.set_message("")
        self.changed.emit()
        if name in self.DATE_COLUMNS:
            self.refresh_log()  # the status column follows the dates

    def add_entry(self) -> None:
        if self.case is None:
            return
        self.case.correspondence.append(LogEntry(date=self.today(), title=self.tr("Letter")))
        self.changed.emit()
        self.refresh_log()
        row = len(self.case.correspondence) - 1
        self.table.setCurrentCell(row, 1)
        self.table.editItem(self.table.item(row, 1))

    def remove_entry(self) -> None:
        entries = self._entries()
        row = self.table.currentRow()
        if not 0 <= row < len(entries):
            return
        del entries[row]
        self.changed.emit()
        self.refresh_log()
        if entries:
            self.table.setCurrentCell(min(row, len(entries) - 1), 1)

    def status_text(self, row: int) -> str:
        item = self.table.item(row, len(self.COLUMNS) - 1)
        return item.text() if item is not None else ""

    # ------------------------------------------------------------------ CasePage
    def refresh(self) -> None:
        self.dates_form.refresh()
        self.calendar_form.refresh()
        self.refresh_calendar()
        self.refresh_log()

    def showEvent(self, event) -> None:
        # The state or the log may have changed on another page: work the dates out again.
        if self.case is not None:
            self.refresh_overview()
        super().showEvent(event)
        # Row heights depend on the column widths, which are known only once the page is laid out.
        QTimer.singleShot(0, self.dates_table.resizeRowsToContents)


class _CellError(ValueError):
    """A value typed into the log table that cannot be stored."""


class _DateListBinding(Binding):
    """The school calendar's progress report dates as one line of text (YYYY-MM-DD, comma-separated)."""

    def __init__(self, target: Callable[[], SchoolCalendar | None]) -> None:
        self.target = target

    def available(self) -> bool:
        return self.target() is not None

    def get(self) -> str:
        calendar = self.target()
        return ", ".join(d.isoformat() for d in calendar.progress_report_dates) if calendar is not None else ""

    def set(self, value: str) -> None:
        calendar = self.target()
        if calendar is None:
            return
        dates: list[dt.date] = []
        for part in str(value).replace(";", ",").split(","):
            if not part.strip():
                continue
            try:
                day = parse_date(part)
            except ValueError:
                day = None
            if day is None:  # the stored dates stay as they were until every date is complete
                raise FieldError(QCoreApplication.translate(
                    "DatesLogPage", "“%1” is not a date; write it as YYYY-MM-DD (for example 2026-11-13)")
                    .replace("%1", part.strip()))
            dates.append(day)
        calendar.progress_report_dates = sorted(set(dates))
