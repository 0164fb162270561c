"""The frozen app, built for real with PyInstaller and self-tested (slow: opt in with PLANWRITER_TEST_FROZEN=1)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build.py"
DIST = ROOT / "dist"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(
        os.environ.get("PLANWRITER_TEST_FROZEN") != "1",
        reason="builds the frozen app with PyInstaller (a minute or more); set PLANWRITER_TEST_FROZEN=1 to run it",
    ),
]


def load_build_script():
    name = "planwriter_packaging_build"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, BUILD_SCRIPT)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def run_build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=1500, check=False,
    )


@pytest.fixture(scope="module")
def built():
    """One real build for the whole module: ``python packaging/build.py`` (build, check, self-test)."""
    result = run_build()
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"packaging/build.py failed:\n{output[-6000:]}"
    return output, load_build_script().Bundle.locate(DIST)


def test_one_command_builds_the_app_and_the_bundle_passes_its_self_test(built):
    output, bundle = built
    assert bundle.gui.is_file() and bundle.cli.is_file()
    assert "contents OK" in output
    assert "self-test passed" in output
    assert "frozen build OK" in output


def test_bundle_carries_every_letter_template_the_json_resources_and_reference_docx(built):
    _, bundle = built
    data = bundle.data_root
    source_letters = sorted(p.name for p in (ROOT / "templates" / "en" / "letters").glob("*.md.j2"))
    bundled_letters = sorted(p.name for p in (data / "templates" / "en" / "letters").glob("*.md.j2"))
    assert source_letters and bundled_letters == source_letters
    source_json = sorted(p.name for p in (ROOT / "resources").glob("*.json"))
    assert source_json
    assert sorted(p.name for p in (data / "resources").glob("*.json")) == source_json
    reference = data / "templates" / "reference.docx"
    assert reference.read_bytes() == (ROOT / "templates" / "reference.docx").read_bytes()


def test_frozen_command_line_renders_a_letter_from_the_sample_case(built, tmp_path):
    _, bundle = built
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    listing = subprocess.run([str(bundle.cli), "templates", "--json"], capture_output=True, text=True,
                             env=env, timeout=120, check=True)
    assert '"id"' in listing.stdout
    demo = subprocess.run([str(bundle.cli), "demo", str(tmp_path)], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert demo.returncode == 0, demo.stderr
    import docx

    documents = sorted(tmp_path.glob("*.docx"))
    assert documents
    assert any(p.text.strip() for p in docx.Document(str(documents[0])).paragraphs)


def test_check_fails_loudly_when_the_bundle_misses_a_template(built, tmp_path):
    _, bundle = built
    letter = sorted((bundle.data_root / "templates" / "en" / "letters").glob("*.md.j2"))[0]
    kept = tmp_path / letter.name
    shutil.move(letter, kept)
    try:
        result = run_build("--skip-build", "--no-run")
    finally:
        shutil.move(kept, letter)
    assert result.returncode == 1
    assert "FROZEN BUILD FAILED" in result.stderr
    assert f"templates/en/letters/{letter.name}" in result.stderr
