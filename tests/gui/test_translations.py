"""Every user-visible string of the app can be extracted for translators (a Spanish interface needs no code)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _lupdate() -> str:
    local = Path(sys.executable).parent / "pyside6-lupdate"
    if local.exists():
        return str(local)
    found = shutil.which("pyside6-lupdate")
    if found is None:
        pytest.skip("pyside6-lupdate is not installed")
    return found


def test_the_interface_strings_can_be_extracted_for_translation(tmp_path):
    sources = [str(p) for p in sorted((ROOT / "planwriter" / "gui").rglob("*.py"))]
    sources.append(str(ROOT / "planwriter" / "app.py"))
    ts = tmp_path / "planwriter_es.ts"
    result = subprocess.run([_lupdate(), *sources, "-ts", str(ts)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Cannot invoke tr()" not in result.stdout + result.stderr
    messages = ET.parse(ts).getroot().findall(".//message/source")
    texts = {m.text for m in messages}
    assert len(texts) >= 400
    contexts = {c.findtext("name") for c in ET.parse(ts).getroot().findall("context")}
    assert {"LettersPage", "ChildPage", "MainWindow"} <= contexts
