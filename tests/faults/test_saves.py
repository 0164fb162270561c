"""Saving: symlinks, modes and hard links kept; saves killed half-way lose nothing and leave no litter."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planwriter.core import casefile
from planwriter.core.atomic import TEMP_SUFFIX, atomic_write_bytes, remove_stale_temps
from planwriter.core.model import Case

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX file semantics")


@posix_only
def test_saving_through_a_symlink_writes_the_target(tmp_path: Path, sample_case: Case) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "case.pwcase"
    casefile.save(sample_case, target)
    link = tmp_path / "case.pwcase"
    link.symlink_to(target)
    sample_case.notes = "changed through the link"
    casefile.save(sample_case, link)
    assert link.is_symlink()
    assert casefile.load(target).notes == "changed through the link"
    assert (synced / "case.pwcase.bak").exists()


@posix_only
def test_mode_and_hard_links_are_kept(tmp_path: Path, sample_case: Case) -> None:
    path = tmp_path / "case.pwcase"
    casefile.save(sample_case, path)
    os.chmod(path, 0o640)
    other = tmp_path / "shared.pwcase"
    os.link(path, other)
    sample_case.notes = "new"
    casefile.save(sample_case, path)
    assert (os.stat(path).st_mode & 0o777) == 0o640
    assert os.stat(path).st_ino == os.stat(other).st_ino
    assert casefile.load(other).notes == "new"
    assert casefile.load(tmp_path / "case.pwcase.bak").notes != "new"


@posix_only
def test_every_save_replaces_the_file_atomically(tmp_path: Path, sample_case: Case, monkeypatch) -> None:
    """The backup shares the old file's inode; the next save must still rename, never rewrite in place."""
    from planwriter.core import atomic

    def refuse(*args, **kwargs):
        raise AssertionError("rewrote the case in place")

    monkeypatch.setattr(atomic, "_rewrite_in_place", refuse)
    path = tmp_path / "case.pwcase"
    for n in range(4):
        sample_case.notes = f"save {n}"
        casefile.save(sample_case, path)
        if n:
            assert casefile.load(tmp_path / "case.pwcase.bak").notes == f"save {n - 1}"
        assert casefile.load(path).notes == f"save {n}"


@posix_only
def test_a_save_stopped_after_the_backup_leaves_nothing_behind(tmp_path: Path, sample_case: Case) -> None:
    """Killed between making the backup (a link to the case) and replacing the case: the backup and
    the case are one file. The next save must not leave a temporary file behind."""
    path = tmp_path / "case.pwcase"
    casefile.save(sample_case, path)
    os.link(path, tmp_path / "case.pwcase.bak")
    casefile.save(sample_case, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.pwcase", "case.pwcase.bak"]


def test_stale_temporary_files_are_removed_on_save_and_open(tmp_path: Path, sample_case: Case) -> None:
    path = tmp_path / "case.pwcase"
    casefile.save(sample_case, path)
    casefile.save(sample_case, path)
    dead = 2**22 + 12345  # above the usual pid range: no such process
    for name in (f".case.pwcase.{dead}{TEMP_SUFFIX}", f".case.pwcase.bak.{dead}{TEMP_SUFFIX}"):
        (tmp_path / name).write_bytes(b"half")
    casefile.load(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.pwcase", "case.pwcase.bak"]
    (tmp_path / f".case.pwcase.{dead}{TEMP_SUFFIX}").write_bytes(b"half")
    casefile.save(sample_case, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.pwcase", "case.pwcase.bak"]


def test_a_live_process_keeps_its_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "case.pwcase"
    path.write_bytes(b"{}")
    parent = os.getppid()
    mine = tmp_path / f".case.pwcase.{parent}{TEMP_SUFFIX}"
    mine.write_bytes(b"in flight")
    assert remove_stale_temps(path) == 0
    assert mine.exists()


def test_writing_refuses_a_folder(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    with pytest.raises(OSError):
        atomic_write_bytes(tmp_path / "x", b"data")


SAVER = """
import sys
from planwriter.core import casefile
from planwriter.core.sample import sample_case
case = sample_case()
case.notes = "x" * 400_000
path = sys.argv[1]
print("ready", flush=True)
n = 0
while True:
    n += 1
    case.child.legal_first_name = f"Save{n}"
    casefile.save(case, path)
"""


def _kill_saves(tmp_path: Path, rounds: int) -> None:
    path = tmp_path / "case.pwcase"
    from planwriter.core.sample import sample_case

    casefile.save(sample_case(), path)
    for n in range(rounds):
        process = subprocess.Popen([sys.executable, "-c", SAVER, str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                                   text=True)
        assert process.stdout is not None
        try:
            process.stdout.readline()
            time.sleep(0.02 + (n % 7) * 0.013)
        finally:
            process.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
            process.wait(10)
            process.stdout.close()
        strays = [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]
        assert len(strays) <= 1, strays
        case = casefile.load(path)  # never lost: the old or the new content, whole
        assert case.child.legal_first_name
        assert casefile.load(path.with_name(path.name + ".bak")).child.legal_first_name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.pwcase", "case.pwcase.bak"]


def test_killed_saves_lose_nothing_short(tmp_path: Path) -> None:
    _kill_saves(tmp_path, 4)


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_killed_saves_lose_nothing_300(tmp_path: Path) -> None:
    _kill_saves(tmp_path, 300)
