"""Finds the shipped ``templates/`` and ``resources/`` folders in a checkout, a wheel or a frozen app."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / name)
    # An installed wheel carries the folders inside the package.
    found.append(_PACKAGE_DIR / "_data" / name)
    # A source checkout (also an editable install) has them beside the package.
    found.append(_PACKAGE_DIR.parent / name)
    return found


@cache
def data_dir(name: str) -> Path:
    """Return the folder ``name`` ("templates" or "resources") wherever this copy of planwriter runs."""
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(p) for p in _candidates(name))
    raise FileNotFoundError(f"planwriter cannot find its {name} folder (looked in {tried})")


def templates_dir() -> Path:
    return data_dir("templates")


def resources_dir() -> Path:
    return data_dir("resources")


def resource(*parts: str) -> Path:
    """Path of one shipped resource file, e.g. ``resource("timelines.json")``."""
    return resources_dir().joinpath(*parts)
