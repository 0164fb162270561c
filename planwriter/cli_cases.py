"""``planwriter-cli cases``: the case library of a folder, with what is due across its cases."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from planwriter.cli import EXIT_OK, EXIT_USER, EXTRA_COMMANDS, UserError, _out, parse_date, parse_window


def _data_dir(args: argparse.Namespace) -> Path | None:
    if getattr(args, "no_index", False):
        return None
    if getattr(args, "data_dir", None):
        return Path(args.data_dir)
    from planwriter.core.settings import default_data_dir

    return default_data_dir()


def _day(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    return parse_date(text)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", help="a folder of .pwcase files (subfolders are included)")
    parser.add_argument("--json", action="store_true",
                        help="print JSON instead of a table (with --due-within: an object with the cases and "
                             "a problems list of the cases that could not be read)")
    parser.add_argument("--due-within", metavar="DAYS", type=int,
                        help="only cases with something overdue or due in the next DAYS days, with those dates")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the day to judge dates against (default: today)")
    parser.add_argument("--ics", metavar="FILE.ics",
                        help="write what is due (with --due-within, else the next 7 days) as a calendar file")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="where the library index is kept (default: planwriter's app-data folder)")
    parser.add_argument("--no-index", action="store_true", help="read every file; keep no index")


def cmd_cases(args: argparse.Namespace) -> int:
    from planwriter.core.library import Library, by_next_date, due_calendar, due_items, unreadable, unreadable_note

    folder = Path(args.folder)
    if not folder.is_dir():
        if folder.is_file():
            raise UserError(f"{folder}: this is a file, not a folder; give the folder that holds the cases")
        raise UserError(f"{folder}: there is no folder with that name")
    if args.due_within is not None:
        parse_window(args.due_within)
    today = _day(args.date)
    summaries = by_next_date(Library(folder, _data_dir(args)).scan(today))
    window = args.due_within if args.due_within is not None else 7
    due = due_items(summaries, today, window)
    # Cases that cannot be read have no dates: a list of what is due says so instead of leaving them out.
    lost = unreadable(summaries) if (args.due_within is not None or args.ics) else []
    if lost and not args.json:
        print(f"planwriter-cli: {unreadable_note(len(lost))}", file=sys.stderr)
    if args.ics:
        from planwriter.core.atomic import atomic_write_bytes

        try:
            atomic_write_bytes(Path(args.ics), due_calendar(due))
        except OSError as error:
            raise UserError(f"{args.ics}: cannot write the file ({error.strerror})") from None
        print(f"Wrote {args.ics} ({len(due)} dates)", file=sys.stderr)
    if args.due_within is not None:
        paths = {item.path for item in due}
        summaries = [s for s in summaries if s.path in paths]
    by_path: dict[str, list] = {}
    for item in due:
        by_path.setdefault(item.path, []).append(item)
    if args.json:
        data = []
        for s in summaries:
            entry = s.as_json()
            if args.due_within is not None:
                entry["due"] = [i.as_json() for i in by_path.get(s.path, [])]
            data.append(entry)
        if args.due_within is not None:
            # What is due, and the cases whose dates are missing from it because they cannot be read.
            problems = [{"path": s.path, "problem": s.problem} for s in lost]
            _out(json.dumps({"cases": data, "problems": problems, "note": unreadable_note(len(lost))},
                            indent=2, ensure_ascii=False))
        else:
            _out(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        _print_table(summaries, folder, by_path if args.due_within is not None else None)
    return EXIT_OK


def _print_table(summaries, folder: Path, due: dict[str, list] | None) -> None:
    if not summaries:
        _out("No cases." if due is None else "Nothing is overdue or due in that time.")
        return
    rows = []
    for s in summaries:
        nxt = s.next_date()
        rows.append((
            s.name, s.school or "-", s.state or "-", s.plan_label if not s.problem else "-",
            f"{nxt.date} {nxt.title}" if nxt else "-",
            str(s.overdue) if s.overdue else "-",
            s.last_letter_date or "-",
        ))
    head = ("Child", "School", "State", "Plan", "Next date", "Overdue", "Last letter")
    widths = [min(max(len(r[i]) for r in [head, *rows]), 44) for i in range(len(head))]
    _out("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    for s, row in zip(summaries, rows, strict=True):
        _out("  ".join(c[:w].ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if s.problem:
            _out(f"    problem: {s.problem}")
        if due is not None:
            for item in due.get(s.path, []):
                flag = "OVERDUE " if item.overdue else ""
                _out(f"    {flag}{item.date.isoformat()}  {item.title}")
    problems = sum(1 for s in summaries if s.problem)
    note = f"; {problems} could not be read" if problems else ""
    _out(f"\n{len(summaries)} cases in {folder}{note}")


EXTRA_COMMANDS["cases"] = ("list the cases of a folder with their next dates; what is due", configure, cmd_cases)


# --------------------------------------------------------------------------- render for several cases


def with_profile(case):
    """The case as its letters are made, with its sender profile (from the app-data folder) applied,
    and that profile's letterhead (None when it has none)."""
    from planwriter.core.profiles import for_rendering, load_profiles
    from planwriter.core.settings import default_data_dir

    return for_rendering(case, load_profiles(default_data_dir()))


def cmd_render_many(args: argparse.Namespace) -> int:
    """``render CASE... --outdir DIR``: the same letter for each case, one file each, then a report."""
    from planwriter.cli import _parse_sets, _registry
    from planwriter.cli_packet import Progress
    from planwriter.core.profiles import load_profiles
    from planwriter.core.settings import default_data_dir
    from planwriter.render.library_batch import batch_export

    if args.out:
        raise UserError("--out writes one file; for several cases use --outdir DIR")
    if not args.outdir:
        raise UserError("several cases need --outdir DIR (one file is written for each)")
    today = _day(args.date)
    registry = _registry(args)
    try:
        registry.get(args.template)
    except KeyError as error:
        raise UserError(str(error.args[0])) from None
    progress = Progress(len(args.case))
    try:
        report = batch_export(args.case, args.template, args.outdir, inputs=_parse_sets(args.set or []),
                              today=today, registry=registry, profiles=load_profiles(default_data_dir()),
                              letterhead=args.letterhead, progress=lambda done, total, name: progress.step(name))
    except OSError as error:
        raise UserError(f"{args.outdir}: cannot create the folder ({error.strerror})") from None
    progress.clear()
    for item in report.items:
        if item.ok:
            _out(f"{item.case_path} → {item.output}")
        else:
            print(f"planwriter-cli: {item.case_path}: {item.problem}", file=sys.stderr)
    print(report.lines()[-1], file=sys.stderr)
    return EXIT_OK if not report.failed else EXIT_USER
