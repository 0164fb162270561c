"""Builds ``templates/reference.docx``: the page setup and named styles every export uses.

Run it after changing a style: ``python packaging/make_reference_docx.py``. The result is
committed, so installs never need to run this.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from planwriter.render.docx_writer import _add_field  # the same PAGE/NUMPAGES field the letters use

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates" / "reference.docx"

BODY_FONT = "Calibri"
INK = RGBColor(0x1F, 0x2A, 0x44)


def _font(style, size: float | None = None, bold: bool | None = None, italic: bool | None = None,
          color: RGBColor | None = None) -> None:
    style.font.name = BODY_FONT
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), BODY_FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color


def _spacing(style, before: float = 0, after: float = 8, line: float | None = 1.08,
             keep_next: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line
    fmt.keep_with_next = keep_next


def _paragraph_style(doc, name: str, base: str = "Normal"):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def _language(doc, lang: str = "en-US") -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    el = r_pr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        r_pr.append(el)
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)
    el.set(qn("w:bidi"), "ar-SA")


#: Table styles kept; python-docx's template carries about a hundred, which only slow every export.
KEEP_TABLE_STYLES = {"Normal Table", "Table Grid"}


def _slim(doc) -> None:
    """Drop what Word does not need from python-docx's default template: the Word 2010
    ``stylesWithEffects`` copy of the styles, the sample custom XML, the thumbnail and the unused
    table styles. Every export opens and saves this document, so its size is export time."""
    for rel in list(doc.part.rels.values()):
        if rel.reltype.rsplit("/", 1)[-1] in ("stylesWithEffects", "customXml"):
            doc.part.drop_rel(rel.rId)
    package_rels = doc.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] == "thumbnail":
            package_rels.pop(rel_id)
    styles = doc.styles.element
    for style in list(styles.findall(qn("w:style"))):
        name = style.find(qn("w:name"))
        if style.get(qn("w:type")) == "table" and (name is None or name.get(qn("w:val")) not in KEEP_TABLE_STYLES):
            styles.remove(style)


def build(path: Path = OUT) -> Path:
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Inches(1))
    section.top_margin = Inches(0.9)
    section.bottom_margin = Inches(0.9)
    section.footer_distance = Inches(0.4)
    _language(doc)

    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, 11, color=RGBColor(0, 0, 0))
    _spacing(normal, 0, 8, 1.08)

    title = styles["Title"]
    _font(title, 20, bold=True, color=INK)
    _spacing(title, 0, 10, 1.0, keep_next=True)
    title_ppr = title.element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):
        title_ppr.remove(border)

    for level, size, before in ((1, 14, 14), (2, 12, 10), (3, 11, 8)):
        heading = styles[f"Heading {level}"]
        _font(heading, size, bold=True, italic=level == 3, color=INK)
        _spacing(heading, before, 4, 1.0, keep_next=True)

    for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2",
                 "List Continue", "List Continue 2"):
        style = styles[name]
        _font(style, 11)
        _spacing(style, 0, 4, 1.08)

    quote = styles["Quote"]
    _font(quote, 11, italic=True, color=RGBColor(0x40, 0x40, 0x40))
    quote.paragraph_format.left_indent = Inches(0.4)
    quote.paragraph_format.right_indent = Inches(0.4)

    for name, after in (("Sender", 14), ("Letter Date", 10), ("Delivery", 10), ("Recipient", 14)):
        style = _paragraph_style(doc, name)
        _spacing(style, 0, after, 1.0)
    delivery = styles["Delivery"]
    _font(delivery, 10, italic=True)
    subject = _paragraph_style(doc, "Subject")
    _spacing(subject, 0, 12, 1.0, keep_next=True)
    salutation = _paragraph_style(doc, "Salutation")
    _spacing(salutation, 0, 8, 1.0, keep_next=True)
    closing = _paragraph_style(doc, "Closing")
    _spacing(closing, 10, 30, 1.0, keep_next=True)
    signature = _paragraph_style(doc, "Signature")
    _spacing(signature, 0, 14, 1.0)
    note = _paragraph_style(doc, "Letter Note")
    _font(note, 10)
    _spacing(note, 0, 4, 1.0)
    table_text = _paragraph_style(doc, "Table Text")
    _font(table_text, 10)
    _spacing(table_text, 2, 2, 1.0)
    table_heading = _paragraph_style(doc, "Table Heading", "Table Text")
    _font(table_heading, 10, bold=True)
    table_heading.paragraph_format.keep_with_next = True

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.style = _paragraph_style(doc, "Footer")
    _font(styles["Footer"], 9, color=RGBColor(0x59, 0x59, 0x59))
    footer.add_run("Page ")
    _add_field(footer, "PAGE")
    footer.add_run(" of ")
    _add_field(footer, "NUMPAGES")

    _slim(doc)
    doc.core_properties.title = "planwriter reference styles"
    doc.core_properties.author = "planwriter"
    doc.core_properties.language = "en-US"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
