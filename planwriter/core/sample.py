"""The sample case shipped in ``resources/sample``: a fictional child for a first look."""

from __future__ import annotations

from planwriter.core import casefile
from planwriter.core.model import Case
from planwriter.core.paths import resource

SAMPLE_NAME = "sample-case.pwcase"


def sample_path():
    return resource("sample", SAMPLE_NAME)


def sample_case() -> Case:
    """A fresh copy of the sample case (Alex Rivera, grade 3)."""
    return casefile.load(sample_path())
