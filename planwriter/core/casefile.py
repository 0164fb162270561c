"""Case files (``.pwcase``): loading with migration, and atomic saving with a backup."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planwriter.core.atomic import BACKUP_SUFFIX, atomic_write_bytes, backup_path, remove_stale_temps
from planwriter.core.model import SCHEMA_VERSION, Case
from planwriter.core.problems import Problem, problems_from_error
from planwriter.core.states import UnknownState, state_code
from planwriter.core.text import needs_cleaning, scrub

log = logging.getLogger(__name__)

EXTENSION = ".pwcase"
__all__ = ["BACKUP_SUFFIX", "CaseFileError", "NewerSchemaError", "backup_path", "load", "save"]


class CaseFileError(Exception):
    """A case file that cannot be opened; ``str()`` is one line for the user."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class NewerSchemaError(CaseFileError):
    """The file was written by a newer planwriter; it is never rewritten by this one."""


# --------------------------------------------------------------------------- migration


def _migrate_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept one ``child.name`` and a flat ``parent`` block; version 2 splits the names
    and keeps a list of guardians and a separate sender."""
    child = dict(data.get("child", {}))
    name = str(child.pop("name", "")).strip()
    if name and not child.get("legal_first_name"):
        first, _, last = name.rpartition(" ") if " " in name else (name, "", "")
        if " " in name:
            child["legal_first_name"], child["legal_last_name"] = first, last
        else:
            child["legal_first_name"] = name
    if "dob" in child:
        child["date_of_birth"] = child.pop("dob")
    data["child"] = child
    parent = data.pop("parent", None)
    if parent:
        guardian = {
            "name": parent.get("name", ""),
            "relationship": parent.get("relationship", "parent"),
            "phone": parent.get("phone", ""),
            "email": parent.get("email", ""),
        }
        if isinstance(parent.get("address"), dict):
            guardian["address"] = parent["address"]
        data.setdefault("guardians", []).insert(0, guardian)
    data["schema_version"] = 2
    return data


def _migrate_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 keeps each letter's answers (``letter_drafts``) and the school's pasted goals
    (``school_goals``) in the case; both start empty."""
    data["schema_version"] = 3
    return data


def _migrate_3_to_4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 keeps the child's state as its USPS code ("Texas", " ca " → "TX", "CA"), so the
    state's deadline rules apply, and may hold the school calendar (``school_calendar``, empty).

    A state planwriter cannot recognise is not allowed to stop the case from opening: the field
    is emptied and what was typed is kept at the end of the case notes, so nothing is lost.
    """
    child = data.get("child")
    if isinstance(child, dict) and isinstance(child.get("state"), str):
        typed = child["state"]
        try:
            child["state"] = state_code(typed)
        except UnknownState:
            child["state"] = ""
            note = (f"The state was typed as “{typed.strip()}”, which planwriter could not recognise. "
                    "Choose the state on the Child page so that its deadlines apply.")
            notes = data.get("notes") if isinstance(data.get("notes"), str) else ""
            data["notes"] = f"{notes}\n\n{note}" if notes.strip() else note
            log.warning("A case's state was not recognised while upgrading it; it was moved to the notes")
    data["schema_version"] = 4
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _migrate_1_to_2, 2: _migrate_2_to_3, 3: _migrate_3_to_4,
}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring raw case data up to :data:`SCHEMA_VERSION`, one step at a time."""
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise CaseFileError("This file has no valid schema_version, so it is not a planwriter case")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"This case was saved by a newer version of planwriter (case format {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Please update planwriter to open it. "
            "The file has not been changed."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        log.info("Migrated a case file from format %d to %d", version, data["schema_version"])
        version = data["schema_version"]
    return data


# --------------------------------------------------------------------------- load


#: Largest case file planwriter reads (a real case is well under 1 MB; a photo-free case with every
#: section full is a few hundred kB).
MAX_CASE_BYTES = 20 * 1024 * 1024
#: Deepest nesting of lists and records in a case file (a real case nests about 6 deep).
MAX_DEPTH = 64
_DAMAGED = ("This case file is damaged and cannot be read ({why}). The file has not been changed; "
            f"a backup copy may exist beside it with the ending {EXTENSION}{BACKUP_SUFFIX}.")


def case_from_data(data: object) -> Case:
    if not isinstance(data, dict):
        raise CaseFileError("This file is not a planwriter case (it does not hold a case record)")
    data = migrate(scrub(dict(data)))
    try:
        return Case.model_validate(data)
    except ValidationError as error:
        problems = problems_from_error(error, Case)
        first = problems[0].message if problems else "the case is not valid"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CaseFileError(f"This case has a problem: {first}{more}", problems) from None
    except (RecursionError, MemoryError, OverflowError):
        raise CaseFileError(_DAMAGED.format(why="it holds values no case has")) from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise CaseFileError(_DAMAGED.format(why=f"the entry “{scrub(key)[:40]}” appears twice in one record"))
        data[key] = value
    return data


def _no_constant(name: str) -> Any:
    raise CaseFileError(_DAMAGED.format(why=f"it holds “{name}”, which is not a number a case can hold"))


def _number(text: str) -> Any:
    if len(text) > 30:
        raise CaseFileError(_DAMAGED.format(why="it holds a number far too long for a case"))
    return int(text)


def _float(text: str) -> Any:
    if len(text) > 40:
        raise CaseFileError(_DAMAGED.format(why="it holds a number far too long for a case"))
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        return _no_constant(text)
    return value


def _too_deep(text: str) -> bool:
    """True when brackets nest deeper than :data:`MAX_DEPTH` (strings are skipped)."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


#: The notice for a case whose text had characters cleaned on loading (see core/text.py).
CLEANED_NOTICE = ("Some invisible characters in this case (control codes or broken characters) were replaced "
                  "with spaces or line breaks; save the case to keep the cleaned text.")


def _holds_unusual_text(data: object) -> bool:
    if isinstance(data, str):
        return needs_cleaning(data)
    if isinstance(data, list):
        return any(_holds_unusual_text(v) for v in data)
    if isinstance(data, dict):
        return any(_holds_unusual_text(k) or _holds_unusual_text(v) for k, v in data.items())
    return False


def loads(text: str, notes: list[str] | None = None) -> Case:
    """Parse a case from JSON text. Raises :class:`CaseFileError` (one line) for any damage:
    bad JSON, duplicate keys, NaN/Infinity, numbers too long, nesting deeper than :data:`MAX_DEPTH`."""
    if _too_deep(text):
        raise CaseFileError(_DAMAGED.format(why="its records are nested far too deeply"))
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                          parse_int=_number, parse_float=_float)
    except json.JSONDecodeError as error:
        raise CaseFileError(
            "This case file is damaged or incomplete and cannot be read "
            f"(line {error.lineno}, column {error.colno}). The file has not been changed; "
            f"a backup copy may exist beside it with the ending {EXTENSION}{BACKUP_SUFFIX}."
        ) from None
    except (RecursionError, MemoryError, ValueError) as error:
        if isinstance(error, CaseFileError):
            raise
        raise CaseFileError(_DAMAGED.format(why="it is not valid case data")) from None
    case = case_from_data(data)
    if notes is not None and _holds_unusual_text(data):
        notes.append(CLEANED_NOTICE)
    return case


def read_case_bytes(path: Path) -> bytes:
    """The bytes of a case file: a regular file (never a pipe, device or folder) of at most
    :data:`MAX_CASE_BYTES`. Raises :class:`CaseFileError` with one line; never writes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise CaseFileError(f"There is no file named “{path.name}” in that folder") from None
    except OSError as error:
        raise CaseFileError(f"“{path.name}” could not be read ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise CaseFileError(f"“{path.name}” is a folder, not a case file")
    if not stat.S_ISREG(info.st_mode):
        raise CaseFileError(f"“{path.name}” is not a case file (it is a device or a pipe, not a saved file)")
    if info.st_size > MAX_CASE_BYTES:
        raise CaseFileError(f"“{path.name}” is too large to be a planwriter case "
                            f"({info.st_size // (1024 * 1024):,} MB); the file has not been changed")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise CaseFileError(f"“{path.name}” could not be read ({error.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a pipe since the check above
            raise CaseFileError(f"“{path.name}” is not a case file (it is not a saved file)")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_CASE_BYTES + 1)
    except OSError as error:
        raise CaseFileError(f"“{path.name}” could not be read ({error.strerror})") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_CASE_BYTES:
        raise CaseFileError(f"“{path.name}” is too large to be a planwriter case; the file has not been changed")
    return raw


def load(path: str | os.PathLike[str], notes: list[str] | None = None) -> Case:
    """Read a case file. Raises :class:`CaseFileError` with a one-line message; never writes (it
    only removes leftovers of killed saves beside it). Text is cleaned as it enters the case
    (core/text.py); when that changed something, :data:`CLEANED_NOTICE` is added to ``notes``."""
    path = Path(path)
    raw = read_case_bytes(path)
    with contextlib.suppress(OSError):
        remove_stale_temps(path)  # leftovers of a save that was killed half-way
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Saved as UTF-16 by a text editor: read it if it is a case, else say it is not one.
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        if not text.lstrip().startswith("{"):
            raise CaseFileError(f"“{path.name}” is not a planwriter case file (it is not UTF-8 text)")
        return loads(text, notes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CaseFileError(
            f"“{path.name}” is not a planwriter case file (it is not UTF-8 text)"
        ) from None
    if "\x00" in text:
        raise CaseFileError(_DAMAGED.format(why="it contains binary data"))
    return loads(text, notes)


# --------------------------------------------------------------------------- save


def dumps(case: Case) -> str:
    data = case.model_dump(mode="json")
    data["schema_version"] = SCHEMA_VERSION
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(case: Case, path: str | os.PathLike[str], *, keep_backup: bool = True) -> Path:
    """Save a case atomically, keeping the previous version as a backup. Returns the path."""
    path = Path(path)
    if path.exists():
        _refuse_to_overwrite_newer(path)
    atomic_write_bytes(path, dumps(case).encode("utf-8"), keep_backup=keep_backup)
    log.info("Saved a case file")
    return path


def _refuse_to_overwrite_newer(path: Path) -> None:
    try:
        data = json.loads(read_case_bytes(path).decode("utf-8-sig"))
    except (CaseFileError, ValueError, RecursionError):
        return
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"“{path.name}” was saved by a newer version of planwriter; this version will not "
            "overwrite it. Save under another name instead."
        )
