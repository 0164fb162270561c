"""First start on a bare Linux desktop: a missing Qt library is named with its package, in one sentence."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planwriter import app

ROOT = Path(__file__).resolve().parents[2]
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


@linux
def test_a_missing_library_is_named_with_its_package(monkeypatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")

    def fail(name, *args, **kwargs):
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(ctypes, "CDLL", fail)
    message = app.missing_qt_library()
    assert message is not None
    assert "libxcb-cursor0" in message and "\n" not in message
    assert "Reinstalling" not in message


@linux
def test_nothing_is_reported_offscreen_or_when_all_is_there(monkeypatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.missing_qt_library() is None


XCB_CURSOR = Path("/lib/x86_64-linux-gnu/libxcb-cursor.so.0")


@linux
@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare") or not XCB_CURSOR.exists(),
                    reason="needs root and unshare to hide a system library")
def test_the_app_names_the_package_when_the_library_is_hidden() -> None:
    """Like a newcomer's desktop: libxcb-cursor0 hidden in a private mount namespace."""
    script = (f"mount --bind /dev/null {XCB_CURSOR} && exec {sys.executable} -m planwriter")
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
    env["DISPLAY"] = ":404"
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT,
                            env=env, timeout=60)
    if "mount" in result.stderr and "permission" in result.stderr.lower():
        pytest.skip("mount namespaces are not allowed here")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "libxcb-cursor0" in result.stderr
