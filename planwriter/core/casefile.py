"""Case files (``.pwcase``): loading with migration, and atomic saving with a backup."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planwriter.core.atomic import BACKUP_SUFFIX, atomic_write_bytes, backup_path
from planwriter.core.model import SCHEMA_VERSION, Case
from planwriter.core.problems import Problem, problems_from_error
from planwriter.core.states import UnknownState, state_code

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


def case_from_data(data: object) -> Case:
    if not isinstance(data, dict):
        raise CaseFileError("This file is not a planwriter case (it does not hold a case record)")
    data = migrate(dict(data))
    try:
        return Case.model_validate(data)
    except ValidationError as error:
        problems = problems_from_error(error, Case)
        first = problems[0].message if problems else "the case is not valid"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CaseFileError(f"This case has a problem: {first}{more}", problems) from None


def loads(text: str) -> Case:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CaseFileError(
            "This case file is damaged or incomplete and cannot be read "
            f"(line {error.lineno}, column {error.colno}). The file has not been changed; "
            f"a backup copy may exist beside it with the ending {EXTENSION}{BACKUP_SUFFIX}."
        ) from None
    return case_from_data(data)


def load(path: str | os.PathLike[str]) -> Case:
    """Read a case file. Raises :class:`CaseFileError` with a one-line message; never writes."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseFileError(f"There is no file named “{path.name}” in that folder") from None
    except IsADirectoryError:
        raise CaseFileError(f"“{path.name}” is a folder, not a case file") from None
    except OSError as error:
        raise CaseFileError(f"“{path.name}” could not be read ({error.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CaseFileError(
            f"“{path.name}” is not a planwriter case file (it is not UTF-8 text)"
        ) from None
    return loads(text)


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
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"“{path.name}” was saved by a newer version of planwriter; this version will not "
            "overwrite it. Save under another name instead."
        )
