"""Has a case file changed on disk since it was opened? (Two people, one file.)

When a case is opened, :func:`stamp` records the file's modification time, size and a hash of its
bytes. Before saving over it, :func:`check` compares the file with that record: another computer
writing through a synced folder, or a second window, shows up as a change, so the save can offer
to reload or to save a copy instead of overwriting the other person's work. A file whose time
changed but whose bytes did not (a sync tool touching it) is not a change.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


@dataclass(frozen=True)
class FileStamp:
    """What a file was like: ``mtime_ns`` (nanoseconds), ``size`` (bytes), ``sha256`` (hex)."""

    mtime_ns: int
    size: int
    sha256: str


class DiskState(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # someone else saved it since it was opened
    MISSING = "missing"  # it was moved, renamed or deleted


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp(path: str | os.PathLike[str]) -> FileStamp | None:
    """The stamp of the file now, or None when it cannot be read (missing, no permission)."""
    path = Path(path)
    try:
        st = path.stat()
        data = path.read_bytes()
    except OSError:
        return None
    return FileStamp(st.st_mtime_ns, len(data), _hash(data))


def stamp_bytes(path: str | os.PathLike[str], data: bytes) -> FileStamp | None:
    """The stamp of a file just written with ``data`` (no second read of the bytes)."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return FileStamp(st.st_mtime_ns, st.st_size, _hash(data))


def check(path: str | os.PathLike[str], since: FileStamp | None) -> DiskState:
    """Compare the file now with ``since`` (its stamp when opened or last saved).

    ``since=None`` (nothing recorded, e.g. a new case) is UNCHANGED when the file does not exist
    and CHANGED when it does (another file now has that name).
    """
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        return DiskState.MISSING if since is not None else DiskState.UNCHANGED
    except OSError:
        return DiskState.CHANGED
    if since is None:
        return DiskState.CHANGED
    if st.st_mtime_ns == since.mtime_ns and st.st_size == since.size:
        return DiskState.UNCHANGED
    if st.st_size != since.size:
        return DiskState.CHANGED
    now = stamp(path)
    return DiskState.UNCHANGED if now is not None and now.sha256 == since.sha256 else DiskState.CHANGED
