"""The sample cases shipped in ``resources/sample``: fictional children for a first look.

- ``sample-case.pwcase``: Alex Rivera, grade 3, being evaluated (no plan yet), letters from his parents.
- ``sample-case-iep.pwcase``: Maya Thompson, grade 7, with an IEP; both parents sign.
- ``sample-case-504.pwcase``: Noah Patel, grade 5, with a Section 504 plan; an advocate writes for his parents.

Each case keeps, in ``letter_drafts``, the letters that fit its story, with their dates and answers.
"""

from __future__ import annotations

from planwriter.core import casefile
from planwriter.core.model import Case
from planwriter.core.paths import resource

SAMPLE_NAME = "sample-case.pwcase"
#: Every sample case file, the first being the one the app opens as "the sample".
SAMPLE_NAMES = (SAMPLE_NAME, "sample-case-iep.pwcase", "sample-case-504.pwcase")


def sample_path(name: str = SAMPLE_NAME):
    return resource("sample", name)


def sample_case() -> Case:
    """A fresh copy of the sample case (Alex Rivera, grade 3)."""
    return casefile.load(sample_path())


def sample_cases() -> list[Case]:
    """Fresh copies of every sample case, in ``SAMPLE_NAMES`` order."""
    return [casefile.load(sample_path(name)) for name in SAMPLE_NAMES]
