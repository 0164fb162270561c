"""check-docx: each property it checks, and every built-in document of the demo against it."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planwriter.render.docx_check import DocxCheckError, check_docx

from .conftest import TODAY


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _good(path):
    doc = docx.Document()
    doc.core_properties.title = "A document"
    doc.core_properties.language = "en-US"
    doc.add_heading("Title", level=0)
    doc.add_heading("Part", level=1)
    doc.add_paragraph("Text")
    table = doc.add_table(rows=2, cols=2)
    header = OxmlElement("w:tblHeader")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    doc.add_paragraph("After the table")
    doc.save(str(path))
    return path


def _codes(path):
    return [p.code for p in check_docx(path)]


def _with_lang(doc):
    if doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang")) is not None:
        return
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    r_pr.append(lang)


def test_it_passes_a_well_made_document(tmp_path):
    path = _good(tmp_path / "good.docx")
    doc = docx.Document(str(path))
    _with_lang(doc)
    doc.save(str(path))
    assert check_docx(path) == []


def test_it_finds_every_kind_of_problem(tmp_path):
    doc = docx.Document()
    doc.core_properties.title = ""
    doc.add_heading("Part", level=1)
    doc.add_heading("Too deep", level=3)
    doc.add_heading("", level=2)
    doc.add_paragraph("")
    doc.add_table(rows=1, cols=2).rows[0].cells[0].text = "No header"
    doc.add_picture(io.BytesIO(_png()))
    doc.inline_shapes[0]._inline.docPr.set("descr", "")
    for lang in doc.styles.element.find(qn("w:docDefaults")).iter(qn("w:lang")):
        lang.getparent().remove(lang)
    path = tmp_path / "bad.docx"
    doc.save(str(path))
    codes = _codes(path)
    assert {"title", "language", "text-language", "heading-order", "empty-heading", "table-header",
            "empty-paragraph", "alt-text"} <= set(codes)
    lines = [str(p) for p in check_docx(path)]
    assert any("“Too deep” is level 3" in line for line in lines)
    assert all("\n" not in line for line in lines)


def test_it_accepts_a_decorative_picture_and_a_paragraph_between_two_tables(tmp_path):
    path = _good(tmp_path / "d.docx")
    doc = docx.Document(str(path))
    _with_lang(doc)
    doc.add_paragraph("Logo below")
    doc.add_picture(io.BytesIO(_png()))
    doc.inline_shapes[0]._inline.docPr.set("descr", "Family Advocacy Partners logo")
    for _ in range(2):
        table = doc.add_table(rows=1, cols=1)
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        if _ == 0:
            doc.add_paragraph()
    doc.add_paragraph("End")
    doc.save(str(path))
    assert check_docx(path) == []


def test_it_refuses_what_is_not_a_word_file(tmp_path):
    with pytest.raises(DocxCheckError, match="no such file"):
        check_docx(tmp_path / "missing.docx")
    (tmp_path / "x.docx").write_text("hello")
    with pytest.raises(DocxCheckError, match="not a Word document"):
        check_docx(tmp_path / "x.docx")
    with pytest.raises(DocxCheckError, match="is a folder, not a Word document") as caught:
        check_docx(tmp_path)
    assert "Errno" not in str(caught.value)


# --------------------------------------------------------------------------- every built-in document

@pytest.fixture(scope="module")
def demo_documents(tmp_path_factory):
    from planwriter.core.sample import sample_case
    from planwriter.render.batch import export_all
    from planwriter.render.packet import export_packet

    from .conftest import with_meeting

    folder = tmp_path_factory.mktemp("demo")
    exported = {e.template_id: e.path for e in export_all(sample_case(), folder, today=dt.date(2026, 11, 28))}
    exported["meeting-packet"] = folder / "packet.docx"
    export_packet(with_meeting(sample_case()), exported["meeting-packet"], today=TODAY)
    return exported


def _builtin_ids() -> list[str]:
    from planwriter.render.engine import default_registry

    return [t.id for t in default_registry().all() if t.builtin] + ["meeting-packet"]


@pytest.mark.parametrize("template_id", _builtin_ids())
def test_every_builtin_document_passes(demo_documents, template_id):
    assert [str(p) for p in check_docx(demo_documents[template_id])] == []
