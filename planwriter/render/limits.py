"""Limits for the user's own templates: time, loop iterations, output size and sizes of computed text.

Built-in templates are written and tested with planwriter and run without these checks. A template
from the user's folder (often shared by an advocate) runs in :class:`LimitedEnvironment`, the same
sandbox with a budget: every loop step, call and computed string is checked against it, so a
template that would run forever or fill the memory stops with one clear line
(:class:`LimitExceeded`) instead of freezing the app.

Limits (all per render): :data:`MAX_SECONDS` of running time, :data:`MAX_ITERATIONS` loop steps and
calls, :data:`MAX_OUTPUT` characters of output, :data:`MAX_TEXT` characters for any one computed
text or list (``'a' * n``, ``center``, ``indent``, ``replace``, ``format`` …) and :data:`MAX_DEPTH`
nested calls (recursive macros). Endless includes end in Python's recursion limit, which the
callers report the same way.
"""

from __future__ import annotations

import operator
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from jinja2 import Template, nodes
from jinja2.compiler import CodeGenerator
from jinja2.filters import (
    do_batch,
    do_center,
    do_format,
    do_indent,
    do_replace,
    do_slice,
    do_truncate,
    do_wordwrap,
)
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

MAX_SECONDS = 5.0
MAX_ITERATIONS = 1_000_000
MAX_OUTPUT = 2_000_000
MAX_TEXT = 1_000_000
MAX_DEPTH = 60
#: Largest number a template may raise to a power or use as a width.
MAX_NUMBER_BITS = 4096


class LimitExceeded(Exception):
    """A user template went past one of the limits; ``str()`` is one line for the user."""


class Budget:
    """What one render of a user template may still spend."""

    __slots__ = ("deadline", "depth", "output", "seconds", "steps")

    def __init__(self, seconds: float | None = None) -> None:
        seconds = MAX_SECONDS if seconds is None else seconds
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.steps = 0
        self.depth = 0
        self.output = 0

    def tick(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_ITERATIONS:
            raise LimitExceeded(
                f"stopped after {MAX_ITERATIONS:,} loop steps; a template may not loop more than that"
            )
        if self.steps & 0xFF == 0 or count > 1:
            self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"stopped after {self.seconds:g} seconds; a template must finish sooner")

    def add_output(self, size: int) -> None:
        self.output += size
        if self.output > MAX_OUTPUT:
            raise LimitExceeded(f"stopped: the document grew past {MAX_OUTPUT:,} characters")
        self.check_time()


_budget: ContextVar[Budget | None] = ContextVar("planwriter_template_budget", default=None)


@contextmanager
def budget(seconds: float | None = None) -> Iterator[Budget]:
    """Run the renders inside the ``with`` block under one fresh budget."""
    current = Budget(seconds)
    token = _budget.set(current)
    try:
        yield current
    finally:
        _budget.reset(token)


def _current() -> Budget:
    current = _budget.get()
    if current is None:
        # A limited template run outside ``budget()`` still gets limits of its own.
        current = Budget()
        _budget.set(current)
    return current


# --------------------------------------------------------------------------- sizes


def _too_long(what: str) -> LimitExceeded:
    return LimitExceeded(f"{what} would make a text longer than {MAX_TEXT:,} characters")


def _check_size(size: int, what: str) -> None:
    if size > MAX_TEXT:
        raise _too_long(what)


def _check_number(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_TEXT:
        raise _too_long(what)


def _sized(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return 0


def _checked_multiply(left: Any, right: Any) -> Any:
    if isinstance(left, str | list | tuple | bytes) and isinstance(right, int):
        _check_size(_sized(left) * max(right, 0), "repeating a text or list")
    elif isinstance(right, str | list | tuple | bytes) and isinstance(left, int):
        _check_size(_sized(right) * max(left, 0), "repeating a text or list")
    return operator.mul(left, right)


def _checked_power(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 \
            and abs(left).bit_length() * right > MAX_NUMBER_BITS:
        raise LimitExceeded("a number in the template is too large to compute")
    return operator.pow(left, right)


_WIDTH = re.compile(r"(\d{5,})|\*")


def _check_format_text(text: str, what: str) -> None:
    for match in _WIDTH.finditer(text):
        if match.group(0) == "*" or int(match.group(1)) > MAX_TEXT:
            if match.group(0) == "*" and what == "formatting":
                raise LimitExceeded("“*” widths are not allowed in a template's formatting")
            if match.group(0) != "*":
                raise _too_long(what)


def _checked_modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        _check_format_text(left, "formatting")
    return operator.mod(left, right)


def _checked_add(left: Any, right: Any) -> Any:
    if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        _check_size(_sized(left) + _sized(right), "joining texts")
    return operator.add(left, right)


# --------------------------------------------------------------------------- filters


def _center(value: Any, width: int = 80) -> str:
    _check_number(width, "centring")
    return do_center(value, width)


def _indent(value: Any, width: Any = 4, first: bool = False, blank: bool = False) -> str:
    if isinstance(width, str):
        _check_size(len(width) * (str(value).count("\n") + 1), "indenting")
    else:
        _check_number(width, "indenting")
        _check_size(int(width) * (str(value).count("\n") + 1), "indenting")
    return do_indent(value, width, first, blank)


def _replace(eval_ctx: Any, value: Any, old: Any, new: Any, count: int | None = None) -> Any:
    text, old, new = str(value), str(old), str(new)
    times = (len(text) + 1) if old == "" else text.count(old)
    if count is not None and count >= 0:
        times = min(times, count)
    _check_size(len(text) + times * len(new), "replacing")
    return do_replace(eval_ctx, value, old, new, count)


def _format(value: Any, *args: Any, **kwargs: Any) -> str:
    _check_format_text(str(value), "formatting")
    return do_format(value, *args, **kwargs)


def _batch(value: Any, linecount: int, fill_with: Any = None) -> Any:
    _check_number(linecount, "batching a list")
    return do_batch(value, linecount, fill_with)


def _slice(value: Any, slices: int, fill_with: Any = None) -> Any:
    _check_number(slices, "slicing a list")
    return do_slice(value, slices, fill_with)


def _truncate(env: Any, value: Any, length: int = 255, killwords: bool = False, end: str = "...",
              leeway: int | None = None) -> str:
    return do_truncate(env, value, min(length, MAX_TEXT) if isinstance(length, int) else length,
                       killwords, end, leeway)


def _wordwrap(env: Any, value: Any, width: int = 79, break_long_words: bool = True,
              wrapstring: str | None = None, break_on_hyphens: bool = True) -> str:
    if wrapstring is not None:
        _check_size(len(str(wrapstring)) * (len(str(value)) + 1), "wrapping")
    return do_wordwrap(env, value, width, break_long_words, wrapstring, break_on_hyphens)


# Keep Jinja's argument passing (the environment / eval context first) for the wrapped filters.
_replace.jinja_pass_arg = do_replace.jinja_pass_arg  # type: ignore[attr-defined]
_truncate.jinja_pass_arg = do_truncate.jinja_pass_arg  # type: ignore[attr-defined]
_wordwrap.jinja_pass_arg = do_wordwrap.jinja_pass_arg  # type: ignore[attr-defined]

LIMITED_FILTERS = {
    "center": _center,
    "indent": _indent,
    "replace": _replace,
    "format": _format,
    "batch": _batch,
    "slice": _slice,
    "truncate": _truncate,
    "wordwrap": _wordwrap,
}


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    from jinja2.utils import generate_lorem_ipsum

    for value in (n, min, max):
        _check_number(value, "lorem ipsum text")
    if isinstance(n, int) and isinstance(max, int) and n * max > 20_000:
        raise _too_long("lorem ipsum text")
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


def _range(*args: int) -> Iterable[int]:
    numbers = range(*args)
    if len(numbers) > MAX_ITERATIONS:
        raise LimitExceeded(f"a range of {len(numbers):,} numbers is more than a template may loop over")
    return numbers


# String methods whose result can be far larger than the text they are called on.
_GROWING_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs", "replace", "format", "join",
                    "format_map"}


def _check_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if isinstance(owner, list | dict) and name in {"extend", "update", "__iadd__"} and args:
        _check_size(len(owner) + _sized(args[0]), "growing a list")
        return
    if not isinstance(owner, str) or name not in _GROWING_METHODS:
        return
    if name in {"center", "ljust", "rjust", "zfill"}:
        if args:
            _check_number(args[0], "padding a text")
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        _check_number(size, "expanding tabs")
        if isinstance(size, int):
            _check_size(len(owner) * max(size, 1), "expanding tabs")
    elif name == "replace" and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        times = (len(owner) + 1) if old == "" else owner.count(old)
        _check_size(len(owner) + times * len(new), "replacing")
    elif name in {"format", "format_map"}:
        _check_format_text(owner, "formatting")
    elif name == "join" and args:
        items = args[0]
        if isinstance(items, list | tuple):
            _check_size(sum(_sized(i) for i in items) + len(owner) * len(items), "joining texts")


# --------------------------------------------------------------------------- the environment


class _Guard:
    """Wraps the iterable of every ``{% for %}`` so each step counts against the budget."""

    __slots__ = ("_items",)

    def __init__(self, items: Any) -> None:
        self._items = items

    def __iter__(self) -> Iterator[Any]:
        current = _current()
        for item in self._items:
            current.tick()
            yield item

    def __len__(self) -> int:
        return len(self._items)


def _guard(items: Any) -> Any:
    from jinja2 import Undefined

    if isinstance(items, Undefined) or items is None:
        return items
    return _Guard(items)


def _checked_concat(items: tuple[Any, ...]) -> str:
    """Jinja's ``~`` operator, with the size of the result checked first."""
    texts = [str(item) for item in items]
    _check_size(sum(len(t) for t in texts), "joining texts with ~")
    return "".join(texts)


class LimitedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` to a size-checked join (Jinja joins without asking the sandbox)."""

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        if frame.eval_ctx.volatile or frame.eval_ctx.autoescape:
            return super().visit_Concat(node, frame)
        self.write("environment.checked_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")
        return None


class LimitedTemplate(Template):
    """A compiled template whose ``render`` counts its output against the budget."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        return render_limited(self, dict(*args, **kwargs))


class LimitedEnvironment(SandboxedEnvironment):
    """The sandbox with a budget (see the module docstring)."""

    template_class = LimitedTemplate
    code_generator_class = LimitedCodeGenerator
    checked_concat = staticmethod(_checked_concat)

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters.update(LIMITED_FILTERS)
        self.filters["_pw_guard"] = _guard
        self.globals["range"] = _range
        self.globals["lipsum"] = _lipsum

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_pw_guard", [], [], None, None, lineno=loop.lineno)
        return tree

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = str(value.__self__)

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_format_text(text, "formatting")
            if re.search(r"\{[^}]*\{", text):  # a width given as an argument: ``{:>{w}}``
                for item in (*args, *kwargs.values()):
                    _check_number(item, "formatting")
            return wrapped(*args, **kwargs)

        return checked

    def call_binop(self, context: Context, operator_name: str, left: Any, right: Any) -> Any:
        _current().tick()
        if operator_name == "*":
            return _checked_multiply(left, right)
        if operator_name == "**":
            return _checked_power(left, right)
        if operator_name == "%":
            return _checked_modulo(left, right)
        if operator_name == "+":
            return _checked_add(left, right)
        return super().call_binop(context, operator_name, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        current = _current()
        current.tick()
        _check_method(__obj, args, kwargs)
        current.depth += 1
        try:
            if current.depth > MAX_DEPTH:
                raise LimitExceeded(f"stopped: calls nested more than {MAX_DEPTH} deep (a macro that calls "
                                    "itself without end?)")
            return SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs)
        finally:
            current.depth -= 1


def render_limited(template: Any, context: dict[str, Any]) -> str:
    """Render a compiled template of a :class:`LimitedEnvironment`, counting its output."""
    from planwriter.render.lazy import LazyContext

    current = _current()
    parts: list[str] = []
    if isinstance(context, LazyContext):  # build only the parts of the case the template uses
        pieces = template.root_render_func(template.new_context(context.with_fallback(template.globals), shared=True))
    else:
        pieces = Template.generate(template, context)
    try:
        for piece in pieces:
            current.add_output(len(piece))
            parts.append(piece)
    except Exception:
        if isinstance(context, LazyContext):
            template.environment.handle_exception()  # error lines point into the template
        raise
    return "".join(parts)
