"""The Goals page driven like a user: the builder, the goal bank, objectives, and the school's goals."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter.core.model import Area, Case
from planwriter.gui.pages.goals import ID_ROLE, GoalsPage


@pytest.fixture
def page(qtbot, context, sample_case):
    widget = GoalsPage(context)
    qtbot.addWidget(widget)
    widget.set_case(sample_case)
    widget.resize(1200, 900)
    return widget


def bank_ids(page) -> list[str]:
    return [page.bank_list.item(i).data(ID_ROLE) for i in range(page.bank_list.count())]


def test_it_lists_the_cases_goals_and_shows_the_first_one_checked(page, sample_case):
    assert page.nav_title == "Goals"
    assert page.goals_box.title() == "Alex's goals"
    assert page.goal_list.count() == len(sample_case.goals) == 3
    assert "(measurable)" in page.goal_list.item(0).text()
    assert page.statement_label.text().startswith("By June 11, 2027, given an unpracticed grade 3 passage, Alex")
    assert page.verdict_label.text() == "✓ This goal can be measured."
    assert page.objective_list.count() == 3


def test_typing_in_the_builder_updates_the_statement_and_check_after_a_pause(page, qtbot, sample_case):
    page.add_button.click()
    assert page.goal_list.count() == 4
    goal = sample_case.goals[-1]
    assert page.statement_label.text().startswith("[by when], [given what], Alex will [what the child will do]")
    qtbot.keyClicks(page.behavior_field.edit, "solve two-step word problems")
    assert goal.behavior == "solve two-step word problems"
    qtbot.waitUntil(lambda: "Alex will solve two-step word problems" in page.statement_label.text(), timeout=2000)
    assert page.verdict_label.text().startswith("✗ Not measurable yet. Missing: by when; under what conditions")
    qtbot.keyClicks(page.condition_field.edit, "10 grade-level word problems read aloud")
    qtbot.keyClicks(page.target_field.edit, "8 of 10")
    qtbot.keyClicks(page.target_unit_field.edit, "problems correct")
    qtbot.keyClicks(page.consistency_field.edit, "4 of 5 weekly probes")
    qtbot.keyClicks(page.tool_field.edit, "teacher-made problem-solving probes")
    page.review_field.box.click()
    qtbot.waitUntil(lambda: page.verdict_label.text() == "✓ This goal can be measured.", timeout=2000)
    assert goal.statement == (
        "By the annual review, given 10 grade-level word problems read aloud, Alex will solve two-step word "
        "problems, reaching 8 of 10 problems correct on 4 of 5 weekly probes, as measured by teacher-made "
        "problem-solving probes."
    )
    assert "(measurable)" in page.goal_list.item(3).text()


def test_every_edit_emits_changed(page, qtbot):
    with qtbot.waitSignal(page.changed, timeout=1000):
        qtbot.keyClicks(page.condition_field.edit, "x")


def test_searching_the_goal_bank_and_using_a_pattern_fills_the_builder(page, qtbot, sample_case):
    qtbot.keyClicks(page.bank_search, "washing hands")
    assert bank_ids(page) == ["self-help-handwashing"]
    page.bank_list.setCurrentRow(0)
    page.use_pattern_button.click()
    goal = sample_case.goals[-1]
    assert len(sample_case.goals) == 4  # the selected goal was already written, so a new one is added
    assert goal.area == Area.SELF_HELP
    assert goal.bank_id == "self-help-handwashing"
    assert page.behavior_field.edit.text() == "complete the 8 steps of handwashing"
    assert page.tool_field.edit.text() == "a task analysis data sheet"
    assert page.baseline_value_field.edit.placeholderText() == "for example: 3 of 8"
    assert page.goal_list.currentRow() == 3


def test_the_bank_area_filter_and_pronouns(page, sample_case):
    page.bank_area.setCurrentIndex(page.bank_area.findData("behavior"))
    assert bank_ids(page) and all(i.startswith("behavior-") for i in bank_ids(page))
    page.bank_list.setCurrentRow(bank_ids(page).index("behavior-call-outs"))
    page.use_pattern_button.click()
    assert sample_case.goals[-1].behavior == "raise his hand and wait to be called on before speaking"


def test_generated_objectives_can_be_edited(page, sample_case, qtbot):
    goal = sample_case.goals[0]
    goal.objectives = []
    page.refresh()
    assert page.objective_list.count() == 0
    made = page.generate_objectives()
    assert len(made) == 3 and page.objective_list.count() == 3
    assert "reaching 53 words correct per minute" in page.objective_list.item(0).text()
    item = page.objective_list.item(1)
    with qtbot.waitSignal(page.changed, timeout=1000):
        item.setText("By February 7, 2027, Alex will read aloud 64 words correct per minute.")
    assert goal.objectives[1].text == "By February 7, 2027, Alex will read aloud 64 words correct per minute."


def test_generating_without_numbers_explains_what_is_needed(page, sample_case):
    page.add_button.click()
    assert page.generate_objectives() == []
    assert "Add the baseline and the target as numbers" in page.objectives_note.text()


def test_removing_a_goal(page, sample_case):
    page.goal_list.setCurrentRow(1)
    page.remove_button.click()
    assert [g.area for g in sample_case.goals] == [Area.READING, Area.WRITING]
    assert page.goal_list.count() == 2


def test_a_date_typed_in_the_builder_becomes_the_timeframe(page, qtbot, sample_case):
    page.add_button.click()
    qtbot.keyClicks(page.date_field.edit, "2027-05-28")
    assert sample_case.goals[-1].timeframe_date == dt.date(2027, 5, 28)
    qtbot.keyClicks(page.behavior_field.edit, "name letters")
    page.update_statement()
    assert page.statement_label.text().startswith("By May 28, 2027, [given what], Alex will name letters")


def test_pasting_the_schools_goals_shows_what_is_missing(page, qtbot):
    page.tabs.setCurrentIndex(1)
    page.review_edit.setPlainText(
        "Alex will improve his reading fluency with 80% accuracy.\n\n"
        "By June 2027, given a grade 3 passage, Alex will read aloud 90 words correct per minute on "
        "2 consecutive weekly probes, as measured by DIBELS probes."
    )
    qtbot.waitUntil(lambda: "1 of 2 goals can be measured" in page.review_summary.text(), timeout=2000)
    shown = page.review_view.toPlainText()
    assert "Goal 1: Cannot be measured as written" in shown
    assert "“80%” says how well but not how often" in shown
    assert "Goal 2: Can be measured" in shown


def test_every_control_has_an_accessible_name(page):
    for widget in (page.goal_list, page.bank_list, page.bank_search, page.bank_area, page.add_button,
                   page.remove_button, page.use_pattern_button, page.behavior_field.edit, page.review_edit,
                   page.review_view, page.check_view, page.objective_list, page.generate_button):
        assert widget.accessibleName(), widget


def test_an_empty_case_has_nothing_selected(qtbot, context):
    widget = GoalsPage(context)
    qtbot.addWidget(widget)
    widget.set_case(Case())
    assert widget.goal_list.count() == 0
    assert not widget.remove_button.isEnabled()
    assert widget.statement_label.text() == "Choose a goal on the left, or add a new one."
    assert widget.goals_box.title() == "Your child's goals"
    widget.add_button.click()
    assert widget.goal_list.count() == 1 and widget.remove_button.isEnabled()


def test_exporting_the_proposed_goals_writes_a_word_file(page, tmp_path):
    import docx

    target = tmp_path / "goals.docx"
    page.ask_save_path = lambda suggested: target
    assert page.export_proposed() == target
    text = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "Proposed annual goals" in text and "Goal 3: Writing" in text
    assert page.status_label.text() == "Saved “goals.docx”."


def test_exporting_the_review_uses_the_pasted_goals(page, tmp_path):
    import docx

    shown = []
    page.show_message = lambda title, text: shown.append(title)
    target = tmp_path / "review.docx"
    page.ask_save_path = lambda suggested: target
    assert page.export_review() is None
    assert shown == ["There are no goals to review"]
    page.review_edit.setPlainText("Sam will know his facts.\nSam will read 90 words per minute.")
    assert page.export_review() == target
    text = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "Sam will know his facts." in text and "Sam will read 90 words per minute." in text


def test_export_without_goals_explains_what_to_do(qtbot, context):
    widget = GoalsPage(context)
    qtbot.addWidget(widget)
    widget.set_case(Case())
    shown = []
    widget.show_message = lambda title, text: shown.append(text)
    assert not widget.export_button.isEnabled()
    assert widget.export_proposed() is None
    assert shown and "Add a goal first" in shown[0]


def test_pasted_school_goals_are_kept_in_the_case(qtbot, page, tmp_path):
    from planwriter.core import casefile

    changes: list[bool] = []
    page.changed.connect(lambda: changes.append(True))
    page.review_edit.setFocus()
    qtbot.keyClicks(page.review_edit, "Sam will know his facts.")
    assert changes
    assert page.case.school_goals == "Sam will know his facts."
    again = casefile.load(casefile.save(page.case, tmp_path / "sam.pwcase"))
    page.set_case(again)
    assert page.review_edit.toPlainText() == "Sam will know his facts."


def test_opening_a_draft_iep_finds_and_checks_its_goals(page, qtbot):
    from pathlib import Path

    draft = Path(__file__).resolve().parents[1] / "goals" / "fixtures" / "draft_iep.pdf"
    page.tabs.setCurrentIndex(1)
    found = page.load_draft(draft)
    assert [g.label for g in found][:3] == ["Goal 1", "Objective 1.1", "Objective 1.2"]
    assert "2 of 4 goals can be measured" in page.review_summary.text()
    shown = page.review_view.toPlainText()
    assert "Objective 1.1: Can be measured" in shown and "Goal 2: Cannot be measured as written" in shown
    assert len(page.review_texts()) == 6


def test_a_scanned_draft_gets_a_plain_message(page, tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    shown = []
    page.show_message = lambda title, text: shown.append((title, text))
    assert page.load_draft(path) == []
    assert shown and "looks like a scan" in shown[0][1]
