"""``planwriter-cli packet`` (the meeting packet, one case or many) and ``check-docx``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from planwriter.cli import (
    EXIT_OK,
    EXIT_USER,
    EXTRA_COMMANDS,
    UserError,
    _load_case,
    _out,
    _registry,
    add_user_templates_option,
    parse_date,
)

# --------------------------------------------------------------------------- packet


def configure_packet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cases", nargs="+", metavar="CASE", help="one or more .pwcase files")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", "-o", metavar="FILE.docx", help="where to write the packet (one case)")
    where.add_argument("--outdir", metavar="DIR", help="a folder for the packets of several cases")
    parser.add_argument("--parts", metavar="LIST",
                        help="the parts in order, separated by commas (default: the case's own choice); "
                             "parts: cover, about, concerns, present-levels, accommodations, goals, "
                             "goal-review, questions, dates, log, exhibits, notes")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the day the packet is prepared; key dates are judged against it (default: today)")
    parser.add_argument("--letterhead", metavar="FILE.docx", help="a Word file whose header goes on the cover")
    add_user_templates_option(parser)


class Progress:
    """A one-line progress bar on a terminal; nothing at all when the output is not a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.live = total > 1 and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.done = 0

    def step(self, label: str) -> None:
        self.done += 1
        if not self.live:
            return
        width = 24
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label[:40]:<40}")
        self.stream.flush()

    def clear(self) -> None:
        if self.live:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()


def cmd_packet(args: argparse.Namespace) -> int:
    from planwriter.render.batch import free_path, suggested_file_name
    from planwriter.render.packet import PartsError, export_packet, packet_words, parse_parts
    from planwriter.render.registry import InputError, TemplateError

    if args.out and len(args.cases) > 1:
        raise UserError("--out writes one packet; for several cases use --outdir DIR")
    today = dt.date.today()
    if args.date:
        today = parse_date(args.date)
    parts = None
    if args.parts:
        try:
            parts = parse_parts(args.parts)
        except PartsError as error:
            raise UserError(str(error)) from None
    outdir = Path(args.outdir) if args.outdir else None
    if outdir is not None:
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UserError(f"{outdir}: cannot create the folder ({error.strerror})") from None
    registry = _registry(args)
    title = packet_words()["packet_title"]
    progress = Progress(len(args.cases))
    failed = 0
    used: set[Path] = set()
    written: list[str] = []
    for case_path in args.cases:
        try:
            from planwriter.cli_cases import with_profile

            case, profile_letterhead = with_profile(_load_case(case_path))  # the case's sender profile
            if outdir is not None:
                name = case.child.short_name or Path(case_path).stem
                # Never replaces a file: an earlier packet, or a child of the same name, gives "(2)".
                path = free_path(outdir / suggested_file_name(title, name, today), used)
            else:
                path = Path(args.out)
                used.add(path)
            document = export_packet(case, path, parts=parts, today=today, registry=registry,
                                     letterhead=args.letterhead or profile_letterhead)
        except UserError as error:
            failed += 1
            progress.clear()
            print(f"planwriter-cli: {error}", file=sys.stderr)
        except (InputError, TemplateError, ValueError) as error:
            failed += 1
            progress.clear()
            print(f"planwriter-cli: {case_path}: {error}", file=sys.stderr)
        except OSError as error:
            failed += 1
            progress.clear()
            print(f"planwriter-cli: {case_path}: cannot write the packet ({error.strerror or error})",
                  file=sys.stderr)
        else:
            line = f"{case_path} → {path}" if outdir is not None else f"Wrote {path}"
            if document.missing:
                line += " (still to fill in: " + "; ".join(document.missing) + ")"
            if progress.live:
                written.append(line)
            else:
                _out(line)
        progress.step(Path(case_path).name)
    progress.clear()
    for line in written:
        _out(line)
    return EXIT_USER if failed else EXIT_OK


# --------------------------------------------------------------------------- check-docx


def configure_check_docx(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="one or more .docx files")


def cmd_check_docx(args: argparse.Namespace) -> int:
    from planwriter.render.docx_check import DocxCheckError, check_docx

    found = 0
    for name in args.files:
        try:
            problems = check_docx(name)
        except DocxCheckError as error:
            print(f"planwriter-cli: {error}", file=sys.stderr)
            found += 1
            continue
        for problem in problems:
            _out(f"{name}: {problem}")
        found += len(problems)
    return EXIT_USER if found else EXIT_OK


EXTRA_COMMANDS["packet"] = ("write the meeting packet for one case or many", configure_packet, cmd_packet)
EXTRA_COMMANDS["check-docx"] = ("check .docx files for accessibility problems", configure_check_docx,
                                cmd_check_docx)
