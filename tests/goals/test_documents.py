"""The goal documents, exported to Word and read back: Proposed annual goals and the Goal review."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from planwriter.core.model import Baseline, Case, Criterion, Goal, Measurement
from planwriter.render.engine import MissingInformation, default_registry, export, render_document

TODAY = dt.date(2026, 12, 1)


def paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def tables(path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(path)).tables]


def sample_inputs(template_id: str) -> dict:
    return default_registry().get(template_id).meta.sample_inputs


def test_both_documents_are_goal_documents_with_sample_inputs():
    for template_id in ("proposed-goals", "goal-review"):
        meta = default_registry().get(template_id).meta
        assert meta.kind.value == "goals"
        assert meta.sample_inputs


def test_proposed_goals_shows_each_goal_with_baseline_objectives_measurement_and_reporting(sample_case, tmp_path):
    path = tmp_path / "goals.docx"
    document = export(sample_case, "proposed-goals", path, sample_inputs("proposed-goals"), today=TODAY)
    assert document.missing == []
    text = paragraphs(path)
    assert text[0] == "Proposed annual goals"
    assert "Goal 1: Reading" in text and "Goal 2: Spelling" in text and "Goal 3: Writing" in text
    assert ("Where Alex is now (baseline): 42 words correct per minute (October 6, 2026; DIBELS 8 oral reading "
            "fluency, fall benchmark)") in text
    goal = next(t for t in text if t.startswith("Goal: By June 11, 2027, given an unpracticed grade 3 passage"))
    assert "improving from 42 to 85 words correct per minute" in goal
    steps = [t for t in text if t.startswith("By ") and "reaching" in t]
    assert len(steps) == 9
    assert any(t.startswith("How progress will be measured: DIBELS 8 oral reading fluency") for t in text)
    assert "Progress reports: Quarterly, with report cards, including the graph of weekly scores." in text
    styles = {p.text: p.style.name for p in docx.Document(str(path)).paragraphs}
    assert styles["Goal 1: Reading"].startswith("Heading")
    assert styles[steps[0]].startswith("List")


def test_proposed_goals_generates_objectives_when_none_are_stored(sample_case, tmp_path):
    for goal in sample_case.goals:
        goal.objectives = []
    path = tmp_path / "goals.docx"
    export(sample_case, "proposed-goals", path, {}, today=TODAY)
    assert len([t for t in paragraphs(path) if "reaching" in t]) == 9


def test_a_pasted_goal_and_a_postsecondary_goal_are_shown_as_written(sample_case, tmp_path):
    sample_case.goals = [
        Goal(statement="Alex will read 90 words per minute by June."),
        Goal(postsecondary=True, timeframe_text="after high school", behavior="enroll in a welding program"),
    ]
    path = tmp_path / "goals.docx"
    export(sample_case, "proposed-goals", path, {}, today=TODAY)
    text = paragraphs(path)
    assert "Goal: Alex will read 90 words per minute by June." in text
    assert "Goal: After high school, Alex will enroll in a welding program." in text
    assert any(t.startswith("Kind of goal: a postsecondary goal") for t in text)


def test_user_text_in_goals_stays_verbatim(sample_case, tmp_path):
    sample_case.goals = [Goal(
        behavior="read *aloud* <b>words</b> | [links](x)", condition="a 50% _mix_ of words",
        baseline=Baseline(value="10", unit="words"), criterion=Criterion(target_value="30", unit="words"),
        measurement=Measurement(tool="# probes"), timeframe_date=dt.date(2027, 6, 1))]
    path = tmp_path / "goals.docx"
    export(sample_case, "proposed-goals", path, {}, today=TODAY)
    goal = next(t for t in paragraphs(path) if t.startswith("Goal: "))
    assert "given a 50% _mix_ of words, Alex will read *aloud* <b>words</b> | [links](x), improving" in goal
    assert "as measured by # probes." in goal


def test_no_goals_says_where_to_add_them(tmp_path, sample_case):
    sample_case.goals = []
    document = render_document(sample_case, "proposed-goals", {}, today=TODAY)
    assert "No goals have been written yet" in document.plain_text()


def test_goal_review_checks_each_school_goal_and_asks_questions(sample_case, tmp_path):
    path = tmp_path / "review.docx"
    document = export(sample_case, "goal-review", path, sample_inputs("goal-review"), today=TODAY)
    assert document.missing == []
    text = paragraphs(path)
    assert text[0] == "Review of the school's proposed goals"
    summary = tables(path)[0]
    assert summary[0] == ["Goal", "Can it be measured?", "Parts missing"]
    assert [row[1] for row in summary[1:]] == ["No", "No", "No", "Yes"]
    assert summary[1][2].startswith("By when; Under what conditions; What the child will do")
    assert "Alex will improve his reading fluency with 80% accuracy." in text
    assert any("“80%” says how well but not how often" in t for t in text)
    assert any("“80% of the time” has no observation window" in t for t in text)
    assert any(t.startswith("It describes an activity") for t in text)
    assert any(t.startswith("The target (45") for t in text)
    assert "Over how many tries or days does the 80% have to hold?" in text
    parts = tables(path)[1]
    assert parts[0] == ["Part of the goal", "Found?", "Words that decided it"]
    assert ["How well and how often", "No", "80% (a percentage with no number of trials or days)"] in parts


def test_goal_review_needs_the_goals_before_export(sample_case, tmp_path):
    with pytest.raises(MissingInformation):
        export(sample_case, "goal-review", tmp_path / "review.docx", {}, today=TODAY)


def test_goal_review_reads_one_goal_per_line():
    goals = "Sam will know his facts.\nAfter high school, Sam will work part-time at a bakery."
    document = render_document(Case(), "goal-review", {"school_goals": goals}, today=TODAY)
    text = document.plain_text()
    assert "Goal 1" in text and "Goal 2" in text
    assert "This postsecondary goal can be measured" in text
