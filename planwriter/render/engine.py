"""The one entry point: render any template for a case to blocks, and export blocks to Word.

The desktop app's preview and export, the command line and the tests all come through here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, TemplateSyntaxError, UndefinedError
from jinja2 import TemplateError as JinjaError

from planwriter.core.deadlines import DayUnit, add_days, due_date, timelines
from planwriter.core.model import Case, SchoolRole
from planwriter.core.text import clean_line, needs_cleaning
from planwriter.render.blocks import Document, Heading, Run
from planwriter.render.context import build_context, contact_dict, plain, sender_dict
from planwriter.render.environment import (
    TemplateBug,
    collect_missing,
    make_environment,
    stop_collecting,
)
from planwriter.render.lazy import render_lazily
from planwriter.render.letter import LetterOptions, letter_foot, letter_head
from planwriter.render.markup import parse
from planwriter.render.registry import (
    Kind,
    Registry,
    Template,
    TemplateError,
    validate_inputs,
)

log = logging.getLogger(__name__)

_default_registry: Registry | None = None


class MissingInformation(ValueError):
    """The document still has placeholders; ``str()`` lists what to fill in, in one line."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = list(missing)
        super().__init__("Before exporting, please add: " + "; ".join(self.missing))


def default_registry() -> Registry:
    """The built-in templates (loaded once per process)."""
    global _default_registry
    if _default_registry is None:
        _default_registry = Registry.load()
    return _default_registry


def _recipient(case: Case, template: Template, options: LetterOptions) -> dict[str, Any]:
    if options.recipient_id:
        contact = case.contact(options.recipient_id)
        if contact is not None:
            return contact_dict(contact, contact.role, case)
    role = template.meta.recipient_role or SchoolRole.SPECIAL_EDUCATION_DIRECTOR
    matches = case.contacts_with_role(role)
    if not matches and role in _FALLBACK_TO_DIRECTOR:
        # "Dear Case Manager" reaches nobody in particular: when the family has no case manager
        # on file, the letter goes to the special education director, who can pass it on.
        role = SchoolRole.SPECIAL_EDUCATION_DIRECTOR
        matches = case.contacts_with_role(role)
    return contact_dict(matches[0] if matches else None, role, case)


#: Roles that a family may not know by name; letters meant for them fall back to the director.
_FALLBACK_TO_DIRECTOR = frozenset({SchoolRole.CASE_MANAGER})


def _copies(case: Case, template: Template, options: LetterOptions, recipient_id: str) -> list[dict[str, Any]]:
    if options.cc_ids is not None:
        chosen = [case.contact(i) for i in options.cc_ids]
    else:
        chosen = [c for c in case.contacts if c.role in template.meta.cc_roles]
    return [
        contact_dict(c, c.role, case)
        for c in chosen
        if c is not None and c.id != recipient_id
    ]


def _response(template: Template, letter_date: dt.date, state: str) -> dict[str, Any]:
    """What the letter can say about when the school should answer."""
    rule = template.meta.response
    info: dict[str, Any] = {
        "has_deadline": False,
        "due": None,
        "explanation": "",
        "federal_note": "",
        "reply_by": None,
        "requested_days": 0,
        "requested_unit": "",
    }
    if rule is None:
        return info
    if rule.timeline:
        due = due_date(rule.timeline, letter_date, state)
        info["federal_note"] = timelines().timelines[rule.timeline].federal_note
        if due is not None:
            info.update(has_deadline=True, due=due.date, explanation=due.explanation,
                        rule_source=due.rule.source, rule_days=due.rule.amount,
                        rule_unit=due.rule.unit.value, rule_state=due.state or "")
            info["reply_by"] = due.date
    if rule.requested_days:
        asked = add_days(letter_date, rule.requested_days, DayUnit(rule.requested_unit), state)
        info.update(requested_days=rule.requested_days, requested_unit=rule.requested_unit)
        if info["reply_by"] is None or asked < info["reply_by"]:
            info["reply_by"] = asked
    return info


def render_template_text(template: Template, context: dict[str, Any]) -> str:
    """Run a template's body in the sandbox; errors name the file and line.

    A user's template runs under the limits of :mod:`planwriter.render.limits`, and any failure of
    it (a limit, endless recursion, a bug the template triggers) becomes one :class:`TemplateError`.
    """
    if template.builtin:
        return _render_text(template, context)
    from planwriter.render.limits import LimitExceeded, budget, render_limited

    try:
        with budget():
            compiled = _compiled(_search_path(template), template.body, True)
            return _render_text(template, context, lambda: render_limited(compiled, context))
    except TemplateError:
        raise
    except LimitExceeded as error:
        raise TemplateError(str(error), template.path, _error_line(error, template)) from None
    except RecursionError:
        raise TemplateError("stopped: it includes or calls itself without end", template.path) from None
    except MemoryError:
        raise TemplateError("stopped: it needs more memory than this computer has", template.path) from None
    except Exception as error:
        raise TemplateError(f"failed while running ({type(error).__name__})", template.path,
                            _error_line(error, template)) from None


def _render_text(template: Template, context: dict[str, Any], run=None) -> str:
    try:
        if run is None:
            compiled = _compiled(_search_path(template), template.body, False)
            return render_lazily(compiled, context)
        return run()
    except TemplateSyntaxError as error:
        raise TemplateError(error.message or "syntax error", template.path, error.lineno) from None
    except UndefinedError as error:
        line = _error_line(error, template)
        raise TemplateError(f"uses something planwriter does not know ({error.message})",
                            template.path, line) from None
    except TemplateBug as error:
        raise TemplateError(str(error), template.path, _error_line(error, template)) from None
    except JinjaError as error:
        raise TemplateError(str(error), template.path, _error_line(error, template)) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as error:
        raise TemplateError(f"failed while running ({type(error).__name__}: {error})",
                            template.path, _error_line(error, template)) from None


def _error_line(error: BaseException, template: Template) -> int | None:
    tb = error.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _search_path(template: Template) -> tuple[str, ...]:
    """Where ``{% include %}`` looks: the template's own folder, then the built-in language folder."""
    folders = [str(template.path.parent)]
    shared = str(default_registry().builtin_dir)
    if shared not in folders:
        folders.append(shared)
    return tuple(folders)


@lru_cache(maxsize=8)
def _environment(search_path: tuple[str, ...], limited: bool = False):
    return make_environment(FileSystemLoader(list(search_path)), limited=limited)


@lru_cache(maxsize=256)
def _compiled(search_path: tuple[str, ...], body: str, limited: bool = False):
    """Compile once per template text: the preview re-renders on every keystroke."""
    return _environment(search_path, limited).from_string(body)


def render_document(
    case: Case,
    template_id: str,
    inputs: dict[str, Any] | None = None,
    options: LetterOptions | None = None,
    *,
    registry: Registry | None = None,
    today: dt.date | None = None,
) -> Document:
    """Render one template for a case into document blocks.

    Missing information does not stop a render: it is shown as a highlighted placeholder and
    listed in ``Document.missing`` so the preview can say what to fill in.
    """
    registry = registry or default_registry()
    template = registry.get(template_id)
    options = options or LetterOptions()
    if any(needs_cleaning(e) for e in options.enclosures):  # e.g. given on the command line
        options = dataclasses.replace(options, enclosures=[e for e in map(clean_line, options.enclosures) if e])
    values = validate_inputs(template, inputs or {})
    context = build_context(case, today=today)
    if options.sender is not None and not options.sender.is_empty() and case.sender.is_empty():
        context["sender"] = sender_dict(options.sender, case)
    letter_date = options.date or today or dt.date.today()
    context["letter_date"] = letter_date
    context["inputs"] = {
        # A required list left empty is missing information, not an empty list to print as nothing.
        spec.name: plain(None if spec.required and values[spec.name] == [] else values[spec.name],
                         spec.label.lower())
        for spec in template.meta.inputs
    }
    state = case.child.state or ""
    context["response"] = _response(template, letter_date, state)
    context["meta"] = {"title": template.meta.title, "id": template.meta.id}
    recipient = _recipient(case, template, options)
    if not recipient.get("known") and recipient.get("role") == SchoolRole.STATE_AGENCY.value:
        # No one at the state is known by name: name the agency if the letter asks for it, and
        # greet the office formally rather than "Dear State Department of Education".
        agency = values.get("state_agency_name")
        if isinstance(agency, str) and agency.strip():
            recipient["title"] = agency.strip()
        recipient["salutation"] = "Sir or Madam"
    context["recipient"] = recipient
    cc = _copies(case, template, options, recipient.get("id", ""))
    context["cc"] = cc
    if template.docx_path is not None:  # a user's Word template: filled in place, no letter frame
        from planwriter.render.user_templates import render_docx_template

        return render_docx_template(template, context)

    seen, token = collect_missing()
    try:
        markup = render_template_text(template, context)
        body = parse(markup)
    finally:
        stop_collecting(token)
    missing = list(seen)

    if template.meta.kind == Kind.LETTER:
        subject = template.meta.subject or template.meta.title
        head = letter_head(context, subject, options, missing)
        foot = letter_foot(context, options, cc, missing)
        blocks = [*head, *body, *foot]
    else:
        blocks = [Heading([Run(template.meta.title)], level=0), *body]

    sender = context["sender"]
    author = sender["name"] if isinstance(sender["name"], str) else ""
    child_name = case.child.full_legal_name
    recipient_text = ", ".join(
        str(p) for p in (recipient["name"], recipient["title"]) if p and isinstance(p, str)
    )
    response = context["response"]
    document = Document(
        title=f"{template.meta.title} - {child_name}" if child_name else template.meta.title,
        blocks=blocks,
        kind=template.meta.kind.value,
        template_id=template.id,
        author=author,
        subject=template.meta.subject or template.meta.title,
        missing=missing,
        recipient=recipient_text,
        response_due=response["due"] or response["reply_by"],
        response_note=response["explanation"]
        or (f"the date the letter asks for ({response['requested_days']} "
            f"{response['requested_unit']} days); the law sets no number of days"
            if response["reply_by"] else ""),
    )
    log.debug("Rendered template %s (%d blocks)", template.id, len(blocks))
    return document


def export_docx(
    document: Document,
    path: str | os.PathLike[str],
    *,
    letterhead: str | os.PathLike[str] | None = None,
    allow_missing: bool = False,
    notices: list[str] | None = None,
) -> Path:
    """Write a rendered document to a .docx file (atomically). Refuses placeholders unless asked.

    The file is cleaned (:func:`planwriter.render.docx_safety.clean_docx`): properties are the
    document's own and nothing in it fetches content from elsewhere. What the cleaning removed is
    added to ``notices`` (one plain sentence each). A letterhead that is not a safe Word file raises
    :class:`~planwriter.render.docx_safety.UnsafeDocx` (a ``ValueError``) naming the problem."""
    from planwriter.core.atomic import atomic_write_bytes
    from planwriter.render.docx_safety import check_docx_file, clean_docx

    if document.missing and not allow_missing:
        raise MissingInformation(document.missing)
    docx_bytes = getattr(document, "docx_bytes", None)
    if not docx_bytes:
        from planwriter.render.docx_writer import DocxWriter

        if letterhead:
            check_docx_file(Path(letterhead))
        docx_bytes = DocxWriter(letterhead=Path(letterhead) if letterhead else None).to_bytes(document)
    cleaned, removed = clean_docx(docx_bytes, title=document.title, author=document.author,
                                  subject=document.subject, language=document.language)
    if notices is not None:
        notices.extend(removed)
    path = atomic_write_bytes(path, cleaned)
    log.info("Exported a %s document", document.kind)
    return path


def export(
    case: Case,
    template_id: str,
    path: str | os.PathLike[str],
    inputs: dict[str, Any] | None = None,
    options: LetterOptions | None = None,
    *,
    registry: Registry | None = None,
    letterhead: str | os.PathLike[str] | None = None,
    today: dt.date | None = None,
) -> Document:
    """Render and write in one step; returns the rendered document (for the correspondence log)."""
    document = render_document(case, template_id, inputs, options, registry=registry, today=today)
    export_docx(document, path, letterhead=letterhead)
    return document
