"""Atomic file writes: a file holds either its old or its new content, never a mix."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

BACKUP_SUFFIX = ".bak"


def backup_path(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = False) -> Path:
    """Write ``data`` to a temporary file beside ``path``, flush and fsync it, then rename it over
    ``path``. With ``keep_backup`` the previous content is kept as ``<name>.bak`` first."""
    path = Path(path)
    tmp = _write_temp(path, data)
    try:
        if keep_backup and path.exists():
            backup = _write_temp(backup_path(path), path.read_bytes())
            os.replace(backup, backup_path(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return path


def _write_temp(path: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
