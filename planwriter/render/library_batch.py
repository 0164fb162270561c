"""Batch export: one document (a letter, the accommodation list, or the meeting packet) for each of
several cases, into one folder, with a report of what could not be made and why.

Used by the case library window and by ``planwriter-cli render --outdir`` / ``packet --outdir``
alike. Each case is read from its file (never written), its sender profile applied
(:func:`planwriter.core.profiles.for_rendering`), and its saved answers for that letter used.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwriter.core.profiles import ProfileBook, for_rendering

log = logging.getLogger(__name__)

#: The id the batch uses for the meeting packet (it is not a letter template).
PACKET = "packet"


@dataclass
class BatchItem:
    """The outcome for one case: ``output`` when a file was written, else ``problem`` says why not.
    ``missing`` lists what the document still asks for (then nothing is written unless allowed)."""

    case_path: Path
    child: str = ""
    output: Path | None = None
    problem: str = ""
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.output is not None

    @property
    def name(self) -> str:
        return self.child or self.case_path.name


@dataclass
class BatchReport:
    """Every case of a batch in the order given; ``stopped`` when the user stopped it part-way."""

    document: str
    items: list[BatchItem] = field(default_factory=list)
    stopped: bool = False

    @property
    def written(self) -> list[BatchItem]:
        return [i for i in self.items if i.ok]

    @property
    def failed(self) -> list[BatchItem]:
        return [i for i in self.items if not i.ok]

    def lines(self) -> list[str]:
        """The report in words: one line per case in the order given, "CASE → FILE" for a file written
        (the case file's name, the document's name) and "CASE: why not" for one that was not, then a count."""
        out = [f"{i.case_path.name} → {i.output.name}" if i.ok else f"{i.case_path.name}: {i.problem}"
               for i in self.items]
        total = f"{len(self.written)} of {len(self.items)} documents written"
        if self.stopped:
            total += " (stopped before the end)"
        return [*out, total]


def _batch_writer_class():
    """A Word writer that opens the reference document (or a letterhead) once per batch and starts
    each document from a copy of it, instead of reading and parsing the file again for every case.
    The documents are the same as the plain writer's (tests/library compares them)."""
    import copy

    from planwriter.render.docx_writer import DocxWriter

    class BatchDocxWriter(DocxWriter):
        def __init__(self, letterhead: Path | None, cache: dict[Path | None, tuple]) -> None:
            super().__init__(letterhead=letterhead)
            self._cache = cache

        def _base(self):
            cached = self._cache.get(self.letterhead)
            if cached is None:
                doc = super()._base()
                cached = (doc, self._style_ids, self._default_id, self._table_style)
                self._cache[self.letterhead] = cached
            doc, self._style_ids, self._default_id, self._table_style = cached
            return copy.deepcopy(doc)

    return BatchDocxWriter


def _render_saved_letter(case, template_id: str, inputs: dict[str, Any] | None, today: dt.date, registry: Any,
                         *, letterhead: bool) -> tuple[Any, list[str]]:
    """One letter as the Letters page and ``render`` make it (:func:`planwriter.render.letters.render_letter`):
    from what the case saved for it, ``inputs`` over the saved answers, dated ``today``.
    Returns the rendered document and what it still needs (labels; empty when complete)."""
    from planwriter.render.letters import render_letter

    result = render_letter(case, template_id, overrides=inputs or {}, date=today, letterhead=letterhead,
                           registry=registry, today=today)
    return result.document, [n.label for n in result.needed]


def _unique(path: Path, used: set[Path]) -> Path:
    """Never replace a file: one from an earlier export, or one of this batch (two children of the same
    name) gives ``name (2).docx`` (:func:`planwriter.render.batch.free_path`)."""
    from planwriter.render.batch import free_path

    return free_path(path, used)


def batch_export(
    case_paths: Iterable[str | os.PathLike[str]],
    document: str,
    outdir: str | os.PathLike[str],
    *,
    inputs: dict[str, Any] | None = None,
    today: dt.date | None = None,
    registry: Any = None,
    profiles: ProfileBook | None = None,
    letterhead: str | os.PathLike[str] | None = None,
    allow_missing: bool = False,
    parts: Sequence[Any] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BatchReport:
    """Write ``document`` (a template id such as ``"records"`` or ``"accommodations"``, or
    :data:`PACKET`) for each case file into ``outdir`` (created if needed).

    ``inputs`` are answers given for every case; each case's saved answers for the letter fill the
    rest. ``letterhead`` is used for cases whose sender profile has none. A document that still
    misses information is not written unless ``allow_missing``. ``progress(done, total, name)`` is
    called after each case; ``should_stop()`` is asked before each case. Never raises for one case:
    its problem goes into the report. Raises ``OSError`` when ``outdir`` cannot be created and
    ``KeyError`` for an unknown template id.
    """
    from planwriter.core import casefile
    from planwriter.core.atomic import atomic_write_bytes
    from planwriter.render.batch import suggested_file_name
    from planwriter.render.docx_safety import check_docx_file
    from planwriter.render.engine import MissingInformation, default_registry, docx_bytes
    from planwriter.render.registry import InputError, TemplateError

    paths = [Path(p) for p in case_paths]
    today = today or dt.date.today()
    registry = registry or default_registry()
    if document == PACKET:
        from planwriter.render.packet import export_packet, packet_words

        title = packet_words()["packet_title"]
    else:
        title = registry.get(document).meta.title  # KeyError: unknown template
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    fallback = Path(letterhead) if letterhead else None
    report = BatchReport(document=document)
    writer_class, bases = _batch_writer_class(), {}

    checked: set[Path] = set()

    def _to_bytes(rendered, head: Path | None) -> bytes:
        # Cleaned like every export (render/engine.py docx_bytes); each letterhead is checked once.
        if head is not None and head not in checked:
            check_docx_file(head)
            checked.add(head)
        return docx_bytes(rendered, writer=writer_class(head, bases))

    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-writer")
    pending: list[tuple[BatchItem, Future[Path]]] = []
    used: set[Path] = set()
    try:
        for number, case_path in enumerate(paths, start=1):
            if should_stop is not None and should_stop():
                report.stopped = True
                break
            item = BatchItem(case_path=case_path)
            report.items.append(item)
            try:
                case = casefile.load(case_path)
                item.child = case.child.short_name
                case, head = for_rendering(case, profiles, fallback)
                target = _unique(folder / suggested_file_name(title, case.child.short_name or case_path.stem, today),
                                 used)
                if document == PACKET:
                    built = export_packet(case, target, parts=parts, today=today, registry=registry, letterhead=head)
                    item.missing = list(built.missing)
                    item.output = target
                else:
                    rendered, missing = _render_saved_letter(case, document, inputs, today, registry,
                                                             letterhead=head is not None)
                    item.missing = missing
                    if missing and not allow_missing:
                        raise MissingInformation(missing)
                    data = _to_bytes(rendered, head)
                    # The file is written (and flushed to disk) by the writer thread while the next
                    # case is rendered; its outcome is collected below.
                    pending.append((item, writer.submit(atomic_write_bytes, target, data)))
                    item.output = target
            except casefile.CaseFileError as error:
                item.problem = str(error)
            except MissingInformation as error:
                item.missing = list(error.missing)
                item.problem = "still missing: " + "; ".join(item.missing)
            except (InputError, TemplateError, ValueError) as error:
                item.problem = str(error)
            except OSError as error:
                item.problem = f"the file could not be written ({error.strerror or error})"
            except Exception as error:  # one case's unexpected failure never stops the others
                log.warning("Batch export: a case failed (%s)", type(error).__name__)
                item.problem = f"planwriter could not make this document ({type(error).__name__})"
            if progress is not None:
                progress(number, len(paths), item.name)
    finally:
        writer.shutdown(wait=True)
    for item, future in pending:
        error = future.exception()
        if error is not None:
            item.output = None
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            item.problem = f"the file could not be written ({reason})"
    log.info("Batch export: %d written, %d not", len(report.written), len(report.failed))
    return report
