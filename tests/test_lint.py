"""Lint rules are part of the test run, including the ban on Qt outside the GUI layer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff() -> list[str]:
    local = Path(sys.executable).parent / "ruff"
    if local.exists():
        return [str(local)]
    if shutil.which("ruff"):
        return ["ruff"]
    pytest.skip("ruff is not installed")


def test_ruff_finds_nothing():
    result = subprocess.run([*_ruff(), "check", "--no-cache", "."], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_qt_imports_are_banned_outside_the_gui(tmp_path):
    offender = tmp_path / "planwriter" / "core" / "probe.py"
    offender.parent.mkdir(parents=True)
    offender.write_text('"""Probe."""\n\nimport PySide6  # noqa: F401\n', encoding="utf-8")
    result = subprocess.run(
        [*_ruff(), "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), "--select", "TID251",
         str(offender)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "Qt belongs in planwriter/gui/" in result.stdout
