"""Normalisation of user text before it enters the case: what can be stored can be printed.

This is the one place that decides how text is cleaned, whether it was typed, pasted, loaded from a
case file or given on the command line (:data:`Line`, :data:`Block` and :data:`Value` run it when a
model is built or a field is set):

- characters that mean "new line" (Word's soft line break U+000B, form feed, the Unicode line and
  paragraph separators, NEL, the old file/group/record separators) become a line break — in a
  one-line field, a space;
- other control characters (NUL, ESC, DEL, the C1 range, U+FFFE/U+FFFF, planwriter's own marker
  characters) become a space, so words on either side never run together;
- a lone surrogate (half of a character, left by a broken copy or file) becomes U+FFFD "�".

:func:`needs_cleaning` tells the app when to show a notice that pasted text was changed.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator

#: Characters that become a line break (a space in one-line fields).
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028]")
#: Characters that cannot appear in a Word document (XML 1.0) or only confuse layout: each run
#: of them, with the spaces around it, becomes one space ("of\x07PDF" → "of PDF", "Bell\x07 and" → "Bell and").
_CONTROLS = re.compile("[ \t]*[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ue000\ue001\ufffe\uffff]+[ \t]*")
_SURROGATES = re.compile("[\ud800-\udfff]")
#: Anything :func:`needs_cleaning` reports (line breaks in their plain form do not count).
_UNUSUAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ue000\ue001\ufffe\uffff\ud800-\udfff]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")

REPLACEMENT = "\ufffd"


def _common(value: str) -> str:
    value = _SURROGATES.sub(REPLACEMENT, value)
    value = _BREAKS.sub("\n", value).replace("\u2029", "\n\n")
    return _CONTROLS.sub(" ", value)


def needs_cleaning(value: object) -> bool:
    """True when ``value`` holds characters that cleaning replaces (controls, separators, halves of
    characters) — the app then tells the user the text was changed."""
    return isinstance(value, str) and _UNUSUAL.search(value) is not None


def clean_line(value: object) -> object:
    """One line of text: no control characters, no line breaks, no surrounding spaces."""
    if not isinstance(value, str):
        return value
    unusual = needs_cleaning(value)
    value = _common(value).replace("\n", " ").replace("\t", " ")
    if unusual:
        value = _SPACES.sub(" ", value)
    return value.strip()


def clean_block(value: object) -> object:
    """Long text: keeps line breaks and paragraphs, drops control characters and extra blank lines."""
    if not isinstance(value, str):
        return value
    value = _common(value).replace("\t", "    ")
    value = "\n".join(line.rstrip() for line in value.split("\n"))
    value = _BLANK_LINES.sub("\n\n", value)
    return value.strip()


def clean_value(value: object) -> object:
    """Any answer (text, list of texts, yes/no, number, nested record): every text in it cleaned as
    a :data:`Block`, every key as a :data:`Line`."""
    if isinstance(value, str):
        return clean_block(value)
    if isinstance(value, list | tuple):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {clean_line(k) if isinstance(k, str) else k: clean_value(v) for k, v in value.items()}
    return value


def scrub(value: Any) -> Any:
    """Raw data (e.g. a case file's JSON) with every lone surrogate, in keys and values, replaced —
    so whatever loads can be written back as UTF-8. Other characters are left to the model."""
    if isinstance(value, str):
        return _SURROGATES.sub(REPLACEMENT, value) if _SURROGATES.search(value) else value
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    return value


#: A single-line text field (names, titles, short answers).
Line = Annotated[str, BeforeValidator(clean_line)]
#: A multi-line text field (descriptions, examples, notes).
Block = Annotated[str, BeforeValidator(clean_block)]
#: A free-form answer kept as typed (a letter's answers): every text inside it is cleaned.
Value = Annotated[Any, BeforeValidator(clean_value)]
