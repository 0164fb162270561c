"""The meeting packet's Word writer: the shared writer plus parts on new pages and a running header."""

from __future__ import annotations

import contextlib
import copy

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph as DocxParagraph

from planwriter.render.blocks import Document, Heading, PageBreak, Table
from planwriter.render.docx_writer import DocxWriter


class PacketWriter(DocxWriter):
    """Writes a :class:`~planwriter.render.packet.PacketDocument`.

    A part starts on a new page through its heading's "page break before" (no paragraph that only
    holds a break); tables written by hand get tall rows; every page after the cover carries the
    running header and "page N of M" (Word fields, updated by Word and LibreOffice as they lay out).
    """

    def to_bytes(self, document: Document) -> bytes:
        self._break_before = False
        return super().to_bytes(document)

    def _block(self, block: object, depth: int = 0) -> None:
        if isinstance(block, PageBreak) and depth == 0:
            self._break_before = True
            return
        if self._break_before and not isinstance(block, Heading):
            self._break_before = False
            super()._block(PageBreak(), depth)  # a part that does not start with a heading
        super()._block(block, depth)
        if isinstance(block, Heading) and self._break_before:
            self._break_before = False
            last = self._last_body_element("w:p")
            if last is not None:
                DocxParagraph(last, self._doc._body).paragraph_format.page_break_before = True
        if isinstance(block, Table) and getattr(block, "row_height", None):
            table = self._last_body_element("w:tbl")
            if table is not None:
                for row in table.findall(qn("w:tr"))[1:]:
                    _min_height(row, Cm(block.row_height))

    def _last_body_element(self, tag: str):
        body = self._doc.element.body
        for element in reversed(body):
            if element.tag == qn(tag):
                return element
        return None

    def _properties(self, doc: docx.document.Document, document: Document) -> None:  # type: ignore[override]
        DocxWriter._properties(doc, document)
        _link_contents(doc, getattr(document, "contents", []))
        header_text = getattr(document, "header_text", "")
        if not header_text:
            return
        for section in doc.sections:
            if getattr(document, "has_cover", False):
                section.different_first_page_header_footer = True
                # The cover keeps the letterhead (or stays plain); later pages get the running header.
                if self.letterhead is not None:
                    alt = getattr(document, "image_alt", "")
                    for source, target in ((section.header, section.first_page_header),
                                           (section.footer, section.first_page_footer)):
                        _copy_story(source, target)
                        _describe_pictures(target, alt)
            _running(section.header, header_text)
            _page_numbers(section.footer, getattr(document, "page_text", ("", "", "")))


def _link_contents(doc, titles: list[str]) -> None:
    """Make each line of the cover's contents list a link to its part (a hidden bookmark on the heading).

    The list stays plain text, so it reads the same without updating any field; in Word, a click on a
    line (Ctrl+click by default) goes to the part.
    """
    if not titles:
        return
    paragraphs = doc.paragraphs
    targets: list[tuple[str, object]] = []
    wanted = iter(enumerate(titles, start=1))
    current = next(wanted, None)
    for paragraph in paragraphs:
        if current is None:
            break
        number, title = current
        if paragraph.style.name == "Heading 1" and paragraph.text.startswith(title):
            name = f"_pw_part_{number}"
            _bookmark(paragraph._p, name, number)
            targets.append((title, name))
            current = next(wanted, None)
    anchors = dict(targets)
    for paragraph in paragraphs:
        if paragraph.style.name == "Heading 1":
            break  # the contents list is on the cover, before the first part
        name = anchors.pop(paragraph.text, None) if paragraph.style.name.startswith("List") else None
        if name is not None:
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), name)
            link.set(qn("w:history"), "1")
            for run in list(paragraph._p.r_lst):
                link.append(run)
            paragraph._p.append(link)


def _bookmark(p, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p_pr = p.pPr
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _clear(story) -> None:
    element = story._element
    for child in list(element):
        element.remove(child)


def _copy_story(source, target) -> None:
    """Copy a header or footer's paragraphs and tables (images keep working: same relationships)."""
    if source.is_linked_to_previous:
        return
    _clear(target)
    for child in source._element:
        target._element.append(copy.deepcopy(child))
    # Relationships (a letterhead's logo) are copied with the ids the copied XML refers to.
    source_part, target_part = source.part, target.part
    for rel_id, rel in source_part.rels.items():
        if rel_id not in target_part.rels:
            if rel.is_external:
                target_part.rels.add_relationship(rel.reltype, rel.target_ref, rel_id, is_external=True)
            else:
                target_part.rels.add_relationship(rel.reltype, rel.target_part, rel_id)
    if not len(target._element):
        target._element.append(OxmlElement("w:p"))


def _describe_pictures(story, alt: str) -> None:
    """Give a letterhead's pictures that have no alternative text a short one (screen readers say it)."""
    for doc_pr in story._element.iter(qn("wp:docPr")):
        if alt and not (doc_pr.get("descr") or "").strip():
            doc_pr.set("descr", alt)


def _running(header, text: str) -> None:
    _clear(header)
    paragraph = header.add_paragraph(text)
    with contextlib.suppress(KeyError):  # a letterhead without the built-in header style
        paragraph.style = "Header"


def _page_numbers(footer, words: tuple[str, str, str]) -> None:
    before, middle, after = words
    _clear(footer)
    paragraph = footer.add_paragraph()
    with contextlib.suppress(KeyError):
        paragraph.style = "Footer"
    paragraph.alignment = 1  # centred
    if before:
        paragraph.add_run(before)
    _field(paragraph, "PAGE")
    if middle:
        paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES")
    if after:
        paragraph.add_run(after)


def _field(paragraph, code: str) -> None:
    for kind in ("begin", None, "separate", "1", "end"):
        run = paragraph.add_run()
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {code} "
            run._r.append(instr)
        elif kind == "1":
            run.text = "1"
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _min_height(row, height) -> None:
    tr_pr = row.get_or_add_trPr()
    tr_height = OxmlElement("w:trHeight")
    tr_height.set(qn("w:val"), str(int(height.twips)))
    tr_height.set(qn("w:hRule"), "atLeast")
    # trHeight comes before cantSplit and tblHeader in the schema's order.
    tr_pr.insert(0, tr_height)
