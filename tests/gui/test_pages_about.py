"""About the child page: categories, diagnoses, strengths, concerns with examples, interventions, levels."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planwriter.core.model import Area, Case, CategoryStatus, IdeaCategory, PlanStatus
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.about_child import AboutChildPage


@pytest.fixture
def case():
    return Case()


@pytest.fixture
def page(qtbot, data_dir, case):
    page = AboutChildPage(AppContext(data_dir=data_dir))
    qtbot.addWidget(page)
    page.set_case(case)
    return page


def _field(editor, label):
    return next(f for f in editor.form.fields() if f.label.text() == label)


def test_plan_status_is_stored(page, case):
    page.plan_status_edit.combo.setCurrentIndex(3)
    assert case.plan_status is PlanStatus.PLAN_504


def test_all_fourteen_categories_can_be_suspected_or_found(qtbot, page, case):
    assert len(page.categories.boxes) == 14
    box = page.categories.boxes[IdeaCategory.SPECIFIC_LEARNING_DISABILITY]
    status = page.categories.statuses[IdeaCategory.SPECIFIC_LEARNING_DISABILITY]
    assert not status.isEnabled()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert [(e.category, e.status) for e in case.categories] == [
        (IdeaCategory.SPECIFIC_LEARNING_DISABILITY, CategoryStatus.SUSPECTED)
    ]
    status.setCurrentIndex(1)
    assert case.categories[0].status is CategoryStatus.FOUND
    page.categories.boxes[IdeaCategory.AUTISM].setChecked(True)
    assert [e.category for e in case.categories] == [
        IdeaCategory.AUTISM, IdeaCategory.SPECIFIC_LEARNING_DISABILITY,
    ]
    box.setChecked(False)
    assert [e.category for e in case.categories] == [IdeaCategory.AUTISM]


def test_concerns_with_examples_are_added_and_reordered(qtbot, page, case):
    concerns = page.concerns
    qtbot.mouseClick(concerns.add_button, Qt.MouseButton.LeftButton)
    _field(concerns, "Area").combo.setCurrentIndex(list(Area).index(Area.READING))
    qtbot.keyClicks(_field(concerns, "What worries you").edit, "Guesses at new words")
    examples = page.examples
    qtbot.mouseClick(examples.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_field(examples, "Date").edit, "2026-10-06")
    qtbot.keyClicks(_field(examples, "What happened").edit, "Read 42 words in one minute")

    qtbot.mouseClick(concerns.add_button, Qt.MouseButton.LeftButton)
    _field(concerns, "Area").combo.setCurrentIndex(list(Area).index(Area.MATH))
    assert examples.count() == 0  # the new concern has no examples yet

    qtbot.mouseClick(concerns.up_button, Qt.MouseButton.LeftButton)
    assert [c.area for c in case.concerns] == [Area.MATH, Area.READING]
    reading = case.concerns[1]
    assert reading.description == "Guesses at new words"
    assert [(e.date, e.text) for e in reading.examples] == [
        (dt.date(2026, 10, 6), "Read 42 words in one minute")
    ]
    concerns.list.setCurrentRow(1)
    assert examples.count() == 1
    assert concerns.list.item(1).text() == "Reading: Guesses at new words"

    qtbot.mouseClick(concerns.remove_button, Qt.MouseButton.LeftButton)
    assert [c.area for c in case.concerns] == [Area.MATH]


def test_an_intervention_cannot_end_before_it_started(qtbot, page, case):
    editor = page.interventions
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_field(editor, "Started").edit, "2026-01-05")
    ended = _field(editor, "Ended")
    qtbot.keyClicks(ended.edit, "2025-12-01")
    assert ended.error() == "The end date is before the start date"
    assert case.interventions[0].end is None
    assert case.interventions[0].start == dt.date(2026, 1, 5)


def test_strengths_diagnoses_and_present_levels(qtbot, page, case):
    qtbot.mouseClick(page.strengths.add_button, Qt.MouseButton.LeftButton)
    page.strengths.list.item(0).setText("builds Lego models from the instructions")
    assert case.strengths == ["builds Lego models from the instructions"]

    qtbot.mouseClick(page.diagnoses.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_field(page.diagnoses, "Diagnosis").edit, "ADHD")
    assert case.diagnoses[0].name == "ADHD"

    levels = page.present_levels
    qtbot.mouseClick(levels.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_field(levels, "Baseline score").edit, "42")
    qtbot.keyClicks(_field(levels, "Unit").edit, "words correct per minute")
    assert (case.present_levels[0].baseline_value, case.present_levels[0].baseline_unit) == (
        "42", "words correct per minute")


def test_the_help_for_present_levels_gives_an_example(page):
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in page.findChildren(QLabel)]
    assert any(t.startswith("Present levels: what your child can do now") and "42 words" in t for t in texts)


def test_it_shows_the_sample_case(page, sample_case):
    page.set_case(sample_case)
    assert page.concerns.count() == len(sample_case.concerns)
    assert page.categories.boxes[sample_case.categories[0].category].isChecked()
    assert page.strengths.texts() == sample_case.strengths
