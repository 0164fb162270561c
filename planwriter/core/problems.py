"""Turns pydantic's validation errors into sentences a parent understands."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ValidationError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case, with where it is (``location``) and what to do (``message``)."""

    location: tuple[str | int, ...]
    message: str

    @property
    def path(self) -> str:
        return ".".join(str(p) for p in self.location)

    def __str__(self) -> str:
        return self.message


_TYPE_MESSAGES = {
    "date_from_datetime_parsing": "“{input}” is not a date; write it as YYYY-MM-DD (for example 2026-09-14)",
    "date_parsing": "“{input}” is not a date; write it as YYYY-MM-DD (for example 2026-09-14)",
    "date_type": "“{input}” is not a date; write it as YYYY-MM-DD (for example 2026-09-14)",
    "date_from_datetime_inexact": "“{input}” is not a date; write it as YYYY-MM-DD",
    "enum": "“{input}” is not one of the choices ({expected})",
    "literal_error": "“{input}” is not one of the choices ({expected})",
    "missing": "this is required",
    "string_type": "this should be text",
    "int_parsing": "“{input}” is not a whole number",
    "int_type": "this should be a whole number",
    "bool_parsing": "“{input}” should be yes or no",
    "bool_type": "this should be yes or no",
    "list_type": "this should be a list",
    "dict_type": "this section is not in the expected form",
    "model_type": "this section is not in the expected form",
    "model_attributes_type": "this section is not in the expected form",
    "extra_forbidden": "planwriter does not know the field “{field}”",
}


def _field_title(model: type[BaseModel] | None, location: tuple[str | int, ...]) -> str:
    """Walk the model along ``location`` to find the human title of the field."""
    title = ""
    current: object = model
    for part in location:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            title = str(part).replace("_", " ")
            current = None
            continue
        info = fields[part]
        title = info.title or part.replace("_", " ")
        annotation = info.annotation
        current = _inner_model(annotation)
    return title


def _inner_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def problems_from_error(error: ValidationError, model: type[BaseModel] | None = None) -> list[Problem]:
    """One friendly :class:`Problem` per pydantic error."""
    out: list[Problem] = []
    for item in error.errors(include_url=False):
        location = tuple(item.get("loc", ()))
        kind = item.get("type", "")
        field = _field_title(model, location) if model is not None else ""
        if kind == "value_error":
            # Our own validators already speak plainly; pydantic prefixes "Value error, ".
            text = str(item.get("ctx", {}).get("error", item.get("msg", "")))
        else:
            template = _TYPE_MESSAGES.get(kind)
            if template is None:
                text = "this value is not valid"
            else:
                ctx = item.get("ctx", {}) or {}
                text = template.format(
                    input=_short(item.get("input")),
                    expected=ctx.get("expected", ""),
                    field=location[-1] if location else "",
                )
        if field and kind != "value_error":
            message = f"{field[:1].upper()}{field[1:]}: {text}"
        elif field:
            message = text
        else:
            message = text[:1].upper() + text[1:]
        out.append(Problem(location, message))
    return out


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"
