"""About the child: plan status, disability categories, diagnoses, strengths, concerns, help tried, present levels."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QVBoxLayout, QWidget

from planwriter.core.model import (
    AREA_LABELS,
    CATEGORY_LABELS,
    Case,
    CategoryEntry,
    CategoryStatus,
    Concern,
    Diagnosis,
    Example,
    IdeaCategory,
    Intervention,
    PlanStatus,
    PresentLevel,
)
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.base import CasePage
from planwriter.gui.widgets import (
    ChoiceField,
    DateField,
    FormSection,
    LongTextField,
    ModelBinding,
    RepeatableEditor,
    ScrollPage,
    TextField,
    TextListEditor,
    enum_choices,
    group_box,
)

log = logging.getLogger(__name__)


def _area(text: str) -> str:
    return QCoreApplication.translate("areas", text)


def _first_line(text: str, limit: int = 60) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


class CategoriesEditor(QWidget):
    """The 14 IDEA disability categories, each checkable, with “suspected” or “found”."""

    edited = Signal()

    def __init__(self, case_getter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case = case_getter
        self._loading = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.boxes: dict[IdeaCategory, QCheckBox] = {}
        self.statuses: dict[IdeaCategory, QComboBox] = {}
        categories = list(IdeaCategory)
        half = (len(categories) + 1) // 2
        for index, category in enumerate(categories):
            label = QCoreApplication.translate("categories", CATEGORY_LABELS[category])
            label = label[:1].upper() + label[1:]
            box = QCheckBox(label, self)
            box.setAccessibleName(label)
            status = QComboBox(self)
            status.addItem(self.tr("suspected"), CategoryStatus.SUSPECTED.value)
            status.addItem(self.tr("found by the school"), CategoryStatus.FOUND.value)
            status.setAccessibleName(self.tr("Status of %1").replace("%1", label.lower()))
            status.setEnabled(False)
            row, column = (index, 0) if index < half else (index - half, 2)
            grid.addWidget(box, row, column)
            grid.addWidget(status, row, column + 1)
            self.boxes[category] = box
            self.statuses[category] = status
            box.toggled.connect(lambda on, c=category: self._toggled(c, on))
            status.currentIndexChanged.connect(lambda _i, c=category: self._status(c))
        grid.setColumnStretch(4, 1)

    def _entries(self) -> list[CategoryEntry] | None:
        case: Case | None = self._case()
        return case.categories if case is not None else None

    def refresh(self) -> None:
        self._loading = True
        entries = {e.category: e for e in self._entries() or []}
        for category, box in self.boxes.items():
            entry = entries.get(category)
            box.setChecked(entry is not None)
            status = self.statuses[category]
            status.setCurrentIndex(1 if entry is not None and entry.status == CategoryStatus.FOUND else 0)
            status.setEnabled(entry is not None)
        self._loading = False
        self.setEnabled(self._case() is not None)

    def _toggled(self, category: IdeaCategory, on: bool) -> None:
        self.statuses[category].setEnabled(on)
        entries = self._entries()
        if self._loading or entries is None:
            return
        present = next((e for e in entries if e.category == category), None)
        if on and present is None:
            status = CategoryStatus(self.statuses[category].currentData())
            entries.append(CategoryEntry(category=category, status=status))
            order = list(IdeaCategory)
            entries.sort(key=lambda e: order.index(e.category))
        elif not on and present is not None:
            entries.remove(present)
        self.edited.emit()

    def _status(self, category: IdeaCategory) -> None:
        entries = self._entries()
        if self._loading or entries is None:
            return
        present = next((e for e in entries if e.category == category), None)
        if present is not None:
            present.status = CategoryStatus(self.statuses[category].currentData())
            self.edited.emit()


class AboutChildPage(CasePage):
    """What the child needs: everything the school should know before it decides anything."""

    nav_title = "About the child"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.nav_title = self.tr("About the child")
        self.scroll = ScrollPage(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.scroll.add_heading(
            self.tr("About the child"),
            self.tr("What you know about your child's needs. Concrete examples with dates and numbers "
                    "make letters much stronger than general statements."),
        )
        area_choices = enum_choices(AREA_LABELS, _area)
        case = self._case

        # plan status
        self.status_form = FormSection(self)
        self.plan_status_edit = ChoiceField(
            self.tr("Plan today"), ModelBinding(case, "plan_status"),
            [(PlanStatus.NONE, self.tr("No plan yet")),
             (PlanStatus.EVALUATING, self.tr("Being evaluated")),
             (PlanStatus.IEP, self.tr("Has an IEP (special education)")),
             (PlanStatus.PLAN_504, self.tr("Has a Section 504 plan"))],
            help=self.tr("An IEP comes with special education services under IDEA; a 504 plan gives "
                         "accommodations under Section 504 of the Rehabilitation Act."),
        )
        self.status_form.add(self.plan_status_edit)
        self.scroll.add(group_box(self.tr("Plan status"), self.status_form))

        # categories
        self.categories = CategoriesEditor(case, self)
        self.scroll.add(group_box(
            self.tr("Disability categories"), self.categories,
            intro=self.tr("IDEA names 13 categories, and many states add developmental delay for children "
                          "aged 3 to 9. Tick the ones you suspect or that the school has already found; you "
                          "do not need a diagnosis to ask for an evaluation."),
        ))

        # diagnoses
        self.diagnoses = RepeatableEditor(
            self.tr("diagnosis"), self.tr("diagnoses"),
            items=lambda: self.case.diagnoses if self.case is not None else None,
            factory=Diagnosis,
            summary=lambda d: d.name,
        )
        current = self.diagnoses.current
        self.diagnoses.form.add(TextField(self.tr("Diagnosis"), ModelBinding(current, "name"),
                                          placeholder=self.tr("For example ADHD, combined type")))
        self.diagnoses.form.add(TextField(self.tr("Diagnosed by"), ModelBinding(current, "diagnosed_by"),
                                          help=self.tr("Who made it, for example a pediatrician or a "
                                                       "private psychologist.")))
        self.diagnoses.form.add(DateField(self.tr("Date"), ModelBinding(current, "date")))
        self.scroll.add(group_box(
            self.tr("Diagnoses"), self.diagnoses,
            intro=self.tr("Medical or private diagnoses. A school decides eligibility on its own, but "
                          "it must consider outside reports."),
        ))

        # strengths
        self.strengths = TextListEditor(
            self.tr("strength"), self.tr("strengths"),
            get=lambda: self.case.strengths if self.case is not None else None,
            store=self._store_strengths,
        )
        self.scroll.add(group_box(
            self.tr("Strengths"), self.strengths,
            intro=self.tr("What your child is good at and enjoys, one per line (double-click or F2 to "
                          "edit). Example: builds detailed Lego models from the instructions."),
        ))

        # concerns with examples
        self.concerns = RepeatableEditor(
            self.tr("concern"), self.tr("concerns"),
            items=lambda: self.case.concerns if self.case is not None else None,
            factory=Concern,
            summary=lambda c: f"{_area(AREA_LABELS[c.area]).capitalize()}: {_first_line(c.description, 40)}"
            if c.description else _area(AREA_LABELS[c.area]).capitalize(),
        )
        concern = self.concerns.current
        form = self.concerns.form
        form.add(ChoiceField(self.tr("Area"), ModelBinding(concern, "area"), area_choices))
        form.add(LongTextField(
            self.tr("What worries you"), ModelBinding(concern, "description"),
            help=self.tr("Say what you see, not a label. Example: cannot sound out new words and guesses "
                         "from the first letter."),
        ))
        form.add(DateField(self.tr("Noticed since"), ModelBinding(concern, "since")))
        self.examples = RepeatableEditor(
            self.tr("example"), self.tr("examples"),
            items=lambda: concern().examples if concern() is not None else None,
            factory=Example,
            summary=lambda e: (f"{e.date.isoformat()}: " if e.date else "") + _first_line(e.text, 40),
            help=self.tr("Things that happened, with dates: a note from the teacher, a test result, "
                         "homework that took hours."),
            stacked=True,
        )
        example = self.examples.current
        self.examples.form.add(DateField(self.tr("Date"), ModelBinding(example, "date")))
        self.examples.form.add(LongTextField(self.tr("What happened"), ModelBinding(example, "text")))
        form.add_row(self.tr("Examples"), self.examples)
        self.scroll.add(group_box(
            self.tr("Concerns"), self.concerns,
            intro=self.tr("Each area where your child struggles at school, with examples."),
        ))

        # interventions tried
        self.interventions = RepeatableEditor(
            self.tr("intervention"), self.tr("interventions tried"),
            items=lambda: self.case.interventions if self.case is not None else None,
            factory=Intervention,
            summary=lambda i: _first_line(i.description, 50),
        )
        tried = self.interventions.current
        form = self.interventions.form
        form.add(LongTextField(
            self.tr("What was tried"), ModelBinding(tried, "description"),
            help=self.tr("Example: small-group reading help, 30 minutes 3 times a week."),
        ))
        form.add(TextField(self.tr("Who provided it"), ModelBinding(tried, "provider")))
        form.add(DateField(self.tr("Started"), ModelBinding(tried, "start")))
        form.add(DateField(self.tr("Ended"), ModelBinding(tried, "end"),
                           help=self.tr("Leave empty if it is still going on.")))
        form.add(LongTextField(
            self.tr("What happened"), ModelBinding(tried, "result"),
            help=self.tr("Did it help? Example: reading speed went from 35 to 38 words per minute in "
                         "12 weeks."),
        ))
        self.scroll.add(group_box(
            self.tr("Interventions tried"), self.interventions,
            intro=self.tr("Help the school or you have already tried (tutoring, a behavior chart, a seat "
                          "near the teacher) and how it went. It shows what is not enough."),
        ))

        # present levels
        self.present_levels = RepeatableEditor(
            self.tr("present level"), self.tr("present levels"),
            items=lambda: self.case.present_levels if self.case is not None else None,
            factory=PresentLevel,
            summary=lambda p: f"{_area(AREA_LABELS[p.area]).capitalize()}: {_first_line(p.summary, 40)}"
            if p.summary else _area(AREA_LABELS[p.area]).capitalize(),
        )
        level = self.present_levels.current
        form = self.present_levels.form
        form.add(ChoiceField(self.tr("Area"), ModelBinding(level, "area"), area_choices))
        form.add(LongTextField(
            self.tr("What your child can do now"), ModelBinding(level, "summary"),
            help=self.tr("In plain words, with numbers where you have them. Example: reads 42 words "
                         "correctly per minute on grade 3 passages."),
        ))
        form.add(TextField(self.tr("Baseline score"), ModelBinding(level, "baseline_value"),
                           placeholder=self.tr("For example 42")))
        form.add(TextField(self.tr("Unit"), ModelBinding(level, "baseline_unit"),
                           placeholder=self.tr("For example words correct per minute")))
        form.add(DateField(self.tr("Date measured"), ModelBinding(level, "baseline_date")))
        form.add(TextField(self.tr("Source"), ModelBinding(level, "source"),
                           help=self.tr("Where the number comes from, for example a DIBELS screening "
                                        "or a private evaluation.")))
        self.scroll.add(group_box(
            self.tr("Present levels"), self.present_levels,
            intro=self.tr("Present levels: what your child can do now, with numbers where you have "
                          "them. Example: reads 42 words correctly per minute on grade 3 passages "
                          "(October 2026). Goals start from these."),
        ))
        self.scroll.finish()

        self.parts = (self.status_form, self.categories, self.diagnoses, self.strengths, self.concerns,
                      self.interventions, self.present_levels)
        for part in self.parts:
            part.edited.connect(self.changed)

    def _case(self) -> Case | None:
        return self.case

    def _store_strengths(self, values: list[str]) -> None:
        if self.case is not None:
            self.case.strengths = values

    def refresh(self) -> None:
        for part in self.parts:
            part.refresh()
