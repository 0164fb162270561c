#!/usr/bin/env python3
"""Developer entry: ``python3 dev.py run`` starts planwriter, ``python3 dev.py test`` runs the tests.

Both create a virtual environment in ``.venv`` and install planwriter into it on first use (and again
whenever ``pyproject.toml`` changes), so a fresh clone needs nothing else.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".planwriter-install"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _wanted_stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> Path:
    """Create ``.venv`` and install planwriter with its test tools, unless that is already done."""
    python = _venv_python()
    if not python.exists():
        print("planwriter: creating a virtual environment in .venv (first run only)", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _wanted_stamp():
        print("planwriter: installing planwriter and its dependencies (first run only)", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True
        )
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"], check=True
        )
        STAMP.write_text(_wanted_stamp())
    return python


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    rest = argv[1:]
    python = ensure_environment()
    if command == "run":
        return subprocess.call([str(python), "-m", "planwriter", *rest])
    if command == "test":
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if command == "cli":
        return subprocess.call([str(python), "-m", "planwriter.cli", *rest])
    print(f"usage: {Path(sys.argv[0]).name} [run|test|cli] [arguments...]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
