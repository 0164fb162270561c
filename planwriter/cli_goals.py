"""The ``check-goal`` and ``goal-bank`` subcommands: measurability reports and the goal bank."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

from planwriter.cli import EXIT_OK, EXTRA_COMMANDS, UserError, _out

_CHECK_HELP = """\
Check whether an IEP goal can be measured: by when, under what conditions, what the child will do,
how well and how often, how it will be measured, and the baseline.

TEXT is one goal statement in quotes. With TEXT "-", goals are read from standard input, one per
line, and one JSON object is printed per input line in the same order (JSON Lines; --json is
implied). A blank input line gives an object with "empty": true and "measurable": false, so the
output always has as many lines as the input. The exit code is 0 whether or not goals are
measurable; read "measurable" to decide.

With --from FILE, the goals are found in a draft IEP (a text PDF or a Word .docx file) or in a text
file ("-" reads the text from standard input): the annual goals and their short-term objectives or
benchmarks are found, lines that a page wrapped are joined, and each goal is checked. With --json,
one JSON object per goal is printed (JSON Lines) with its "label" ("Goal 2", "Objective 2.1"),
"role" ("goal" or "objective") and "parent" (the position of an objective's goal, or -1).
"""


def configure_check(parser: argparse.ArgumentParser) -> None:
    parser.description = _CHECK_HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("text", metavar="TEXT", nargs="?",
                        help='the goal statement, or "-" to read one goal per line from stdin')
    parser.add_argument("--from", dest="source", metavar="FILE",
                        help='find and check the goals in a draft IEP (.pdf, .docx) or text file ("-": stdin)')
    parser.add_argument("--json", action="store_true",
                        help='print one JSON object with "measurable", "missing" and the findings')
    parser.add_argument("--kind", choices=("annual", "postsecondary"),
                        help="judge as an annual or a postsecondary (transition) goal; default: decide from the words")


def _result(text: str, kind: str | None, line: int | None = None) -> dict[str, Any]:
    from planwriter.core.goals.checker import check_goal

    check = check_goal(text, kind=kind)
    data = check.to_dict()
    questions: list[str] = []
    for finding in data["findings"]:
        if finding["question"] and finding["question"] not in questions:
            questions.append(finding["question"])
    data["questions"] = questions
    data["empty"] = not text.strip()
    if line is not None:
        data = {"line": line, **data}
    return data


def cmd_check_goal(args: argparse.Namespace) -> int:
    if args.source:
        if args.text:
            raise UserError("give either a goal in quotes or --from FILE, not both")
        return _check_file(args.source, args.kind, args.json)
    if args.text is None:
        raise UserError('give a goal in quotes, "-" to read goals from stdin, or --from FILE')
    if args.text == "-":
        return _check_stream(args.kind)
    text = args.text.strip()
    if not text:
        raise UserError('the goal text is empty; put the goal in quotes, or use "-" to read goals from stdin')
    data = _result(text, args.kind)
    if args.json:
        _out(json.dumps(data, ensure_ascii=False))
    else:
        _out(report(data))
    return EXIT_OK


def _check_stream(kind: str | None) -> int:
    for number, raw in enumerate(sys.stdin, start=1):
        text = raw.rstrip("\r\n")
        _out(json.dumps(_result(text, kind, number), ensure_ascii=False))
        sys.stdout.flush()
    return EXIT_OK


def _check_file(source: str, kind: str | None, as_json: bool) -> int:
    from planwriter.core.goals.documents import DocumentError, find_goals, read_document

    try:
        if source == "-":
            found = find_goals(sys.stdin.read(), document=False)
            name = "the text"
        else:
            found = find_goals(read_document(source), document=True)
            name = f"“{Path(source).name}”"
    except DocumentError as error:
        raise UserError(str(error)) from None
    if not found:
        raise UserError(f"no goals were found in {name}: goals are sentences that say what the child will do")
    results = []
    for item in found:
        data = _result(item.text, kind)
        results.append({"label": item.label, "role": item.role, "parent": item.parent, **data})
    if as_json:
        for data in results:
            _out(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    goals = [r for r in results if r["role"] == "goal"]
    objectives = len(results) - len(goals)
    good = sum(r["measurable"] for r in goals)
    found_words = f"{len(goals)} goal{'s' if len(goals) != 1 else ''}"
    if objectives:
        found_words += f" and {objectives} objective{'s' if objectives != 1 else ''}"
    _out(f"Found {found_words} in {name}; {good} of {len(goals)} goals can be measured as written.")
    for data in results:
        _out("")
        _out(f"== {data['label']} ==")
        _out(report(data))
    return EXIT_OK


def report(data: dict[str, Any], width: int = 88) -> str:
    """The readable report for one checked goal."""
    lines: list[str] = []
    wrap = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="  ")
    lines.append("Goal:")
    lines.extend(wrap.wrap(data["text"]))
    kind = "postsecondary (transition) goal, judged only on timeframe and outcome" \
        if data["kind"] == "postsecondary" else "annual goal"
    lines.append(f"Kind: {kind}")
    verdict = "MEASURABLE" if data["measurable"] else "NOT MEASURABLE"
    lines.append(f"Result: {verdict}")
    lines.extend(textwrap.wrap(data["summary"], width=width, initial_indent="  ", subsequent_indent="  "))
    lines.append("")
    label_width = max(len(c["label"]) for c in data["components"]) + 2
    for part in data["components"]:
        if not part["checked"]:
            continue
        mark = "[x]" if part["present"] else "[ ]"
        words = f"“{part['words']}”" if part["words"] else "not found"
        note = f" ({part['note']})" if part["note"] else ""
        lines.append(f"  {mark} {part['label']:<{label_width}}{words}{note}")
    if data["findings"]:
        lines.append("")
        lines.append("What to fix:")
        for number, finding in enumerate(data["findings"], start=1):
            tag = {"problem": "", "warning": " (worth fixing)", "note": " (note)"}.get(finding["severity"], "")
            lines.extend(textwrap.wrap(f"{number}. {finding['message']}{tag}", width=width,
                                       initial_indent="  ", subsequent_indent="     "))
            lines.extend(textwrap.wrap(f"Fix: {finding['fix']}", width=width,
                                       initial_indent="     ", subsequent_indent="     "))
    if data["questions"]:
        lines.append("")
        lines.append("Questions to ask at the meeting:")
        for question in data["questions"]:
            lines.extend(textwrap.wrap(f"- {question}", width=width, initial_indent="  ", subsequent_indent="    "))
    return "\n".join(lines)


# --------------------------------------------------------------------------- goal bank


def configure_bank(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--area", metavar="AREA", help="only patterns for this area (e.g. reading, math, behavior)")
    parser.add_argument("--search", metavar="TEXT", help="only patterns whose words contain every word")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a list")


def cmd_goal_bank(args: argparse.Namespace) -> int:
    from planwriter.core.goals.bank import goal_bank
    from planwriter.core.model import Area

    bank = goal_bank()
    area = None
    if args.area:
        try:
            area = Area(args.area.strip().lower().replace(" ", "_").replace("-", "_"))
        except ValueError:
            known = ", ".join(a.value for a in bank.areas())
            raise UserError(f"unknown area “{args.area}” (areas: {known})") from None
    patterns = bank.search(args.search or "", area)
    if args.json:
        _out(json.dumps([p.model_dump(mode="json") for p in patterns], indent=2, ensure_ascii=False))
        return EXIT_OK
    width = max((len(p.id) for p in patterns), default=10)
    for pattern in patterns:
        _out(f"{pattern.id:<{width}}  {pattern.area_label}: {pattern.title} ({pattern.unit or 'outcome'})")
    return EXIT_OK


EXTRA_COMMANDS["check-goal"] = ("check whether a goal statement can be measured", configure_check, cmd_check_goal)
EXTRA_COMMANDS["goal-bank"] = ("list the goal patterns in the goal bank", configure_bank, cmd_goal_bank)
