"""Form fields bound to the case model: they validate as the user types and show plain-language errors."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from planwriter.gui.widgets.binding import Binding, FieldError

log = logging.getLogger(__name__)


def help_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A short explanation shown under a field, in a quieter colour taken from the system palette."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    return label


def _lower_first(text: str) -> str:
    """"Next meeting" -> "next meeting", but "IEP date" stays as it is."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def plain_label(text: str) -> str:
    """A label without its mnemonic ampersand and required marker, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" *:")


class ErrorLabel(QWidget):
    """A warning icon and a sentence; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.setVisible(False)

    def set_message(self, message: str) -> None:
        self.text.setText(message)
        self.setVisible(bool(message))

    def message(self) -> str:
        return self.text.text() if not self.isHidden() else ""


class Field(QWidget):
    """A labelled input bound to one value; shows help under it and an error when the value is refused.

    ``edited`` is emitted after a value was stored; a refused value leaves the stored one as it was.
    """

    edited = Signal()

    def __init__(self, label: str, binding: Binding, help: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binding = binding
        self._loading = False
        self._help = help
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.editor: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(self.row)
        self.help_label = help_label(help, self)
        self.help_label.setVisible(bool(help))
        self._layout.addWidget(self.help_label)
        self.error_label = ErrorLabel(self)
        self._layout.addWidget(self.error_label)

    # -- set-up for subclasses
    def _set_editor(self, editor: QWidget, stretch: int = 1) -> None:
        self.editor = editor
        self.row.addWidget(editor, stretch)
        self.label.setBuddy(editor)
        editor.setAccessibleName(plain_label(self.label.text()))
        if self._help:
            editor.setAccessibleDescription(self._help)
            editor.setToolTip(self._help)
        self.setFocusProxy(editor)

    # -- the value
    def refresh(self) -> None:
        """Show the stored value again (without emitting ``edited``) and forget any error."""
        self._loading = True
        try:
            self.show_value(self.binding.get())
        finally:
            self._loading = False
        self.set_error("")
        self.setEnabled(self.binding.available())

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def commit(self, value: Any) -> bool:
        """Try to store ``value``; show why not if it is refused."""
        if self._loading:
            return False
        try:
            self.binding.set(value)
        except FieldError as error:
            self.set_error(str(error))
            return False
        from planwriter.core.text import needs_cleaning

        if needs_cleaning(value):
            # The case keeps the cleaned text (core/text.py); say so, so nothing changes unseen.
            self.set_error(self.tr("Some invisible characters in this text (such as control codes left "
                                   "by a copy and paste) were replaced with spaces or line breaks."))
        else:
            self.set_error("")
        self.edited.emit()
        return True

    # -- errors
    def set_error(self, message: str) -> None:
        self.error_label.set_message(message)
        if self.editor is not None:
            description = f"{message} {self._help}".strip() if message else self._help
            self.editor.setAccessibleDescription(description)

    def error(self) -> str:
        """The error shown next to the field, or an empty string."""
        return self.error_label.message()


class TextField(Field):
    """One line of text."""

    def __init__(self, label: str, binding: Binding, help: str = "", placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(label, binding, help, parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(False)
        self._set_editor(self.edit)
        self.edit.textEdited.connect(self.commit)

    def show_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class LongTextField(Field):
    """Several lines of text (a description, an example); a list shows one item per line."""

    def __init__(self, label: str, binding: Binding, help: str = "", placeholder: str = "",
                 lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(label, binding, help, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setTabChangesFocus(True)
        height = self.edit.fontMetrics().lineSpacing() * lines + 14
        self.edit.setFixedHeight(height)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._set_editor(self.edit)
        self.edit.textChanged.connect(lambda: self.commit(self.edit.toPlainText()))

    def show_value(self, value: Any) -> None:
        if isinstance(value, list | tuple):
            value = "\n".join(str(v) for v in value)
        self.edit.setPlainText("" if value is None else str(value))


_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """``2026-09-14``, ``2026/09/14`` or ``9/14/2026``; empty text is no date. Raises ``ValueError``."""
    text = text.strip()
    if not text:
        return None
    match = _US_DATE.match(text)
    if match:
        month, day, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text.replace("/", "-"))


def readable_date(value: dt.date) -> str:
    return f"{value:%A}, {value:%B} {value.day}, {value.year}"


class DateField(Field):
    """A date typed as YYYY-MM-DD or picked from a calendar; it may be left empty."""

    def __init__(self, label: str, binding: Binding, help: str = "", parent: QWidget | None = None,
                 empty_text: str = "") -> None:
        super().__init__(label, binding, help, parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(empty_text or self.tr("YYYY-MM-DD"))
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0000-00-00") * 2 + 24)
        self._set_editor(self.edit, 0)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText(self.tr("Calendar…"))
        self.calendar_button.setToolTip(self.tr("Pick the date from a calendar"))
        self.calendar_button.setAccessibleName(
            self.tr("Pick %1 from a calendar").replace("%1", _lower_first(plain_label(label)))
        )
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # The text already says what the button does; the menu arrow only crowds it.
        self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.menu = QMenu(self.calendar_button)
        self.calendar = QCalendarWidget(self.menu)
        self.calendar.setGridVisible(True)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        self.menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar.clicked.connect(self.pick)
        self.calendar.activated.connect(self.pick)
        self.calendar_button.setMenu(self.menu)
        self.row.addWidget(self.calendar_button)
        self.readable = QLabel(self)
        self.readable.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.readable.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.row.addWidget(self.readable, 1)
        self.edit.textEdited.connect(self._typed)

    def _prepare_calendar(self) -> None:
        try:
            value = parse_date(self.edit.text())
        except ValueError:
            value = None
        value = value or dt.date.today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        self.calendar.setFocus()

    def pick(self, qdate: QDate) -> None:
        """Take the date chosen in the calendar (as if it had been typed)."""
        value = dt.date(qdate.year(), qdate.month(), qdate.day())
        self.menu.hide()
        self.edit.setText(value.isoformat())
        self._typed(value.isoformat())
        self.edit.setFocus()

    def _typed(self, text: str) -> None:
        try:
            value = parse_date(text)
        except ValueError:
            self.readable.setText("")
            self.set_error(
                self.tr("“%1” is not a date; write it as YYYY-MM-DD (for example 2026-09-14) "
                        "or pick it from the calendar").replace("%1", text.strip())
            )
            return
        self.readable.setText(readable_date(value) if value else "")
        self.commit(value)

    def show_value(self, value: Any) -> None:
        if isinstance(value, dt.date):
            self.edit.setText(value.isoformat())
            self.readable.setText(readable_date(value))
        else:
            self.edit.setText("")
            self.readable.setText("")


class ChoiceField(Field):
    """A drop-down of fixed choices: ``(value, label)`` pairs, e.g. an enum with its labels."""

    def __init__(self, label: str, binding: Binding, choices: Iterable[tuple[Any, str]], help: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(label, binding, help, parent)
        self.combo = QComboBox(self)
        # Long choices must not force a wide form: the combo may shrink and elide.
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setMaximumWidth(self.combo.fontMetrics().averageCharWidth() * 52)
        self._values: list[Any] = []
        self.set_choices(choices)
        self._set_editor(self.combo, 1)
        self.row.addStretch(0)  # takes what is left once the combo reaches its maximum width
        self.combo.currentIndexChanged.connect(self._chosen)
        self.combo.currentTextChanged.connect(self.combo.setToolTip)  # the full text of a shortened choice

    def set_choices(self, choices: Iterable[tuple[Any, str]]) -> None:
        self._loading = True
        try:
            self.combo.clear()
            self._values = []
            for value, text in choices:
                self._values.append(value)
                self.combo.addItem(text)
        finally:
            self._loading = False
        # The open list shows each choice in full even where the closed box has to shorten it.
        self.combo.view().setMinimumWidth(self.combo.view().sizeHintForColumn(0) + 24)

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self._values):
            self.commit(self._values[index])

    def value(self) -> Any:
        index = self.combo.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def show_value(self, value: Any) -> None:
        for index, known in enumerate(self._values):
            if known == value or (isinstance(known, Enum) and known.value == value):
                self.combo.setCurrentIndex(index)
                return
        self.combo.setCurrentIndex(0 if self._values else -1)


def enum_choices(labels: dict[Any, str], translate: Any = None) -> list[tuple[Any, str]]:
    """``(member, label)`` pairs from one of the ``*_LABELS`` tables, first letter capitalised."""
    out = []
    for member, text in labels.items():
        text = translate(text) if translate else text
        out.append((member, text[:1].upper() + text[1:]))
    return out


class CheckField(Field):
    """A yes/no box; its text is the label."""

    def __init__(self, label: str, binding: Binding, help: str = "", parent: QWidget | None = None) -> None:
        super().__init__(label, binding, help, parent)
        self.label.setText("")
        self.box = QCheckBox(label, self)
        self._set_editor(self.box)
        self.box.setAccessibleName(plain_label(label))
        self.box.toggled.connect(self.commit)

    def show_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class FormSection(QWidget):
    """A column of labelled fields (and nested editors); refreshes them together."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, labels_above: bool = False) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows if labels_above else QFormLayout.RowWrapPolicy.WrapLongRows
        )
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.parts: list[QWidget] = []
        self.labels_above = labels_above

    def add(self, field: Field) -> Field:
        if self.labels_above:
            field.label.setWordWrap(False)
        if isinstance(field, CheckField):
            self.form.addRow(field)
        else:
            self.form.addRow(field.label, field)
        return self.track(field)

    def add_row(self, label: str | QLabel | None, widget: QWidget) -> QWidget:
        """Any other widget; it is refreshed and followed if it has ``refresh`` and ``edited``."""
        if label is None:
            self.form.addRow(widget)
        else:
            self.form.addRow(label, widget)
        return self.track(widget)

    def track(self, widget: QWidget) -> QWidget:
        self.parts.append(widget)
        signal = getattr(widget, "edited", None)
        if signal is not None:
            signal.connect(self.edited)
        return widget

    def refresh(self) -> None:
        for part in self.parts:
            refresh = getattr(part, "refresh", None)
            if refresh is not None:
                refresh()

    def fields(self) -> Sequence[Field]:
        return [p for p in self.parts if isinstance(p, Field)]
