"""The sandboxed Jinja2 environment: strict about undefined names, escaping every printed value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

from jinja2 import BaseLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from planwriter.render.markup import MISSING_CLOSE, MISSING_OPEN, escape

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


class Missing:
    """Stands in for information the case or the form does not have yet.

    It is false in ``{% if %}`` tests, iterates as empty and passes through filters, so a
    template can ask "do we know this?"; printing it records what is missing, and the preview
    shows a highlighted placeholder while an export refuses to go ahead.
    """

    __slots__ = ("field", "label")

    def __init__(self, label: str, field: str = "") -> None:
        self.label = label
        #: Which field of the case or the letter fills it in (``child.date_of_birth``,
        #: ``input:proposal``); empty when the value has no single field.
        self.field = field

    def __bool__(self) -> bool:
        return False

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0

    def __getattr__(self, name: str) -> Missing:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key: object) -> Missing:
        return self

    def __str__(self) -> str:
        return f"[{self.label}]"

    def __repr__(self) -> str:
        return f"Missing({self.label!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Missing) and other.label == self.label

    def __hash__(self) -> int:
        return hash(("Missing", self.label))


class Markup(str):
    """Text a template helper built on purpose as markup; it is printed without escaping."""

    __slots__ = ()


class TemplateBug(Exception):
    """A template printed something that cannot be printed (None, a raw object)."""


class MissingList(list):
    """Labels of missing information in the order met, with the field each one is filled in by."""

    def __init__(self, labels: Iterable[str] = (), fields: dict[str, str] | None = None) -> None:
        super().__init__(labels)
        self.fields: dict[str, str] = dict(fields or {})

    def add(self, value: Missing) -> None:
        if value.label not in self:
            self.append(value.label)
        if value.field and not self.fields.get(value.label):
            self.fields[value.label] = value.field


#: Labels of missing information printed during the current render.
_missing_seen: ContextVar[MissingList | None] = ContextVar("_missing_seen", default=None)


def collect_missing() -> tuple[MissingList, object]:
    """Start collecting missing labels for one render; returns the list and a reset token."""
    seen = MissingList()
    token = _missing_seen.set(seen)
    return seen, token


def stop_collecting(token: object) -> None:
    _missing_seen.reset(token)  # type: ignore[arg-type]


class LongText(str):
    """A long answer that a letter set short prints as its opening words, with the whole text attached.

    ``title`` names the attachment (written for the school, from the input's settings);
    ``summary`` is the opening, verbatim.
    Printed outside a letter, or through a filter, it is the whole text as usual.
    """

    def __new__(cls, text: str, title: str, summary: str) -> LongText:
        value = super().__new__(cls, text)
        value.title = title
        value.summary = summary
        return value


class Attachments:
    """Detail a letter moves to its end: each attachment's label, title and markup, in order."""

    def __init__(self, label_format: str, continued_format: str = "({label})") -> None:
        self.label_format = label_format  # "Attachment {letter}", from the language's frame.toml
        self.continued_format = continued_format  # "(The full text is in {label} …)"
        self.titles: list[str] = []
        self.markup: dict[str, str] = {}

    def label(self, title: str) -> str:
        from planwriter.render.layout import attachment_letter

        if title not in self.titles:
            self.titles.append(title)
        return self.label_format.format(letter=attachment_letter(self.titles.index(title)))


_attachments: ContextVar[Attachments | None] = ContextVar("_attachments", default=None)


def collect_attachments(label_format: str, continued_format: str = "({label})") -> tuple[Attachments, object]:
    """Start collecting attachments for one render; returns them and a reset token."""
    box = Attachments(label_format, continued_format)
    return box, _attachments.set(box)


def stop_attachments(token: object) -> None:
    _attachments.reset(token)  # type: ignore[arg-type]


def attachment(title: str) -> str:
    """``{{ attachment("Concerns with examples") }}`` → "Attachment A": how the letter refers to it."""
    box = _attachments.get()
    if box is None:
        raise TemplateBug("attachments can only be used in a letter")
    return box.label(str(title))


def attach(title: str, caller: Any = None) -> str:
    """``{% call attach("Concerns with examples") %}…{% endcall %}``: the block goes to the attachment
    with that title, printed after the letter on a page of its own; nothing is printed in place."""
    box = _attachments.get()
    if box is None or caller is None:
        raise TemplateBug("attachments can only be used in a letter, as {% call attach(title) %}")
    box.label(str(title))
    box.markup[str(title)] = box.markup.get(str(title), "") + str(caller())
    return Markup("")


# --------------------------------------------------------------------------- filters


def long_date(value: Any) -> Any:
    """``2026-11-28`` → ``November 28, 2026``."""
    if isinstance(value, Missing) or value is None:
        return value
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"


def short_date(value: Any) -> Any:
    """``2026-11-28`` → ``11/28/2026``."""
    if isinstance(value, Missing) or value is None:
        return value
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value.month}/{value.day}/{value.year}"


def month_year(value: Any) -> Any:
    if isinstance(value, Missing) or value is None:
        return value
    return f"{_MONTHS[value.month - 1]} {value.year}"


def first_name(value: Any) -> Any:
    """The first word of a full name."""
    if isinstance(value, Missing) or not value:
        return value
    return str(value).split()[0]


def possessive(value: Any) -> Any:
    """``Alex`` → ``Alex's``; ``Chris`` → ``Chris's`` (the style most US schools use)."""
    if isinstance(value, Missing) or not value:
        return value
    return f"{value}'s"


def join_list(items: Iterable[Any], conjunction: str = "and") -> Any:
    """``["reading", "writing", "math"]`` → ``reading, writing, and math`` (serial comma)."""
    if isinstance(items, Missing):
        return items
    words = [str(i) for i in items if i and not isinstance(i, Missing)]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return f"{words[0]} {conjunction} {words[1]}"
    return f"{', '.join(words[:-1])}, {conjunction} {words[-1]}"


def capfirst(value: Any) -> Any:
    """Capitalise the first letter only (Jinja's ``capitalize`` lowers the rest)."""
    if isinstance(value, Missing) or not value:
        return value
    text = str(value)
    return text[:1].upper() + text[1:]


def number_word(value: int) -> str:
    """3 → ``three``; numbers above ten stay as digits."""
    return _NUMBER_WORDS[value] if 0 <= value <= 10 else str(value)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return singular if count == 1 else (plural_form or singular + "s")


def days_word(count: int, unit: str = "calendar") -> str:
    return f"{count} {unit} day{'s' if count != 1 else ''}"


FILTERS = {
    "long_date": long_date,
    "short_date": short_date,
    "month_year": month_year,
    "first_name": first_name,
    "possessive": possessive,
    "join_list": join_list,
    "capfirst": capfirst,
    "number_word": number_word,
    "plural": plural,
    "days": days_word,
}


# --------------------------------------------------------------------------- printing


def finalize(value: Any) -> str:
    """Every ``{{ … }}`` ends here: values become inert text, missing values become marks."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, LongText):
        box = _attachments.get()
        if box is None:
            return escape(str(value))
        label = box.label(value.title)
        box.markup[value.title] = escape(str(value))
        return escape(value.summary) + " " + escape(box.continued_format.format(label=label))
    if isinstance(value, Missing):
        seen = _missing_seen.get()
        if seen is not None:
            seen.add(value)
        return f"{MISSING_OPEN}{escape(value.label)}{MISSING_CLOSE}"
    if value is None:
        raise TemplateBug("the template printed an empty value (None); guard it with {% if %}")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) and value >= 0:
        # A count the template computed (e.g. ``{{ loop.index }}.`` numbering a list), not user text.
        return str(value)
    if isinstance(value, dt.date):
        return escape(long_date(value))
    if isinstance(value, list | tuple | set | frozenset):
        return escape(join_list(value))
    if isinstance(value, dict):
        raise TemplateBug("the template printed a whole record; print one of its fields instead")
    return escape(str(value))


def make_environment(loader: BaseLoader | None = None, *, limited: bool = False) -> SandboxedEnvironment:
    """A sandboxed environment with planwriter's filters; templates cannot reach Python internals.

    ``limited`` (for the user's own templates) adds the time, loop and size limits of
    :mod:`planwriter.render.limits`."""
    from planwriter.render.limits import LimitedEnvironment

    env = (LimitedEnvironment if limited else SandboxedEnvironment)(
        loader=loader,
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=[],
    )
    env.filters.update(FILTERS)
    from planwriter.render.lazy import LazyAwareContext

    env.context_class = LazyAwareContext
    if limited:
        from planwriter.render.limits import LIMITED_FILTERS

        env.filters.update(LIMITED_FILTERS)
    env.globals.update({"number_word": number_word, "plural": plural, "attachment": attachment,
                        "attach": attach})
    from planwriter.core.goals.template_api import TEMPLATE_GLOBALS  # goal checker and goal display for templates

    env.globals.update(TEMPLATE_GLOBALS)
    return env
