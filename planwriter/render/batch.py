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


def safe_file_name(text: str) -> str:
    """A file name every platform accepts, made from a document title."""
    bad = '<>:"/\\|?*'
    cleaned = "".join("-" if c in bad or ord(c) < 32 else c for c in text)
    return " ".join(cleaned.split()).strip(" .") or "document"


def suggested_file_name(title: str, child_name: str, date: dt.date | None = None) -> str:
    """``2026-11-28 Request for an initial evaluation - Alex Rivera.docx``."""
    date = date or dt.date.today()
    name = f"{date.isoformat()} {title}" + (f" - {child_name}" if child_name else "")
    return safe_file_name(name) + ".docx"


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
