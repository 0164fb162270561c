"""Renders and exports every built-in document for one case (``demo`` and ``--self-test`` use it)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from planwriter.core.model import Case
from planwriter.render.engine import default_registry, export
from planwriter.render.registry import Registry

log = logging.getLogger(__name__)


#: The longest file name planwriter suggests (characters, extension included). Most systems allow 255
#: bytes per name, and a name in a deep folder must still fit the whole path's limit on Windows.
MAX_NAME_CHARS = 120
#: The most bytes (UTF-8) a suggested name takes; 255 is the common limit, "(2)" may be added.
MAX_NAME_BYTES = 240

#: Characters that never go into a file name: they reorder or hide text (bidi controls such as U+202E,
#: zero-width marks) or are not allowed on some system.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060"
    "\u2066\u2067\u2068\u2069\ufeff"
)


def safe_file_name(text: str) -> str:
    """A file name every platform accepts, made from a document title: no characters Windows forbids,
    no control, bidi or zero-width characters, no leading or trailing dots and spaces."""
    import unicodedata

    bad = '<>:"/\\|?*'
    out = []
    for c in text:
        if c in _INVISIBLE or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(" " if c in "\t\n\r\u2028\u2029" else "")
        elif c in bad:
            out.append("-")
        else:
            out.append(c)
    return " ".join("".join(out).split()).strip(" .") or "document"


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a word when there is one in the second half."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" .-,")


def suggested_file_name(title: str, child_name: str, date: dt.date | None = None, suffix: str = ".docx") -> str:
    """``2026-11-28 Request for an initial evaluation - Alex Rivera.docx``.

    At most :data:`MAX_NAME_CHARS` characters and :data:`MAX_NAME_BYTES` bytes in UTF-8: a long title
    or name is cut at a word (the child's name first, then the title), always keeping the date in front
    and the extension. Control and bidi characters are dropped (see :func:`safe_file_name`).
    """
    date = date or dt.date.today()
    head = date.isoformat() + " "
    title = safe_file_name(title)
    child = safe_file_name(child_name) if child_name and child_name.strip() else ""
    room = MAX_NAME_CHARS - len(head) - len(suffix)
    while True:
        name = _fit(title, child, room)
        full = safe_file_name(head + name) + suffix
        if len(full.encode("utf-8")) <= MAX_NAME_BYTES or room <= 20:
            return full
        room -= 10  # letters of several bytes each (accents, other scripts): shorter still


def _fit(title: str, child: str, room: int) -> str:
    if child and len(title) + 3 + len(child) > room:
        # The child's name gets what the title leaves, but never less than a quarter of the room.
        child = _cut(child, max(room // 4, room - 3 - len(title)))
    if child:
        return f"{_cut(title, room - 3 - len(child))} - {child}"
    return _cut(title, room)


def free_path(path: Path, used: set[Path] | None = None) -> Path:
    """``path``, or ``name (2).docx``, ``name (3).docx`` … when a file of that name exists already or
    ``used`` holds it (an earlier file of the same batch): an export never replaces a file. The path
    returned is added to ``used``."""
    used = used if used is not None else set()
    candidate, n = path, 2
    while candidate in used or candidate.exists():
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    used.add(candidate)
    return candidate


@dataclass
class Exported:
    template_id: str
    title: str
    path: Path


def export_all(
    case: Case,
    folder: Path,
    *,
    registry: Registry | None = None,
    today: dt.date | None = None,
) -> list[Exported]:
    """Export every built-in template for ``case`` into ``folder``, each with its sample inputs."""
    registry = registry or default_registry()
    today = today or dt.date.today()
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Exported] = []
    for template in registry.all():
        if not template.builtin:
            continue
        path = folder / suggested_file_name(template.meta.title, case.child.short_name, today)
        export(case, template.id, path, template.meta.sample_inputs, registry=registry, today=today)
        written.append(Exported(template.id, template.meta.title, path))
    log.info("Exported %d built-in documents", len(written))
    return written


def export_story(
    case: Case,
    folder: Path,
    *,
    registry: Registry | None = None,
    today: dt.date | None = None,
    documents: bool = True,
) -> list[Exported]:
    """Export the letters a case has drafts for, each with its saved answers, date, copies and
    delivery, plus (``documents``) the built-in documents that are not letters (lists, goals).

    ``demo`` uses it so that each sample case gets only the letters that fit its story.
    """
    from planwriter.render.letter import LetterOptions
    from planwriter.render.registry import Kind

    registry = registry or default_registry()
    today = today or dt.date.today()
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Exported] = []
    for template in registry.all():
        if not template.builtin:
            continue
        draft = case.letter_drafts.get(template.id)
        if template.meta.kind == Kind.LETTER and draft is None:
            continue
        if template.meta.kind != Kind.LETTER and not documents:
            continue
        inputs = dict(draft.inputs) if draft else template.meta.sample_inputs
        options = None
        if draft is not None:
            options = LetterOptions(date=draft.date, recipient_id=draft.recipient_id,
                                    cc_ids=draft.cc_ids or None, delivery=draft.delivery,
                                    enclosures=list(draft.enclosures), signer_ids=draft.signer_ids)
        date = (draft.date if draft and draft.date else None) or today
        path = folder / suggested_file_name(template.meta.title, case.child.short_name, date)
        export(case, template.id, path, inputs, options, registry=registry, today=today)
        written.append(Exported(template.id, template.meta.title, path))
    log.info("Exported %d documents of a sample story", len(written))
    return written
