"""Letter rules in one place: defaults, saved answers, what is still needed, 'Before you send', the log.

The Letters page and ``planwriter-cli render`` both come here, so the same saved case gives the same
letter through either of them. Nothing here imports Qt; nothing here computes a date (due dates come
from the deadline engine through :mod:`planwriter.render.engine` and :mod:`planwriter.render.guidance`).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from planwriter.core.model import (
    ROLE_LABELS,
    Case,
    Contact,
    DeliveryMethod,
    LetterDraft,
    LogEntry,
    PlanStatus,
    SchoolRole,
    Sender,
)
from planwriter.render.blocks import Document
from planwriter.render.guidance import LetterGuidance, letter_guidance, response_for
from planwriter.render.letter import LetterOptions
from planwriter.render.registry import InputError, Kind, Registry, Template, coerce_input

log = logging.getLogger(__name__)

#: Roles a family may not know by name: a letter meant for one of them goes to the special education
#: director when nobody with that role is on file ("Dear Case Manager" reaches nobody in particular).
FALLBACK_TO_DIRECTOR = frozenset({SchoolRole.CASE_MANAGER})


class Area(StrEnum):
    """Where a missing piece of information is filled in."""

    LETTER = "letter"  # this letter's own questions
    CHILD = "child"  # the child's details
    FAMILY = "family"  # who signs: the sender, parents and guardians
    SCHOOL = "school"  # the school team: recipient and copies
    OTHER = "other"


@dataclass(frozen=True)
class Needed:
    """One piece of information a letter still needs before it can be exported.

    ``field`` names it for code (``child.date_of_birth``, ``input:proposal``, ``recipient.email``);
    ``label`` says it for a person; ``area`` says where it is filled in.
    """

    field: str
    label: str
    area: Area


@dataclass
class LetterResult:
    """A rendered letter with everything the page and the command line show about it."""

    template: Template
    draft: LetterDraft
    options: LetterOptions
    document: Document
    needed: list[Needed] = field(default_factory=list)

    @property
    def letter_date(self) -> dt.date:
        return self.options.date or dt.date.today()

    @property
    def pages(self) -> float:
        """The estimated length in pages (see :func:`planwriter.render.layout.estimate_pages`)."""
        return self.document.estimated_pages

    @property
    def too_long(self) -> bool:
        """More than two pages even after detail moved to an attachment: worth a warning."""
        from planwriter.render.layout import LETTER_PAGE_LIMIT

        return self.template.meta.kind == Kind.LETTER and self.document.letter_pages > LETTER_PAGE_LIMIT


# --------------------------------------------------------------------------- recipient and copies


def recipient_role(case: Case, template: Template) -> SchoolRole:
    """The role a letter goes to when no one is chosen: the template's role (its 504 role for a family
    with a 504 plan), or the director when nobody with a role a family may not know by name
    (:data:`FALLBACK_TO_DIRECTOR`) is on file."""
    role = template.meta.recipient_role or SchoolRole.SPECIAL_EDUCATION_DIRECTOR
    if case.plan_status == PlanStatus.PLAN_504 and template.meta.recipient_role_504:
        role = template.meta.recipient_role_504  # a 504 family writes to the 504 coordinator
    if role in FALLBACK_TO_DIRECTOR and not case.contacts_with_role(role):
        return SchoolRole.SPECIAL_EDUCATION_DIRECTOR
    return role


def default_recipient(case: Case, template: Template) -> Contact | None:
    """The first contact with :func:`recipient_role`, or ``None`` when nobody has it."""
    matches = case.contacts_with_role(recipient_role(case, template))
    return matches[0] if matches else None


def chosen_recipient(case: Case, template: Template, recipient_id: str | None) -> tuple[Contact | None, SchoolRole]:
    """Who a letter goes to: the chosen contact if still on file, else the default; with the role."""
    if recipient_id:
        contact = case.contact(recipient_id)
        if contact is not None:
            return contact, contact.role
    return default_recipient(case, template), recipient_role(case, template)


def default_copies(case: Case, template: Template, recipient_id: str | None) -> list[str]:
    """Ids of the contacts in the template's copy roles, never the recipient."""
    return [c.id for c in case.contacts if c.role in template.meta.cc_roles and c.id != recipient_id]


# --------------------------------------------------------------------------- drafts


def default_inputs(template: Template) -> dict[str, Any]:
    """Each input at its default, typed; a default that does not fit its type becomes empty."""
    inputs: dict[str, Any] = {}
    for spec in template.meta.inputs:
        try:
            inputs[spec.name] = coerce_input(spec, spec.default)
        except InputError:
            inputs[spec.name] = None
    return inputs


def new_draft(case: Case, template: Template) -> LetterDraft:
    """A fresh letter: default answers, the default recipient and copies, the template's enclosures."""
    contact = default_recipient(case, template)
    recipient_id = contact.id if contact is not None else None
    return LetterDraft(
        inputs=default_inputs(template),
        recipient_id=recipient_id,
        cc_ids=default_copies(case, template, recipient_id),
        delivery=template.meta.delivery,
        enclosures=list(template.meta.enclosures),
    )


def type_answers(template: Template, draft: LetterDraft) -> None:
    """Give saved answers their types in place (a case file holds dates as text).

    An answer that no longer fits its question (the template changed) goes back to the default;
    answers to questions the template no longer asks are kept in the case but never rendered.
    """
    for spec in template.meta.inputs:
        if spec.name not in draft.inputs:
            continue
        try:
            draft.inputs[spec.name] = coerce_input(spec, draft.inputs[spec.name])
        except InputError:
            log.info("A saved answer no longer fits its question; the default is used")
            try:
                draft.inputs[spec.name] = coerce_input(spec, spec.default)
            except InputError:
                draft.inputs[spec.name] = None


def saved_draft(case: Case, template: Template, *, keep: bool = False) -> LetterDraft:
    """The case's draft of this letter with typed answers, or a new one (stored in the case if ``keep``)."""
    draft = case.letter_drafts.get(template.id)
    if draft is None:
        draft = new_draft(case, template)
        if keep:
            case.letter_drafts[template.id] = draft
        return draft
    type_answers(template, draft)
    return draft


def follow_recipient(case: Case, template: Template, draft: LetterDraft) -> bool:
    """A letter with no one chosen goes to a person with its role added since; returns whether it changed."""
    if draft.recipient_id is not None:
        return False
    contact = default_recipient(case, template)
    if contact is None:
        return False
    draft.recipient_id = contact.id
    draft.cc_ids = [i for i in draft.cc_ids if i != contact.id]
    return True


def render_inputs(template: Template, draft: LetterDraft, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The answers a render uses: the draft's (for questions the template still asks) and overrides.

    Overrides (``--set`` on the command line) are checked strictly: an unknown name or a value of
    the wrong type raises :class:`InputError`.
    """
    names = {spec.name for spec in template.meta.inputs}
    inputs = {name: value for name, value in draft.inputs.items() if name in names}
    for name, value in (overrides or {}).items():
        spec = template.input(name)
        if spec is None:
            known = ", ".join(sorted(names)) or "none"
            raise InputError(f"The letter “{template.meta.title}” has no input “{name}” (inputs: {known})")
        inputs[name] = coerce_input(spec, value)
    return inputs


def letter_options(
    draft: LetterDraft,
    *,
    sender: Sender | None = None,
    letterhead: bool = False,
    date: dt.date | None = None,
) -> LetterOptions:
    """The sending choices of a draft as render options (``date`` overrides the draft's date)."""
    return LetterOptions(
        date=date or draft.date,
        recipient_id=draft.recipient_id,
        cc_ids=list(draft.cc_ids),
        delivery=draft.delivery,
        enclosures=list(draft.enclosures),
        # The letter's own choice of who signs (None: the guardians marked as signing).
        signer_ids=list(draft.signer_ids) if draft.signer_ids else None,
        sender=sender if sender is not None and not sender.is_empty() else None,
        letterhead=letterhead,
    )


# --------------------------------------------------------------------------- rendering


def render_letter(
    case: Case,
    template_id: str,
    *,
    draft: LetterDraft | None = None,
    overrides: dict[str, Any] | None = None,
    sender: Sender | None = None,
    letterhead: bool = False,
    date: dt.date | None = None,
    registry: Registry | None = None,
    today: dt.date | None = None,
) -> LetterResult:
    """Render a letter from what the case saved for it (or ``draft``), as the page and the CLI do.

    Raises ``KeyError`` for an unknown template, :class:`InputError` for an override that does not
    fit, and :class:`~planwriter.render.registry.TemplateError` for a template that cannot run.
    """
    from planwriter.render.engine import default_registry, render_document

    registry = registry or default_registry()
    template = registry.get(template_id)
    if draft is None:
        draft = saved_draft(case, template)
    inputs = render_inputs(template, draft, overrides)
    options = letter_options(draft, sender=sender, letterhead=letterhead, date=date or today)
    if options.date is None:
        options.date = today or dt.date.today()
    document = render_document(case, template.id, inputs, options, registry=registry, today=today)
    needed = still_needed(case, template, draft, document, inputs)
    return LetterResult(template, draft, options, document, needed)


# --------------------------------------------------------------------------- still needed


_PARTS_OF_NAME = ("child.legal_first_name", "child.legal_last_name")


def _area(field_name: str) -> Area:
    if field_name.startswith("input:"):
        return Area.LETTER
    head = field_name.split(".", 1)[0]
    return {
        "child": Area.CHILD,
        "sender": Area.FAMILY,
        "guardian": Area.FAMILY,
        "guardians": Area.FAMILY,
        "contact": Area.SCHOOL,
        "recipient": Area.SCHOOL,
    }.get(head, Area.OTHER)


def still_needed(case: Case, template: Template, draft: LetterDraft, document: Document,
                 inputs: dict[str, Any] | None = None) -> list[Needed]:
    """What must be filled in before the letter can be exported, one entry per field, in letter order.

    ``inputs`` are the answers the letter was rendered with (the draft's, with any ``--set``
    overrides); without them the draft's own answers are checked.
    """
    answers = draft.inputs if inputs is None else inputs
    out: list[Needed] = []
    seen: set[str] = set()

    def add(field_name: str, label: str) -> None:
        key = field_name or f"label:{label}"
        if key in seen:
            return
        seen.add(key)
        out.append(Needed(field_name, label, _area(field_name)))

    fields = [document.missing_fields.get(label, "") for label in document.missing]
    if "child.name" in fields:
        seen.update(_PARTS_OF_NAME)  # the whole name is asked for once, not its parts as well
    for label, field_name in zip(document.missing, fields, strict=True):
        add(field_name, label)
    for spec in template.meta.inputs:
        if spec.required and answers.get(spec.name) in (None, "", []):
            add(f"input:{spec.name}", spec.label.lower())
    if template.meta.kind == Kind.LETTER and draft.delivery == DeliveryMethod.EMAIL:
        contact, role = chosen_recipient(case, template, draft.recipient_id)
        if contact is None or not contact.email:
            add("recipient.email", f"an email address for {_who(contact, role)} (the letter is sent by email)")
    return out


def _who(contact: Contact | None, role: SchoolRole) -> str:
    if contact is not None and contact.name:
        return contact.name
    title = contact.display_title if contact is not None else ROLE_LABELS[role]
    return f"the {title[:1].lower()}{title[1:]}"


# --------------------------------------------------------------------------- after export


@dataclass
class SendingAdvice:
    """'Before you send' for one rendered letter: the template's guidance and the answer's due date."""

    guidance: LetterGuidance
    due: dt.date | None
    due_note: str  # how the due date was worked out, in words


def before_you_send(template: Template, document: Document) -> SendingAdvice:
    """The guidance and the due date the letter itself states (from the deadline engine)."""
    return SendingAdvice(letter_guidance(template), document.response_due, document.response_note)


def answer_lines(template: Template, case: Case, sent: dt.date, inputs: dict[str, Any] | None = None) -> list[str]:
    """When the school should answer a letter sent on ``sent``, in the sentences ``planwriter-cli guidance``
    prints (one per line; empty when the letter asks for no answer by a date)."""
    info = response_for(template, sent, case, inputs)
    return info.lines if info is not None else []


def log_entry(result: LetterResult, file_name: str) -> LogEntry:
    """The correspondence-log entry for a letter exported as ``file_name``."""
    document = result.document
    return LogEntry(
        date=result.letter_date,
        template_id=result.template.id,
        title=result.template.meta.title,
        recipient=document.recipient,
        delivery_method=result.draft.delivery,
        response_due=document.response_due,
        response_rule=document.response_note,
        file_name=file_name,
        # The rule, so the answer's date can be worked out again when the state or calendar changes.
        timeline=result.template.meta.response.timeline if result.template.meta.response else "",
    )


__all__ = [
    "FALLBACK_TO_DIRECTOR", "Area", "LetterResult", "Needed", "SendingAdvice", "answer_lines", "before_you_send",
    "chosen_recipient", "default_copies", "default_inputs", "default_recipient", "follow_recipient",
    "letter_options", "log_entry", "new_draft", "recipient_role", "render_inputs", "render_letter",
    "saved_draft", "still_needed", "type_answers",
]
