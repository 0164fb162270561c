"""Whether a case file changed on disk since it was opened."""

from __future__ import annotations

import os
from pathlib import Path

from planwriter.core import casefile
from planwriter.core.filestamp import DiskState, check, stamp

from .conftest import make_case


def test_changes_are_seen_and_a_touch_is_not(tmp_path: Path) -> None:
    path = tmp_path / "a.pwcase"
    casefile.save(make_case(1), path, keep_backup=False)
    opened = stamp(path)
    assert check(path, opened) is DiskState.UNCHANGED
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # a sync tool touching it
    assert check(path, opened) is DiskState.UNCHANGED
    other = make_case(1)
    other.child.grade = "9"  # same length of text: only the bytes tell
    other.child.legal_first_name = "Sem"
    casefile.save(other, path, keep_backup=False)
    assert check(path, opened) is DiskState.CHANGED
    path.unlink()
    assert check(path, opened) is DiskState.MISSING
    assert check(path, None) is DiskState.UNCHANGED
    assert stamp(path) is None
