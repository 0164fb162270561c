"""Goals: the measurable goal builder, the goal bank, the case's goals, and a checker for the school's goals."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planwriter.core.goals import objectives as objectives_mod
from planwriter.core.goals.bank import GoalBank, GoalPattern, apply_pattern, goal_bank
from planwriter.core.goals.checker import GoalCheck, check_goal
from planwriter.core.goals.composer import compose, statement
from planwriter.core.goals.documents import DocumentError, FoundGoal, find_goals, read_document
from planwriter.core.goals.review import review_found
from planwriter.core.model import AREA_LABELS, Area, Goal, Objective, Pronouns
from planwriter.core.text import clean_block
from planwriter.gui.appcontext import AppContext
from planwriter.gui.exporting import ExportMixin
from planwriter.gui.pages.base import CasePage
from planwriter.gui.widgets import (
    CheckField,
    ChoiceField,
    DateField,
    FormSection,
    ModelBinding,
    ScrollPage,
    TextField,
    help_label,
    page_heading,
)
from planwriter.render.environment import capfirst

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole
#: How long the page waits after the last keystroke before composing and checking again.
DEBOUNCE_MS = 200
#: The documents this page exports.
PROPOSED_TEMPLATE = "proposed-goals"
REVIEW_TEMPLATE = "goal-review"


class GoalsPage(ExportMixin, CasePage):
    """Builds the case's goals field by field; checks any goal text against the measurability rubric.

    Every edit changes ``case.goals`` in place and emits :attr:`changed`; the composed statement and
    its check are refreshed shortly after the last keystroke.
    """

    save_dialog_title = "Export to Word"

    nav_title = "Goals"

    def __init__(self, context: AppContext, parent: QWidget | None = None, bank: GoalBank | None = None) -> None:
        super().__init__(context, parent)
        self.nav_title = self.tr("Goals")
        self.bank = bank or goal_bank()
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.update_statement)
        self._loading_review = False
        self.review_timer = QTimer(self)
        self.review_timer.setSingleShot(True)
        self.review_timer.setInterval(DEBOUNCE_MS)
        self.review_timer.timeout.connect(self.update_review)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = page_heading(self.tr("Goals"), self)
        top = QHBoxLayout()
        top.addWidget(heading)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        top.addWidget(self.status_label, 1, Qt.AlignmentFlag.AlignRight)
        self.export_button = QPushButton(self.tr("Export proposed goals to Word…"), self)
        self.export_button.setAccessibleName(self.tr("Export the Proposed annual goals document to Word"))
        self.export_button.clicked.connect(self.export_proposed)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        layout.addWidget(help_label(self.tr(
            "A goal can be measured when it says by when, under what conditions, what your child will do, "
            "how well and how often, and how progress will be measured. Build your own goals here, or paste "
            "the school's goals to check them."), self))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Goal tools"))
        self.tabs.addTab(self._build_builder_tab(), self.tr("&Build goals"))
        self.tabs.addTab(self._build_review_tab(), self.tr("Check the &school's goals"))
        layout.addWidget(self.tabs, 1)
        # Items wrap over several lines: a thin rule between them shows where one ends.
        self.setStyleSheet(
            "QListWidget::item { border-bottom: 1px solid palette(midlight); padding: 3px 2px; }"
            "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
        )
        self._fill_bank()
        self._show_current()

    # ------------------------------------------------------------------ building the builder tab

    def _build_builder_tab(self) -> QWidget:
        tab = QWidget(self)
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 6, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        self.splitter.setChildrenCollapsible(False)
        column.addWidget(self.splitter, 1)
        self.splitter.addWidget(self._build_left())
        self.splitter.addWidget(self._build_editor())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        return tab

    def _build_left(self) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 6, 0)

        self.goals_box = QGroupBox(self.tr("Your child's goals"), pane)
        box = QVBoxLayout(self.goals_box)
        self.goal_list = QListWidget(self.goals_box)
        self.goal_list.setWordWrap(True)
        self.goal_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.goal_list.setAccessibleName(self.tr("Goals in this case"))
        self.goal_list.setMinimumHeight(90)
        self.goal_list.currentRowChanged.connect(lambda _row: self._show_current())
        box.addWidget(self.goal_list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&New goal"), self.goals_box)
        self.add_button.setAccessibleName(self.tr("Add a new, empty goal"))
        self.add_button.clicked.connect(self.add_goal)
        self.remove_button = QPushButton(self.tr("Re&move"), self.goals_box)
        self.remove_button.setAccessibleName(self.tr("Remove the selected goal"))
        self.remove_button.clicked.connect(self.remove_goal)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        box.addLayout(buttons)
        column.addWidget(self.goals_box, 2)

        self.bank_box = QGroupBox(self.tr("Goal bank"), pane)
        box = QVBoxLayout(self.bank_box)
        box.addWidget(help_label(self.tr(
            "Pick a pattern to fill in the builder, then add your child's own numbers."), self.bank_box))
        filters = QVBoxLayout()
        self.bank_search = QLineEdit(self.bank_box)
        self.bank_search.setPlaceholderText(self.tr("Search, for example: fluency, spelling, recess"))
        self.bank_search.setAccessibleName(self.tr("Search the goal bank"))
        self.bank_search.setClearButtonEnabled(True)
        self.bank_search.textChanged.connect(lambda _text: self._fill_bank())
        self.bank_area = QComboBox(self.bank_box)
        self.bank_area.setAccessibleName(self.tr("Goal bank area"))
        self.bank_area.addItem(self.tr("All areas"), "")
        for area in self.bank.areas():
            self.bank_area.addItem(capfirst(AREA_LABELS[area]), area.value)
        self.bank_area.currentIndexChanged.connect(lambda _i: self._fill_bank())
        filters.addWidget(self.bank_search)
        filters.addWidget(self.bank_area)
        box.addLayout(filters)
        self.bank_list = QListWidget(self.bank_box)
        self.bank_list.setWordWrap(True)
        self.bank_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bank_list.setAccessibleName(self.tr("Goal patterns"))
        self.bank_list.setMinimumHeight(90)
        self.bank_list.itemDoubleClicked.connect(lambda _item: self.use_selected_pattern())
        self.bank_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        box.addWidget(self.bank_list, 1)
        self.use_pattern_button = QPushButton(self.tr("&Use this pattern"), self.bank_box)
        self.use_pattern_button.setAccessibleName(self.tr("Fill the builder from the selected pattern"))
        self.use_pattern_button.clicked.connect(self.use_selected_pattern)
        box.addWidget(self.use_pattern_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.bank_box, 3)
        return pane

    def _build_editor(self) -> QWidget:
        self.editor_page = ScrollPage(self, max_width=900)
        current = self.current_goal

        self.statement_box = QGroupBox(self.tr("Goal statement"), self.editor_page.content)
        box = QVBoxLayout(self.statement_box)
        self.statement_label = QLabel(self.statement_box)
        self.statement_label.setWordWrap(True)
        self.statement_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statement_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statement_label.setAccessibleName(self.tr("Goal statement"))
        font = self.statement_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.08 if font.pointSizeF() > 0 else 11)
        self.statement_label.setFont(font)
        box.addWidget(self.statement_label)
        self.verdict_label = QLabel(self.statement_box)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_label.setAccessibleName(self.tr("Measurability check"))
        verdict_font = self.verdict_label.font()
        verdict_font.setBold(True)
        self.verdict_label.setFont(verdict_font)
        box.addWidget(self.verdict_label)
        self.check_view = QTextBrowser(self.statement_box)
        self.check_view.setAccessibleName(self.tr("What the check found"))
        self.check_view.setOpenLinks(False)
        self.check_view.setMinimumHeight(70)
        self.check_view.setMaximumHeight(170)
        box.addWidget(self.check_view)
        self.editor_page.add(self.statement_box)

        self.form = FormSection(self.editor_page.content)
        f = self.form
        self.area_field = f.add(ChoiceField(self.tr("&Area"), ModelBinding(current, "area"),
                                            [(a, capfirst(AREA_LABELS[a])) for a in Area]))
        self.postsecondary_field = f.add(CheckField(
            self.tr("A postsecondary goal (what happens after high school)"), ModelBinding(current, "postsecondary"),
            help=self.tr("Postsecondary goals need only an outcome and a time after high school.")))
        self.date_field = f.add(DateField(self.tr("By &date"), ModelBinding(current, "timeframe_date")))
        self.review_field = f.add(CheckField(self.tr("By the annual review"),
                                             ModelBinding(current, "by_annual_review")))
        self.timeframe_text_field = f.add(TextField(
            self.tr("Or by when, in words"), ModelBinding(current, "timeframe_text"),
            placeholder=self.tr("for example: by the end of the third quarter")))
        self.condition_field = f.add(TextField(
            self.tr("Gi&ven (conditions)"), ModelBinding(current, "condition"),
            help=self.tr("Materials, setting and how much help: what your child is given or where it happens."),
            placeholder=self.tr("for example: an unpracticed grade 3 passage")))
        self.behavior_field = f.add(TextField(
            self.tr("Your child &will"), ModelBinding(current, "behavior"),
            help=self.tr("One action anyone could see or count: read aloud, write, solve, ask for help."),
            placeholder=self.tr("for example: read aloud")))
        baseline = lambda: _part(current(), "baseline")  # noqa: E731 - a binding target, read afresh
        criterion = lambda: _part(current(), "criterion")  # noqa: E731
        measurement = lambda: _part(current(), "measurement")  # noqa: E731
        self.baseline_value_field = f.add(TextField(
            self.tr("Where your child &is now"), ModelBinding(baseline, "value"),
            help=self.tr("The starting number, from recent data."), placeholder=self.tr("for example: 42")))
        self.baseline_unit_field = f.add(TextField(self.tr("Unit"), ModelBinding(baseline, "unit"),
                                                   placeholder=self.tr("for example: words correct per minute")))
        self.baseline_date_field = f.add(DateField(self.tr("Measured on"), ModelBinding(baseline, "date")))
        self.baseline_source_field = f.add(TextField(
            self.tr("Source"), ModelBinding(baseline, "source"),
            placeholder=self.tr("for example: fall reading benchmark")))
        self.target_field = f.add(TextField(
            self.tr("&Target"), ModelBinding(criterion, "target_value"),
            help=self.tr("The number that shows the goal is met."), placeholder=self.tr("for example: 90")))
        self.target_unit_field = f.add(TextField(self.tr("Target unit"), ModelBinding(criterion, "unit"),
                                                 placeholder=self.tr("for example: words correct per minute")))
        self.consistency_field = f.add(TextField(
            self.tr("How &often"), ModelBinding(criterion, "consistency"),
            help=self.tr("How many times the target must be reached, so one lucky day does not count."),
            placeholder=self.tr("for example: 2 consecutive weekly probes")))
        self.tool_field = f.add(TextField(
            self.tr("Measured b&y"), ModelBinding(measurement, "tool"),
            placeholder=self.tr("for example: curriculum-based reading probes")))
        self.collector_field = f.add(TextField(
            self.tr("Who collects the data"), ModelBinding(measurement, "collector"),
            placeholder=self.tr("for example: the special education teacher")))
        self.frequency_field = f.add(TextField(
            self.tr("How often data are collected"), ModelBinding(measurement, "frequency"),
            placeholder=self.tr("for example: weekly")))
        self.reporting_field = f.add(TextField(
            self.tr("&Progress reports"), ModelBinding(current, "reporting"),
            help=self.tr("When you will be told about progress; short-term steps are set for each report."),
            placeholder=self.tr("for example: quarterly, with report cards")))
        self.form.edited.connect(self._edited)
        self.editor_page.add(self.form)

        self.objectives_box = QGroupBox(self.tr("Short-term objectives"), self.editor_page.content)
        box = QVBoxLayout(self.objectives_box)
        box.addWidget(help_label(self.tr(
            "Steps between the baseline and the target, one for each progress report. Double-click a step "
            "to change its wording."), self.objectives_box))
        self.objective_list = QListWidget(self.objectives_box)
        self.objective_list.setWordWrap(True)
        self.objective_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.objective_list.setAccessibleName(self.tr("Short-term objectives"))
        self.objective_list.itemChanged.connect(self._objective_edited)
        self.objective_list.setMinimumHeight(120)
        box.addWidget(self.objective_list)
        row = QHBoxLayout()
        self.objectives_note = QLabel(self.objectives_box)
        self.objectives_note.setWordWrap(True)
        row.addWidget(self.objectives_note, 1)
        self.generate_button = QPushButton(self.tr("Gene&rate steps"), self.objectives_box)
        self.generate_button.setAccessibleName(self.tr("Generate short-term objectives from the baseline and target"))
        self.generate_button.clicked.connect(self.generate_objectives)
        row.addWidget(self.generate_button)
        box.addLayout(row)
        self.editor_page.add(self.objectives_box)
        self.editor_page.finish()
        return self.editor_page

    def _build_review_tab(self) -> QWidget:
        tab = QWidget(self)
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 6, 0, 0)
        caption = QLabel(self.tr("&Paste the school's goals (a blank line, a number or “Annual goal” between goals), "
                                 "or open the draft IEP:"), tab)
        column.addWidget(caption)
        self.review_edit = QPlainTextEdit(tab)
        self.review_edit.setAccessibleName(self.tr("The school's goals"))
        self.review_edit.setPlaceholderText(self.tr(
            "For example: Alex will improve his reading fluency with 80% accuracy."))
        self.review_edit.setTabChangesFocus(True)
        self.review_edit.setMaximumHeight(self.review_edit.fontMetrics().lineSpacing() * 7 + 14)
        self.review_edit.textChanged.connect(self._review_text_changed)
        caption.setBuddy(self.review_edit)
        column.addWidget(self.review_edit)
        self.open_draft_button = QPushButton(self.tr("Open the draft IEP (PDF or Word)…"), tab)
        self.open_draft_button.setAccessibleName(self.tr("Open the school's draft IEP to find and check its goals"))
        self.open_draft_button.clicked.connect(self.choose_draft)
        column.addWidget(self.open_draft_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(help_label(self.tr(
            "The check reads the words of each goal only. To print this review with questions for the meeting, "
            "make the “Review of the school's proposed goals” document."), tab))
        self.review_summary = QLabel(tab)
        self.review_summary.setWordWrap(True)
        self.review_summary.setAccessibleName(self.tr("Summary of the check"))
        column.addWidget(self.review_summary)
        self.review_view = QTextBrowser(tab)
        self.review_view.setAccessibleName(self.tr("What the check found in the school's goals"))
        self.review_view.setOpenLinks(False)
        column.addWidget(self.review_view, 1)
        row = QHBoxLayout()
        self.review_status_label = QLabel(tab)
        self.review_status_label.setWordWrap(True)
        row.addWidget(self.review_status_label, 1)
        self.export_review_button = QPushButton(self.tr("Export the review to Word…"), tab)
        self.export_review_button.setAccessibleName(
            self.tr("Export the Review of the school's proposed goals to Word"))
        self.export_review_button.clicked.connect(self.export_review)
        row.addWidget(self.export_review_button)
        column.addLayout(row)
        return tab

    # ------------------------------------------------------------------ the case

    def refresh(self) -> None:
        pasted = self.case.school_goals if self.case is not None else ""
        if clean_block(self.review_edit.toPlainText()) != pasted:
            self._loading_review = True
            try:
                self.review_edit.setPlainText(pasted)
            finally:
                self._loading_review = False
        name = self.case.child.first_name if self.case is not None else ""
        self.goals_box.setTitle(self.tr("%1's goals").replace("%1", name) if name else self.tr("Your child's goals"))
        self._fill_goals(select=0)

    def current_goal(self) -> Goal | None:
        row = self.goal_list.currentRow()
        if self.case is None or not 0 <= row < len(self.case.goals):
            return None
        return self.case.goals[row]

    def _child_name(self) -> str:
        return self.case.child.first_name if self.case is not None else ""

    def _annual_review(self):
        return self.case.key_dates.annual_review_date if self.case is not None else None

    def _fill_goals(self, select: int | None = None) -> None:
        row = self.goal_list.currentRow() if select is None else select
        self.goal_list.blockSignals(True)
        self.goal_list.clear()
        for goal in self.case.goals if self.case is not None else []:
            item = QListWidgetItem(self._goal_label(goal))
            item.setData(ID_ROLE, goal.id)
            self.goal_list.addItem(item)
        self.goal_list.blockSignals(False)
        count = self.goal_list.count()
        self.goal_list.setCurrentRow(min(max(row, 0), count - 1) if count else -1)
        self._show_current()

    def _goal_label(self, goal: Goal) -> str:
        text = statement(goal, self._child_name(), annual_review=self._annual_review())
        area = capfirst(AREA_LABELS[goal.area])
        if not text:
            return self.tr("%1: (new goal: fill in the builder)").replace("%1", area)
        verdict = self.tr("measurable") if check_goal(text).measurable else self.tr("not measurable yet")
        short = text if len(text) <= 110 else text[:107].rstrip() + "…"
        return f"{area} ({verdict}): {short}"

    def _show_current(self) -> None:
        goal = self.current_goal()
        self._loading = True
        try:
            self.form.refresh()
            self._fill_objectives()
        finally:
            self._loading = False
        has_goal = goal is not None
        self.form.setEnabled(has_goal)
        self.objectives_box.setEnabled(has_goal)
        self.update_statement()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_case = self.case is not None
        self.add_button.setEnabled(has_case)
        self.remove_button.setEnabled(self.current_goal() is not None)
        self.use_pattern_button.setEnabled(has_case and self.bank_list.currentItem() is not None)
        self.generate_button.setEnabled(self.current_goal() is not None)
        self.export_button.setEnabled(has_case and bool(self.case.goals))

    # ------------------------------------------------------------------ editing

    def add_goal(self) -> Goal | None:
        if self.case is None:
            return None
        goal = Goal(reporting=self.tr("quarterly, with report cards"))
        self.case.goals.append(goal)
        self._fill_goals(select=len(self.case.goals) - 1)
        self.changed.emit()
        self.behavior_field.setFocus()
        return goal

    def remove_goal(self) -> None:
        goal = self.current_goal()
        if self.case is None or goal is None:
            return
        row = self.goal_list.currentRow()
        del self.case.goals[row]
        self._fill_goals(select=min(row, len(self.case.goals) - 1))
        self.changed.emit()

    def _edited(self) -> None:
        if self._loading:
            return
        self.changed.emit()
        self.timer.start()

    def update_statement(self) -> None:
        """Compose the statement from the fields and check it (called shortly after the last edit)."""
        self.timer.stop()
        goal = self.current_goal()
        if goal is None:
            self.statement_label.setText(self.tr("Choose a goal on the left, or add a new one."))
            self.verdict_label.setText("")
            self.check_view.clear()
            return
        name = self._child_name()
        preview = compose(goal, name, placeholders=True, annual_review=self._annual_review())
        self.statement_label.setText(preview)
        text = statement(goal, name, annual_review=self._annual_review())
        if goal.behavior.strip() and goal.statement != text:
            goal.statement = text  # keep the stored words in step with the fields
        result = check_goal(text, kind="postsecondary" if goal.postsecondary else "annual")
        self.verdict_label.setText(self._verdict(result))
        self.check_view.setHtml(self._findings_html(result))
        self.check_view.setVisible(bool(result.findings))
        item = self.goal_list.currentItem()
        if item is not None:
            item.setText(self._goal_label(goal))
        self._update_objectives_note()

    def _verdict(self, result: GoalCheck) -> str:
        if not result.text.strip():
            return self.tr("Fill in the fields: the statement and its check appear as you type.")
        if result.measurable:
            return self.tr("✓ This goal can be measured.")
        names = [self._component_label(n) for n in result.missing if n in result.required]
        return self.tr("✗ Not measurable yet. Missing: %1.").replace("%1", "; ".join(names))

    def _component_label(self, name: str) -> str:
        labels = {
            "timeframe": self.tr("by when"),
            "condition": self.tr("under what conditions"),
            "behavior": self.tr("what your child will do"),
            "criterion": self.tr("how well and how often"),
            "measurement": self.tr("how it will be measured"),
            "baseline": self.tr("where your child is now"),
        }
        return labels[name]

    def _findings_html(self, result: GoalCheck) -> str:
        if not result.findings:
            return "<p>" + html.escape(self.tr("Nothing to fix.")) + "</p>"
        items = []
        for finding in result.findings:
            items.append(f"<li>{html.escape(finding.message)}<br><i>{html.escape(self.tr('Suggestion:'))}</i> "
                         f"{html.escape(finding.fix)}</li>")
        return "<ul>" + "".join(items) + "</ul>"

    # ------------------------------------------------------------------ goal bank

    def _fill_bank(self) -> None:
        self.bank_list.clear()
        area_value = self.bank_area.currentData()
        area = Area(area_value) if area_value else None
        for pattern in self.bank.search(self.bank_search.text(), area):
            unit = pattern.unit or self.tr("an outcome after high school")
            item = QListWidgetItem(f"{capfirst(pattern.area_label)}: {pattern.title} ({unit})")
            item.setData(ID_ROLE, pattern.id)
            item.setToolTip(self.tr("Measured by: %1").replace("%1", ", ".join(pattern.tools)))
            self.bank_list.addItem(item)
        self._update_buttons()

    def selected_pattern(self) -> GoalPattern | None:
        item = self.bank_list.currentItem()
        return self.bank.get(item.data(ID_ROLE)) if item is not None else None

    def use_selected_pattern(self) -> None:
        pattern = self.selected_pattern()
        if pattern is None or self.case is None:
            return
        goal = self.current_goal()
        if goal is None or goal.behavior.strip():
            goal = Goal(reporting=self.tr("quarterly, with report cards"))
            self.case.goals.append(goal)
            row = len(self.case.goals) - 1
        else:
            row = self.goal_list.currentRow()
        apply_pattern(goal, pattern, self.case.child.pronouns if self.case else Pronouns.THEY)
        self._fill_goals(select=row)
        self.changed.emit()
        hint = pattern.example_baseline and pattern.example_target
        self.baseline_value_field.edit.setPlaceholderText(
            self.tr("for example: %1").replace("%1", pattern.example_baseline) if hint else "")
        self.target_field.edit.setPlaceholderText(
            self.tr("for example: %1").replace("%1", pattern.example_target) if hint else "")
        self.baseline_value_field.setFocus()

    # ------------------------------------------------------------------ objectives

    def _fill_objectives(self) -> None:
        goal = self.current_goal()
        self.objective_list.blockSignals(True)
        self.objective_list.clear()
        for objective in goal.objectives if goal is not None else []:
            item = QListWidgetItem(objective.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setData(ID_ROLE, objective.id)
            self.objective_list.addItem(item)
        self.objective_list.blockSignals(False)

    def generate_objectives(self) -> list[Objective]:
        goal = self.current_goal()
        if goal is None:
            return []
        made = objectives_mod.generate(goal, self._child_name(), annual_review=self._annual_review())
        if not made:
            self.objectives_note.setText(self.tr(
                "Add the baseline and the target as numbers (and what your child will do) to generate steps."))
            return []
        goal.objectives = made
        self._fill_objectives()
        self.changed.emit()
        self._update_objectives_note()
        return made

    def _objective_edited(self, item: QListWidgetItem) -> None:
        goal = self.current_goal()
        if goal is None:
            return
        row = self.objective_list.row(item)
        if 0 <= row < len(goal.objectives):
            goal.objectives[row].text = item.text()
            self.changed.emit()

    def _update_objectives_note(self) -> None:
        goal = self.current_goal()
        if goal is None:
            self.objectives_note.setText("")
            return
        count = objectives_mod.reports_per_year(goal.reporting)
        if goal.objectives:
            self.objectives_note.setText(self.tr("%1 steps. Generating again replaces them.").replace(
                "%1", str(len(goal.objectives))))
        else:
            self.objectives_note.setText(self.tr(
                "%1 progress reports a year: generate a step for each report before the goal date.").replace(
                "%1", str(count)))

    # ------------------------------------------------------------------ the school's goals

    def _review_text_changed(self) -> None:
        """Keep the pasted goals in the case (saved with it), then check them once typing pauses."""
        if self.case is not None and not self._loading_review:
            text = self.review_edit.toPlainText()
            if clean_block(text) != self.case.school_goals:
                self.case.school_goals = text
                self.changed.emit()
        self.review_timer.start()

    def review_goals(self) -> list[FoundGoal]:
        """The goals in the box, split as a draft IEP is (lines a page wrapped are joined)."""
        return find_goals(self.review_edit.toPlainText())

    def review_texts(self) -> list[str]:
        return [goal.text for goal in self.review_goals()]

    def choose_draft(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open the school's draft IEP"), str(Path.home()),
            self.tr("Draft IEP (*.pdf *.docx *.txt)"))
        if path:
            self.load_draft(Path(path))

    def load_draft(self, path: Path) -> list[FoundGoal]:
        """Find the goals in a draft IEP file and put them in the box, one block per goal, to be checked."""
        try:
            found = find_goals(read_document(path), document=True)
        except DocumentError as error:
            self.show_message(self.tr("Cannot read the draft IEP"), str(error))
            return []
        if not found:
            self.show_message(self.tr("No goals found"), self.tr(
                "No goals were found in “%1”. Goals are sentences that say what the child will do; you can "
                "paste them in the box instead.").replace("%1", path.name))
            return []
        self.review_edit.setPlainText("\n\n".join(f"{goal.label}: {goal.text}" for goal in found))
        self.update_review()
        return found

    def update_review(self) -> list[GoalCheck]:
        self.review_timer.stop()
        found = self.review_goals()
        results = [check_goal(goal.text) for goal in found]
        if not results:
            self.review_summary.setText(self.tr("Paste one or more goals above to check them."))
            self.review_view.clear()
            return results
        goals = [r for r, g in zip(results, found, strict=True) if g.role == "goal"]
        good = sum(r.measurable for r in goals)
        self.review_summary.setText(self.tr("%1 of %2 goals can be measured as written.").replace(
            "%1", str(good)).replace("%2", str(len(goals))))
        # The same short blocks as the review document: what is missing, once per goal, and the questions
        # shared by several goals listed once at the end.
        data = review_found(found)
        parts = []
        for block in data["goals"]:
            verdict = self.tr("Can be measured") if block["measurable"] else self.tr("Cannot be measured as written")
            parts.append(f"<h3>{html.escape(block['label'])}: {html.escape(verdict)}</h3>")
            parts.append(f"<p><i>{html.escape(block['text'])}</i></p>")
            lines = [html.escape(self.tr("Missing: %1").replace("%1", line)) for line in block["missing"]]
            if block["placeholder"]:
                lines.append(html.escape(self.tr("Still blank: “%1” is a date waiting to be filled in.").replace(
                    "%1", block["timeframe_words"])))
            lines += [html.escape(self.tr("Worth checking: %1").replace("%1", line)) for line in block["worth"]]
            lines += [html.escape(self.tr("Ask: %1").replace("%1", q)) for q in block["own_questions"]]
            if block["ask"]:
                words = (self.tr("Ask questions %1 below.") if len(block["ask"]) > 1
                         else self.tr("Ask question %1 below."))
                lines.append(html.escape(words.replace("%1", ", ".join(str(n) for n in block["ask"]))))
            parts.append("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>" if lines else "")
        if data["questions"]:
            parts.append(f"<h3>{html.escape(self.tr('Questions for the meeting'))}</h3><ol>")
            parts.extend(f"<li>{html.escape(q['text'])} ({html.escape(', '.join(q['goals']))})</li>"
                         for q in data["questions"])
            parts.append("</ol>")
        self.review_view.setHtml("".join(parts))
        return results


    # ------------------------------------------------------------------ export

    def export_proposed(self) -> Path | None:
        """Write the "Proposed annual goals" document for the case's goals to a Word file."""
        if self.case is None:
            return None
        if not self.case.goals:
            self.show_message(self.tr("There are no goals yet"), self.tr(
                "Add a goal first: start a new one, or pick a pattern from the goal bank."))
            return None
        path = self._export(PROPOSED_TEMPLATE, {})
        if path is not None:
            self.status_label.setText(self.tr("Saved “%1”.").replace("%1", path.name))
        return path

    def export_review(self) -> Path | None:
        """Write the "Review of the school's proposed goals" for the pasted goals to a Word file."""
        if self.case is None:
            return None
        goals = self.review_texts()
        if not goals:
            self.show_message(self.tr("There are no goals to review"), self.tr(
                "Paste the school's goals in the box or open the draft IEP, then export the review."))
            return None
        path = self._export(REVIEW_TEMPLATE, {"school_goals": goals})
        if path is not None:
            self.review_status_label.setText(self.tr("Saved “%1”.").replace("%1", path.name))
        return path

    def _export(self, template_id: str, inputs: dict[str, Any]) -> Path | None:
        from planwriter.render.engine import render_document
        from planwriter.render.registry import InputError, TemplateError

        assert self.case is not None
        try:
            document = render_document(self.case, template_id, inputs, registry=self.context.registry)
        except (KeyError, TemplateError, InputError) as error:
            self.show_message(self.tr("Cannot export"), str(error))
            return None
        return self.save_document(document, self.context.registry.get(template_id).meta.title)


def _part(goal: Goal | None, name: str):
    return getattr(goal, name) if goal is not None else None

