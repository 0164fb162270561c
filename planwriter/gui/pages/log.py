"""Dates & log: the case's key dates and the log of letters sent, with answers that are overdue."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planwriter.core.model import DELIVERY_LABELS, DeliveryMethod, KeyDates, LogEntry
from planwriter.core.problems import problems_from_error
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.base import CasePage
from planwriter.gui.widgets import DateField, FormSection, ModelBinding, ScrollPage, group_box, parse_date
from planwriter.gui.widgets.fields import ErrorLabel

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


def response_status(entry: LogEntry, today: dt.date) -> tuple[str, bool]:
    """The status of an answer in words, and whether it is overdue."""
    tr = QCoreApplication.translate
    if entry.response_received:
        return tr("DatesLogPage", "Answered on %1").replace("%1", entry.response_received.isoformat()), False
    if entry.response_due is None:
        return tr("DatesLogPage", "No deadline"), False
    days = (entry.response_due - today).days
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
        self.dates_form = self._build_dates()
        self.scroll.add(group_box(self.tr("Key dates"), self.dates_form))
        self.scroll.add(group_box(
            self.tr("Letters sent"), self._build_log(),
            intro=self.tr("Fill in “Answer received” when the school replies. Dates are written "
                          "YYYY-MM-DD; double-click a cell or press F2 to change it."),
        ))
        self.scroll.finish()
        self.dates_form.edited.connect(self.changed)
        self.context.signals.log_changed.connect(self.refresh_log)

    # ------------------------------------------------------------------ key dates
    def _key_dates(self) -> KeyDates | None:
        return self.case.key_dates if self.case is not None else None

    def _build_dates(self) -> FormSection:
        form = FormSection(self)
        rows = (
            ("request_date", self.tr("Written request received"),
             self.tr("The day the school got your written request for an evaluation.")),
            ("consent_date", self.tr("Consent signed"),
             self.tr("The day you signed consent for the evaluation. Under IDEA the evaluation must be "
                     "done within 60 days of it, or within your state's own limit.")),
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
        for row, entry in enumerate(entries):
            for column, (name, _header) in enumerate(self.COLUMNS):
                if name == "delivery_method":
                    self.table.setCellWidget(row, column, self._delivery_combo(entry))
                    continue
                if name == "status":
                    text, late = response_status(entry, today)
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
        self.refresh_log()


class _CellError(ValueError):
    """A value typed into the log table that cannot be stored."""
