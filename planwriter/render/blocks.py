"""Document blocks: the neutral form every writer (Word, HTML preview) works from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting; ``"\\n"`` inside ``text`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    missing: bool = False  # a placeholder for information the case does not have yet


@dataclass
class Paragraph:
    runs: list[Run]
    style: str = "Normal"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Heading:
    runs: list[Run]
    level: int = 1  # 0 is the document title

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class ListItem:
    blocks: list[Block]


@dataclass
class ListBlock:
    items: list[ListItem]
    ordered: bool = False
    start: int = 1


@dataclass
class Table:
    header: list[list[Run]]
    rows: list[list[list[Run]]]
    widths: list[float] | None = None  # relative column widths, optional


@dataclass
class PageBreak:
    pass


Block = Paragraph | Heading | ListBlock | Table | PageBreak


@dataclass
class Document:
    """A rendered document: blocks plus what the writers need to label the file."""

    title: str
    blocks: list[Block]
    kind: str = "letter"
    template_id: str = ""
    author: str = ""
    subject: str = ""
    language: str = "en-US"
    missing: list[str] = field(default_factory=list)
    #: For each label in ``missing``, the field that fills it in (``child.date_of_birth``), where known.
    missing_fields: dict[str, str] = field(default_factory=dict)
    recipient: str = ""  # who the letter is addressed to, for the correspondence log
    response_due: datetime.date | None = None
    response_note: str = ""  # how the due date was worked out, in words
    #: From the deadline engine, to show before export (e.g. a private-placement notice given too late).
    deadline_warnings: list[str] = field(default_factory=list)
    #: Pages after the first carry this line at the top (the student's name and the date); empty: none.
    running_head: str = ""
    #: "Page {page} of {pages}" in the document's language, for a letterhead whose footer has no number.
    page_label: str = ""
    #: Alternative text for a letterhead's pictures that have none ("Letterhead of Rivera Advocacy").
    image_alt: str = ""
    #: Estimated length on paper: of the whole document, and of the letter before any attachment.
    estimated_pages: float = 0.0
    letter_pages: float = 0.0
    #: Headings of the attachments after the letter ("Attachment A — Concerns with examples").
    attachments: list[str] = field(default_factory=list)
    #: Spacing the writer uses: "normal", or "tight" to keep a letter that only just spills on one page.
    fit: str = "normal"

    def plain_text(self) -> str:
        """All text, paragraph by paragraph (for tests, search and the CLI)."""
        return "\n\n".join(_block_text(b) for b in self.blocks if not isinstance(b, PageBreak))


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph | Heading):
        return block.text
    if isinstance(block, ListBlock):
        return "\n\n".join(_block_text(b) for item in block.items for b in item.blocks)
    if isinstance(block, Table):
        cells = ["".join(r.text for r in cell) for cell in block.header]
        for row in block.rows:
            cells.extend("".join(r.text for r in cell) for cell in row)
        return "\n\n".join(cells)
    return ""


def runs(text: str, **style: bool) -> list[Run]:
    return [Run(text, **style)] if text else []
