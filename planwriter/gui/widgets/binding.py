"""Bindings between a form field and where its value lives: a pydantic model field or a plain dict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from planwriter.core.problems import problems_from_error


class FieldError(ValueError):
    """A value the user typed that cannot be stored; ``str()`` is a sentence to show next to the field."""


class Binding:
    """Where a field reads its value from and writes it to."""

    def available(self) -> bool:
        return True

    def get(self) -> Any:
        raise NotImplementedError

    def set(self, value: Any) -> None:
        """Store ``value`` or raise :class:`FieldError` and leave the old value in place."""
        raise NotImplementedError


class ModelBinding(Binding):
    """One field of a pydantic model (found afresh each time, so the case can be replaced)."""

    def __init__(self, target: Callable[[], BaseModel | None], name: str) -> None:
        self.target = target
        self.name = name

    def available(self) -> bool:
        return self.target() is not None

    def get(self) -> Any:
        model = self.target()
        return None if model is None else getattr(model, self.name)

    def set(self, value: Any) -> None:
        model = self.target()
        if model is None:
            return
        old = getattr(model, self.name)
        try:
            setattr(model, self.name, value)
        except ValidationError as error:
            # A model-level check (e.g. an end date before the start date) fails after the
            # field was already assigned: put the old value back so the case stays valid.
            if getattr(model, self.name) is not old:
                model.__dict__[self.name] = old
            problems = problems_from_error(error, type(model))
            raise FieldError("; ".join(p.message for p in problems) or "This value is not valid") from None


def _checked(check: Callable[[Any], Any] | None, value: Any) -> Any:
    """Run a binding's check; its ``ValueError`` becomes the message shown beside the field."""
    if check is None:
        return value
    try:
        return check(value)
    except ValueError as error:
        raise FieldError(str(error)) from None


class DictBinding(Binding):
    """One entry of a dict, checked by ``check`` (which raises ``ValueError`` with a plain message)."""

    def __init__(
        self,
        values: Callable[[], dict[str, Any] | None],
        name: str,
        check: Callable[[Any], Any] | None = None,
    ) -> None:
        self.values = values
        self.name = name
        self.check = check

    def available(self) -> bool:
        return self.values() is not None

    def get(self) -> Any:
        values = self.values()
        return None if values is None else values.get(self.name)

    def set(self, value: Any) -> None:
        values = self.values()
        if values is None:
            return
        value = _checked(self.check, value)
        values[self.name] = value


class AttrBinding(Binding):
    """An attribute of a plain object (a dataclass of letter options), optionally checked."""

    def __init__(self, target: Callable[[], Any], name: str, check: Callable[[Any], Any] | None = None) -> None:
        self.target = target
        self.name = name
        self.check = check

    def available(self) -> bool:
        return self.target() is not None

    def get(self) -> Any:
        target = self.target()
        return None if target is None else getattr(target, self.name)

    def set(self, value: Any) -> None:
        target = self.target()
        if target is None:
            return
        value = _checked(self.check, value)
        setattr(target, self.name, value)
