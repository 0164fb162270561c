"""A template context that builds each part of the case only when a template uses it.

A one-page letter on a case with 500 concerns should not pay for turning 500 concerns into template
data: :class:`LazyContext` maps each name to a function that makes its value on first use (then
keeps it). :func:`render_lazily` runs a compiled built-in template on it without copying it (Jinja's
``render`` would copy every value), and :class:`LazyAwareContext` keeps includes from copying it.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

from jinja2.runtime import Context


class Lazy:
    """Marks a value to be made on first use."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


class LazyContext(MutableMapping[str, Any]):
    """Names → values, some made on first use (:class:`Lazy`); behaves like a dict otherwise.

    ``fallback`` (a template's globals) answers names the context does not hold."""

    def __init__(self, values: Mapping[str, Any] | None = None, fallback: Mapping[str, Any] | None = None) -> None:
        self._values: dict[str, Any] = dict(values or {})
        self._fallback = fallback

    def with_fallback(self, fallback: Mapping[str, Any]) -> LazyContext:
        """A view sharing these values (made once for both), with ``fallback`` behind it."""
        view = LazyContext(fallback=fallback)
        view._values = self._values
        return view

    def copy(self) -> LazyContext:
        """A shallow copy (Jinja copies a context before adding an include's local names)."""
        twin = LazyContext(fallback=self._fallback)
        twin._values = dict(self._values)
        return twin

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._values[key]
        except KeyError:
            if self._fallback is not None:
                return self._fallback[key]
            raise
        if isinstance(value, Lazy):
            value = self._values[key] = value.make()
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self._values[key] = value

    def __delitem__(self, key: str) -> None:
        del self._values[key]

    def __contains__(self, key: object) -> bool:
        return key in self._values or (self._fallback is not None and key in self._fallback)

    def __iter__(self) -> Iterator[str]:
        yield from self._values
        if self._fallback is not None:
            yield from (k for k in self._fallback if k not in self._values)

    def __len__(self) -> int:
        extra = 0 if self._fallback is None else sum(1 for k in self._fallback if k not in self._values)
        return len(self._values) + extra

    def made(self) -> set[str]:
        """Names whose values have been made (for tests and benchmarks)."""
        return {k for k, v in self._values.items() if not isinstance(v, Lazy)}


class LazyAwareContext(Context):
    """Jinja's context, except that handing it to an include does not copy a lazy parent."""

    def get_all(self) -> Any:
        if self.vars and isinstance(self.parent, LazyContext | ChainMap):
            return ChainMap(self.vars, self.parent)
        return super().get_all()


def render_lazily(template: Any, context: Mapping[str, Any]) -> str:
    """Render a compiled template on ``context`` without making the values it does not use."""
    if not isinstance(context, LazyContext):
        return template.render(context)
    jinja_context = template.new_context(context.with_fallback(template.globals), shared=True)
    try:
        return template.environment.concat(template.root_render_func(jinja_context))
    except Exception:
        return template.environment.handle_exception()
