"""Light markup (a Markdown subset) → document blocks, through markdown-it-py's real parser."""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from planwriter.render.blocks import Block, Heading, ListBlock, ListItem, PageBreak, Paragraph, Run, Table

#: Stands for a paragraph break inside user text; never a Markdown line ending.
PARAGRAPH_MARK = "\u2029"
#: Stands for a line break inside user text; never a Markdown line ending.
LINE_MARK = "\u2028"
#: Surround the label of information the case does not have yet.
MISSING_OPEN = "\ue000"
MISSING_CLOSE = "\ue001"

_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_MISSING = re.compile(f"{MISSING_OPEN}(.*?){MISSING_CLOSE}", re.S)


def escape(text: str) -> str:
    """Make ``text`` inert: it reads back verbatim and can never become markup.

    Every ASCII punctuation character is backslash-escaped (CommonMark allows this for all of
    them), line and paragraph breaks become private marks the block builder turns back into real
    breaks, and spaces at either end become character references so the parser keeps them.
    """
    text = text.replace(MISSING_OPEN, "").replace(MISSING_CLOSE, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\n\n", PARAGRAPH_MARK).replace("\n", LINE_MARK)
    text = _ASCII_PUNCTUATION.sub(r"\\\1", text)
    if text[:1].isascii() and text[:1].isdigit():
        # Digits are the one unescapable start of block markup: "000" followed by the template's own
        # "." or ")" would open an ordered list. A character reference is never a list marker.
        text = f"&#{ord(text[0])};{text[1:]}"
    stripped = text.strip(" \t")
    if stripped != text:
        lead = len(text) - len(text.lstrip(" \t"))
        trail = len(text) - len(text.rstrip(" \t"))
        body = text[lead : len(text) - trail] if trail else text[lead:]
        text = _entities(text[:lead]) + body + _entities(text[len(text) - trail :] if trail else "")
    return text


def _entities(spaces: str) -> str:
    return "".join("&#32;" if c == " " else "&#9;" for c in spaces)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def parse(markup: str) -> list[Block]:
    """Parse template output into blocks."""
    tokens = _parser().parse(markup)
    _column_widths(tokens, markup)
    blocks, _ = _blocks(tokens, 0, None)
    return blocks


def _column_widths(tokens: list[Token], markup: str) -> None:
    """Relative column widths from a table's delimiter row: ``|-----|--|`` makes the first column
    wider. Rows whose cells all have the same number of dashes leave the widths to the writer."""
    lines = markup.split("\n")
    for tok in tokens:
        if tok.type == "table_open" and tok.map and tok.map[0] + 1 < len(lines):
            cells = lines[tok.map[0] + 1].strip().strip("|").split("|")
            counts = [cell.count("-") for cell in cells]
            if len(set(counts)) > 1 and all(counts):
                tok.meta["widths"] = [float(c) for c in counts]


def _blocks(tokens: list[Token], i: int, stop: str | None, quote: bool = False) -> tuple[list[Block], int]:
    out: list[Block] = []
    while i < len(tokens):
        tok = tokens[i]
        if stop is not None and tok.type == stop:
            return out, i + 1
        if tok.type == "paragraph_open":
            inline = tokens[i + 1]
            style = "Quote" if quote else "Normal"
            out.extend(_paragraphs(_inline_runs(inline), style))
            i += 3
        elif tok.type == "heading_open":
            level = int(tok.tag[1:])
            runs = _inline_runs(tokens[i + 1])
            out.append(Heading(_flatten_breaks(runs), level=min(level, 3)))
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            ordered = tok.type == "ordered_list_open"
            start = int(tok.attrGet("start") or 1) if ordered else 1
            close = tok.type.replace("_open", "_close")
            items, i = _list_items(tokens, i + 1, close)
            out.append(ListBlock(items, ordered=ordered, start=start))
        elif tok.type == "blockquote_open":
            inner, i = _blocks(tokens, i + 1, "blockquote_close", quote=True)
            out.extend(inner)
        elif tok.type == "table_open":
            table, i = _table(tokens, i + 1)
            table.widths = tok.meta.get("widths")
            out.append(table)
        elif tok.type == "hr":
            out.append(PageBreak())
            i += 1
        elif tok.type in ("fence", "code_block"):
            # Templates never emit code; treat stray indented text as a plain paragraph.
            out.extend(_paragraphs([Run(tok.content.rstrip("\n"))], "Normal"))
            i += 1
        else:
            i += 1
    return out, i


def _list_items(tokens: list[Token], i: int, close: str) -> tuple[list[ListItem], int]:
    items: list[ListItem] = []
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == close:
            return items, i + 1
        if tok.type == "list_item_open":
            blocks, i = _blocks(tokens, i + 1, "list_item_close")
            items.append(ListItem(blocks))
        else:
            i += 1
    return items, i


def _table(tokens: list[Token], i: int) -> tuple[Table, int]:
    header: list[list[Run]] = []
    rows: list[list[list[Run]]] = []
    row: list[list[Run]] = []
    in_head = False
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "table_close":
            return Table(header, rows), i + 1
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(row)
        elif tok.type == "inline":
            # A cell holds one paragraph: user text's paragraph breaks become a blank line in it.
            row.append([Run(r.text.replace(PARAGRAPH_MARK, "\n\n"), r.bold, r.italic, r.missing)
                        for r in _inline_runs(tok)])
        i += 1
    return Table(header, rows), i


def _inline_runs(inline: Token) -> list[Run]:
    runs: list[Run] = []
    bold = italic = False
    for child in inline.children or []:
        kind = child.type
        if kind == "text" or kind == "code_inline":
            runs.extend(_split_missing(child.content, bold, italic))
        elif kind == "softbreak":
            runs.append(Run(" ", bold, italic))
        elif kind == "hardbreak":
            runs.append(Run("\n", bold, italic))
        elif kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
    return _merge(runs)


def _split_missing(text: str, bold: bool, italic: bool) -> list[Run]:
    text = text.replace(LINE_MARK, "\n")
    out: list[Run] = []
    pos = 0
    for match in _MISSING.finditer(text):
        if match.start() > pos:
            out.append(Run(text[pos : match.start()], bold, italic))
        out.append(Run(f"[{match.group(1)}]", bold, italic, missing=True))
        pos = match.end()
    if pos < len(text):
        out.append(Run(text[pos:], bold, italic))
    return out


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.missing) == (run.bold, run.italic, run.missing):
            merged[-1] = Run(last.text + run.text, run.bold, run.italic, run.missing)
        else:
            merged.append(run)
    return merged


def _paragraphs(runs: list[Run], style: str) -> list[Paragraph]:
    """Split a paragraph at the paragraph marks that came from user text."""
    paragraphs: list[list[Run]] = [[]]
    for run in runs:
        pieces = run.text.split(PARAGRAPH_MARK)
        for n, piece in enumerate(pieces):
            if n:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append(Run(piece, run.bold, run.italic, run.missing))
    return [Paragraph(p, style) for p in paragraphs if p]


def _flatten_breaks(runs: list[Run]) -> list[Run]:
    return [Run(r.text.replace(PARAGRAPH_MARK, " "), r.bold, r.italic, r.missing) for r in runs]
