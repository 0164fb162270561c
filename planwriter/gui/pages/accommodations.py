"""Accommodations: search the catalogue, see suggestions for the child, and keep the child's own list."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planwriter.core.accommodations import (
    Accommodation,
    AccommodationCatalogue,
    Category,
    Modification,
    Need,
    Setting,
    Suggestion,
    catalogue,
)
from planwriter.core.model import ChosenAccommodation
from planwriter.gui.appcontext import AppContext
from planwriter.gui.exporting import ExportMixin
from planwriter.gui.pages.base import CasePage
from planwriter.gui.widgets import (
    ChoiceField,
    FormSection,
    LongTextField,
    ModelBinding,
    TextField,
    help_label,
    page_heading,
)
from planwriter.render.environment import capfirst

log = logging.getLogger(__name__)

#: Where a list item keeps the id of what it shows.
ID_ROLE = Qt.ItemDataRole.UserRole
#: The document this page exports.
LIST_TEMPLATE = "accommodations"


class AccommodationsPage(ExportMixin, CasePage):
    """The picker: suggestions ranked from the case, the searchable catalogue, and the child's list.

    Every change edits ``case.accommodations`` in place and emits :attr:`changed`.
    """

    save_dialog_title = "Export the list to Word"

    nav_title = "Accommodations"

    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 catalogue_: AccommodationCatalogue | None = None) -> None:
        super().__init__(context, parent)
        self.nav_title = self.tr("Accommodations")
        self.catalogue = catalogue_ or catalogue()
        self._suggestions: dict[str, Suggestion] = {}
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(page_heading(self.tr("Accommodations"), self))
        layout.addWidget(help_label(self.tr(
            "Accommodations change how your child learns or shows what they know, not what they are "
            "expected to learn. Pick them from what your child needs, then say for each one how much, "
            "when and who provides it. The list becomes the “Requested accommodations” document."), self))

        # Items wrap over several lines: a thin rule between them shows where one ends.
        self.setStyleSheet(
            "QListWidget::item { border-bottom: 1px solid palette(midlight); padding: 3px 2px; }"
            "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.splitter.addWidget(self._build_finder())
        self.splitter.addWidget(self._build_chosen())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self._fill_catalogue()
        self._update_buttons()

    # ------------------------------------------------------------------ building

    def _build_finder(self) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 6, 0)

        self.suggestion_box = QGroupBox(self.tr("Suggested for your child"), pane)
        box = QVBoxLayout(self.suggestion_box)
        box.addWidget(help_label(self.tr(
            "Ranked from the concerns, present levels, diagnoses and categories on the About the child "
            "page. Each one says why it is suggested."), self.suggestion_box))
        # A table, not a list: the reason sits in its own column, wrapped, so it is read whole.
        self.suggestion_table = QTableWidget(0, 2, self.suggestion_box)
        self.suggestion_table.setHorizontalHeaderLabels([self.tr("Accommodation"), self.tr("Why")])
        self.suggestion_table.setWordWrap(True)
        self.suggestion_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.suggestion_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.suggestion_table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.suggestion_table.setAlternatingRowColors(True)
        self.suggestion_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.suggestion_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.suggestion_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.suggestion_table.verticalHeader().setVisible(False)
        # Rows grow to fit the wrapped text; the user may drag the column border.
        self.suggestion_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.suggestion_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.suggestion_table.setAccessibleName(self.tr("Suggested accommodations"))
        self.suggestion_table.itemDoubleClicked.connect(lambda _item: self.add_selected_suggestion())
        self.suggestion_table.currentCellChanged.connect(lambda *_cells: self._update_buttons())
        box.addWidget(self.suggestion_table, 1)
        self.suggestion_empty_label = help_label(self.tr(
            "No suggestions yet: add your concerns on the About the child page, or search the catalogue "
            "below."), self.suggestion_box)
        box.addWidget(self.suggestion_empty_label)
        self.add_suggestion_button = QPushButton(self.tr("Add suggestion to the list"), self.suggestion_box)
        self.add_suggestion_button.setAccessibleName(self.tr("Add the selected suggestion to the list"))
        self.add_suggestion_button.clicked.connect(self.add_selected_suggestion)
        box.addWidget(self.add_suggestion_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.suggestion_box, 3)

        self.catalogue_box = QGroupBox(self.tr("All accommodations"), pane)
        box = QVBoxLayout(self.catalogue_box)
        self.search_edit = QLineEdit(self.catalogue_box)
        self.search_edit.setPlaceholderText(self.tr("Search, for example: extra time, headphones, reading"))
        self.search_edit.setAccessibleName(self.tr("Search accommodations"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self._fill_catalogue())
        box.addWidget(self.search_edit)

        filters = QGridLayout()
        self.category_filter = self._filter_combo(
            self.tr("All kinds"), [(c.value, self.catalogue.category_labels[c]) for c in Category],
            self.tr("Filter by kind of accommodation"))
        self.need_filter = self._filter_combo(
            self.tr("All needs"),
            [(n.value, capfirst(self.catalogue.need_labels[n])) for n in Need],
            self.tr("Filter by need"))
        self.setting_filter = self._filter_combo(
            self.tr("Everywhere"), [(s.value, capfirst(self.catalogue.setting_labels[s])) for s in Setting],
            self.tr("Filter by where it applies"))
        for column_index, (label, combo) in enumerate((
            (self.tr("&Kind"), self.category_filter),
            (self.tr("&Need"), self.need_filter),
            (self.tr("&Where"), self.setting_filter),
        )):
            caption = QLabel(label, self.catalogue_box)
            caption.setBuddy(combo)
            filters.addWidget(caption, 0, column_index)
            filters.addWidget(combo, 1, column_index)
            # Let the combos shrink with the window instead of forcing it wider than the screen.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        box.addLayout(filters)

        self.modifications_check = QCheckBox(self.tr("Show modifications instead"), self.catalogue_box)
        self.modifications_check.setToolTip(self.tr("Modifications change what is taught or tested."))
        self.modifications_check.setAccessibleName(self.tr("Show modifications instead of accommodations"))
        self.modifications_check.toggled.connect(lambda _on: self._fill_catalogue())
        box.addWidget(self.modifications_check)
        difference = self.catalogue.difference
        self.difference_label = help_label(f"{difference.modification} {difference.quick_test}",
                                           self.catalogue_box)
        self.difference_label.setVisible(False)
        box.addWidget(self.difference_label)

        self.catalogue_list = QListWidget(self.catalogue_box)
        self.catalogue_list.setWordWrap(True)
        self.catalogue_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.catalogue_list.setAlternatingRowColors(True)
        # Lay out long result lists in batches, so the first rows paint before all wrapped heights are known.
        self.catalogue_list.setLayoutMode(QListWidget.LayoutMode.Batched)
        self.catalogue_list.setBatchSize(40)
        self.catalogue_list.setAccessibleName(self.tr("Accommodations in the catalogue"))
        self.catalogue_list.itemDoubleClicked.connect(lambda _item: self.add_selected_catalogue_item())
        self.catalogue_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        box.addWidget(self.catalogue_list, 1)
        row = QHBoxLayout()
        self.count_label = QLabel(self.catalogue_box)
        row.addWidget(self.count_label, 1)
        self.add_button = QPushButton(self.tr("Add to the list"), self.catalogue_box)
        self.add_button.setAccessibleName(self.tr("Add the selected accommodation to the list"))
        self.add_button.clicked.connect(self.add_selected_catalogue_item)
        row.addWidget(self.add_button)
        box.addLayout(row)
        column.addWidget(self.catalogue_box, 3)
        return pane

    def _filter_combo(self, everything: str, choices: list[tuple[str, str]], name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        for value, label in choices:
            combo.addItem(label, value)
        combo.setAccessibleName(name)
        combo.currentIndexChanged.connect(lambda _i: self._fill_catalogue())
        return combo

    def _build_chosen(self) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(6, 0, 0, 0)
        self.chosen_box = QGroupBox(self.tr("Your child's list"), pane)
        box = QVBoxLayout(self.chosen_box)
        self.chosen_list = QListWidget(self.chosen_box)
        self.chosen_list.setWordWrap(True)
        self.chosen_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chosen_list.setAccessibleName(self.tr("Accommodations chosen for your child"))
        self.chosen_list.currentRowChanged.connect(self._chosen_row_changed)
        box.addWidget(self.chosen_list, 1)
        buttons = QHBoxLayout()
        self.add_custom_button = QPushButton(self.tr("Add your own"), self.chosen_box)
        self.add_custom_button.setAccessibleName(self.tr("Add an accommodation in your own words"))
        self.add_custom_button.clicked.connect(self.add_custom)
        self.remove_button = QPushButton(self.tr("Remove"), self.chosen_box)
        self.remove_button.setAccessibleName(self.tr("Remove the selected accommodation from the list"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_custom_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        box.addLayout(buttons)
        column.addWidget(self.chosen_box, 2)

        self.editor_box = QGroupBox(self.tr("Selected accommodation"), pane)
        box = QVBoxLayout(self.editor_box)
        self.kind_label = QLabel(self.editor_box)
        self.kind_label.setWordWrap(True)
        box.addWidget(self.kind_label)
        self.form = FormSection(self.editor_box, labels_above=True)
        current = self.current_chosen
        self.text_field = self.form.add(TextField(
            self.tr("Accommodation"), ModelBinding(current, "text"),
            help=self.tr("Specific: what, when and how much. Example: time and one-half on tests "
                         "longer than 10 minutes.")))
        category_choices = [(c.value, self.catalogue.category_labels[c]) for c in Category]
        self.category_field = self.form.add(ChoiceField(
            self.tr("Kind"), ModelBinding(current, "category"), [*category_choices, ("", self.tr("Other"))]))
        self.details_field = self.form.add(LongTextField(
            self.tr("Details (how much, when, who provides it)"), ModelBinding(current, "details"),
            placeholder=self.tr("For example: in science and social studies; the classroom teacher "
                                "sets it up"), lines=2))
        self.reason_field = self.form.add(LongTextField(
            self.tr("Why your child needs it"), ModelBinding(current, "reason"),
            help=self.tr("The need it addresses, with an example or a number if you have one."), lines=3))
        box.addWidget(self.form)
        where = QGridLayout()
        where_label = QLabel(self.tr("Where it applies:"), self.editor_box)
        where.addWidget(where_label, 0, 0)
        self.setting_boxes: dict[Setting, QCheckBox] = {}
        for index, setting in enumerate(Setting):
            check = QCheckBox(capfirst(self.catalogue.setting_labels[setting]), self.editor_box)
            check.setAccessibleName(self.tr("Applies to %1").replace(
                "%1", self.catalogue.setting_labels[setting]))
            check.toggled.connect(lambda on, s=setting: self._setting_toggled(s, on))
            where.addWidget(check, index // 2, 1 + index % 2)
            self.setting_boxes[setting] = check
        where.setColumnStretch(3, 1)
        box.addLayout(where)
        self.warning_label = QLabel(self.editor_box)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8a4b00;")
        box.addWidget(self.warning_label)
        column.addWidget(self.editor_box, 3)
        self.form.edited.connect(self._chosen_edited)

        export_row = QHBoxLayout()
        plan_label = QLabel(self.tr("&Plan:"), pane)
        self.plan_combo = QComboBox(pane)
        self.plan_combo.setAccessibleName(self.tr("Which plan the list is for"))
        plan_label.setBuddy(self.plan_combo)
        for value, label in (
            ("current", self.tr("The plan my child has now")),
            ("iep", self.tr("An IEP")),
            ("504", self.tr("A Section 504 plan")),
            ("either", self.tr("An IEP or a 504 plan")),
        ):
            self.plan_combo.addItem(label, value)
        self.export_button = QPushButton(self.tr("Export list to Word…"), pane)
        self.export_button.setAccessibleName(self.tr("Export the Requested accommodations list to Word"))
        self.export_button.clicked.connect(self.export_list)
        export_row.addWidget(plan_label)
        export_row.addWidget(self.plan_combo)
        export_row.addStretch(1)
        export_row.addWidget(self.export_button)
        column.addLayout(export_row)
        self.status_label = QLabel(pane)
        self.status_label.setWordWrap(True)
        column.addWidget(self.status_label)
        return pane

    # ------------------------------------------------------------------ reading the case

    def refresh(self) -> None:
        self._loading = True
        try:
            name = self.case.child.first_name if self.case is not None else ""
            if name:
                self.suggestion_box.setTitle(self.tr("Suggested for %1").replace("%1", name))
                self.chosen_box.setTitle(self.tr("%1's list").replace("%1", name))
            else:
                self.suggestion_box.setTitle(self.tr("Suggested for your child"))
                self.chosen_box.setTitle(self.tr("Your child's list"))
            self._fill_suggestions()
            self._fill_chosen()
        finally:
            self._loading = False
        self._update_buttons()

    def _fill_suggestions(self) -> None:
        table = self.suggestion_table
        table.setRowCount(0)
        self._suggestions = {}
        suggestions = self.catalogue.suggest(self.case, limit=25) if self.case is not None else []
        table.setRowCount(len(suggestions))
        for row, suggestion in enumerate(suggestions):
            text = suggestion.accommodation.text
            what = QTableWidgetItem(text)
            what.setData(ID_ROLE, suggestion.accommodation.id)
            what.setToolTip(text)
            why = QTableWidgetItem(suggestion.why)
            why.setToolTip(self.tr("Why: %1").replace("%1", suggestion.why))
            for cell in (what, why):
                cell.setData(Qt.ItemDataRole.AccessibleTextRole, self._suggestion_text(suggestion))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            table.setItem(row, 0, what)
            table.setItem(row, 1, why)
            self._suggestions[suggestion.accommodation.id] = suggestion
        self._size_suggestion_columns()
        table.setVisible(bool(suggestions))
        self.suggestion_empty_label.setVisible(not suggestions)

    def _suggestion_text(self, suggestion: Suggestion) -> str:
        """What a screen reader says for a suggestion: the accommodation, then why."""
        return f"{suggestion.accommodation.text}. {self.tr('Why: %1').replace('%1', suggestion.why)}"

    def suggestion_ids(self) -> list[str]:
        """The ids of the suggestions shown, best first."""
        table = self.suggestion_table
        return [table.item(row, 0).data(ID_ROLE) for row in range(table.rowCount())]

    def _size_suggestion_columns(self) -> None:
        """Give the accommodation a bit more than half the width; the reason gets the rest, wrapped."""
        width = self.suggestion_table.viewport().width()
        if width > 100:
            self.suggestion_table.setColumnWidth(0, int(width * 0.55))
        self.suggestion_table.resizeRowsToContents()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._size_suggestion_columns()

    def _fill_catalogue(self) -> None:
        self.catalogue_list.clear()
        showing_modifications = self.modifications_check.isChecked()
        for combo in (self.category_filter, self.need_filter, self.setting_filter):
            combo.setEnabled(not showing_modifications)
        self.difference_label.setVisible(showing_modifications)
        text = self.search_edit.text()
        if showing_modifications:
            for mod in self.catalogue.search_modifications(text):
                item = QListWidgetItem(self.tr("Modification: %1").replace("%1", mod.text))
                item.setData(ID_ROLE, mod.id)
                item.setToolTip(mod.explanation or self.catalogue.difference.quick_test)
                self.catalogue_list.addItem(item)
            count = self.catalogue_list.count()
            self.count_label.setText(self.tr("1 modification") if count == 1
                                     else self.tr("%1 modifications").replace("%1", str(count)))
        else:
            items = self.catalogue.search(
                text,
                category=self.category_filter.currentData() or None,
                need=self.need_filter.currentData() or None,
                setting=self.setting_filter.currentData() or None,
            )
            for accommodation in items:
                label = accommodation.text
                if accommodation.construct_warning:
                    label += " ⚠"
                item = QListWidgetItem(label)
                item.setData(ID_ROLE, accommodation.id)
                tip = self.catalogue.category_labels[accommodation.category]
                if accommodation.construct_warning:
                    tip += "\n" + accommodation.construct_warning
                item.setToolTip(tip)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, label.replace(" ⚠", self.tr(
                    " (can change what a test measures)")))
                self.catalogue_list.addItem(item)
            self.count_label.setText(self.tr("1 accommodation") if len(items) == 1
                                     else self.tr("%1 accommodations").replace("%1", str(len(items))))
        self._update_buttons()

    def _fill_chosen(self, select: int | None = None) -> None:
        row = self.chosen_list.currentRow() if select is None else select
        self.chosen_list.blockSignals(True)
        self.chosen_list.clear()
        for chosen in self.case.accommodations if self.case is not None else []:
            item = QListWidgetItem(self._chosen_label(chosen))
            item.setData(ID_ROLE, chosen.id)
            self.chosen_list.addItem(item)
        self.chosen_list.blockSignals(False)
        count = self.chosen_list.count()
        self.chosen_list.setCurrentRow(min(max(row, 0), count - 1) if count else -1)
        self._chosen_row_changed(self.chosen_list.currentRow())

    def _chosen_label(self, chosen: ChosenAccommodation) -> str:
        text = chosen.text or self.tr("(new accommodation: describe it below)")
        if chosen.is_modification:
            return self.tr("Modification: %1").replace("%1", text)
        return f"{self.catalogue.category_label(chosen.category)}: {text}" if chosen.category else text

    # ------------------------------------------------------------------ the selected chosen item

    def current_chosen(self) -> ChosenAccommodation | None:
        row = self.chosen_list.currentRow()
        if self.case is None or not 0 <= row < len(self.case.accommodations):
            return None
        return self.case.accommodations[row]

    def _chosen_row_changed(self, _row: int) -> None:
        chosen = self.current_chosen()
        self.form.refresh()
        self.text_field.edit.setCursorPosition(0)  # long texts: show their beginning
        loading, self._loading = self._loading, True
        try:
            for setting, check in self.setting_boxes.items():
                check.setChecked(chosen is not None and setting.value in chosen.settings)
                check.setEnabled(chosen is not None)
        finally:
            self._loading = loading
        item = self.catalogue.get(chosen.catalogue_id) if chosen is not None and chosen.catalogue_id else None
        if chosen is None:
            self.kind_label.setText(self.tr("Select an accommodation in the list to add details."))
        elif chosen.is_modification:
            self.kind_label.setText(self.tr(
                "This is a modification, not an accommodation: it changes what your child is expected "
                "to learn. It is listed in its own section of the document."))
        elif chosen.catalogue_id:
            self.kind_label.setText(self.tr("From the catalogue. You may reword it to fit your child."))
        else:
            self.kind_label.setText(self.tr("Your own accommodation."))
        warning = item.construct_warning if isinstance(item, Accommodation) else ""
        self.warning_label.setText(self.tr("On tests: %1").replace("%1", warning) if warning else "")
        self.warning_label.setVisible(bool(warning))
        is_modification = chosen is not None and chosen.is_modification
        self.form.form.setRowVisible(self.category_field, not is_modification)
        self.text_field.label.setText(self.tr("Modification") if is_modification else self.tr("Accommodation"))
        self._update_buttons()

    def _chosen_edited(self) -> None:
        row = self.chosen_list.currentRow()
        chosen = self.current_chosen()
        if chosen is not None and row >= 0:
            self.chosen_list.item(row).setText(self._chosen_label(chosen))
        self.changed.emit()

    def _setting_toggled(self, setting: Setting, on: bool) -> None:
        chosen = self.current_chosen()
        if self._loading or chosen is None:
            return
        settings = [s for s in chosen.settings if s != setting.value]
        if on:
            settings.append(setting.value)
        order = [s.value for s in Setting]
        chosen.settings = sorted(settings, key=lambda s: order.index(s) if s in order else len(order))
        self.changed.emit()

    # ------------------------------------------------------------------ actions

    def add_selected_suggestion(self) -> ChosenAccommodation | None:
        row = self.suggestion_table.currentRow()
        if row < 0 or self.case is None:
            return None
        suggestion = self._suggestions.get(self.suggestion_table.item(row, 0).data(ID_ROLE))
        if suggestion is None:
            return None
        chosen = self.catalogue.choose(suggestion.accommodation, reason=suggestion.reason)
        return self._add(chosen)

    def add_selected_catalogue_item(self) -> ChosenAccommodation | None:
        item = self.catalogue_list.currentItem()
        if item is None or self.case is None:
            return None
        entry = self.catalogue.get(item.data(ID_ROLE))
        if not isinstance(entry, Accommodation | Modification):
            return None
        already = next((a for a in self.case.accommodations if a.catalogue_id == entry.id), None)
        if already is not None:
            self.chosen_list.setCurrentRow(self.case.accommodations.index(already))
            return already
        return self._add(self.catalogue.choose(entry, self.case))

    def add_custom(self) -> ChosenAccommodation | None:
        if self.case is None:
            return None
        chosen = self._add(ChosenAccommodation(settings=[Setting.CLASSROOM.value]))
        self.text_field.edit.setFocus()
        return chosen

    def _add(self, chosen: ChosenAccommodation) -> ChosenAccommodation:
        assert self.case is not None
        self.case.accommodations.append(chosen)
        self._fill_suggestions()
        self._fill_chosen(select=len(self.case.accommodations) - 1)
        self.changed.emit()
        return chosen

    def remove_selected(self) -> None:
        row = self.chosen_list.currentRow()
        if self.case is None or not 0 <= row < len(self.case.accommodations):
            return
        del self.case.accommodations[row]
        self._fill_suggestions()
        self._fill_chosen(select=row)
        self.changed.emit()

    # ------------------------------------------------------------------ the document

    def export_list(self) -> Path | None:
        """Write the "Requested accommodations" document for the child's list to a Word file."""
        if self.case is None:
            return None
        if not any(a.text for a in self.case.accommodations):
            self.show_message(self.tr("The list is empty"), self.tr(
                "Add at least one accommodation to your child's list first: pick a suggestion, search "
                "the catalogue, or add your own."))
            return None
        from planwriter.render.engine import render_document
        from planwriter.render.registry import InputError, TemplateError

        try:
            document = render_document(self.case, LIST_TEMPLATE, {"plan_type": self.plan_combo.currentData()},
                                       registry=self.context.registry)
        except (KeyError, TemplateError, InputError) as error:
            self.show_message(self.tr("Cannot export"), str(error))
            return None
        path = self.save_document(document, self.context.registry.get(LIST_TEMPLATE).meta.title)
        if path is not None:
            self.status_label.setText(self.tr("Saved “%1”.").replace("%1", path.name))
        return path

    def _update_buttons(self) -> None:
        has_case = self.case is not None
        self.add_suggestion_button.setEnabled(has_case and self.suggestion_table.currentRow() >= 0)
        self.add_button.setEnabled(has_case and self.catalogue_list.currentItem() is not None)
        self.add_custom_button.setEnabled(has_case)
        self.export_button.setEnabled(has_case)
        self.remove_button.setEnabled(self.current_chosen() is not None)
        self.editor_box.setEnabled(self.current_chosen() is not None)

