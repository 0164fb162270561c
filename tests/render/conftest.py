"""Helpers for reading exported Word documents back the way a user would see them."""

from __future__ import annotations

import io

import docx
import pytest


def read_docx(data_or_path) -> docx.document.Document:
    if isinstance(data_or_path, bytes):
        return docx.Document(io.BytesIO(data_or_path))
    return docx.Document(str(data_or_path))


def paragraphs(document) -> list[tuple[str, str]]:
    """(style name, text) for every body paragraph, in order."""
    return [(p.style.name, p.text) for p in document.paragraphs]


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n\n".join(parts)


@pytest.fixture
def docx_reader():
    return read_docx
