"""Editors for repeatable items (guardians, contacts, concerns…): a list with Add, Remove and reorder."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planwriter.gui.widgets.fields import FormSection, help_label

log = logging.getLogger(__name__)


class _ItemButtons(QWidget):
    """Add, Remove, Move up, Move down under a list; every button names what it acts on."""

    def __init__(self, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        names = (
            (self.add_button, self.tr("Add %1")),
            (self.remove_button, self.tr("Remove the selected %1")),
            (self.up_button, self.tr("Move the selected %1 up")),
            (self.down_button, self.tr("Move the selected %1 down")),
        )
        for button, text in names:
            button.setAccessibleName(text.replace("%1", noun))
            button.setToolTip(text.replace("%1", noun))
            button.setAutoDefault(False)
        grid.addWidget(self.add_button, 0, 0)
        grid.addWidget(self.remove_button, 0, 1)
        grid.addWidget(self.up_button, 1, 0)
        grid.addWidget(self.down_button, 1, 1)


class _ListBase(QWidget):
    """What both list editors share: the list, the buttons, keyboard shortcuts, reordering."""

    edited = Signal()

    def __init__(self, noun: str, plural: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noun = noun
        self.list = QListWidget(self)
        self.list.setAccessibleName(plural[:1].upper() + plural[1:])
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.buttons = _ItemButtons(noun, self)
        self.add_button = self.buttons.add_button
        self.remove_button = self.buttons.remove_button
        self.up_button = self.buttons.up_button
        self.down_button = self.buttons.down_button
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        # Delete removes, Insert adds, Alt+Up / Alt+Down move the selected item.
        self.list.installEventFilter(self)
        self.list.currentRowChanged.connect(self._row_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress and self.list.state() != (
            QAbstractItemView.State.EditingState
        ):
            key = event.key()
            alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if key == Qt.Key.Key_Delete and self.remove_button.isEnabled():
                self.remove_item()
                return True
            if key == Qt.Key.Key_Insert:
                self.add_item()
                return True
            if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_item(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    # implemented by subclasses
    def items(self) -> list[Any] | None:
        raise NotImplementedError

    def add_item(self) -> None:
        raise NotImplementedError

    def _row_changed(self, row: int) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        items = self.items()
        row = self.list.currentRow()
        count = len(items) if items is not None else 0
        self.add_button.setEnabled(items is not None)
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)

    def count(self) -> int:
        return self.list.count()

    def remove_item(self) -> None:
        items = self.items()
        row = self.list.currentRow()
        if items is None or not 0 <= row < len(items):
            return
        del items[row]
        self._store(items)
        self.list.takeItem(row)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._row_changed(self.list.currentRow())
        self.edited.emit()

    def move_item(self, step: int) -> None:
        items = self.items()
        row = self.list.currentRow()
        target = row + step
        if items is None or not 0 <= row < len(items) or not 0 <= target < len(items):
            return
        items[row], items[target] = items[target], items[row]
        self._store(items)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.edited.emit()

    def _store(self, items: list[Any]) -> None:
        """Lists of models are changed in place; lists of text are stored back (see TextListEditor)."""


class RepeatableEditor(_ListBase):
    """A list of model objects on the left, a small form for the selected one on the right.

    Build the form's fields with bindings to :meth:`current`, e.g.
    ``editor.form.add(TextField(label, ModelBinding(editor.current, "name")))``.
    """

    def __init__(
        self,
        noun: str,
        plural: str,
        items: Callable[[], list[Any] | None],
        factory: Callable[[], Any],
        summary: Callable[[Any], str],
        help: str = "",
        parent: QWidget | None = None,
        stacked: bool = False,
    ) -> None:
        super().__init__(noun, plural, parent)
        self._items = items
        self.factory = factory
        self.summary = summary
        self.form = FormSection(self)
        self.form.edited.connect(self._form_edited)
        self.empty_label = QLabel(self.tr("Nothing here yet. Use Add to start."), self)
        self.empty_label.setWordWrap(True)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.list, 1)
        left.addWidget(self.buttons)
        left_box = QWidget(self)
        left_box.setLayout(left)
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 5)
        if stacked:
            # Nested editors (examples of a concern) are narrow: the form goes under the list.
            self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 7)
        else:
            left_box.setMinimumWidth(190)
            left_box.setMaximumWidth(280)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.empty_label)
        right.addWidget(self.form)
        right.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if help:
            outer.addWidget(help_label(help, self))
        row = QVBoxLayout() if stacked else QHBoxLayout()
        row.addWidget(left_box)
        row.addLayout(right, 1)
        outer.addLayout(row)
        self.setTabOrder(self.list, self.add_button)

    def items(self) -> list[Any] | None:
        return self._items()

    def current(self) -> Any:
        items = self.items()
        row = self.list.currentRow()
        if items is None or not 0 <= row < len(items):
            return None
        return items[row]

    def refresh(self) -> None:
        """Rebuild the list from the model, keeping the selected row where possible."""
        row = max(self.list.currentRow(), 0)
        items = self.items() or []
        self.list.blockSignals(True)
        self.list.clear()
        for item in items:
            self.list.addItem(QListWidgetItem(self._summary(item)))
        self.list.setCurrentRow(min(row, len(items) - 1) if items else -1)
        self.list.blockSignals(False)
        self._row_changed(self.list.currentRow())

    def _summary(self, item: Any) -> str:
        text = self.summary(item).strip()
        return text or self.tr("(new %1)").replace("%1", self.noun)

    def _row_changed(self, row: int) -> None:
        has_item = self.current() is not None
        self.form.setEnabled(has_item)
        self.form.setVisible(has_item)
        self.empty_label.setVisible(not has_item)
        self.form.refresh()
        super()._row_changed(row)

    def _form_edited(self) -> None:
        item = self.list.currentItem()
        current = self.current()
        if item is not None and current is not None:
            item.setText(self._summary(current))
        self.edited.emit()

    def add_item(self) -> None:
        items = self.items()
        if items is None:
            return
        items.append(self.factory())
        self.list.addItem(QListWidgetItem(self._summary(items[-1])))
        self.list.setCurrentRow(len(items) - 1)
        self.edited.emit()
        fields = self.form.fields()
        if fields:
            fields[0].setFocus(Qt.FocusReason.OtherFocusReason)


class TextListEditor(_ListBase):
    """A list of short texts (strengths, enclosures) edited in place: F2 or double-click edits an item."""

    def __init__(
        self,
        noun: str,
        plural: str,
        get: Callable[[], list[str] | None],
        store: Callable[[list[str]], None],
        help: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(noun, plural, parent)
        self._get = get
        self._put = store
        self._loading = False
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 4)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 9)
        self.list.itemChanged.connect(self._item_changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if help:
            outer.addWidget(help_label(help, self))
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        row.addLayout(side)
        outer.addLayout(row)

    def items(self) -> list[str] | None:
        values = self._get()
        if values is None:
            return None
        # The list on screen may hold an item still being typed (empty), which the model drops.
        return [self.list.item(i).text() for i in range(self.list.count())]

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _store(self, items: list[str]) -> None:
        self._put([text.strip() for text in items if text.strip()])

    def refresh(self) -> None:
        self._loading = True
        self.list.clear()
        for text in self._get() or []:
            self._new_row(text)
        self._loading = False
        self._update_buttons()

    def _new_row(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        self._store(self.texts())
        self.edited.emit()

    def add_item(self, text: str = "") -> None:
        if self._get() is None:
            return
        self._loading = True
        item = self._new_row(text if isinstance(text, str) else "")
        self._loading = False
        self.list.setCurrentItem(item)
        self._update_buttons()
        if item.text():
            self._item_changed(item)
        else:
            self.list.setFocus()
            self.list.editItem(item)

    def remove_item(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < self.list.count():
            return
        self._loading = True
        self.list.takeItem(row)
        self._loading = False
        self._store(self.texts())
        self._update_buttons()
        self.edited.emit()

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if not 0 <= row < self.list.count() or not 0 <= target < self.list.count():
            return
        self._loading = True
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._loading = False
        self._store(self.texts())
        self._update_buttons()
        self.edited.emit()
