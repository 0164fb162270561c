"""Accessibility and structure checks of a .docx, in the spirit of Word's Accessibility Checker.

Exactly these properties are checked (each problem is one :class:`Problem`):

- headings: real heading styles whose levels go down one step at a time (the Title style counts as
  level 1, like a document's name), and no heading without text;
- tables: the first row of every table is marked as a header row that repeats on each page
  (``w:tblHeader``);
- the document title (File › Properties) and its language (the core property, and the default
  language of the text in the styles) are set;
- no empty paragraph used for spacing: a body paragraph with no text, break, picture or field is a
  problem, except one that carries a section break or stands between two tables (Word needs it
  there to keep the tables apart);
- every picture, in the body, headers and footers (a letterhead's logo), has alternative text or is
  marked as decorative.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DC = "http://purl.org/dc/elements/1.1/"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
_NS = {"w": W, "wp": WP, "dc": DC, "adec": ADEC}

_HEADING = re.compile(r"^heading\s*([1-9])$", re.I)
#: What makes a paragraph more than empty space.
_CONTENT = ("w:br", "w:drawing", "w:pict", "w:object", "w:fldSimple", "w:instrText", "w:sym", "w:tab")


@dataclass(frozen=True)
class Problem:
    """One accessibility problem; ``str()`` is one line a person can act on."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


class DocxCheckError(ValueError):
    """The file is not a Word document that can be read; ``str()`` is one line."""


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def _xml(archive: zipfile.ZipFile, name: str):
    try:
        return etree.fromstring(archive.read(name))
    except KeyError:
        return None


def check_docx(path: str | os.PathLike[str]) -> list[Problem]:
    """Check one .docx; returns its problems in document order (empty when it passes).

    Raises :class:`DocxCheckError` when the file is missing or is not a readable .docx.
    """
    path = Path(path)
    if path.is_dir():
        raise DocxCheckError(f"{path} is a folder, not a Word document; give the .docx files in it")
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise DocxCheckError(f"{path}: no such file") from None
    except zipfile.BadZipFile:
        raise DocxCheckError(f"{path}: not a Word document (the file is not a .docx package)") from None
    except OSError as error:
        raise DocxCheckError(f"{path}: cannot be opened ({error.strerror or type(error).__name__})") from None
    with archive:
        document = _xml(archive, "word/document.xml")
        if document is None:
            raise DocxCheckError(f"{path}: not a Word document (no word/document.xml)")
        styles = _xml(archive, "word/styles.xml")
        core = _xml(archive, "docProps/core.xml")
        problems: list[Problem] = []
        problems += _properties(core, styles)
        problems += _headings(document, styles)
        problems += _tables(document)
        problems += _empty_paragraphs(document)
        for name in sorted(archive.namelist()):
            if name == "word/document.xml" or re.fullmatch(r"word/(header|footer)\d*\.xml", name):
                tree = document if name == "word/document.xml" else _xml(archive, name)
                problems += _pictures(tree, _where(name))
    return problems


def _where(part: str) -> str:
    if "header" in part:
        return "in a page header"
    if "footer" in part:
        return "in a page footer"
    return "in the text"


# --------------------------------------------------------------------------- checks


def _properties(core, styles) -> list[Problem]:
    problems = []
    title = core.findtext(_q("dc:title")) if core is not None else None
    if not (title or "").strip():
        problems.append(Problem("title", "the document has no title (File › Properties › Title)"))
    language = core.findtext(_q("dc:language")) if core is not None else None
    if not (language or "").strip():
        problems.append(Problem("language", "the document's language is not set (File › Properties)"))
    default_lang = None
    if styles is not None:
        lang = styles.find(f"{_q('w:docDefaults')}/{_q('w:rPrDefault')}/{_q('w:rPr')}/{_q('w:lang')}")
        if lang is not None:
            default_lang = lang.get(_q("w:val"))
    if not default_lang:
        problems.append(Problem("text-language",
                                "the text has no default language, so screen readers may mispronounce it"))
    return problems


def _style_levels(styles) -> dict[str, int]:
    """Paragraph style id → heading level (Title is 1, Heading N is N, an outline level counts too)."""
    levels: dict[str, int] = {}
    if styles is None:
        return levels
    for style in styles.findall(_q("w:style")):
        if style.get(_q("w:type")) != "paragraph":
            continue
        style_id = style.get(_q("w:styleId")) or ""
        name_el = style.find(_q("w:name"))
        name = (name_el.get(_q("w:val")) if name_el is not None else "") or ""
        match = _HEADING.match(name.strip())
        if name.strip().lower() == "title":
            levels[style_id] = 1
        elif match:
            levels[style_id] = int(match.group(1))
        else:
            outline = style.find(f"{_q('w:pPr')}/{_q('w:outlineLvl')}")
            if outline is not None and (outline.get(_q("w:val")) or "").isdigit():
                value = int(outline.get(_q("w:val")))
                if value < 9:
                    levels[style_id] = value + 1
    return levels


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_q("w:t")))


def _headings(document, styles) -> list[Problem]:
    levels = _style_levels(styles)
    problems = []
    previous = 0
    body = document.find(_q("w:body"))
    for paragraph in body.iter(_q("w:p")):
        style = paragraph.find(f"{_q('w:pPr')}/{_q('w:pStyle')}")
        if style is None:
            continue
        level = levels.get(style.get(_q("w:val")) or "")
        if level is None:
            continue
        text = _text(paragraph).strip()
        if not text:
            where = _short(previous_text(paragraph))
            problems.append(Problem("empty-heading", f"an empty heading (level {level}) after “{where}”"))
            continue
        if level > previous + 1:
            before = f"the heading before it is level {previous}" if previous else "no heading comes before it"
            problems.append(Problem(
                "heading-order",
                f"heading “{_short(text)}” is level {level} but {before}"
                " (headings should go down one level at a time)",
            ))
        previous = level
    return problems


def previous_text(paragraph) -> str:
    node = paragraph.getprevious()
    while node is not None:
        if node.tag == _q("w:p") and _text(node).strip():
            return _text(node).strip()
        node = node.getprevious()
    return "the start"


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _tables(document) -> list[Problem]:
    problems = []
    for number, table in enumerate(document.iter(_q("w:tbl")), start=1):
        first = table.find(_q("w:tr"))
        if first is None:
            continue
        header = first.find(f"{_q('w:trPr')}/{_q('w:tblHeader')}")
        value = header.get(_q("w:val")) if header is not None else None
        if header is None or (value or "true").lower() in ("false", "0", "off"):
            text = _short(" | ".join(_text(c).strip() for c in first.findall(_q("w:tc"))))
            problems.append(Problem(
                "table-header",
                f"table {number} (first row “{text}”) has no header row marked to repeat on each page",
            ))
    return problems


def _empty_paragraphs(document) -> list[Problem]:
    problems = []
    body = document.find(_q("w:body"))
    children = list(body)
    for index, element in enumerate(children):
        if element.tag != _q("w:p"):
            continue
        if _text(element).strip():
            continue
        if any(element.find(f".//{_q(tag)}") is not None for tag in _CONTENT):
            continue
        if element.find(f"{_q('w:pPr')}/{_q('w:sectPr')}") is not None:
            continue
        before = children[index - 1] if index else None
        after = children[index + 1] if index + 1 < len(children) else None
        if before is not None and after is not None and before.tag == after.tag == _q("w:tbl"):
            continue
        problems.append(Problem(
            "empty-paragraph",
            f"an empty paragraph used for spacing after “{_short(previous_text(element))}”"
            " (use space before or after in the style instead)",
        ))
    return problems


def _pictures(tree, where: str) -> list[Problem]:
    problems = []
    if tree is None:
        return problems
    for doc_pr in tree.iter(_q("wp:docPr")):
        if (doc_pr.get("descr") or "").strip():
            continue
        decorative = doc_pr.find(f".//{_q('adec:decorative')}")
        if decorative is not None and decorative.get("val") in ("1", "true"):
            continue
        name = doc_pr.get("name") or "a picture"
        problems.append(Problem("alt-text", f"picture “{name}” {where} has no alternative text"))
    return problems


__all__ = ["DocxCheckError", "Problem", "check_docx"]
