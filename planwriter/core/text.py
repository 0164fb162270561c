"""Normalisation of user text before it enters the case: what can be stored can be printed."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator

# Characters that cannot appear in a Word document (XML 1.0) or that only confuse layout.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ue000\ue001\ufffe\uffff]"
)
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\x85")


def clean_line(value: object) -> object:
    """One line of text: no control characters, no line breaks, no surrounding spaces."""
    if not isinstance(value, str):
        return value
    value = _LINE_BREAKS.sub("\n", value).replace("\u2029", "\n")
    value = _FORBIDDEN.sub("", value)
    value = value.replace("\n", " ").replace("\t", " ")
    return value.strip()


def clean_block(value: object) -> object:
    """Long text: keeps line breaks and paragraphs, drops control characters and extra blank lines."""
    if not isinstance(value, str):
        return value
    value = _LINE_BREAKS.sub("\n", value).replace("\u2029", "\n\n")
    value = _FORBIDDEN.sub("", value)
    value = value.replace("\t", "    ")
    value = "\n".join(line.rstrip() for line in value.split("\n"))
    value = _BLANK_LINES.sub("\n\n", value)
    return value.strip()


#: A single-line text field (names, titles, short answers).
Line = Annotated[str, BeforeValidator(clean_line)]
#: A multi-line text field (descriptions, examples, notes).
Block = Annotated[str, BeforeValidator(clean_block)]
