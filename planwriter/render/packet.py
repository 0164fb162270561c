"""The meeting packet: one Word document assembled from a case, part by part, through the same engine.

Each part is a template in ``templates/<lang>/packet/`` (or, for the accommodation list, the proposed
goals and the goal review, the built-in document of that name), rendered to blocks in the sandbox and
written by the shared Word writer. Words the code places (part titles, the running header, "page N
of M") are in ``templates/<lang>/packet/words.toml``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from planwriter.core.keydates import DateKind, key_dates
from planwriter.core.model import AREA_LABELS, DELIVERY_LABELS, Case, PacketPart, SenderRole
from planwriter.core.paths import templates_dir
from planwriter.render.blocks import Block, Document, Heading, PageBreak, Run, Table
from planwriter.render.context import build_context
from planwriter.render.environment import collect_missing, long_date, stop_collecting
from planwriter.render.markup import parse
from planwriter.render.registry import Registry, Template, TemplateMeta

log = logging.getLogger(__name__)

PACKET_FOLDER = "packet"
WORDS_FILE = "words.toml"

#: Parts that reuse a built-in document when the case has what it needs (else their own template).
REUSED: dict[PacketPart, str] = {
    PacketPart.ACCOMMODATIONS: "accommodations",
    PacketPart.GOALS: "proposed-goals",
    PacketPart.GOAL_REVIEW: "goal-review",
}

#: Empty rows printed under the attendees and the agreements, to write in at the meeting.
BLANK_ROWS = {"attendees": 5, "agreements": 5}

#: Parts whose tables are filled in by hand: their rows are given room to write.
WRITING_PARTS = frozenset({PacketPart.QUESTIONS, PacketPart.NOTES})


class PartsError(ValueError):
    """A ``--parts`` list that names a part planwriter does not know; ``str()`` is one line."""


@dataclass
class WritingTable(Table):
    """A table filled in by hand at the meeting: each body row is at least ``row_height`` cm tall."""

    row_height: float = 1.4


@dataclass
class PacketDocument(Document):
    """A rendered packet: the blocks plus what the writer needs for the running header."""

    parts: list[str] = field(default_factory=list)
    has_cover: bool = False
    #: The running header's text, and the page-number line split around the two numbers.
    header_text: str = ""
    page_text: tuple[str, str, str] = ("", "", "")
    #: Alternative text for a letterhead picture that has none.
    image_alt: str = ""
    #: The part titles the cover's contents list names, in order (linked to the parts in Word).
    contents: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- words and templates


@lru_cache(maxsize=4)
def packet_words(language: str = "en") -> dict[str, Any]:
    """The words of ``templates/<language>/packet/words.toml`` (English when the language has none)."""
    path = _folder(language) / WORDS_FILE
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _folder(language: str) -> Path:
    folder = templates_dir() / language / PACKET_FOLDER
    return folder if folder.is_dir() else templates_dir() / "en" / PACKET_FOLDER


@lru_cache(maxsize=32)
def _part_template(language: str, part: PacketPart) -> Template:
    path = _folder(language) / f"_{part.value}.md.j2"
    body = path.read_text(encoding="utf-8")
    title = packet_words(language)["parts"][part.value]
    meta = TemplateMeta(id=f"packet-{part.value}", title=title, situation=title, kind="packet")
    return Template(meta, body, path, builtin=True, language=language)


def part_title(part: PacketPart, language: str = "en") -> str:
    return packet_words(language)["parts"][part.value]


def parse_parts(text: str) -> list[PacketPart]:
    """``"cover,about,notes"`` → parts in that order; unknown names raise :class:`PartsError`."""
    parts: list[PacketPart] = []
    for raw in text.replace(";", ",").split(","):
        name = raw.strip().lower().replace("_", "-").replace(" ", "-")
        if not name:
            continue
        try:
            part = PacketPart(name)
        except ValueError:
            known = ", ".join(p.value for p in PacketPart)
            raise PartsError(f"unknown packet part “{raw.strip()}” (parts: {known})") from None
        if part not in parts:
            parts.append(part)
    if not parts:
        raise PartsError("no packet parts given (parts: " + ", ".join(p.value for p in PacketPart) + ")")
    return parts


# --------------------------------------------------------------------------- data for the templates


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def packet_data(case: Case, today: dt.date, parts: Sequence[PacketPart], language: str = "en") -> dict[str, Any]:
    """Everything the packet's templates use beyond the usual case context, as plain data.

    Empty text is ``""`` and an unknown date is ``""`` so that templates can say plainly what is not
    filled in yet. Dates and overdue marks come from :func:`planwriter.core.keydates.key_dates`.
    """
    words = packet_words(language)
    meeting = case.meeting
    kind_label = ""
    if meeting.kind is not None:
        kind_label = meeting.kind_other if meeting.kind.value == "other" and meeting.kind_other else (
            words["meeting_kinds"][meeting.kind.value])
    sender = case.effective_sender()
    contact = " · ".join(p for p in (", ".join(sender.address.lines()), sender.phone, sender.email) if p)
    dates = key_dates(case, today)
    log_by_id = {entry.id: entry for entry in case.correspondence}
    unanswered = []
    for item in dates:
        if item.kind != DateKind.ANSWER_DUE or item.done or item.log_entry_id not in log_by_id:
            continue
        entry = log_by_id[item.log_entry_id]
        unanswered.append({"title": entry.title or entry.template_id, "sent": entry.date,
                           "recipient": entry.recipient, "due": item.date, "overdue": item.overdue})
    deadline_kinds = {DateKind.EVALUATION_DUE, DateKind.IEP_MEETING_DUE, DateKind.ANNUAL_REVIEW,
                      DateKind.REEVALUATION, DateKind.PROGRESS_REPORT}
    date_questions = [
        {"title": d.title, "date": d.date, "overdue": d.overdue, "estimate": d.estimate}
        for d in dates if d.kind in deadline_kinds and not d.done and (d.overdue or d.date >= today)
    ]
    family: dict[str, list[str]] = {}
    for question in case.family_questions:
        if question.text:
            family.setdefault(question.topic, []).append(question.text)
    goal_questions = []
    found = _school_goals(case)
    if found:
        from planwriter.core.goals.template_api import check_goal_data

        # The same goals and objectives, with the same labels, as the goal review finds.
        for number, item in enumerate(found, start=1):
            questions = check_goal_data(item.text)["questions"]
            if questions:
                goal_questions.append({"number": number, "label": item.label, "role": item.role,
                                       "questions": questions})
    exhibits = []
    sent_on = {entry.id: entry.date for entry in case.correspondence}
    for number, exhibit in enumerate(case.exhibits, start=1):
        exhibits.append({
            # A letter from the log is dated the day it was sent, unless the exhibit has its own date.
            "number": number, "title": exhibit.title,
            "date": exhibit.date or sent_on.get(exhibit.log_entry_id) or "",
            "description": exhibit.description, "file_name": exhibit.file_name,
            "appended": _appendable(case, exhibit.log_entry_id) is not None and case.packet.append_letters,
        })
    return {
        "title": words["packet_title"],
        "part_title": "",
        "contents": [words["parts"][p.value] for p in parts if p != PacketPart.COVER],
        "meeting": {
            "date": meeting_date(case) or "", "time": meeting.time, "place": meeting.place,
            "kind_label": kind_label, "notes": meeting.notes, "agenda": list(meeting.agenda),
            "attendees": [{"name": a.name, "role": a.role} for a in meeting.attendees if a.name or a.role],
        },
        "prepared_by": {
            "name": sender.name,
            "role_label": words["roles"][sender.role.value],
            "is_advocate": sender.role == SenderRole.ADVOCATE,
            "title": sender.title if sender.role == SenderRole.ADVOCATE else "",
            "organization": sender.organization if sender.role == SenderRole.ADVOCATE else "",
            "contact": contact,
        },
        "profile": case.profile.model_dump(),
        "present_levels": [
            {"area": AREA_LABELS[level.area], "measure": level.baseline_unit, "value": level.baseline_value,
             "date": level.baseline_date or "", "source": level.source, "summary": level.summary}
            for level in case.present_levels
            if level.summary or level.baseline_value or level.baseline_unit
        ],
        "dates": [
            {"date": d.date, "title": d.title, "kind": d.kind.value, "overdue": d.overdue, "done": d.done,
             "past": d.date < today, "state_rule": d.state_rule,
             "rule": d.rule, "source": d.source, "estimate": d.estimate, "estimate_reason": d.estimate_reason}
            for d in dates
        ],
        "log": [
            {"date": entry.date, "title": entry.title, "recipient": entry.recipient,
             "how": _delivery_word(entry.delivery_method),
             # The date the deadline engine works out now (key_dates), as the Key dates part says.
             "due": next((d.date for d in dates if d.log_entry_id == entry.id), entry.response_due) or "",
             "received": entry.response_received or "",
             "overdue": any(d.overdue for d in dates if d.log_entry_id == entry.id)}
            for entry in sorted(case.correspondence, key=lambda e: e.date)
        ],
        "exhibits": exhibits,
        "questions": {
            "goals": goal_questions,
            "unanswered": unanswered,
            "dates": date_questions,
            "family": [{"topic": topic, "questions": items} for topic, items in family.items()],
        },
        "agreements": agreements_data(case),
        "blank_rows": BLANK_ROWS,
    }


def agreements_data(case: Case) -> list[dict[str, Any]]:
    """What was agreed at the meeting, as plain data (the follow-up letter uses the same shape)."""
    return [
        {"what": a.what, "who": a.who, "by_when": a.by_when or "", "by_when_text": a.by_when_text}
        for a in case.agreements if a.what or a.who
    ]


def _delivery_word(method: Any) -> str:
    if method is None:
        return ""
    label = DELIVERY_LABELS[method]
    return label.split(",")[0]


def _school_goal_lines(case: Case) -> list[str]:
    """The school's pasted goals, one labelled line per goal or objective ("Goal 2: …", "Objective 2.1: …").

    The pasted text is split once (``documents.find_goals``, blank lines included); the goal review part
    gets these lines, so the review and the questions part read the same goals under the same labels."""
    if not case.school_goals.strip():
        return []
    from planwriter.core.goals.documents import find_goals

    return [f"{item.label}: {item.text}" for item in find_goals(case.school_goals)]


def _school_goals(case: Case) -> list:
    """The goals and objectives the goal review finds in :func:`_school_goal_lines` (``FoundGoal`` items)."""
    lines = _school_goal_lines(case)
    if not lines:
        return []
    from planwriter.core.goals.documents import find_goals

    return find_goals("\n".join(lines))


def meeting_date(case: Case) -> dt.date | None:
    """The date of the meeting the packet is for: the meeting's own date, else the "Next meeting" key date
    the family entered; None when neither is set. Every part of the packet (cover, running header, the
    reused documents) takes the date from here."""
    return case.meeting.date or case.key_dates.next_meeting_date


def _appendable(case: Case, log_entry_id: str):
    """The logged letter an exhibit refers to, if its text can be made again (a built-in template)."""
    if not log_entry_id:
        return None
    entry = next((e for e in case.correspondence if e.id == log_entry_id), None)
    if entry is None or not entry.template_id:
        return None
    return entry


# --------------------------------------------------------------------------- building


def build_packet(
    case: Case,
    *,
    parts: Iterable[PacketPart] | None = None,
    today: dt.date | None = None,
    registry: Registry | None = None,
    language: str = "en",
) -> PacketDocument:
    """Render the meeting packet for ``case`` into blocks.

    ``parts`` (default: the case's own choice, ``case.packet.chosen()``) gives the parts in order.
    ``today`` (default: the real date) is the date the packet is prepared on and the day key dates
    are judged against. Information the reused documents miss is listed in ``missing``; the packet
    is still made (a meeting packet is a working document), with the gaps highlighted.
    """
    from planwriter.render.engine import default_registry, render_document, render_template_text

    registry = registry or default_registry()
    today = today or dt.date.today()
    chosen = list(parts) if parts is not None else case.packet.chosen()
    words = packet_words(language)
    base = build_context(case, today=today)
    data = packet_data(case, today, chosen, language)
    base["packet"] = data
    missing: list[str] = []
    blocks: list[Block] = []
    for part in chosen:
        title = words["parts"][part.value]
        part_blocks = _reused(case, part, registry, today, missing, render_document)
        if part_blocks is None:
            data["part_title"] = title
            seen, token = collect_missing()
            try:
                markup = render_template_text(_part_template(language, part), base)
                part_blocks = parse(markup)
            finally:
                stop_collecting(token)
            missing.extend(m for m in seen if m not in missing)
        else:
            part_blocks = [Heading([Run(title)], level=1), *part_blocks]
        if part == PacketPart.COVER:
            part_blocks = _cover_title(part_blocks)
        if part in WRITING_PARTS:
            part_blocks = [_writing(b) for b in part_blocks]
        if blocks:
            blocks.append(PageBreak())
        blocks.extend(part_blocks)
        if part == PacketPart.EXHIBITS and case.packet.append_letters:
            blocks.extend(_appended_letters(case, registry, today, missing, render_document))
    child = case.child.short_name
    when = meeting_date(case)
    meeting = words["meeting_on"].format(date=long_date(when)) if when else words["meeting_not_set"]
    header = words["header"].format(child=child or words["child_not_set"], meeting=meeting)
    before, _, rest = words["page"].partition("{page}")
    middle, _, after = rest.partition("{pages}")
    sender = case.effective_sender()
    title = words["packet_title"] + (f" - {case.child.full_legal_name}" if case.child.full_legal_name else "")
    document = PacketDocument(
        title=title,
        blocks=blocks,
        kind="packet",
        template_id="meeting-packet",
        author=sender.name,
        subject=words["packet_title"],
        missing=missing,
        parts=[p.value for p in chosen],
        has_cover=bool(chosen) and chosen[0] == PacketPart.COVER,
        header_text=header,
        page_text=(before, middle, after),
        contents=list(data["contents"]) if chosen and chosen[0] == PacketPart.COVER else [],
        image_alt=(words["letterhead_alt"].format(name=sender.organization or sender.name)
                   if sender.organization or sender.name else words["letterhead_alt_unnamed"]),
    )
    log.debug("Built a meeting packet with %d parts (%d blocks)", len(chosen), len(blocks))
    return document


def _reused(case, part, registry, today, missing, render_document) -> list[Block] | None:
    """The body of the built-in document a part reuses, or None when the case lacks what it needs."""
    template_id = REUSED.get(part)
    if template_id is None:
        return None
    inputs: dict[str, Any] = {}
    if part == PacketPart.ACCOMMODATIONS:
        if not any(a.text for a in case.accommodations):
            return None
    elif part == PacketPart.GOALS:
        if not case.goals:
            return None
    elif part == PacketPart.GOAL_REVIEW:
        lines = _school_goal_lines(case)
        if not lines:
            return None
        inputs["school_goals"] = lines
    if meeting_date(case):
        inputs["meeting_date"] = meeting_date(case)
    document = render_document(case, template_id, inputs, registry=registry, today=today)
    missing.extend(m for m in document.missing if m not in missing)
    return [b for b in document.blocks if not (isinstance(b, Heading) and b.level == 0)]


def _appended_letters(case, registry, today, missing, render_document) -> list[Block]:
    """The text of each letter listed as an exhibit, made again from its saved answers."""
    from planwriter.render.letter import LetterOptions

    out: list[Block] = []
    words = packet_words()
    for number, exhibit in enumerate(case.exhibits, start=1):
        entry = _appendable(case, exhibit.log_entry_id)
        if entry is None or entry.template_id not in registry.templates:
            continue
        draft = case.letter_drafts.get(entry.template_id)
        options = LetterOptions(date=entry.date)
        inputs: dict[str, Any] = {}
        if draft is not None:
            options = LetterOptions(date=entry.date, recipient_id=draft.recipient_id, cc_ids=draft.cc_ids,
                                    delivery=draft.delivery, enclosures=list(draft.enclosures))
            template = registry.get(entry.template_id)
            inputs = {k: v for k, v in draft.inputs.items() if template.input(k) is not None}
        try:
            letter = render_document(case, entry.template_id, inputs, options, registry=registry, today=today)
        except ValueError as error:  # saved answers that no longer fit the letter's questions
            log.warning("Could not append a logged letter: %s", type(error).__name__)
            continue
        missing.extend(m for m in letter.missing if m not in missing)
        label = words["exhibit"].format(number=number, title=exhibit.title or entry.title)
        out.append(PageBreak())
        out.append(Heading([Run(label)], level=1))
        out.extend(_demoted(letter.blocks))
    return out


def _demoted(blocks: list[Block]) -> list[Block]:
    """Headings of an appended document sit below the exhibit's own heading."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(Heading(block.runs, level=min(max(block.level, 1) + 1, 3)))
        else:
            out.append(block)
    return out


def _cover_title(blocks: list[Block]) -> list[Block]:
    """The cover's first heading is the document's title."""
    out = list(blocks)
    for n, block in enumerate(out):
        if isinstance(block, Heading):
            out[n] = Heading(block.runs, level=0)
            break
    return out


def _writing(block: Block) -> Block:
    if isinstance(block, Table) and not isinstance(block, WritingTable):
        return WritingTable(header=block.header, rows=block.rows, widths=block.widths)
    return block


# --------------------------------------------------------------------------- writing


def write_packet(
    document: PacketDocument,
    path: str | os.PathLike[str],
    *,
    letterhead: str | os.PathLike[str] | None = None,
) -> Path:
    """Write a packet to ``path`` (atomically), with the letterhead's header on the cover if given."""
    from planwriter.render.packet_docx import PacketWriter

    return PacketWriter(letterhead=Path(letterhead) if letterhead else None).write(document, Path(path))


def packet_bytes(document: PacketDocument, *, letterhead: str | os.PathLike[str] | None = None) -> bytes:
    from planwriter.render.packet_docx import PacketWriter

    return PacketWriter(letterhead=Path(letterhead) if letterhead else None).to_bytes(document)


def export_packet(
    case: Case,
    path: str | os.PathLike[str],
    *,
    parts: Iterable[PacketPart] | None = None,
    today: dt.date | None = None,
    registry: Registry | None = None,
    letterhead: str | os.PathLike[str] | None = None,
) -> PacketDocument:
    """Build and write in one step; returns the built packet."""
    document = build_packet(case, parts=parts, today=today, registry=registry)
    write_packet(document, path, letterhead=letterhead)
    return document


__all__ = [
    "BLANK_ROWS", "PacketDocument", "PartsError", "WritingTable", "agreements_data", "build_packet",
    "export_packet", "meeting_date", "packet_bytes", "packet_data", "packet_words", "parse_parts", "part_title",
    "write_packet",
]
