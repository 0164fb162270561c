"""How long a document runs on paper (an estimate), and the words of the letter's frame from ``frame.toml``.

The estimate counts wrapped lines per paragraph style with the metrics of ``templates/reference.docx``
(US Letter, 1" side and 0.9" top and bottom margins, Calibri 11 pt), calibrated against the page counts
LibreOffice gives for the built-in letters (``tests/test_libreoffice.py``). It is quick enough to run on
every preview, and good to about a fifth of a page.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache

from planwriter.core.paths import templates_dir
from planwriter.render.blocks import Block, Heading, ListBlock, PageBreak, Paragraph, Table

#: A letter longer than this (in pages, before any attachment) gets a warning before export.
LETTER_PAGE_LIMIT = 2.0
#: A letter that only just spills onto a second page (up to this many) is set tighter to fit one.
TIGHT_UP_TO = 1.25
#: Above this a letter is set tighter even though the estimate says it fits: the estimate's margin.
TIGHT_FROM = 0.96
#: A long answer (long text) longer than this many characters moves to an attachment in a long letter.
LONG_TEXT_CHARS = 600
#: The opening kept in the letter is at most this many characters.
SUMMARY_CHARS = 280
#: Estimated heights times this match LibreOffice's pages (measured on the built-in letters).
CALIBRATION = 0.93

FRAME_FILE = "frame.toml"


@dataclass(frozen=True)
class StyleMetrics:
    """What one paragraph style takes on the page, in points."""

    size: float = 11.0
    before: float = 0.0
    after: float = 8.0
    spacing: float = 1.08  # line spacing multiple
    indent: float = 0.0  # left indent

    @property
    def line(self) -> float:
        return self.size * 1.22 * self.spacing


#: The reference document's styles (see packaging/make_reference_docx.py).
METRICS: dict[str, StyleMetrics] = {
    "Normal": StyleMetrics(),
    "Quote": StyleMetrics(indent=36.0),
    "List": StyleMetrics(after=4.0, indent=18.0),
    "List 2": StyleMetrics(after=4.0, indent=36.0),
    "Sender": StyleMetrics(after=14.0, spacing=1.0),
    "Letter Date": StyleMetrics(after=10.0, spacing=1.0),
    "Delivery": StyleMetrics(size=10.0, after=10.0, spacing=1.0),
    "Recipient": StyleMetrics(after=14.0, spacing=1.0),
    "Subject": StyleMetrics(after=12.0, spacing=1.0),
    "Salutation": StyleMetrics(after=8.0, spacing=1.0),
    "Closing": StyleMetrics(before=0.0, after=30.0, spacing=1.0),
    "Signature": StyleMetrics(after=14.0, spacing=1.0),
    "Letter Note": StyleMetrics(size=10.0, after=4.0, spacing=1.0),
    "Title": StyleMetrics(size=20.0, after=10.0, spacing=1.0),
    "Heading 1": StyleMetrics(size=14.0, before=14.0, after=4.0, spacing=1.0),
    "Heading 2": StyleMetrics(size=12.0, before=10.0, after=4.0, spacing=1.0),
    "Heading 3": StyleMetrics(size=11.0, before=8.0, after=4.0, spacing=1.0),
    "Table Text": StyleMetrics(size=10.0, before=2.0, after=2.0, spacing=1.0),
}

#: Text width and height of a page, in points (8.5" × 11" less the margins).
PAGE_WIDTH = 6.5 * 72
PAGE_HEIGHT = 9.2 * 72
#: Average width of a character of running text, as a share of the font size (Calibri).
CHAR_WIDTH = 0.47


def _lines(text: str, metrics: StyleMetrics, width: float = PAGE_WIDTH) -> int:
    per_line = max(10, int((width - metrics.indent) / (metrics.size * CHAR_WIDTH)))
    return sum(max(1, math.ceil(len(piece) / per_line)) for piece in text.split("\n"))


def _height(text: str, style: str) -> float:
    metrics = METRICS.get(style, METRICS["Normal"])
    return metrics.before + _lines(text, metrics) * metrics.line + metrics.after


def _block_height(block: Block, depth: int = 0) -> float:
    if isinstance(block, Heading):
        return _height(block.text, "Title" if block.level == 0 else f"Heading {block.level}")
    if isinstance(block, Paragraph):
        return _height(block.text, block.style)
    if isinstance(block, ListBlock):
        style = "List" if depth == 0 else "List 2"
        total = 0.0
        for item in block.items:
            for inner in item.blocks:
                if isinstance(inner, Paragraph):
                    total += _height(inner.text, style)
                else:
                    total += _block_height(inner, depth + 1)
        return total
    if isinstance(block, Table):
        columns = max([len(block.header)] + [len(r) for r in block.rows]) or 1
        width = PAGE_WIDTH / columns
        metrics = METRICS["Table Text"]
        total = 0.0
        for row in [block.header, *block.rows]:
            tallest = max((_lines("".join(r.text for r in cell), metrics, width) for cell in row), default=1)
            total += tallest * metrics.line + metrics.before + metrics.after
        return total + 10.0
    return 0.0


def estimate_pages(blocks: list[Block]) -> tuple[float, float]:
    """(pages of the whole document, pages before the first page break), as fractions of a page.

    A page break starts a new page, so the whole is at least the whole pages before it plus the rest.
    """
    used = 0.0
    pages = 0.0
    first: float | None = None
    for block in blocks:
        if isinstance(block, PageBreak):
            part = used / PAGE_HEIGHT
            if first is None:
                first = part
            pages += max(1.0, math.ceil(part * CALIBRATION - 1e-9))
            used = 0.0
            continue
        used += _block_height(block)
    last = used / PAGE_HEIGHT
    if first is None:
        return last * CALIBRATION, last * CALIBRATION
    return pages + last * CALIBRATION, first * CALIBRATION


def opening(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first sentence of ``text`` (verbatim) when it is short enough, else its first words and "…"."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    for n, char in enumerate(first[:limit]):
        if char in ".!?" and (n + 1 == len(first) or first[n + 1] == " ") and n >= 20:
            return first[: n + 1]
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


@cache
def frame_words(language: str = "en") -> dict[str, str]:
    """The frame's words for ``language`` (``templates/<language>/frame.toml``), English as fallback.

    Raises ``OSError``/``tomllib.TOMLDecodeError`` only for a damaged installation.
    """
    path = templates_dir() / language / FRAME_FILE
    if not path.is_file():
        path = templates_dir() / "en" / FRAME_FILE
    with path.open("rb") as handle:
        return {str(k): str(v) for k, v in tomllib.load(handle).items()}


def attachment_letter(index: int) -> str:
    """0 → "A", 1 → "B", … 25 → "Z", 26 → "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


__all__ = [
    "LETTER_PAGE_LIMIT",
    "LONG_TEXT_CHARS",
    "TIGHT_FROM",
    "TIGHT_UP_TO",
    "attachment_letter",
    "estimate_pages",
    "frame_words",
    "opening",
]
