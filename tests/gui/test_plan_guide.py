"""The "Which plan fits?" guide: the suggestion follows the answers, and it starts the right letter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planwriter.gui.plan_guide import (
    IEP_LETTER,
    PLAN_504_LETTER,
    QUESTIONS,
    Answer,
    Plan,
    PlanGuideDialog,
    comparison_html,
    suggest,
)

Y, N, U = Answer.YES, Answer.NO, Answer.UNSURE


@pytest.mark.parametrize(
    ("condition", "learning", "instruction", "access", "plan", "letter"),
    [
        (Y, Y, Y, N, Plan.IEP, IEP_LETTER),  # dyslexia needing specialised reading teaching
        (U, Y, Y, U, Plan.IEP, IEP_LETTER),  # needs different teaching, cause not named yet
        (Y, Y, U, U, Plan.IEP, IEP_LETTER),  # open question: the evaluation answers it
        (Y, Y, N, Y, Plan.PLAN_504, PLAN_504_LETTER),  # ADHD managed with accommodations
        (Y, N, N, Y, Plan.PLAN_504, PLAN_504_LETTER),  # diabetes: access to care at school
        (Y, N, U, Y, Plan.PLAN_504, PLAN_504_LETTER),
        (N, N, N, N, Plan.NONE_YET, ""),
        (N, U, N, U, Plan.NONE_YET, ""),
        (U, U, U, U, Plan.IEP, IEP_LETTER),  # nothing known: ask for an evaluation
    ],
)
def test_the_suggestion_follows_the_answers(condition, learning, instruction, access, plan, letter):
    answers = {"condition": condition, "learning": learning, "instruction": instruction, "access": access}
    suggestion = suggest(answers)
    assert suggestion.plan is plan
    assert suggestion.template_id == letter
    assert suggestion.headline
    assert len(suggestion.reasons) >= 2


def test_the_comparison_covers_what_a_parent_asks_about():
    html = comparison_html()
    for fact in (
        "Individuals with Disabilities Education Act",
        "Section 504 of the Rehabilitation Act",
        "13 IDEA categories",
        "substantially limits a major life activity",
        "measurable yearly goals",
        "at least once a year",
        "written consent",
        "due process hearing",
        "Office for Civil Rights",
    ):
        assert fact in html


def shown_guide(qtbot) -> PlanGuideDialog:
    dialog = PlanGuideDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def answer_all(qtbot, dialog: PlanGuideDialog, answers: dict[str, Answer]) -> None:
    for key, answer in answers.items():
        qtbot.mouseClick(dialog.answer_buttons[(key, answer)], Qt.MouseButton.LeftButton)


def test_the_dialog_waits_for_every_answer_then_explains_its_suggestion(qtbot):
    dialog = shown_guide(qtbot)
    assert len(dialog.groups) == len(QUESTIONS)
    assert dialog.start_letter_button.isHidden()
    assert "4 left" in dialog.headline_label.text()

    answer_all(qtbot, dialog, {"condition": Y, "learning": Y, "instruction": N, "access": Y})

    assert dialog.suggestion is not None
    assert dialog.suggestion.plan is Plan.PLAN_504
    assert dialog.headline_label.text() == "Ask for a Section 504 evaluation."
    assert "accommodations" in dialog.reasons_label.text().lower()
    assert not dialog.start_letter_button.isHidden()


def test_it_says_it_is_not_legal_advice(qtbot):
    dialog = PlanGuideDialog()
    qtbot.addWidget(dialog)
    assert "not legal advice" in dialog.note_label.text()


def test_the_answers_are_reachable_by_keyboard_with_accessible_names(qtbot):
    dialog = PlanGuideDialog()
    qtbot.addWidget(dialog)
    for button in dialog.answer_buttons.values():
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.accessibleName()


@pytest.mark.parametrize(
    ("answers", "letter"),
    [
        ({"condition": Y, "learning": Y, "instruction": Y, "access": N}, IEP_LETTER),
        ({"condition": Y, "learning": N, "instruction": N, "access": Y}, PLAN_504_LETTER),
    ],
)
def test_start_the_letter_asks_for_the_matching_request(qtbot, answers, letter):
    dialog = shown_guide(qtbot)
    answer_all(qtbot, dialog, answers)

    with qtbot.waitSignal(dialog.letter_requested, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.start_letter_button, Qt.MouseButton.LeftButton)

    assert blocker.args == [letter]


def test_the_main_window_opens_the_requested_letter_on_the_letters_section(qtbot, monkeypatch, window):
    letters = next((page for page in window.pages if hasattr(page, "select_template")), None)
    if letters is None:
        pytest.skip("the Letters section is not part of this build")
    selected = []
    monkeypatch.setattr(letters, "select_template", lambda template_id: selected.append(template_id) or True)
    window.files.open_sample()
    window.show_plan_guide()
    guide = window._plan_guide
    answer_all(qtbot, guide, {"condition": Y, "learning": Y, "instruction": N, "access": Y})

    qtbot.mouseClick(guide.start_letter_button, Qt.MouseButton.LeftButton)

    assert selected == [PLAN_504_LETTER]
    assert window.current_page() is letters
    assert not guide.isVisible()


def test_starting_a_letter_with_no_case_open_starts_a_new_case(window):
    if not any(hasattr(page, "select_template") for page in window.pages):
        pytest.skip("the Letters section is not part of this build")
    assert window.case is None

    assert window.select_template(IEP_LETTER)

    assert window.case is not None
    assert window.file_path is None
