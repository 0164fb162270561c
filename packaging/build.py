"""Builds the frozen planwriter app with PyInstaller and proves the bundle works: one command, loud failures.

    .venv/bin/python packaging/build.py              # build into build/ and dist/, then check and self-test
    .venv/bin/python packaging/build.py --skip-build # only check and self-test an existing dist/ bundle

Checks, in order, each failing with a plain message and a non-zero exit:
1. every file under templates/ and resources/ of the source tree is inside the bundle (reference.docx too);
2. every planwriter module is inside the executables (the pages and CLI commands are imported by name, so
   PyInstaller cannot see them on its own);
3. ``planwriter-cli --version`` and ``planwriter-cli demo`` run from the bundle and write Word files;
4. ``planwriter --self-test`` runs from the bundle (offscreen where there is no display) and exits 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "planwriter.spec"
DATA_FOLDERS = ("templates", "resources")
IS_WINDOWS = sys.platform.startswith("win")
IS_MACOS = sys.platform == "darwin"
IS_LINUX = sys.platform.startswith("linux")
EXE_SUFFIX = ".exe" if IS_WINDOWS else ""
#: Data files of libraries that planwriter reads at run time (school-day deadlines skip US holidays,
#: whose names holidays loads from this catalogue; without it the deadline code raises).
LIBRARY_DATA = ("holidays/locale/en_US/LC_MESSAGES/US.mo",)
#: Files in the data folders that are never shipped.
IGNORED_NAMES = {".DS_Store", "Thumbs.db"}


class BundleError(Exception):
    """The bundle is incomplete or does not run; str() says what and how to fix it."""


@dataclass(frozen=True)
class Bundle:
    """Where the pieces of one built app are."""

    root: Path  # dist/planwriter (or dist/planwriter.app on macOS)
    gui: Path
    cli: Path
    data_root: Path  # sys._MEIPASS of the frozen app: holds templates/ and resources/

    @classmethod
    def locate(cls, dist: Path) -> Bundle:
        app = dist / "planwriter.app"
        if IS_MACOS and app.is_dir():
            macos = app / "Contents" / "MacOS"
            return cls(app, macos / "planwriter", macos / "planwriter-cli", app / "Contents" / "Frameworks")
        folder = dist / "planwriter"
        return cls(
            folder,
            folder / f"planwriter{EXE_SUFFIX}",
            folder / f"planwriter-cli{EXE_SUFFIX}",
            folder / "_internal",
        )


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# --------------------------------------------------------------------------- checks


def shipped_files(source_root: Path = ROOT) -> list[str]:
    """Relative paths (``templates/en/letters/x.md.j2``) of every data file the bundle must carry."""
    found = []
    for folder in DATA_FOLDERS:
        base = source_root / folder
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.name not in IGNORED_NAMES and "__pycache__" not in path.parts:
                found.append(path.relative_to(source_root).as_posix())
    return found


def required_modules(source_root: Path = ROOT, *, gui: bool) -> set[str]:
    """Dotted names of the planwriter modules an executable must contain."""
    names = set()
    package = source_root / "planwriter"
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(source_root).with_suffix("").parts)
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        if not gui and (name.startswith("planwriter.gui") or name == "planwriter.app"):
            continue
        names.add(name)
    return names


def bundled_modules(executable: Path) -> set[str]:
    """Module names inside an executable's archive (read with PyInstaller's own archive reader)."""
    from PyInstaller.archive.readers import pkg_archive_contents

    return set(pkg_archive_contents(str(executable), recursive=True))


@dataclass(frozen=True)
class Expected:
    """What the bundle must hold, taken from the source tree when the build starts."""

    data_files: list[str]
    gui_modules: set[str]
    cli_modules: set[str]

    @classmethod
    def from_source(cls, source_root: Path = ROOT) -> Expected:
        return cls(
            shipped_files(source_root),
            required_modules(source_root, gui=True),
            required_modules(source_root, gui=False),
        )


def check_contents(bundle: Bundle, source_root: Path = ROOT, expected: Expected | None = None) -> None:
    expected = expected or Expected.from_source(source_root)
    problems = []
    for path in (bundle.gui, bundle.cli):
        if not path.is_file():
            problems.append(f"executable {path} is missing")
    lacking = [name for name in expected.data_files if not (bundle.data_root / name).is_file()]
    if lacking:
        shown = "\n    ".join(lacking[:20]) + ("\n    …" if len(lacking) > 20 else "")
        problems.append(f"{len(lacking)} data file(s) are not in {bundle.data_root}:\n    {shown}")
    if not list((bundle.data_root / "templates" / "en" / "letters").glob("*.md.j2")):
        problems.append("the bundle has no letter templates (templates/en/letters/*.md.j2)")
    if not (bundle.data_root / "templates" / "reference.docx").is_file():
        problems.append("the bundle has no templates/reference.docx (Word styles for every export)")
    for name in LIBRARY_DATA:
        if not (bundle.data_root / name).is_file():
            problems.append(f"the bundle has no {name} (add it to DATAS in {SPEC.name})")
    if not expected.data_files:
        problems.append(f"no templates or resources found under {source_root}; run this from a checkout")
    for executable, modules in ((bundle.gui, expected.gui_modules), (bundle.cli, expected.cli_modules)):
        if not executable.is_file():
            continue
        absent = sorted(modules - bundled_modules(executable))
        if absent:
            problems.append(
                f"{executable.name} lacks these modules (add them to hiddenimports in {SPEC.name}):\n    "
                + "\n    ".join(absent)
            )
    if problems:
        raise BundleError("the bundle is incomplete:\n  - " + "\n  - ".join(problems))
    log(f"contents OK: {len(expected.data_files)} data files, {len(expected.gui_modules)} planwriter modules")


def _run(command: list[str], *, env: dict[str, str] | None = None, timeout: float = 300) -> str:
    started = time.perf_counter()
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=timeout, check=False,
            encoding="utf-8", errors="replace",
        )
    except subprocess.TimeoutExpired as error:
        hint = " (a windowed app on Windows or macOS may be showing an error dialog)" if not IS_LINUX else ""
        raise BundleError(f"{' '.join(command)} did not finish within {timeout:.0f} s{hint}") from error
    output = (result.stdout or "") + (result.stderr or "")
    if result.returncode != 0:
        tail = "\n".join(output.splitlines()[-40:])
        raise BundleError(f"{' '.join(command)} exited with {result.returncode}:\n{tail}")
    shown = " ".join([Path(command[0]).name, *command[1:]])
    log(f"ok ({time.perf_counter() - started:.1f} s): {shown}")
    return output


def frozen_env() -> dict[str, str]:
    """Environment for running the bundle: offscreen Qt (no window appears, works without a display)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONPATH", None)  # the bundle must not borrow modules from the checkout
    return env


def check_runs(bundle: Bundle) -> None:
    env = frozen_env()
    output = _run([str(bundle.cli), "--version"], env=env, timeout=120)
    log(f"  {output.strip()}")
    with tempfile.TemporaryDirectory(prefix="planwriter-frozen-") as tmp:
        _run([str(bundle.cli), "demo", tmp], env=env)
        documents = list(Path(tmp).glob("*.docx"))
        if not documents:
            raise BundleError("planwriter-cli demo ran but wrote no Word documents")
        log(f"  the command line exported {len(documents)} documents")
    output = _run([str(bundle.gui), "--self-test"], env=env)
    for line in output.strip().splitlines()[-5:]:
        log(f"  {line}")


# --------------------------------------------------------------------------- build


def build(dist: Path, work: Path) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BundleError(
            "PyInstaller is not installed; run: python -m pip install -e '.[package]'"
        ) from None
    if IS_LINUX and shutil.which("objdump") is None:
        raise BundleError("PyInstaller needs objdump on Linux; install binutils (apt-get install binutils)")
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]
    log("running PyInstaller (a few minutes)…")
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise BundleError(f"PyInstaller failed with exit code {result.returncode} (see its output above)")
    log(f"PyInstaller finished in {time.perf_counter() - started:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the frozen planwriter app and test the bundle.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--skip-build", action="store_true", help="check an existing bundle only")
    parser.add_argument("--no-run", action="store_true", help="check the contents but do not start the app")
    args = parser.parse_args(argv)

    try:
        # Snapshot the source tree first: files added while PyInstaller runs are not the bundle's fault.
        expected = Expected.from_source()
        if not args.skip_build:
            if (args.dist / "planwriter").exists():
                shutil.rmtree(args.dist / "planwriter")
            build(args.dist, args.work)
        bundle = Bundle.locate(args.dist)
        if not bundle.root.exists():
            raise BundleError(f"no bundle at {bundle.root}; build it first (drop --skip-build)")
        log(f"bundle: {bundle.root} ({folder_size(bundle.root) / 2**20:.1f} MiB)")
        check_contents(bundle, expected=expected)
        if not args.no_run:
            check_runs(bundle)
    except BundleError as error:
        print(f"\nFROZEN BUILD FAILED: {error}\n", file=sys.stderr, flush=True)
        return 1
    log("frozen build OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
