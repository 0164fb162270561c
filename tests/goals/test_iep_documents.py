"""Whole documents (issue 14): a draft IEP as PDF or Word, and pasted text, split into goals and objectives."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwriter.core.goals.checker import check_goal
from planwriter.core.goals.documents import DocumentError, find_goals, goals_from_file, read_document

FIXTURES = Path(__file__).parent / "fixtures"
DRAFT_PDF = FIXTURES / "draft_iep.pdf"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def draft_docx(tmp_path_factory) -> Path:
    sys.path.insert(0, str(FIXTURES))
    try:
        from draft_iep import build_docx
    finally:
        sys.path.remove(str(FIXTURES))
    return build_docx(tmp_path_factory.mktemp("iep") / "draft_iep.docx")


def _check_the_draft(found) -> None:
    labels = [g.label for g in found]
    assert labels == ["Goal 1", "Objective 1.1", "Objective 1.2", "Goal 2", "Goal 3", "Goal 4"]
    assert [g.role for g in found] == ["goal", "objective", "objective", "goal", "goal", "goal"]
    assert found[1].parent == 0 and found[2].parent == 0
    # Lines the page wrapped are one goal again, and the present levels, headings and the note on progress
    # reports are not taken for goals.
    assert "read aloud 90 words correct per minute with at least 95% accuracy on 3 consecutive weekly probes" \
        in found[0].text
    assert found[0].text.endswith("Baseline: 52 words correct per minute.")
    assert not any("Progress will be reported" in g.text or "Present Levels" in g.text for g in found)
    checks = [check_goal(g.text) for g in found]
    assert [c.measurable for c in checks] == [True, True, True, False, False, True]
    assert checks[5].components["timeframe"].note == "a placeholder date still to fill in"
    assert checks[4].missing[:2] == ["timeframe", "criterion"]


def test_a_draft_iep_pdf_is_reviewed_goal_by_goal():
    assert DRAFT_PDF.stat().st_size <= 100_000
    _check_the_draft(goals_from_file(DRAFT_PDF))


def test_the_same_draft_as_a_word_file(draft_docx):
    _check_the_draft(goals_from_file(draft_docx))


def test_a_scanned_pdf_without_text_gets_a_plain_message(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentError, match="looks like a scan"):
        read_document(path)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("notes.rtf", b"{\\rtf1}", "not a PDF, Word"),
    ("broken.pdf", b"%PDF-1.4 this is not a pdf", "could not be read as a PDF"),
    ("broken.docx", b"not a zip", "is not a Word document, although its name ends in .docx"),
])
def test_files_that_cannot_be_read_say_why(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message) as caught:
        read_document(path)
    # One plain line: no library's own wording ("Package not found at …").
    assert "Package" not in str(caught.value) and "\n" not in str(caught.value)


PASTED = [
    # Lines a PDF wrapped: one goal, not three fragments.
    ("Given a list of 20 sight words, Mia will read\n18 of them correctly on 3 consecutive\nweekly probes, as "
     "measured by teacher records.", 1),
    # Blank lines between goals.
    ("Sam will know his facts.\n\nSam will read 90 words per minute.", 2),
    # One goal per line, each a sentence of its own.
    ("Sam will know his facts.\nSam will read 90 words per minute.", 2),
    # Numbering and labels.
    ("1. Sam will read 90 words\ncorrect per minute.\n2. Sam will write his name.", 2),
    ("Annual Goal 1: Sam will add\nnumbers to 20.\nAnnual Goal 2: Sam will greet a peer.", 2),
    ("Goal 1: Sam will add numbers to 20.\nObjective 1.1: Sam will add numbers to 10.\n"
     "Objective 1.2: Sam will add numbers to 15.", 3),
    # Form fields stay with their goal.
    ("Given a list, Mia will spell 8 of 10 words.\nTarget date: 06/12/2027\nEvaluation Procedures: Graded work "
     "samples\nCriteria: 8 of 10 on 3 weekly tests", 1),
]


@pytest.mark.parametrize(("text", "count"), PASTED)
def test_pasted_text_is_split_into_goals_not_lines(text, count):
    found = find_goals(text)
    assert len(found) == count, [g.text for g in found]
    assert all("\n" not in g.text for g in found)


def test_objectives_belong_to_the_goal_above_them():
    found = find_goals(PASTED[5][0])
    assert [g.role for g in found] == ["goal", "objective", "objective"]
    assert [g.parent for g in found] == [-1, 0, 0]
    assert [g.label for g in found] == ["Goal 1", "Objective 1.1", "Objective 1.2"]


def test_finding_goals_takes_time_in_proportion_to_the_text():
    def seconds(text: str) -> float:
        # The best of a few runs: a busy machine slows single runs, never all of them.
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            find_goals(text, document=True)
            best = min(best, time.perf_counter() - start)
        return best

    unit = "Annual Goal 1: By June 2027, given a list,\nSam will read 18 of 20 words.\nProgress will be reported.\n\n"
    small, large = unit * 50, unit * 500
    assert seconds(large) <= 25 * seconds(small) + 0.05


def test_the_cli_checks_the_goals_of_a_draft_iep():
    run = subprocess.run([sys.executable, "-m", "planwriter.cli", "check-goal", "--from", str(DRAFT_PDF)],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Found 4 goals and 2 objectives in “draft_iep.pdf”; 2 of 4 goals can be measured")
    assert "== Objective 1.2 ==" in run.stdout
    lines = subprocess.run([sys.executable, "-m", "planwriter.cli", "check-goal", "--from", str(DRAFT_PDF),
                            "--json"], capture_output=True, text=True, cwd=ROOT, timeout=60).stdout.splitlines()
    data = [json.loads(line) for line in lines]
    assert [d["label"] for d in data][:3] == ["Goal 1", "Objective 1.1", "Objective 1.2"]
    assert data[1]["parent"] == 0 and data[3]["measurable"] is False


def test_the_cli_explains_a_scan(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    run = subprocess.run([sys.executable, "-m", "planwriter.cli", "check-goal", "--from", str(path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode != 0
    assert "looks like a scan" in run.stderr


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400))
def test_pasted_text_loses_no_words(text):
    words = " ".join(g.text for g in find_goals(text)).split()
    kept = set(words)
    for line in text.replace("\r", "\n").split("\n"):
        for word in line.replace("\u00a0", " ").replace("\f", " ").split():
            # Labels and numbering ("Goal 1:", "2.") are read as labels; page-number lines are dropped.
            assert word in kept or any(word in w for w in words) or len(word) <= 8, (word, text)


def test_without_pypdfium2_the_draft_is_read_with_pypdf(monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    _check_the_draft(goals_from_file(DRAFT_PDF))


def test_a_goal_form_table_keeps_its_criteria_and_method_columns_with_the_goal(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Measurable Annual Goals")
    table = document.add_table(rows=3, cols=4)
    rows = [
        ["Measurable annual goal", "Criteria", "Procedures to evaluate goal", "Evaluation schedule"],
        ["By June 2027, given a fourth-grade passage, Kira will state the main idea and 2 details.",
         "4 of 5 passages on 3 consecutive checks", "Written work samples", "Every two weeks"],
        ["Kira will improve her writing.", "", "", ""],
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "form.docx"
    document.save(str(path))
    found = goals_from_file(path)
    assert [g.label for g in found] == ["Goal 1", "Goal 2"]
    assert "Criteria: 4 of 5 passages on 3 consecutive checks" in found[0].text
    assert check_goal(found[0].text).measurable
    assert not check_goal(found[1].text).measurable


def test_a_goal_form_table_in_a_pdf_keeps_the_goal_whole_with_its_criteria_column():
    # Narrow table columns wrap "By June 2027, given a" onto its own line; it must not be read as a heading.
    found = goals_from_file(FIXTURES / "goal_form_table.pdf")
    assert [g.text for g in found] == [
        "By June 2027, given a fourth-grade passage, Kira will state the main idea and 2 details. 4 of 5 passages "
        "on 3 consecutive checks",
        "Kira will improve her writing.",
    ]


def test_planwriters_own_goals_document_reads_back_goal_by_goal(sample_case, tmp_path):
    """A family feeds the proposed-goals document planwriter made back in: a heading per goal area,
    "Goal:" lines, "Short-term objectives" lists, an introduction and closing words that are not goals."""
    import datetime as dt

    from planwriter.render.engine import export

    path = tmp_path / "Proposed annual goals.docx"
    export(sample_case, "proposed-goals", path, today=dt.date(2026, 11, 30))
    found = goals_from_file(path)
    goals = [g for g in found if g.role == "goal"]
    assert [g.label for g in goals] == [f"Goal {n}" for n in range(1, len(sample_case.goals) + 1)]
    for number, goal in enumerate(goals, start=1):
        objectives = [g for g in found if g.role == "objective" and found[g.parent] is goal]
        assert [o.label for o in objectives] == [f"Objective {number}.{k}" for k in range(1, len(objectives) + 1)]
        assert goal.text.startswith("By ") and " will " in goal.text
    assert all(" will " in g.text and "proposed by" not in g.text for g in found)
    # The same document as plain text (copied out of Word) reads the same way.
    text = read_document(path).replace("• ", "")
    assert [(g.label, g.role) for g in find_goals(text, document=True)] == [(g.label, g.role) for g in found]
