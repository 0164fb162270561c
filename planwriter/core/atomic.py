"""Atomic file writes: a file holds either its old or its new content, never a mix.

How a save goes (``atomic_write_bytes``):

1. Leftovers of earlier saves that were killed half-way (``.NAME.<pid>.pwtmp`` of a process that
   is no longer running) are removed.
2. With ``keep_backup``, the current file becomes ``NAME.bak`` (a hard link where the file system
   allows it, else a copy written through the temporary name).
3. The new content is written to ``.NAME.<pid>.pwtmp`` beside the file, with the file's mode (and
   owner, where permitted), flushed and fsynced, then renamed over the file.

So a crash at any moment leaves at most one temporary file per case, and the next save or open
removes it. A symbolic link is followed: the file it points to is written and the link stays. A file
with other hard links is rewritten in place after the new content is safely on disk, so every name
keeps seeing the same file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
from pathlib import Path

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".pwtmp"


def backup_path(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a save writes: ``path`` itself, or the file a symbolic link at ``path`` points to."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def temp_path(path: Path, pid: int | None = None) -> Path:
    return path.with_name(f".{path.name}.{os.getpid() if pid is None else pid}{TEMP_SUFFIX}")


def pid_alive(pid: int) -> bool:
    """True when a process with this id is running on this computer."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def remove_stale_temps(path: str | os.PathLike[str]) -> int:
    """Remove temporary files left beside ``path`` by saves that were killed; returns how many."""
    path = real_target(path)
    pattern = re.compile(r"^\." + re.escape(path.name) + r"(?:" + re.escape(BACKUP_SUFFIX) + r")?\.(\d+)"
                         + re.escape(TEMP_SUFFIX) + "$")
    removed = 0
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        match = pattern.match(entry.name)
        if not match:
            continue
        pid = int(match.group(1))
        if pid == os.getpid() or not pid_alive(pid):
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
    return removed


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = False) -> Path:
    """Write ``data`` to ``path`` so it holds either its old or its new content (module docstring).
    With ``keep_backup`` the previous content is kept as ``<name>.bak`` first. Returns ``path``."""
    given = Path(path)
    target = real_target(given)
    remove_stale_temps(target)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise IsADirectoryError(21, "not a regular file", str(target))
    in_place = old is not None and _other_links(target, old) > 0
    if keep_backup and old is not None:
        _backup(target, copy=in_place)
    tmp = temp_path(target)
    _write_file(tmp, data, old)
    try:
        if in_place:
            _rewrite_in_place(target, tmp)
            tmp.unlink(missing_ok=True)
        else:
            os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return given


def _other_links(target: Path, info: os.stat_result) -> int:
    """Hard links to ``target`` besides itself and its own backup (which may share its inode)."""
    others = info.st_nlink - 1
    try:
        backup = os.stat(backup_path(target))
    except OSError:
        return others
    if (backup.st_dev, backup.st_ino) == (info.st_dev, info.st_ino):
        others -= 1
    return others


def _backup(target: Path, *, copy: bool) -> None:
    backup = backup_path(target)
    if not copy:
        with contextlib.suppress(OSError):
            if os.path.samefile(backup, target):
                return  # the backup already is this content (a save stopped after making it)
    tmp = backup.with_name(f".{backup.name}.{os.getpid()}{TEMP_SUFFIX}")
    tmp.unlink(missing_ok=True)
    linked = False
    if not copy:
        try:
            os.link(target, tmp)
            linked = True
        except (OSError, NotImplementedError, AttributeError):
            linked = False
    try:
        if not linked:
            with open(target, "rb") as source, open(tmp, "wb") as out:
                shutil.copyfileobj(source, out)
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, backup)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.unlink(missing_ok=True)  # rename() leaves both names when they are links to one file


def _write_file(tmp: Path, data: bytes, old: os.stat_result | None) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    mode = stat.S_IMODE(old.st_mode) if old is not None else 0o666
    try:
        fd = os.open(tmp, flags, mode)
    except FileExistsError:
        tmp.unlink()
        fd = os.open(tmp, flags, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if old is not None and os.name != "nt":
                with contextlib.suppress(OSError):
                    os.fchmod(handle.fileno(), stat.S_IMODE(old.st_mode))
                with contextlib.suppress(OSError):
                    os.fchown(handle.fileno(), old.st_uid, old.st_gid)
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _rewrite_in_place(target: Path, source: Path) -> None:
    """Copy ``source`` into ``target`` keeping its identity (inode), for files with hard links."""
    with open(source, "rb") as new, open(target, "r+b") as out:
        shutil.copyfileobj(new, out)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())


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
