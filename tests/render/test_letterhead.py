"""A letterhead document: its header, footer and styles carry over; planwriter's styles are added."""

from __future__ import annotations

import datetime as dt
import itertools

import docx

from planwriter.render.engine import export_docx, render_document
from planwriter.render.letter import LetterOptions

from .conftest import paragraphs, read_docx


def _letterhead(path):
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "Family Advocacy Partners · 9 Main Street · Eugene, OR"
    doc.sections[0].footer.paragraphs[0].text = "Confidential: student information"
    doc.add_paragraph("This body text belongs to the letterhead file and must not appear.")
    doc.save(str(path))
    return path


def test_a_letterhead_keeps_its_header_and_footer_and_gains_the_letter_styles(tmp_path, sample_case):
    letterhead = _letterhead(tmp_path / "letterhead.docx")
    options = LetterOptions(letterhead=True, date=dt.date(2026, 11, 2))
    document = render_document(sample_case, "records", options=options)
    out = export_docx(document, tmp_path / "letter.docx", letterhead=letterhead)
    doc = read_docx(out)
    # The letterhead heads the first page; later pages carry the student's name and the date.
    assert doc.sections[0].first_page_header.paragraphs[0].text.startswith("Family Advocacy Partners")
    assert doc.sections[0].header.paragraphs[0].text == "Alexander James Rivera · November 2, 2026"
    assert doc.sections[0].footer.paragraphs[0].text == "Confidential: student information"
    styled = paragraphs(doc)
    assert all("must not appear" not in text for _, text in styled)
    # With a letterhead the sender block is left to the letterhead; the letter starts with the date.
    assert styled[0] == ("Letter Date", "November 2, 2026")
    assert {"Subject", "Salutation", "Closing", "Signature", "List Bullet"} <= {s for s, _ in styled}


def test_without_a_letterhead_the_reference_page_setup_is_used(tmp_path, sample_case):
    document = render_document(sample_case, "records")
    doc = read_docx(export_docx(document, tmp_path / "plain.docx"))
    section = doc.sections[0]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (8.5, 11.0)
    assert round(section.left_margin.inches, 2) == 1.0
    assert "Page" in section.footer.paragraphs[0].text


def test_a_lead_in_line_stays_on_the_page_of_its_list(tmp_path, sample_case):
    from planwriter.render.engine import default_registry

    inputs = default_registry().get("iep-meeting").meta.sample_inputs
    doc = read_docx(export_docx(render_document(sample_case, "iep-meeting", inputs), tmp_path / "m.docx"))
    for before, after in itertools.pairwise(doc.paragraphs):
        if after.style.name.startswith("List") and not before.style.name.startswith("List"):
            assert before.paragraph_format.keep_with_next, before.text
