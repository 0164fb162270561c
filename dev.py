#!/usr/bin/env python3
"""Developer entry: ``python3 dev.py run`` starts planwriter, ``python3 dev.py test`` runs the tests.

Both create a virtual environment in ``.venv`` and install planwriter into it on first use (and again
whenever ``pyproject.toml`` changes), so a fresh clone needs nothing else. A ``.venv`` left broken
(e.g. by a first try on a Linux without ``python3-venv``) is made again by itself; ``python3 dev.py
venv`` does only that.
"""

from __future__ import annotations

import hashlib
import os
import shutil
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


def _venv_works(python: Path) -> bool:
    """True when ``.venv``'s Python starts and has pip (a half-made ``.venv`` has neither)."""
    if not python.exists():
        return False
    try:
        result = subprocess.run([str(python), "-c", "import pip"], capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def _venv_package_hint() -> str:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"sudo apt install python3-venv python{version}-venv"


def ensure_venv() -> Path:
    """Make sure ``.venv`` exists and works, repairing a broken one by making it again."""
    python = _venv_python()
    if _venv_works(python):
        return python
    if VENV.is_symlink():
        raise SystemExit(f"planwriter: {VENV} is a link to another environment that does not work; "
                         "fix or remove that link yourself.")
    if VENV.exists():
        print("planwriter: the virtual environment in .venv is incomplete; making it again", flush=True)
        shutil.rmtree(VENV)
    else:
        print("planwriter: creating a virtual environment in .venv (first run only)", flush=True)
    try:
        venv.EnvBuilder(with_pip=True).create(VENV)
        ok = _venv_works(python)
    except (OSError, subprocess.CalledProcessError, SystemExit):  # Debian's venv exits by itself
        ok = False
    if not ok:
        shutil.rmtree(VENV, ignore_errors=True)  # never leave a half-made .venv behind
        hint = f" (on Debian or Ubuntu: {_venv_package_hint()})" if sys.platform.startswith("linux") else ""
        raise SystemExit("planwriter: this Python cannot make a virtual environment with pip; install "
                         f"Python's venv support{hint} and run this again.")
    STAMP.unlink(missing_ok=True)
    return python


def ensure_environment() -> Path:
    """Create ``.venv`` and install planwriter with its test tools, unless that is already done."""
    python = ensure_venv()
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
    if command == "venv":  # only make (or repair) .venv, without installing anything into it
        print(ensure_venv())
        return 0
    python = ensure_environment()
    if command == "run":
        return subprocess.call([str(python), "-m", "planwriter", *rest])
    if command == "test":
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if command == "cli":
        return subprocess.call([str(python), "-m", "planwriter.cli", *rest])
    print(f"usage: {Path(sys.argv[0]).name} [run|test|cli|venv] [arguments...]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
