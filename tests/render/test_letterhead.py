"""A letterhead document: its header, footer and styles carry over; planwriter's styles are added."""

from __future__ import annotations

import datetime as dt
import itertools

import docx

from planwriter.render.engine import default_registry, export_docx, render_document
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


def _png(width: int, height: int) -> bytes:
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\x1e\x3c\x78" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_the_letterheads_typeface_runs_through_the_letter_and_its_logo_is_described(tmp_path, sample_case):
    import io

    from docx.oxml.ns import qn
    from docx.shared import Inches

    from planwriter.render.docx_check import check_docx

    doc = docx.Document()
    doc.styles["Normal"].font.name = "Georgia"
    doc.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(_png(40, 12)), width=Inches(2))
    doc.save(str(tmp_path / "letterhead.docx"))
    sample_case.sender.organization = ""
    options = LetterOptions(letterhead=True, date=dt.date(2026, 11, 2))
    template = default_registry().get("section-504-plan-not-followed")
    document = render_document(sample_case, template.id, template.meta.sample_inputs, options=options)
    out = export_docx(document, tmp_path / "letter.docx", letterhead=tmp_path / "letterhead.docx")
    letter = read_docx(out)
    for paragraph in letter.paragraphs:
        style = paragraph.style
        while style is not None and style.name != "Normal":
            fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            assert fonts is None or fonts.get(qn("w:ascii")) in (None, "Georgia"), style.name
            style = style.base_style
    assert "List Number" in {p.style.name for p in letter.paragraphs}
    described = [pr.get("descr") for pr in letter.sections[0].first_page_header._element.iter(qn("wp:docPr"))]
    assert described and all(d and d.startswith("Letterhead of ") for d in described)
    assert check_docx(out) == []
