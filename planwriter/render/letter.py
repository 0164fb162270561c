"""The standard letter layout, built from structured data rather than template text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planwriter.core.model import DELIVERY_LABELS, DeliveryMethod, Sender
from planwriter.render.blocks import Block, Paragraph, Run
from planwriter.render.context import address_lines
from planwriter.render.environment import Missing, MissingList, long_date


@dataclass
class LetterOptions:
    """Choices made for one letter: date, recipient, copies, enclosures, how it is sent."""

    date: dt.date | None = None
    recipient_id: str | None = None  # a contact's id; None picks the template's default role
    cc_ids: list[str] | None = None  # None copies the contacts in the template's cc roles
    delivery: DeliveryMethod | None = DeliveryMethod.EMAIL
    enclosures: list[str] = field(default_factory=list)
    sender: Sender | None = None  # overrides the case's sender (the app's sender profile)
    letterhead: bool = False  # the sender's details are printed by a letterhead instead
    signer_ids: list[str] | None = None  # guardians who sign (or for whom an advocate writes)


#: The document an advocate's letters enclose (template ``advocate-authorization``).
AUTHORIZATION = "Authorization to share information with an advocate"


def _text(value: Any) -> list[Run]:
    """Runs for one value of the letter frame; a missing value becomes a highlighted placeholder."""
    if isinstance(value, Missing):
        return [Run(f"[{value.label}]", missing=True)]
    return [Run(str(value))] if value else []


def _lines(values: list[Any]) -> list[Run]:
    runs: list[Run] = []
    for value in values:
        piece = _text(value)
        if not piece:
            continue
        if runs:
            runs.append(Run("\n"))
        runs.extend(piece)
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and out[-1].missing == run.missing and not run.bold and not out[-1].bold:
            out[-1] = Run(out[-1].text + run.text, missing=run.missing)
        else:
            out.append(run)
    return out


def _missing_labels(values: list[Any], into: list[str]) -> None:
    for value in values:
        if isinstance(value, Missing):
            if isinstance(into, MissingList):
                into.add(value)
            elif value.label not in into:
                into.append(value.label)


def letter_head(ctx: dict[str, Any], subject: str, options: LetterOptions, missing: list[str]) -> list[Block]:
    """Sender, date, delivery, recipient, subject line and salutation."""
    sender, child, recipient = ctx["sender"], ctx["child"], ctx["recipient"]
    blocks: list[Block] = []
    signals = ctx.get("letter_signals") or {}
    if not options.letterhead and signals.get("parents_only") and ctx.get("signers"):
        # A document the parents alone sign (the authorization to share information) comes from them.
        signers = ctx["signers"]
        home = next((address_lines(s["address"]) for s in signers if isinstance(s.get("address"), dict)
                     and address_lines(s["address"])), [])
        sender_lines = [" and ".join(s["name"] for s in signers)]
        sender_lines += home or [Missing("the parents' mailing address")]
        _missing_labels(sender_lines, missing)
        blocks.append(Paragraph(_lines(sender_lines), "Sender"))
    elif not options.letterhead:
        sender_lines: list[Any] = [sender["name"]]
        if sender["is_advocate"]:
            sender_lines += [sender[k] for k in ("title", "organization") if sender[k]]
        sender_lines += sender["address_lines"] or [Missing("the sender's mailing address", "sender.address")]
        sender_lines += [sender[k] for k in ("phone", "email") if sender[k]]
        _missing_labels(sender_lines, missing)
        blocks.append(Paragraph(_lines(sender_lines), "Sender"))
    blocks.append(Paragraph(_text(long_date(ctx["letter_date"])), "Letter Date"))
    if options.delivery is not None:
        blocks.append(Paragraph([Run(f"Sent by {DELIVERY_LABELS[options.delivery]}")], "Delivery"))
        if options.delivery == DeliveryMethod.EMAIL and not recipient["email"]:
            # "Sent by email" to someone with no email address on file cannot be sent as it says.
            # One entry, keyed by the field (render/letters.py still_needed checks the same field).
            label = (f"an email address for {recipient['name'] or 'the ' + recipient['title']}"
                     " (the letter says it is sent by email), or another way of sending it")
            _missing_labels([Missing(label, "recipient.email")], missing)
    recipient_lines: list[Any] = [recipient["name"]] if recipient["name"] else []
    if not recipient["name"] and recipient.get("required_name"):
        recipient_lines = [Missing(recipient["required_name"])]
    recipient_lines.append(recipient["title"])
    if recipient["organization"]:
        recipient_lines.append(recipient["organization"])
    recipient_lines += recipient["address_lines"]
    if recipient["email"] and not recipient["address_lines"]:
        recipient_lines.append(recipient["email"])
    _missing_labels(recipient_lines, missing)
    blocks.append(Paragraph(_lines(recipient_lines), "Recipient"))

    subject_lines: list[Any] = [f"Re: {subject}"]
    ident = [child["full_name"]]
    student = [Run("Student: ", bold=True), *_text(child["full_name"])]
    student += [Run(", date of birth ")] + _text(long_date(child["date_of_birth"]))
    _missing_labels(ident + [child["date_of_birth"]], missing)
    school_runs = [Run("School: ", bold=True), *_text(child["school"])]
    school_runs += [Run(", ")] + _text(child["grade_phrase"])
    _missing_labels([child["school"], child["grade"]], missing)
    runs: list[Run] = [Run(subject_lines[0], bold=True), Run("\n"), *student, Run("\n"), *school_runs]
    if child["student_id"]:
        runs += [Run("\n"), Run("Student ID: ", bold=True), *_text(child["student_id"])]
    blocks.append(Paragraph(runs, "Subject"))
    blocks.append(Paragraph([Run(f"Dear {recipient['salutation']}:")], "Salutation"))
    return blocks


def letter_foot(
    ctx: dict[str, Any], options: LetterOptions, cc: list[dict[str, Any]], missing: list[str]
) -> list[Block]:
    """Closing, signatures, copies, enclosures.

    Parents sign for themselves: two signing parents get a signature each. An advocate signs on
    behalf of the named parents; where the letter words the parents' consent, refusal or
    revocation (the template called ``parent_signs()``), each parent gets a dated signature
    line below the advocate's, and a letter the parents alone sign (``parent_signs(only=True)``)
    carries only theirs.
    """
    sender = ctx["sender"]
    signers = ctx.get("signers") or []
    signals = ctx.get("letter_signals") or {}
    cc = list(cc)
    for office in signals.get("copy_to", []):
        if office["role"] != ctx["recipient"].get("role") and not any(p.get("role") == office["role"] for p in cc):
            cc.append(office)
    blocks: list[Block] = [Paragraph([Run("Sincerely,")], "Closing")]
    if signals.get("parents_only") and signers:
        blocks += _parent_lines(signers)
    elif sender["is_advocate"]:
        signature: list[Any] = [sender["signature_line"] or sender["name"]]
        signature += [sender[k] for k in ("title", "organization") if sender[k]]
        if signers:
            signature.append(f"On behalf of {ctx['v']['parents']}")
        elif ctx["family"]:
            signature.append(f"On behalf of {_join(ctx['family'])}")
        _missing_labels(signature, missing)
        blocks.append(Paragraph(_lines(signature), "Signature"))
        if signals.get("parent_signs") and signers:
            word = ctx["v"]["parent_word"]
            blocks.append(Paragraph([Run(f"Signed by the {word}, whose decision this letter states:")],
                                    "Closing"))
            blocks += _parent_lines(signers)
    elif len(signers) > 1:
        for person in signers:
            lines: list[Any] = [person["name"]]
            relationship = person.get("relationship") or ""
            if isinstance(relationship, str) and relationship.lower() != "parent":
                lines.append(relationship[:1].upper() + relationship[1:])
            blocks.append(Paragraph(_lines(lines), "Signature"))
    else:
        signature = [sender["signature_line"] or sender["name"]]
        if sender["relationship"] and sender["relationship"] != "parent":
            signature.append(sender["relationship"][:1].upper() + sender["relationship"][1:])
        _missing_labels(signature, missing)
        blocks.append(Paragraph(_lines(signature), "Signature"))
    if cc:
        names = []
        for person in cc:
            name = person["name"] if person["name"] else ""
            names.append(f"{name}, {person['title']}" if name else person["title"])
        blocks.append(Paragraph([Run("cc: " + "; ".join(names))], "Letter Note"))
    enclosures = list(options.enclosures)
    if sender["is_advocate"] and signers and not signals.get("parents_only") and not any(
        AUTHORIZATION.lower() in item.lower() for item in enclosures
    ):
        # parts/intro.j2 says the parents' authorization to share information is enclosed.
        enclosures.append(f"{AUTHORIZATION}, signed by the {ctx['v']['parent_word'].lower()}")
    if enclosures:
        label = "Enclosure" if len(enclosures) == 1 else "Enclosures"
        blocks.append(Paragraph([Run(f"{label}: " + "; ".join(enclosures))], "Letter Note"))
    return blocks


def _parent_lines(signers: list[dict[str, Any]]) -> list[Block]:
    """A dated signature line for each parent: a line to sign on, the name and relationship, the date."""
    out: list[Block] = []
    for person in signers:
        relationship = person.get("relationship") or "parent"
        if not isinstance(relationship, str):
            relationship = "parent"
        lines = ["_______________________________", f"{person['name']}, {relationship.lower()}",
                 "Date: ________________"]
        out.append(Paragraph(_lines(lines), "Signature"))
    return out


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]
