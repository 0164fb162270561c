"""The school's goals as they arrive: text from a draft IEP (PDF or Word) or a paste, split into goals.

``read_document(path) -> str`` gets the text of a ``.pdf`` (text-based; read with pypdfium2, or pypdf), ``.docx``,
``.txt`` or ``.md`` file; ``find_goals(text, document=...) -> list[FoundGoal]`` splits text into the
annual goals and their short-term objectives or benchmarks, joining the lines a page wrapped.

Both run in time linear in the length of the text (each line is looked at a fixed number of times).
Errors: ``DocumentError`` with a message a parent can read (scanned PDF without text, password,
unknown file type, unreadable file).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

#: Files the goal review reads.
SUFFIXES = (".pdf", ".docx", ".txt", ".md")
#: A document larger than this is not a draft IEP (bytes).
MAX_FILE_BYTES = 50 * 1024 * 1024


class DocumentError(ValueError):
    """The file cannot be read as a draft IEP; the message says why in plain words."""


@dataclass
class FoundGoal:
    """One goal or objective found in a document."""

    text: str
    #: "Annual goal 2", "Objective 2.1", "Goal 3" ... as the document numbers it, or by position.
    label: str
    #: ``goal`` for an annual (or postsecondary) goal, ``objective`` for a short-term objective or benchmark.
    role: str = "goal"
    #: For an objective, the position (0-based) of its annual goal in the list; -1 otherwise.
    parent: int = -1


# --------------------------------------------------------------------------- reading files


def read_document(path: str | Path) -> str:
    """The text of a draft IEP or a text file, one line per line of the original.

    Raises ``DocumentError`` for an unknown type, an unreadable or locked file, or a PDF that has no
    text (a scan).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError(f"“{path.name}” is not a PDF, Word (.docx) or text file; save the draft IEP as one "
                            "of those and try again.")
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DocumentError(f"“{path.name}” cannot be opened: {error.strerror or error}.") from None
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"“{path.name}” is too large to be a draft IEP.")
    if suffix == ".pdf":
        return _read_pdf(path)
    if suffix == ".docx":
        return _read_docx(path)
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as error:
        raise DocumentError(f"“{path.name}” cannot be read: {error.strerror or error}.") from None


def _read_pdf(path: Path) -> str:
    """Text of each page: with pypdfium2 when it is installed (about 4 ms a page), otherwise with pypdf
    (about 70 ms a page: a 40-page draft IEP takes nearly 3 s)."""
    try:
        import pypdfium2
    except ImportError:  # pragma: no cover - pypdfium2 is a dependency; pypdf is the fallback
        text = _read_pdf_pypdf(path)
    else:
        text = _read_pdf_pdfium(path, pypdfium2)
    if len(re.sub(r"\W", "", text)) < 20:
        raise DocumentError(
            f"“{path.name}” has no text in it that can be read: it looks like a scan (a picture of each page). "
            "Ask the school for the Word file or a PDF saved from Word, or type or paste the goals instead.")
    return text


def _locked(path: Path) -> DocumentError:
    return DocumentError(f"“{path.name}” is locked with a password. Ask the school for a copy without a password, "
                         "or for the Word file.")


def _read_pdf_pdfium(path: Path, pdfium) -> str:
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise _locked(path) from None
        raise DocumentError(f"“{path.name}” could not be read as a PDF ({error}).") from None
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except pdfium.PdfiumError as error:
        raise DocumentError(f"“{path.name}” could not be read as a PDF ({error}).") from None
    finally:
        document.close()
    return "\n\n".join(pages)


def _read_pdf_pypdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # any failure to decrypt means we cannot read it
                raise _locked(path) from None
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except DocumentError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as error:
        raise DocumentError(f"“{path.name}” could not be read as a PDF ({error}).") from None


def _read_docx(path: Path) -> str:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise DocumentError(f"“{path.name}” is not a Word document, although its name ends in .docx (it may be "
                            "another kind of file renamed); open it in Word and save it as a .docx file.") from None
    except OSError as error:
        raise DocumentError(f"“{path.name}” cannot be opened: {error.strerror or error}.") from None
    lines: list[str] = []
    # Paragraphs and tables in the order they appear (goal forms are often tables).
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _para_text(child)
            # A bulleted or numbered paragraph (a list style, or numbering of its own) starts an item.
            if text.strip() and _is_list_item(child) and not _NUMBERED.match(text):
                text = "• " + text.strip()
            lines.append(text)
        elif tag == "tbl":
            lines.extend(_table_lines(child))
            lines.append("")
    return "\n".join(lines)


def _para_text(element) -> str:
    return "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))


def _is_list_item(paragraph) -> bool:
    """Whether a Word paragraph is a list item: it has numbering of its own or a list style."""
    for element in paragraph.iter():
        name = _local(element)
        if name == "numPr":
            return True
        if name == "pStyle":
            style = next((v for k, v in element.attrib.items() if k.endswith("}val")), "")
            if style.lower().startswith(("listbullet", "listnumber", "list bullet", "list number")):
                return True
    return False


def _local(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _table_lines(table) -> list[str]:
    """A table's text. A goal form with a header row ("Annual goal | Criteria | Evaluation procedures |
    Schedule") gives one paragraph per row with the other columns as fields ("Criteria: …"), so the
    criterion and method written in their own columns stay with the goal."""
    rows: list[list[str]] = []
    for row in (r for r in table.iterchildren() if _local(r) == "tr"):
        cells = []
        for cell in (c for c in row.iterchildren() if _local(c) == "tc"):
            paragraphs = [_para_text(p) for p in cell.iter() if _local(p) == "p"]
            cells.append(" ".join(p.strip() for p in paragraphs if p.strip()))
        rows.append(cells)
    if not rows:
        return []
    header = rows[0]
    is_form = (len(header) >= 2 and all(len(h) <= 40 and not _GOALISH.search(h) for h in header)
               and re.search(r"(?i)goal|objective|benchmark", header[0] or "")
               and any(re.search(r"(?i)criteri|evaluat|method|measure|schedule|date|procedure", h) for h in header))
    lines: list[str] = []
    if is_form:
        for cells in rows[1:]:
            if not cells or not cells[0].strip():
                continue
            pairs = zip(header[1:], cells[1:], strict=False)
            fields = [f"{name.strip().rstrip(':')}: {value}" for name, value in pairs if value.strip()]
            text = cells[0].strip()
            lines.append(text if not fields else f"{text.rstrip('.')}. " + ". ".join(fields))
            lines.append("")
        return lines
    for cells in rows:
        for cell in cells:
            if cell.strip():
                lines.append(cell)
                lines.append("")
    return lines


# --------------------------------------------------------------------------- finding goals

_GOAL_LABEL = re.compile(
    r"^\s*(?:measurable\s+)?(?:annual|postsecondary|post-secondary|transition)?\s*goal\s*(?:#|no\.?|number)?\s*"
    r"(?P<num>\d{1,3}[a-z]?)?\s*(?:[:.)\-–]\s*|\s+(?=[A-Z(\[_]))",
    re.IGNORECASE)
_OBJECTIVE_LABEL = re.compile(
    r"^\s*(?:short[\s-]term\s+)?(?:objective|benchmark|sto)s?\s*(?:#|no\.?)?\s*(?P<num>\d{1,3}(?:\.\d{1,2})?[a-z]?)?"
    r"\s*(?:[:.)\-–]\s*|\s+(?=[A-Z(\[_]))",
    re.IGNORECASE)
#: A heading that starts the objectives of the goal above ("Short-term objectives:", "Benchmarks").
_OBJECTIVES_HEADING = re.compile(r"^\s*(?:short[\s-]term\s+objectives?|objectives?|benchmarks?|"
                                 r"short[\s-]term\s+objectives?\s*(?:/|or|and)\s*benchmarks?)"
                                 r"(?:\s*\([^()]{0,60}\))?\s*:?\s*$", re.IGNORECASE)
#: A goal's heading that names only its area ("Goal 1: Reading"); the goal itself follows.
_AREA_NAME = re.compile(
    # A few words without digits or sentence punctuation, not the start of a goal a column wrapped ("By June").
    r"^(?!(?i:by|within|in|during|given|when|after|upon|using|with|before|following|while|for|the|student)\b)"
    r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ/&'’ -]{0,39}$")
#: The baseline line above a goal in planwriter's own goals document ("Where Alex is now (baseline): …").
_BASELINE_LINE = re.compile(r"^\s*where\s+[\w'’ -]{1,40}\s+(?:is|are)\s+now\b[^:]{0,30}:", re.IGNORECASE)
#: Lines after a goal's objectives that belong to the goal, not to its last objective.
_GOAL_FIELD = re.compile(r"^\s*(?:how\s+progress\s+will\s+be\s+measured|progress\s+report(?:s|ing)?)\s*:",
                         re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?:\(?(?P<num>\d{1,2}(?:\.\d{1,2})?)[.)]|\(?(?P<letter>[a-h])[.)]|[•▪◦●\-*–])\s+")
#: Lines of a goal form that belong to the goal above them.
_FIELD = re.compile(
    r"^\s*(?:target|end|completion|anticipated|projected|mastery|goal|due)?\s*(?:completion\s+)?date\s*:"
    r"|^\s*(?:evaluation|assessment|measurement|monitoring|data\s+collection)(?:\s+(?:procedures?|methods?|"
    r"schedule|tools?|plan))?\s*:"
    r"|^\s*(?:mastery\s+)?criteri(?:a|on)\s*:|^\s*baseline\s*:|^\s*(?:how\s+progress\s+will\s+be\s+measured|"
    r"method\s+of\s+measurement|evaluation\s+criteria|schedule|progress\s+reporting|progress\s+reports)\s*:",
    re.IGNORECASE)
#: A short heading or label line that is not part of a goal ("Area: Reading", "Measurable Annual Goals").
_HEADING = re.compile(
    # Not the start of a goal wrapped by a narrow column ("By June 2027, given a", "When given 20").
    r"^(?!(?i:by|within|in|during|given|when|after|upon|using|with|before|following|while|for)\b)"
    r"(?:[A-Z][\w/&()' -]{0,40}:\s*[\w/&,()' -]{0,40}|[A-Z][\w/&()' -]{0,60}:?)$")
#: "Progress will be reported …", "Services will be provided …": about the paperwork, not the child.
_ABOUT_PAPERWORK = re.compile(r"\bwill\s+(?:be\s+)?(?:reported|measured|monitored|provided|sent|shared|reviewed|"
                              r"collected|given|held|updated|scheduled|documented|discussed)\b", re.IGNORECASE)
_PAGE_LINE = re.compile(r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+|-\s*\d+\s*-)\s*$", re.IGNORECASE)
#: The child's part of a goal: "will", or a shorthand subject.
_GOALISH = re.compile(r"\b(?:will|shall|tsw|swbat|tswbat|tlw)\b|\bs\.w\.b\.a\.t\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;]\s*[\"”')\]]?\s*$")


def _clean_lines(text: str) -> list[str]:
    """Lines without page numbers and without headers or footers repeated on many pages."""
    lines = [line.replace("\u00a0", " ").rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n")
             .split("\n")]
    counts = Counter(line.strip() for line in lines if 0 < len(line.strip()) < 90)
    pages = text.count("\f") + 1 if "\f" in text else max(1, text.count("\n\n\n"))
    repeated = {line for line, n in counts.items() if n >= 3 and not _GOALISH.search(line) and pages >= 3}
    out: list[str] = []
    for line in lines:
        stripped = line.strip().replace("\f", "")
        if _PAGE_LINE.match(stripped) or stripped in repeated:
            continue
        out.append(stripped)
    return out


def _join(lines: list[str]) -> str:
    """Lines a page wrapped, as one paragraph: a hyphen at a line end joins without a space."""
    text = ""
    for line in lines:
        if not line:
            continue
        if text.endswith("-") and not text.endswith(" -"):
            text += line
        elif text:
            text += " " + line
        else:
            text = line
    return " ".join(text.split())


@dataclass
class _Block:
    lines: list[str]
    label: str = ""
    role: str = "goal"
    number: str = ""
    #: Started by a "Goal 2:" or "Objective 1.1" label (not by position).
    labeled: bool = False
    #: The area named by a heading such as "Goal 1: Reading", kept as the goal's text if no goal follows it.
    heading: str = ""

    def done(self) -> bool:
        return bool(self.lines or self.heading)

    def finish(self) -> _Block:
        if not self.lines and self.heading:
            self.lines = [self.heading]
        return self


def _starts_goal(line: str, previous: str) -> bool:
    """A line that starts a new goal in pasted text without labels: the line before ended a sentence and this
    one reads like a goal of its own (it has "will" near its start, or starts with "By <date>")."""
    if not previous or not _SENTENCE_END.search(previous):
        return False
    if not line[:1].isupper() and not line[:1].isdigit():
        return False
    head = line[:120]
    return bool(_GOALISH.search(head) or re.match(r"(?i)(?:by|within|in|during|given|when)\b", head))


def find_goals(text: str, *, document: bool = False) -> list[FoundGoal]:
    """The goals and objectives in ``text``.

    Splits at blank lines, numbering, bullets and labels ("Annual goal 2:", "Objective 1.1", "Benchmark b)");
    joins lines a page wrapped; keeps form fields ("Target date:", "Evaluation procedures:", "Criteria:") with
    the goal above them. With ``document=True`` (a whole draft IEP) only blocks that read like goals are kept
    (they say "will", or carry a goal or objective label); pasted text keeps every block.
    """
    blocks: list[_Block] = []
    current: _Block | None = None
    in_objectives = False
    previous = ""

    def close() -> None:
        if current is not None and current.done():
            blocks.append(current.finish())

    for line in _clean_lines(text or ""):
        if not line:
            if current is not None and current.lines:
                blocks.append(current.finish())
                current = None
            previous = ""
            continue
        if _OBJECTIVES_HEADING.match(line):
            close()
            current = None
            in_objectives = True
            previous = ""
            continue
        if _BASELINE_LINE.match(line):
            continue  # the starting level printed above a goal: not part of the goal's words
        if in_objectives and _GOAL_FIELD.match(line):
            goal_block = next((b for b in reversed([*blocks, *([current] if current else [])]) if b.role == "goal"),
                              None)
            if goal_block is not None:
                goal_block.lines.append(line)
                previous = line
                continue
        if _FIELD.match(line) and (current is not None or blocks):
            if current is None:
                current = blocks.pop()
            current.lines.append(line)
            previous = line
            continue
        goal_heading = _GOAL_LABEL.match(line)
        rest = line[goal_heading.end():].strip() if goal_heading else ""
        if goal_heading and _AREA_NAME.match(rest) and not _GOALISH.search(rest) and not _OBJECTIVE_LABEL.match(line):
            # "Goal 1: Reading": the goal's number and area; its words follow ("Goal: By June …").
            close()
            current = _Block([], role="goal", number=goal_heading.group("num") or "", labeled=True, heading=rest)
            in_objectives = False
            previous = ""
            continue
        if document and _HEADING.match(line) and not _GOALISH.search(line) and not _NUMBERED.match(line) \
                and not _GOAL_LABEL.match(line) and not _OBJECTIVE_LABEL.match(line):
            close()
            current = None
            previous = ""
            continue
        objective = _OBJECTIVE_LABEL.match(line)
        goal = None if objective else _GOAL_LABEL.match(line)
        if goal and not goal.group("num") and current is not None and current.heading and not current.lines:
            # "Goal: …" under a "Goal 1: Reading" heading: the words of that goal.
            line = line[goal.end():]
            goal = None
            starts = False
            numbered = None
        else:
            numbered = None if (objective or goal) else _NUMBERED.match(line)
            starts = bool(objective or goal or numbered) or (current is not None and _starts_goal(line, previous))
        if starts:
            close()
            current = _Block([], role="objective" if in_objectives else "goal")
            if objective:
                current.role, current.number = "objective", objective.group("num") or ""
                current.labeled = True
                line = line[objective.end():]
            elif goal:
                current.role, current.number = "goal", goal.group("num") or ""
                current.labeled = True
                in_objectives = False
                line = line[goal.end():]
            elif numbered:
                current.role = "objective" if in_objectives or numbered.group("letter") or (
                    numbered.group("num") and "." in numbered.group("num")) else "goal"
                current.number = numbered.group("num") or numbered.group("letter") or ""
                line = line[numbered.end():]
        if current is None:
            current = _Block([], role="objective" if in_objectives else "goal")
        if line.strip():
            current.lines.append(line.strip())
        previous = line
    close()
    return _label(blocks, document)


def _label(blocks: list[_Block], document: bool) -> list[FoundGoal]:
    found: list[FoundGoal] = []
    goal_count = 0
    objective_count = 0
    parent = -1
    # In a document whose goals carry labels, what comes before the first labelled goal is an introduction.
    first_labeled = next((n for n, b in enumerate(blocks) if b.labeled and b.role == "goal"), None)
    for position, block in enumerate(blocks):
        text = _join(block.lines)
        if not text:
            continue
        if document and first_labeled is not None and position < first_labeled and not block.labeled:
            continue
        if document and not block.number and (not _GOALISH.search(text) or (
                _ABOUT_PAPERWORK.search(text) and len(_GOALISH.findall(text)) == len(_ABOUT_PAPERWORK.findall(text)))):
            continue  # a heading, the present levels, how progress is reported ... not a goal
        if document and block.role == "objective" and not _GOALISH.search(text) and len(text) < 25:
            continue
        if block.role == "objective" and parent >= 0:
            objective_count += 1
            number = block.number or f"{goal_count}.{objective_count}"
            found.append(FoundGoal(text, f"Objective {number}", "objective", parent))
            continue
        goal_count += 1
        objective_count = 0
        parent = len(found)
        number = block.number or str(goal_count)
        found.append(FoundGoal(text, f"Goal {number}", "goal", -1))
    return found


def goals_from_file(path: str | Path) -> list[FoundGoal]:
    """The goals and objectives in a draft IEP file (see ``read_document`` and ``find_goals``)."""
    return find_goals(read_document(path), document=True)
