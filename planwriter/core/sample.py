"""The sample cases shipped in ``resources/sample``: fictional children for a first look.

- ``sample-case.pwcase``: Alex Rivera, grade 3, being evaluated (no plan yet), letters from his parents.
- ``sample-case-iep.pwcase``: Maya Thompson, grade 7, with an IEP; both parents sign.
- ``sample-case-504.pwcase``: Noah Patel, grade 5, with a Section 504 plan; an advocate writes for his parents.

``letters.json`` beside them holds, for each case, the letters that fit its story (their dates,
answers and delivery, as ``Case.letter_drafts``); :func:`sample_cases` adds them to the cases.
"""

from __future__ import annotations

import json

from planwriter.core import casefile
from planwriter.core.model import Case, LetterDraft
from planwriter.core.paths import resource

SAMPLE_NAME = "sample-case.pwcase"
#: Every sample case file, the first being the one the app opens as "the sample".
SAMPLE_NAMES = (SAMPLE_NAME, "sample-case-iep.pwcase", "sample-case-504.pwcase")


def sample_path(name: str = SAMPLE_NAME):
    return resource("sample", name)


def sample_case() -> Case:
    """A fresh copy of the sample case (Alex Rivera, grade 3)."""
    return casefile.load(sample_path())


def sample_drafts(name: str = SAMPLE_NAME) -> dict[str, LetterDraft]:
    """The letters that fit one sample's story: template id → draft (inputs, date, delivery)."""
    stories = json.loads(resource("sample", "letters.json").read_text(encoding="utf-8"))
    return {tid: LetterDraft.model_validate(draft) for tid, draft in stories.get(name, {}).items()}


def sample_cases() -> list[Case]:
    """Fresh copies of every sample case, in ``SAMPLE_NAMES`` order, each with its story's letters."""
    cases = []
    for name in SAMPLE_NAMES:
        case = casefile.load(sample_path(name))
        case.letter_drafts = sample_drafts(name)
        cases.append(case)
    return cases
