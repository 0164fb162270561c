"""Blocks → .docx with python-docx, every block mapped to a named style of the reference document."""

from __future__ import annotations

import copy
import datetime as dt
import io
import logging
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from planwriter import __version__
from planwriter.core.atomic import atomic_write_bytes
from planwriter.core.paths import templates_dir
from planwriter.render.blocks import Document, Heading, ListBlock, PageBreak, Paragraph, Run, Table

log = logging.getLogger(__name__)

REFERENCE_NAME = "reference.docx"

#: Styles planwriter writes with; a letterhead missing one gets it from the reference document.
STYLES = (
    "Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Bullet 2",
    "List Number", "List Number 2", "List Continue", "List Continue 2", "Quote", "Sender",
    "Letter Date", "Delivery", "Recipient", "Subject", "Salutation", "Closing", "Signature",
    "Letter Note", "Table Text", "Table Heading", "Table Grid",
)


#: Paragraphs that stay on the page of the paragraph before them: the end of a letter.
KEEP_WITH_PREVIOUS = frozenset({"Closing", "Signature", "Letter Note"})
#: Styles a letterhead may define too, whose numbering would turn bullets into "I. II. III.":
#: the letter always uses its own.
LIST_STYLES = ("List Bullet", "List Bullet 2", "List Number", "List Number 2", "List Continue", "List Continue 2")
#: Spacing of a letter set tight (see :attr:`Document.fit`): a share of the usual space between
#: paragraphs, the font size in points, and the top and bottom margins in inches.
TIGHT_SPACE = 0.5
TIGHT_SIZE = 10.5
TIGHT_MARGIN = 0.6
#: Room left for a handwritten signature in a tight letter, in points.
TIGHT_SIGNATURE_ROOM = 24


def reference_path() -> Path:
    return templates_dir() / REFERENCE_NAME


class DocxWriter:
    """Writes :class:`Document` blocks into a copy of the reference document or a letterhead."""

    def __init__(self, letterhead: Path | None = None) -> None:
        self.letterhead = letterhead

    # ----------------------------------------------------------------- public

    def write(self, document: Document, path: Path) -> Path:
        data = self.to_bytes(document)
        atomic_write_bytes(path, data)
        log.info("Exported a %s document", document.kind)
        return path

    def to_bytes(self, document: Document) -> bytes:
        doc = self._base()
        self._doc = doc
        self._after_table = False
        self._after_list = False
        self._last_style = ""
        if document.fit == "tight":
            self._tighten(doc)
        for block in document.blocks:
            if self.letterhead is not None and isinstance(block, Paragraph) and block.style == "Sender":
                continue  # the letterhead prints the sender's details; printing them again repeats them
            # Keep a paragraph with what it introduces: a lead-in line ("I ask for:") with its list or
            # table, and the end of a letter together: the last paragraph, the closing, the signature,
            # "cc:" and "Enclosures:" move to a new page as one, so none of them stands alone there.
            keep = isinstance(block, ListBlock | Table) or (
                isinstance(block, Paragraph) and block.style in KEEP_WITH_PREVIOUS)
            if keep:
                self._keep_with_next_paragraph()
            self._block(block)
            if isinstance(block, Paragraph) and block.style in KEEP_WITH_PREVIOUS:
                self._keep_lines_together()
        if self.letterhead is not None and document.image_alt:
            _describe_letterhead_pictures(doc, document.image_alt)
        if self.letterhead is not None and document.page_label:
            self._page_numbers(doc, document.page_label)
        if document.running_head:
            self._continuation_pages(doc, document)
        self._properties(doc, document)
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()

    # ----------------------------------------------------------------- base document

    def _base(self) -> docx.document.Document:
        doc = docx.Document(str(self.letterhead or reference_path()))
        body = doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        if self.letterhead is not None:
            self._copy_missing_styles(doc)
        self._style_ids = {
            style.name: style.style_id for style in doc.styles if style.type == WD_STYLE_TYPE.PARAGRAPH
        }
        default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._default_id = default.style_id if default is not None else None
        self._table_style = next(
            (s for s in doc.styles if s.type == WD_STYLE_TYPE.TABLE and s.name == "Table Grid"), None
        )
        return doc

    def _copy_missing_styles(self, doc: docx.document.Document) -> None:
        """Give a letterhead the styles it lacks, and always the letter's own list styles, with
        their numbering under fresh ids so the letterhead's numbering can never restyle them.
        The copies name no typeface, so they take the letterhead's (from its Normal style)."""
        reference = docx.Document(str(reference_path()))
        target = doc.styles.element
        have = {s.name: s for s in doc.styles}
        copied: list = []
        for name in STYLES:
            if name in have and name not in LIST_STYLES:
                continue
            try:
                source = reference.styles[name].element
            except KeyError:
                continue
            if name in have:
                target.remove(have[name].element)
            element = copy.deepcopy(source)
            for fonts in element.findall(f"{qn('w:rPr')}/{qn('w:rFonts')}"):
                fonts.getparent().remove(fonts)  # the letterhead's typeface runs through the letter
            target.append(element)
            copied.append(element)
        numbers = self._copy_numbering(reference, doc)
        for element in copied:
            for num_id in element.iter(qn("w:numId")):
                new = numbers.get(num_id.get(qn("w:val")))
                if new is not None:
                    num_id.set(qn("w:val"), new)

    @staticmethod
    def _copy_numbering(reference: docx.document.Document, doc: docx.document.Document) -> dict[str, str]:
        """Copy the reference's numbering definitions under ids the letterhead does not use.

        Returns the reference's numId → the id it has in ``doc``.
        """
        try:
            ref_numbering = reference.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return {}
        numbering = doc.part.numbering_part.element
        abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        next_abstract = max(abstract_ids, default=-1) + 1
        next_num = max(num_ids, default=0) + 1
        first_num = numbering.find(qn("w:num"))
        abstract_map: dict[str, str] = {}
        for abstract in ref_numbering.findall(qn("w:abstractNum")):
            element = copy.deepcopy(abstract)
            new_id = str(next_abstract)
            next_abstract += 1
            abstract_map[abstract.get(qn("w:abstractNumId"))] = new_id
            element.set(qn("w:abstractNumId"), new_id)
            for tag in ("w:nsid", "w:tmpl"):  # Word joins lists that share an nsid
                for child in element.findall(qn(tag)):
                    element.remove(child)
            if first_num is not None:
                first_num.addprevious(element)
            else:
                numbering.append(element)
        num_map: dict[str, str] = {}
        for num in ref_numbering.findall(qn("w:num")):
            element = copy.deepcopy(num)
            new_id = str(next_num)
            next_num += 1
            num_map[num.get(qn("w:numId"))] = new_id
            element.set(qn("w:numId"), new_id)
            abstract_ref = element.find(qn("w:abstractNumId"))
            if abstract_ref is not None:
                abstract_ref.set(qn("w:val"), abstract_map.get(abstract_ref.get(qn("w:val")), "0"))
            numbering.append(element)
        return num_map

    # ----------------------------------------------------------------- page layout

    @staticmethod
    def _tighten(doc: docx.document.Document) -> None:
        """Set a letter that only just spills onto a second page a little tighter, so it fits one."""
        for section in doc.sections:
            section.top_margin = section.bottom_margin = Inches(TIGHT_MARGIN)
        for style in doc.styles:
            if style.type != WD_STYLE_TYPE.PARAGRAPH:
                continue
            fmt = style.paragraph_format
            if style.name == "Closing":
                fmt.space_after = Pt(TIGHT_SIGNATURE_ROOM)  # still room for a handwritten signature
                continue
            if fmt.space_after:
                fmt.space_after = int(fmt.space_after * TIGHT_SPACE)
            if fmt.space_before:
                fmt.space_before = int(fmt.space_before * TIGHT_SPACE)
            if fmt.line_spacing and not isinstance(fmt.line_spacing, int) and fmt.line_spacing > 1.0:
                fmt.line_spacing = 1.0
            if style.font.size is not None and style.font.size > Pt(TIGHT_SIZE):
                style.font.size = Pt(TIGHT_SIZE)
        default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        if default is not None and default.font.size is None:
            default.font.size = Pt(TIGHT_SIZE)

    def _continuation_pages(self, doc: docx.document.Document, document: Document) -> None:
        """Pages after the first carry the student's name and the date; the first page keeps the
        letterhead's (or the reference's) header, and every page its footer with the page number."""
        section = doc.sections[0]
        sect_pr = section._sectPr
        for kind in ("header", "footer"):
            default = _reference(sect_pr, kind, "default")
            if default is not None and _reference(sect_pr, kind, "first") is None:
                first = copy.deepcopy(default)
                first.set(qn("w:type"), "first")
                default.addprevious(first)  # the first page shows the same part
        if _reference(sect_pr, "header", "default") is not None:
            sect_pr.remove(_reference(sect_pr, "header", "default"))
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph.text = ""
        try:  # a lookup by name, not a walk over every style (this runs for every letter)
            paragraph.style = doc.styles["Header"]
        except KeyError:
            paragraph.style = None
        paragraph.add_run(document.running_head)
        paragraph.paragraph_format.space_after = Pt(6)

    def _page_numbers(self, doc: docx.document.Document, label: str) -> None:
        """A letterhead whose footer has no page number gets one (``label`` is "Page {page} of {pages}")."""
        section = doc.sections[0]
        footer = section.footer
        if not footer.is_linked_to_previous and any(
            " PAGE " in (t.text or "") for t in footer._element.iter(qn("w:instrText"))
        ):
            return
        footer.is_linked_to_previous = False
        paragraph = footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for piece in _split_fields(label):
            if piece in ("PAGE", "NUMPAGES"):
                _add_field(paragraph, piece)
            elif piece:
                paragraph.add_run(piece)

    # ----------------------------------------------------------------- blocks

    def _block(self, block: object, depth: int = 0) -> None:
        if isinstance(block, Heading):
            style = "Title" if block.level == 0 else f"Heading {block.level}"
            self._paragraph(block.runs, style)
        elif isinstance(block, Paragraph):
            self._paragraph(block.runs, block.style)
        elif isinstance(block, ListBlock):
            self._list(block, depth)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, PageBreak):
            self._doc.add_page_break()
            self._after_table = False

    def _keep_with_next_paragraph(self) -> None:
        """Keep the paragraph written last on the same page as the block that follows it."""
        body = self._doc.element.body
        last = body[-1] if len(body) else None
        if last is not None and last.tag == qn("w:sectPr"):
            last = last.getprevious()
        if last is not None and last.tag == qn("w:p"):
            DocxParagraph(last, self._doc._body).paragraph_format.keep_with_next = True

    def _keep_lines_together(self) -> None:
        body = self._doc.element.body
        last = body[-1] if len(body) else None
        if last is not None and last.tag == qn("w:sectPr"):
            last = last.getprevious()
        if last is not None and last.tag == qn("w:p"):
            DocxParagraph(last, self._doc._body).paragraph_format.keep_together = True

    def _paragraph(self, runs: list[Run], style: str) -> DocxParagraph:
        paragraph = self._doc.add_paragraph()
        self._apply(paragraph, style)
        self._runs(paragraph, runs)
        if getattr(self, "_after_table", False):
            paragraph.paragraph_format.space_before = Pt(8)
            self._after_table = False
        if getattr(self, "_after_list", False):
            # A paragraph right after a list stands apart from its last item, as paragraphs do.
            self._after_list = False
            gap = self._style_space("", "space_after")
            if style not in LIST_STYLES and gap and self._style_space(style, "space_before") < gap:
                paragraph.paragraph_format.space_before = gap
        if style == "Signature" and getattr(self, "_last_style", "") == "Signature":
            # Every signer gets the room the first has under "Sincerely,": the gap above this
            # signature makes up the closing's space after, less the signature's own space after.
            room = self._style_space("Closing", "space_after") - self._style_space("Signature", "space_after")
            if room > 0:
                paragraph.paragraph_format.space_before = room
        self._last_style = style
        return paragraph

    def _style_space(self, name: str, which: str) -> int:
        """A paragraph style's space before or after in EMU, following its base styles; 0 if none.
        ``name`` "" is the document's default paragraph style."""
        try:
            style = self._doc.styles[name] if name else self._doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        except KeyError:
            return 0
        while style is not None:
            value = getattr(style.paragraph_format, which)
            if value is not None:
                return int(value)
            style = style.base_style
        # The document's defaults (a letterhead made in Word often keeps its spacing there).
        spacing = self._doc.styles.element.find(
            f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        twips = spacing.get(qn("w:before" if which == "space_before" else "w:after")) if spacing is not None else None
        return int(Pt(int(twips) / 20)) if twips and twips.isdigit() else 0

    def _style(self, name: str) -> str:
        return name if name in self._style_ids else "Normal"

    def _apply(self, paragraph: DocxParagraph, name: str) -> None:
        """Set a paragraph style by id. python-docx's own lookup scans every style per paragraph,
        which made style assignment most of the export time; the ids are read once per document."""
        style_id = self._style_ids.get(name)
        paragraph._p.style = None if style_id == self._default_id else style_id

    @staticmethod
    def _runs(paragraph: DocxParagraph, runs: list[Run]) -> None:
        for run in runs:
            pieces = run.text.split("\n")
            for n, piece in enumerate(pieces):
                if n:
                    paragraph.add_run().add_break()
                if not piece:
                    continue
                docx_run = paragraph.add_run(piece)
                if run.bold:
                    docx_run.bold = True
                if run.italic:
                    docx_run.italic = True
                if run.missing:
                    docx_run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def _list(self, block: ListBlock, depth: int) -> None:
        self._list_items(block, depth)
        self._after_list = True

    def _list_items(self, block: ListBlock, depth: int) -> None:
        level = min(depth, 1)
        base = "List Number" if block.ordered else "List Bullet"
        style = base if level == 0 else f"{base} 2"
        continue_style = "List Continue" if level == 0 else "List Continue 2"
        num_id = self._restart_numbering(style, block.start) if block.ordered else None
        for item in block.items:
            first = True
            for inner in item.blocks:
                if isinstance(inner, Paragraph) and first:
                    paragraph = self._paragraph(inner.runs, style)
                    if num_id is not None:
                        self._set_num(paragraph, num_id, level)
                    first = False
                elif isinstance(inner, Paragraph):
                    self._paragraph(inner.runs, continue_style)
                elif isinstance(inner, ListBlock):
                    self._list_items(inner, depth + 1)
                else:
                    self._block(inner, depth + 1)

    def _restart_numbering(self, style_name: str, start: int) -> str | None:
        """A fresh numbering instance for each numbered list, so every list starts at ``start``."""
        try:
            style = self._doc.styles[style_name]
        except KeyError:
            return None
        num_pr = style.element.find(qn("w:pPr") + "/" + qn("w:numPr"))
        if num_pr is None:
            return None
        num_id_el = num_pr.find(qn("w:numId"))
        if num_id_el is None:
            return None
        numbering = self._doc.part.numbering_part.element
        abstract_id = None
        for num in numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == num_id_el.get(qn("w:val")):
                abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        if abstract_id is None:
            return None
        ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        new_id = str(max(ids, default=0) + 1)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), new_id)
        abstract = OxmlElement("w:abstractNumId")
        abstract.set(qn("w:val"), abstract_id)
        num.append(abstract)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start_override = OxmlElement("w:startOverride")
        start_override.set(qn("w:val"), str(start))
        override.append(start_override)
        num.append(override)
        numbering.append(num)
        return new_id

    @staticmethod
    def _set_num(paragraph: DocxParagraph, num_id: str, level: int) -> None:
        p_pr = paragraph._p.get_or_add_pPr()
        num_pr = p_pr.get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = int(num_id)

    def _table(self, block: Table) -> None:
        if getattr(self, "_after_table", False):
            # Two tables in a row would merge into one; Word needs a paragraph between them.
            self._doc.add_paragraph()
        columns = max([len(block.header)] + [len(r) for r in block.rows])
        table = self._doc.add_table(rows=0, cols=columns)
        if self._table_style is not None:
            table.style = self._table_style
        if block.header:
            cells = table.add_row().cells
            for cell, runs in zip(cells, block.header, strict=False):
                paragraph = cell.paragraphs[0]
                self._apply(paragraph, "Table Heading")
                self._runs(paragraph, runs)
                _shade(cell, "D9E2F3")
            _repeat_header(table.rows[0])
        for row in block.rows:
            added = table.add_row()
            _cant_split(added)  # a row stays on one page, so a reader never loses half of it
            cells = added.cells
            for cell, runs in zip(cells, row, strict=False):
                paragraph = cell.paragraphs[0]
                self._apply(paragraph, "Table Text")
                self._runs(paragraph, runs)
        if block.widths:
            total = sum(block.widths)
            section = self._doc.sections[-1]
            usable = section.page_width - section.left_margin - section.right_margin
            table.autofit = False
            for column, share in zip(table.columns, block.widths, strict=False):
                column.width = int(usable * share / total)  # the grid, which LibreOffice reads
            for row in table.rows:
                for cell, share in zip(row.cells, block.widths, strict=False):
                    cell.width = int(usable * share / total)
        # The next paragraph gets space above it so it does not touch the table (an empty paragraph
        # for spacing would be read out by screen readers as a blank line).
        self._after_table = True

    # ----------------------------------------------------------------- metadata

    @staticmethod
    def _properties(doc: docx.document.Document, document: Document) -> None:
        from planwriter.render.docx_safety import fit_property

        props = doc.core_properties
        props.title = fit_property(document.title)  # Word allows 255 characters per property
        props.author = fit_property(document.author or "planwriter")
        props.last_modified_by = fit_property(document.author or "planwriter")
        props.subject = fit_property(document.subject)
        props.language = document.language
        props.comments = f"Drafted with planwriter {__version__}. Not legal advice."
        props.category = document.kind
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.created = now
        props.modified = now
        props.revision = 1


def _describe_letterhead_pictures(doc: docx.document.Document, alt: str) -> None:
    """Give the pictures in a letterhead's headers and footers that have no alternative text ``alt``."""
    seen: set[str] = set()
    for rel in doc.part.rels.values():
        part = rel.target_part if not rel.is_external else None
        if part is None or part.partname in seen or not rel.reltype.endswith(("/header", "/footer")):
            continue
        seen.add(part.partname)
        for doc_pr in part.element.iter(qn("wp:docPr")):
            if not (doc_pr.get("descr") or "").strip():
                doc_pr.set("descr", alt)


def _reference(sect_pr, kind: str, which: str):
    """The section's ``w:headerReference``/``w:footerReference`` of type ``which``, or ``None``."""
    for element in sect_pr.findall(qn(f"w:{kind}Reference")):
        if element.get(qn("w:type")) == which:
            return element
    return None


def _split_fields(label: str) -> list[str]:
    """"Page {page} of {pages}" → ["Page ", "PAGE", " of ", "NUMPAGES", ""]."""
    out: list[str] = []
    rest = label
    while rest:
        positions = [(rest.find(mark), mark) for mark in ("{page}", "{pages}") if mark in rest]
        if not positions:
            out.append(rest)
            break
        at, mark = min(positions)
        out += [rest[:at], "PAGE" if mark == "{page}" else "NUMPAGES"]
        rest = rest[at + len(mark):]
    return out


def _add_field(paragraph: DocxParagraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the word processor fills in."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run("1")
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


__all__ = ["STYLES", "DocxWriter", "reference_path"]
