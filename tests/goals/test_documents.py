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
    assert summary[0] == ["Goal", "Area", "Can it be measured?"]
    assert [row[2] for row in summary[1:]] == ["No", "No", "No", "Yes"]
    assert "Alex will improve his reading fluency with 80% accuracy." in text
    assert any("“80%” says how well but not how often" in t for t in text)
    assert any("“80% of the time” has no observation window" in t for t in text)
    assert any("It describes an activity" in t for t in text)
    assert any("The target (45) is barely different" in t for t in text)
    assert any(t.startswith("Ask about Goal 1: Over how many tries or days does the 80% have to hold?") for t in text)
    assert any(t.startswith("A measurable reading goal could read:") for t in text)


TYPICAL = [
    "Alex will improve his reading fluency with 80% accuracy.",
    "During recess, Alex will ask a peer to join a game with 80% accuracy.",
    "By ____, given 20 two-digit addition problems with regrouping, Alex will write the correct answers to 18 of 20 "
    "problems on 4 of 5 biweekly probes, as measured by teacher-made probes.",
    "By the annual review, during independent writing time, Alex will participate in writing activities.",
    "Alex will greet his classmates with 90% accuracy.",
]


def _goal_blocks(text: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    for line in text:
        if line.startswith("Goal ") and (": can be measured" in line or ": cannot be measured" in line):
            blocks.append([])
        elif line.startswith("Questions for the meeting"):
            break
        elif blocks:
            blocks[-1].append(line)
    return blocks


def test_each_goal_gets_one_short_block_and_no_sentence_is_repeated(sample_case, tmp_path):
    path = tmp_path / "review.docx"
    export(sample_case, "goal-review", path, {"school_goals": TYPICAL}, today=TODAY)
    blocks = _goal_blocks(paragraphs(path))
    assert len(blocks) == 5
    seen: dict[str, int] = {}
    for number, block in enumerate(blocks):
        for line in block:
            pieces = [s.strip() for s in line.replace("?", "?|").replace(". ", ".|").split("|") if s.strip()]
            # Sentences, not labels ("Missing:", "By when"): four words or more, ending a sentence.
            for sentence in [p for p in pieces if len(p.split()) >= 4 and p[-1] in ".?”"]:
                assert seen.setdefault(sentence, number) == number, f"repeated in goals {seen[sentence]} and {number}"
    # Shared questions are listed once, with the goals they belong to.
    text = paragraphs(path)
    assert sum(t.startswith("By what date should this goal be met?") for t in text) == 1


def test_a_social_goal_gets_a_social_example_and_two_social_goals_get_different_ones(sample_case, tmp_path):
    path = tmp_path / "review.docx"
    export(sample_case, "goal-review", path, {"school_goals": TYPICAL}, today=TODAY)
    examples = [t for t in paragraphs(path) if t.startswith("A measurable ")]
    social = [t for t in examples if t.startswith("A measurable social skills goal could read:")]
    assert len(social) == 2 and social[0] != social[1]
    assert not any("read aloud" in t or "passage" in t for t in social)


def test_a_blank_date_is_shown_as_waiting_to_be_filled(sample_case, tmp_path):
    path = tmp_path / "review.docx"
    export(sample_case, "goal-review", path, {"school_goals": TYPICAL}, today=TODAY)
    assert any(t.startswith("Still blank: “By ____” is a date waiting to be filled in") for t in paragraphs(path))


@pytest.mark.slow
def test_the_review_of_five_typical_goals_fits_on_three_pages(sample_case, tmp_path):
    import shutil
    import subprocess

    from pypdf import PdfReader

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (CI installs it)")
    path = tmp_path / "review.docx"
    export(sample_case, "goal-review", path, {"school_goals": TYPICAL}, today=TODAY)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, timeout=300, check=True)
    assert len(PdfReader(str(tmp_path / "review.pdf")).pages) <= 3


def test_goal_review_needs_the_goals_before_export(sample_case, tmp_path):
    with pytest.raises(MissingInformation):
        export(sample_case, "goal-review", tmp_path / "review.docx", {}, today=TODAY)


def test_goal_review_reads_goals_from_lines():
    goals = "Sam will know his facts.\nAfter high school, Sam will work part-time at a bakery."
    document = render_document(Case(), "goal-review", {"school_goals": goals}, today=TODAY)
    text = document.plain_text()
    assert "Goal 1" in text and "Goal 2" in text
    assert "Goal 2: can be measured" in text and "life after high school" in text
