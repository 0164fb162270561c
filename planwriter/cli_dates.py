"""The ``dates`` subcommand: every key date of a case, with its rule and source, as text, JSON or .ics."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import textwrap
from pathlib import Path

from planwriter.cli import EXIT_OK, EXTRA_COMMANDS, UserError, _load_case, _out, parse_date, parse_state

_WIDTH = 88


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", metavar="CASE", help="a .pwcase file")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--ics", metavar="FILE", help="also write the dates as a calendar file (.ics)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the day to judge overdue dates against (default: today)")
    parser.add_argument("--state", metavar="STATE",
                        help="use this state's rules instead of the case's (a name or code: Texas, TX)")


def cmd_dates(args: argparse.Namespace) -> int:
    from planwriter.core.atomic import atomic_write_bytes
    from planwriter.core.calendar_ics import export_ics
    from planwriter.core.keydates import key_dates, pending_dates

    case = _load_case(args.case)
    today = dt.date.today()
    if args.date:
        today = parse_date(args.date)
    if args.state:
        case.child.state = parse_state(args.state)
    dates = key_dates(case, today)
    if args.ics:
        name = f"Key dates - {case.child.short_name}" if case.child.short_name else "Key dates"
        try:
            atomic_write_bytes(Path(args.ics), export_ics(dates, calendar_name=name, today=today))
        except OSError as error:
            raise UserError(f"{args.ics}: cannot write the file ({error.strerror})") from None
    if args.json:
        _out(json.dumps([d.as_json() for d in dates], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not dates and not pending_dates(case):
        _out("This case has no dates yet. Add the dates you know (the request, consent, the IEP) and "
             "log the letters you send.")
    for item in dates:
        flags = []
        if item.overdue:
            flags.append("OVERDUE")
        if item.done:
            flags.append("done")
        if item.estimate:
            flags.append("estimate")
        flag = f" [{', '.join(flags)}]" if flags else ""
        _out(f"{item.date.isoformat()}  {item.title}{flag}")
        detail = []
        if item.rule:
            detail.append(f"How: {item.rule}.")
        if item.source:
            detail.append(f"Source: {item.source} ({'state rule' if item.state_rule else 'federal'}).")
        if item.estimate:
            detail.append(f"Estimate: {item.estimate_reason}.")
        for line in detail:
            _out(textwrap.fill(line, _WIDTH, initial_indent="            ", subsequent_indent="            "))
    for title, why in pending_dates(case):
        _out(f"{'not known yet':<10}  {title}")
        _out(textwrap.fill(why, _WIDTH, initial_indent="            ", subsequent_indent="            "))
    if args.ics:
        _out(f"Wrote {args.ics}")
    return EXIT_OK


EXTRA_COMMANDS["dates"] = ("list a case's key dates (due dates, rules, sources); --ics writes a calendar",
                           configure, cmd_dates)
