"""Golden files guard the layout of a few letters: every paragraph's style and text, in order.

Regenerate after an intended change with ``PLANWRITER_UPDATE_GOLDEN=1 pytest tests/letters/test_golden.py``
and review the diff of ``tests/letters/golden/`` before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest

from planwriter.core.model import DeliveryMethod
from planwriter.render.engine import default_registry, export
from planwriter.render.letter import LetterOptions

from .conftest import LETTER_DATE

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("PLANWRITER_UPDATE_GOLDEN") == "1"

CASES = [
    ("records", "full"),
    ("initial-evaluation", "advocate"),
    ("due-process-complaint", "full"),
    ("parent-concerns", "they"),
    ("prior-written-notice", "accents"),
]


def _paragraphs(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    return [[p.style.name, p.text] for p in document.paragraphs]


@pytest.mark.parametrize(("template_id", "variant"), CASES)
def test_letter_layout_matches_its_golden_file(template_id, variant, make_case, tmp_path):
    template = default_registry().get(template_id)
    path = tmp_path / "letter.docx"
    case = make_case(variant)
    options = None if case.contacts else LetterOptions(delivery=DeliveryMethod.MAIL)
    export(case, template_id, path, template.meta.sample_inputs, options, today=LETTER_DATE)
    got = _paragraphs(path)
    golden = GOLDEN / f"{template_id}--{variant}.json"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert golden.is_file(), f"no golden file; run with PLANWRITER_UPDATE_GOLDEN=1 to create {golden.name}"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert got == expected
