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

from planwriter.core.model import Case, PlanStatus, SchoolRole
from planwriter.core.text import clean_line, needs_cleaning
from planwriter.render.blocks import Block, Document, Heading, PageBreak, Paragraph, Run
from planwriter.render.context import build_context, contact_dict, plain, sender_dict, signer_context
from planwriter.render.environment import (
    LongText,
    MissingList,
    TemplateBug,
    collect_attachments,
    collect_missing,
    long_date,
    make_environment,
    stop_attachments,
    stop_collecting,
)
from planwriter.render.guidance import response_context, response_for
from planwriter.render.layout import (
    LETTER_PAGE_LIMIT,
    LONG_TEXT_CHARS,
    TIGHT_FROM,
    TIGHT_UP_TO,
    estimate_pages,
    frame_words,
    opening,
)
from planwriter.render.lazy import render_lazily
from planwriter.render.letter import LetterOptions, letter_foot, letter_head
from planwriter.render.letters import chosen_recipient, default_copies
from planwriter.render.markup import parse
from planwriter.render.registry import (
    InputType,
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
    contact, role = chosen_recipient(case, template, options.recipient_id)
    return contact_dict(contact, contact.role if contact is not None else role, case)


def _copies(case: Case, template: Template, options: LetterOptions, recipient_id: str) -> list[dict[str, Any]]:
    chosen_ids = options.cc_ids if options.cc_ids is not None else default_copies(case, template, recipient_id)
    chosen = [case.contact(i) for i in chosen_ids]
    return [
        contact_dict(c, c.role, case)
        for c in chosen
        if c is not None and c.id != recipient_id
    ]


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


class LayoutFlags:
    """``layout`` in a template: ``layout.compact`` asks for a summary with the detail attached.

    Remembers whether the template asked, so a letter that never summarises is rendered once.
    """

    def __init__(self, compact: bool) -> None:
        self._compact = compact
        self.asked = False

    @property
    def compact(self) -> bool:
        self.asked = True
        return self._compact


def _render_body(
    template: Template, context: dict[str, Any], frame: dict[str, str], *, compact: bool
) -> tuple[list[Block], list[tuple[str, str, list[Block]]], MissingList]:
    """The template's own blocks, its attachments (label, title, blocks) and what it found missing."""
    context["layout"] = LayoutFlags(compact)
    seen, token = collect_missing()
    box, attach_token = collect_attachments(frame.get("attachment", "{letter}"), frame.get("continued", "({label})"))
    try:
        body = parse(render_template_text(template, context))
        attachments = [
            (box.label(title), title, parse(box.markup[title])) for title in box.titles if box.markup.get(title)
        ]
    finally:
        stop_attachments(attach_token)
        stop_collecting(token)
    return body, attachments, MissingList(seen, seen.fields)


def _long_answers(template: Template, inputs: dict[str, Any], frame: dict[str, str]) -> dict[str, LongText]:
    """The long-text answers long enough to move to an attachment in a letter set short, each titled
    for the school (the input's ``attachment`` text, else the frame's ``long_answer_title``)."""
    out: dict[str, LongText] = {}
    for spec in template.meta.inputs:
        value = inputs.get(spec.name)
        if spec.type == InputType.LONG_TEXT and isinstance(value, str) and len(value) > LONG_TEXT_CHARS:
            title = spec.attachment or frame.get("long_answer_title", "")
            out[spec.name] = LongText(value, title, opening(value))
    return out


def _attachment_blocks(attachments: list[tuple[str, str, list[Block]]], frame: dict[str, str]) -> list[Block]:
    """Each attachment on a page of its own after the letter, under a heading that names it."""
    out: list[Block] = []
    for label, title, blocks in attachments:
        heading = frame.get("attachment_heading", "{label}: {title}").format(label=label, title=title)
        out += [PageBreak(), Heading([Run(heading)], level=1), *blocks]
    return out


def _letterhead_alt(sender: dict[str, Any], frame: dict[str, str]) -> str:
    """"Letterhead of <organisation or sender>" for a letterhead's pictures, in the frame's words."""
    name = next((v for v in (sender.get("organization"), sender.get("name")) if isinstance(v, str) and v), "")
    if name:
        return frame.get("letterhead_alt", "{name}").format(name=name)
    return frame.get("letterhead_alt_unnamed", "")


def _subject(template: Template, case: Case) -> str:
    """The subject line: the template's 504 wording when the child has a Section 504 plan."""
    if case.plan_status == PlanStatus.PLAN_504 and template.meta.subject_504:
        return template.meta.subject_504
    return template.meta.subject or template.meta.title


def _letter_blocks(
    template: Template,
    context: dict[str, Any],
    options: LetterOptions,
    subject: str,
    cc: list[dict[str, Any]],
    frame: dict[str, str],
    *,
    compact: bool,
) -> tuple[list[Block], MissingList]:
    """The whole letter: frame, body, signature and notes, then any attachments."""
    body, attachments, missing = _render_body(template, context, frame, compact=compact)
    head = letter_head(context, subject, options, missing)
    foot = letter_foot(context, options, cc, missing)
    if attachments:
        items = "; ".join(
            frame.get("attachment_heading", "{label}: {title}").format(label=label, title=title)
            for label, title, _blocks in attachments
        )
        foot.append(Paragraph([Run(frame.get("attached", "{items}").format(items=items))], "Letter Note"))
    return [*head, *body, *foot, *_attachment_blocks(attachments, frame)], missing


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
    options = options or LetterOptions(delivery=template.meta.delivery)
    if any(needs_cleaning(e) for e in options.enclosures):  # e.g. given on the command line
        options = dataclasses.replace(options, enclosures=[e for e in map(clean_line, options.enclosures) if e])
    values = validate_inputs(template, inputs or {})
    context = build_context(case, today=today)
    if options.sender is not None and not options.sender.is_empty() and case.sender.is_empty():
        context["sender"] = sender_dict(options.sender, case)
        context.update(signer_context(case, options.sender, options.signer_ids))
    elif options.signer_ids is not None:
        context.update(signer_context(case, case.effective_sender(), options.signer_ids))
    letter_date = options.date or today or dt.date.today()
    context["letter_date"] = letter_date
    context["inputs"] = {
        # A required list left empty is missing information, not an empty list to print as nothing.
        spec.name: plain(None if spec.required and values[spec.name] == [] else values[spec.name],
                         spec.label.lower(), f"input:{spec.name}")
        for spec in template.meta.inputs
    }
    # The deadline engine decides every date the letter states (render/guidance.py).
    answer = response_for(template, letter_date, case, values)
    context["response"] = response_context(answer)
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

    frame = frame_words(registry.language)
    if template.meta.kind != Kind.LETTER:
        body, attachments, missing = _render_body(template, context, frame, compact=False)
        blocks = [Heading([Run(template.meta.title)], level=0), *body, *_attachment_blocks(attachments, frame)]
        total, letter = estimate_pages(blocks)
        fit = "normal"
    else:
        subject = _subject(template, case)
        blocks, missing = _letter_blocks(template, context, options, subject, cc, frame, compact=False)
        total, letter = estimate_pages(blocks)
        long_answers = _long_answers(template, context["inputs"], frame)
        if letter > TIGHT_UP_TO and (context["layout"].asked or long_answers):
            # Too long for one page: the parts that can summarise and move their detail to an
            # attachment at the end, and long answers keep their opening in the letter. That version
            # is taken when it fits on one page, or when the full letter would pass the page limit
            # and the summary is shorter.
            short_context = {**context, "inputs": {**context["inputs"], **long_answers}}
            short, short_missing = _letter_blocks(template, short_context, options, subject, cc, frame,
                                                  compact=True)
            short_total, short_letter = estimate_pages(short)
            if short_letter <= TIGHT_UP_TO or (letter > LETTER_PAGE_LIMIT and short_letter < letter):
                blocks, missing, total, letter = short, short_missing, short_total, short_letter
        fit = "tight" if TIGHT_FROM < letter <= TIGHT_UP_TO else "normal"

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
        subject=_subject(template, case),
        missing=list(missing),
        recipient=recipient_text,
        response_due=response["due"] or response["reply_by"],
        response_note=answer.note if answer is not None else "",
        deadline_warnings=list(answer.warnings) if answer is not None else [],
        missing_fields=dict(missing.fields),
        estimated_pages=total,
        letter_pages=letter,
        fit=fit,
        page_label=frame.get("page_label", ""),
        image_alt=_letterhead_alt(sender, frame),
        attachments=[b.text for n, b in enumerate(blocks)
                     if isinstance(b, Heading) and n and isinstance(blocks[n - 1], PageBreak)],
    )
    if template.meta.kind == Kind.LETTER and child_name:
        document.running_head = frame.get("running_head", "").format(
            name=child_name, date=long_date(letter_date))
    log.debug("Rendered template %s (%d blocks)", template.id, len(blocks))
    return document


def docx_bytes(
    document: Document,
    *,
    letterhead: str | os.PathLike[str] | None = None,
    notices: list[str] | None = None,
    writer: Any = None,
) -> bytes:
    """The .docx file of a rendered document, cleaned, as bytes (what :func:`export_docx` writes).

    The file is cleaned (:func:`planwriter.render.docx_safety.clean_docx`): properties are the
    document's own and nothing in it fetches content from elsewhere. What the cleaning removed is
    added to ``notices`` (one plain sentence each). A letterhead that is not a safe Word file raises
    :class:`~planwriter.render.docx_safety.UnsafeDocx` (a ``ValueError``) naming the problem.
    ``writer`` is a :class:`~planwriter.render.docx_writer.DocxWriter` to reuse (a batch keeps one
    per letterhead); by default a new one is made."""
    from planwriter.render.docx_safety import check_docx_file, clean_docx

    data = getattr(document, "docx_bytes", None)
    if not data:
        if writer is None:
            from planwriter.render.docx_writer import DocxWriter

            if letterhead:
                check_docx_file(Path(letterhead))
            writer = DocxWriter(letterhead=Path(letterhead) if letterhead else None)
        data = writer.to_bytes(document)
    cleaned, removed = clean_docx(data, title=document.title, author=document.author,
                                  subject=document.subject, language=document.language)
    if notices is not None:
        notices.extend(removed)
    return cleaned


def export_docx(
    document: Document,
    path: str | os.PathLike[str],
    *,
    letterhead: str | os.PathLike[str] | None = None,
    allow_missing: bool = False,
    notices: list[str] | None = None,
) -> Path:
    """Write a rendered document to a .docx file (atomically), cleaned as :func:`docx_bytes` says.
    Refuses placeholders (:class:`MissingInformation`) unless ``allow_missing``."""
    from planwriter.core.atomic import atomic_write_bytes

    if document.missing and not allow_missing:
        raise MissingInformation(document.missing)
    path = atomic_write_bytes(path, docx_bytes(document, letterhead=letterhead, notices=notices))
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
