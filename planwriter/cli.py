"""The ``planwriter-cli`` command line: headless commands over the same engine as the app."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from planwriter import __version__

EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2

log = logging.getLogger(__name__)


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 1."""


def _out(text: str = "") -> None:
    print(text)


# --------------------------------------------------------------------------- helpers


def _load_case(path: str):
    from planwriter.core import casefile

    try:
        return casefile.load(path)
    except casefile.CaseFileError as error:
        raise UserError(f"{path}: {error}") from None


def _parse_sets(pairs: Sequence[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise UserError(f"--set needs KEY=VALUE, got “{pair}”")
        key, value = pair.split("=", 1)
        key = key.strip()
        if key in values:
            # Repeating a key builds a list: --set areas=reading --set areas=math
            existing = values[key]
            values[key] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            values[key] = value
    return values


#: The years a --date may name: far dates overflow date arithmetic and mean nothing for a letter.
DATE_YEARS = (1900, 2199)
#: The longest look-ahead a --due-within may ask for, in days (about ten years).
MAX_WINDOW_DAYS = 3660


def parse_date(text: str, option: str = "--date") -> dt.date:
    """A YYYY-MM-DD option value; raises :class:`UserError` (one plain line) when it is not a date or
    its year lies outside :data:`DATE_YEARS`."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{option} “{text}” is not a date; write it as YYYY-MM-DD") from None
    first, last = DATE_YEARS
    if not first <= day.year <= last:
        raise UserError(f"{option} {day.isoformat()} is too far away; give a date between {first} and {last}")
    return day


def parse_window(value: int, option: str = "--due-within") -> int:
    """A number of days to look ahead, 0 to :data:`MAX_WINDOW_DAYS`; raises :class:`UserError` otherwise."""
    if not 0 <= value <= MAX_WINDOW_DAYS:
        raise UserError(f"{option} needs a number of days from 0 to {MAX_WINDOW_DAYS}")
    return value


def parse_state(text: str, option: str = "--state") -> str:
    """The USPS code for a state given on the command line ("Texas", " tx " → "TX"), read as the
    app and case files read it; an unknown state is a :class:`UserError` naming the option."""
    from planwriter.core.states import UnknownState, state_code

    try:
        return state_code(text)
    except UnknownState as error:
        raise UserError(f"{option}: {error}") from None


def _registry(args: argparse.Namespace):
    from planwriter.core.settings import user_templates_dir
    from planwriter.render.registry import Registry

    # The user's own templates sit beside the built-ins, as in the app.
    user_dir = Path(args.user_templates) if getattr(args, "user_templates", None) else user_templates_dir()
    return Registry.load(user_dir=user_dir)


# --------------------------------------------------------------------------- commands


def cmd_templates(args: argparse.Namespace) -> int:
    from planwriter.render.registry import GROUP_LABELS

    registry = _registry(args)
    templates = registry.all()
    if args.json:
        data = []
        for t in templates:
            meta = t.meta
            data.append({
                "id": meta.id,
                "title": meta.title,
                "situation": meta.situation,
                "kind": meta.kind.value,
                "group": meta.group.value,
                "builtin": t.builtin,
                "recipient_role": meta.recipient_role.value if meta.recipient_role else None,
                "legal_basis": [c.model_dump() for c in meta.legal_basis],
                "response": meta.response.model_dump() if meta.response else None,
                "inputs": [i.model_dump(mode="json") for i in meta.inputs],
            })
        _out(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        width = max((len(t.id) for t in templates), default=10)
        current = None
        for t in templates:
            group = GROUP_LABELS[t.meta.group]
            if group != current:
                if current is not None:
                    _out()
                _out(f"{group}:")
                current = group
            mine = "  (yours)" if not t.builtin else ""
            _out(f"  {t.id:<{width}}  {t.meta.title}{mine}")
    for problem in registry.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    from planwriter.render.engine import MissingInformation, export_docx
    from planwriter.render.letters import render_letter
    from planwriter.render.registry import InputError, TemplateError

    if args.outdir or len(args.case) > 1:  # several cases: one file each, with a report
        from planwriter.cli_cases import cmd_render_many

        return cmd_render_many(args)
    from planwriter.cli_cases import with_profile

    case, profile_letterhead = with_profile(_load_case(args.case[0]))
    args.letterhead = args.letterhead or profile_letterhead
    registry = _registry(args)
    try:
        registry.get(args.template)
    except KeyError as error:
        raise UserError(str(error.args[0])) from None
    date = None
    if args.date:
        date = parse_date(args.date)
    values = _parse_sets(args.set or [])
    names = {i.name for i in registry.get(args.template).meta.inputs}
    if isinstance(values.get("state"), str) and "state" not in names:
        # --set state=Texas: the child's state for this render, read as the app reads it.
        case.child.state = parse_state(values.pop("state"), "--set state")
    try:
        # What the case saved for this letter (answers, recipient, copies, enclosures, delivery),
        # as the app renders it; --set changes single answers.
        result = render_letter(case, args.template, overrides=values, date=date,
                               letterhead=bool(args.letterhead), registry=registry)
    except (InputError, TemplateError) as error:
        raise UserError(str(error)) from None
    document = result.document
    if result.too_long:
        print(f"note: this letter runs to about {round(result.pages)} pages", file=sys.stderr)
    if args.out:
        try:
            if result.needed:
                raise MissingInformation([item.label for item in result.needed])
            notices: list[str] = []
            export_docx(document, args.out, letterhead=args.letterhead, notices=notices)
        except MissingInformation as error:
            raise UserError(str(error)) from None
        except OSError as error:
            raise UserError(f"{args.out}: cannot write the file ({error.strerror})") from None
        except ValueError as error:  # a letterhead that is not a safe Word file (render/docx_safety.py)
            raise UserError(str(error)) from None
        _out(f"Wrote {args.out}")
        for notice in notices:  # what was removed from the letterhead (inherited details, links)
            _out(f"Note: {notice}.")
        if document.response_due:
            _out(f"Response due: {document.response_due.isoformat()} ({document.response_note})")
    else:
        _out(document.plain_text())
        if result.needed:
            print("note: still missing: " + "; ".join(item.label for item in result.needed), file=sys.stderr)
    for warning in document.deadline_warnings:  # from the deadline engine, e.g. a late 10-day notice
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    case = _load_case(args.case)
    name = case.child.full_legal_name or "the child"
    _out(f"{args.case}: valid planwriter case for {name}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from planwriter.core import casefile
    from planwriter.core.sample import sample_cases
    from planwriter.render.batch import export_story, suggested_file_name
    from planwriter.render.packet import export_packet, packet_words

    out = Path(args.outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"{out}: cannot create the folder ({error.strerror})") from None
    # Each sample child gets the letters that fit its story (its saved drafts); the documents that
    # are not letters (accommodations, goals) are written for the first sample; each gets its packet.
    registry = _registry(args)
    for number, case in enumerate(sample_cases()):
        folder = out if number == 0 else out / case.child.short_name
        folder.mkdir(parents=True, exist_ok=True)
        case_path = folder / f"Sample case - {case.child.short_name}.pwcase"
        casefile.save(case, case_path, keep_backup=False)
        _out(f"Wrote {case_path}")
        for exported in export_story(case, folder, registry=registry, documents=number == 0):
            _out(f"Wrote {exported.path}")
        packet_path = folder / suggested_file_name(packet_words()["packet_title"], case.child.short_name)
        export_packet(case, packet_path, registry=registry)
        _out(f"Wrote {packet_path}")
    return EXIT_OK


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


#: Subcommands other modules add: name → (help, configure(parser), handler).
EXTRA_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None],
                                 Callable[[argparse.Namespace], int]]] = {}


def add_user_templates_option(parser: argparse.ArgumentParser) -> None:
    """``--user-templates DIR`` for every command that reads templates (see :func:`_registry`)."""
    parser.add_argument("--user-templates", metavar="DIR",
                        help="folder with your own templates (default: templates/ in planwriter's app-data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planwriter-cli",
        description="Draft IEP and Section 504 documents from a planwriter case file (offline).",
        epilog="planwriter drafts documents; it is not legal advice.",
    )
    parser.add_argument("--version", action="version", version=f"planwriter {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("templates", help="list the built-in and your own templates")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_user_templates_option(p)
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("render", help="render one document for a case, with what the case saved for it")
    p.add_argument("case", metavar="CASE", nargs="+", help="a .pwcase file (several with --outdir)")
    p.add_argument("--template", "-t", required=True, metavar="ID", help="template id (see 'templates')")
    p.add_argument("--outdir", metavar="DIR", help="write one Word file per case into this folder")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="an input of the template, over the answer saved in the case; repeat a key to give a "
                        "list; state=NAME uses that state's rules (Texas or TX)")
    p.add_argument("--out", "-o", metavar="FILE.docx", help="write Word; without it, print the text")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date of the letter (default: today)")
    p.add_argument("--letterhead", metavar="FILE.docx", help="a Word file whose header, footer and styles to use")
    add_user_templates_option(p)
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("demo", help="write the sample cases, each with the letters that fit its story")
    p.add_argument("outdir", metavar="OUTDIR")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("validate", help="check a case file")
    p.add_argument("case", metavar="CASE")
    p.set_defaults(func=cmd_validate)

    _load_extra_commands()
    for name, (help_text, configure, handler) in EXTRA_COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        configure(p)
        p.set_defaults(func=handler)
    return parser


def _load_extra_commands() -> None:
    """Import the modules that register more subcommands (goals, accommodations, …)."""
    import importlib

    for module in ("planwriter.cli_letters", "planwriter.cli_goals", "planwriter.cli_accommodations",
                   "planwriter.cli_packet", "planwriter.cli_dates", "planwriter.cli_cases"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as error:
        print(f"planwriter-cli: {error}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    # Run the importable module, not this ``__main__`` copy: the modules that add commands
    # register them (and raise UserError) in ``planwriter.cli``.
    from planwriter.cli import main as _main

    raise SystemExit(_main())
