"""The ``guidance`` subcommand: 'Before you send' for one letter, with the response date for a case."""

from __future__ import annotations

import argparse
import json
import textwrap

from planwriter.cli import (
    EXIT_OK,
    EXTRA_COMMANDS,
    UserError,
    _load_case,
    _out,
    _registry,
    add_user_templates_option,
    parse_date,
)

_WIDTH = 88


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("template", metavar="ID", help="letter id (see 'templates')")
    parser.add_argument("--case", metavar="CASE", help="a .pwcase file: compute the response date for it")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the day the school receives the letter (default: today)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_user_templates_option(parser)


def _wrap(text: str, indent: str = "  ", bullet: str = "") -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=indent + bullet,
                         subsequent_indent=indent + " " * len(bullet)) or [indent + bullet]


def cmd_guidance(args: argparse.Namespace) -> int:
    from planwriter.render.guidance import letter_guidance

    registry = _registry(args)
    try:
        template = registry.get(args.template)
    except KeyError as error:
        raise UserError(str(error.args[0])) from None
    sent = None
    if args.date:
        sent = parse_date(args.date)
    case = _load_case(args.case) if args.case else None
    info = letter_guidance(template, case, sent if (sent or case) else None)
    if args.json:
        data = {
            "id": info.template_id,
            "title": info.title,
            "send_to": info.send_to,
            "proof": info.proof,
            "next_steps": info.next_steps,
            "tips": info.tips,
            "legal_basis": [{"cite": c, "summary": s} for c, s in info.legal_basis],
            "recipient_role": info.recipient_role,
            "cc_roles": info.cc_roles,
            "response": None,
        }
        if info.response is not None:
            r = info.response
            data["response"] = {
                "sent": r.sent.isoformat(),
                "due": r.due.isoformat() if r.due else None,
                "explanation": r.explanation,
                "law_note": r.law_note,
                "requested": r.requested.isoformat() if r.requested else None,
                "requested_explanation": r.requested_text,
                # From the deadline engine: the clock after consent (evaluation requests), warnings.
                "evaluation": r.evaluation.as_json() if r.evaluation is not None else None,
                "warnings": list(r.warnings),
            }
        _out(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    lines = [f"{info.title} ({info.template_id})", "", "Before you send", ""]
    if info.send_to:
        lines += ["Who should receive it:", *_wrap(info.send_to), ""]
    if info.proof:
        lines += ["Keep proof of delivery:", *_wrap(info.proof), ""]
    if info.next_steps:
        lines.append("What should happen next:")
        for step in info.next_steps:
            lines += _wrap(step, bullet="- ")
        lines.append("")
    if info.tips:
        lines.append("Tips:")
        for tip in info.tips:
            lines += _wrap(tip, bullet="- ")
        lines.append("")
    if info.legal_basis:
        lines.append("Legal basis:")
        for cite, summary in info.legal_basis:
            lines += _wrap(f"{cite}: {summary}", bullet="- ")
        lines.append("")
    if info.response is not None:
        heading = "When to expect an answer"
        if case is not None and case.child.state:
            heading += f" (state: {case.child.state})"
        lines.append(heading + f", for a letter received on {info.response.sent.isoformat()}:")
        for line in info.response.lines:
            lines += _wrap(line, bullet="- ")
        if not info.response.lines:
            lines += _wrap("The law sets no number of days for an answer to this letter.", bullet="- ")
        lines.append("")
    elif template.meta.response is None:
        lines += ["When to expect an answer:", *_wrap("This letter does not ask for an answer by a date."), ""]
    else:
        lines += ["When to expect an answer:",
                  *_wrap("Give --case CASE (and --date) to compute the date for a child's state."), ""]
    lines.append("planwriter drafts letters; it is not legal advice.")
    _out("\n".join(lines))
    return EXIT_OK


EXTRA_COMMANDS["guidance"] = ("show 'Before you send' for a letter: who, proof, next steps, due date",
                              configure, cmd_guidance)
