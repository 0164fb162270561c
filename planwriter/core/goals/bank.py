"""The goal bank: goal patterns shipped in ``resources/goal_bank.json``, validated at load."""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planwriter.core.model import AREA_LABELS, Area, Baseline, Criterion, Goal, Measurement, Pronouns
from planwriter.core.paths import resource

log = logging.getLogger(__name__)

BANK_FILE = "goal_bank.json"


class GoalPattern(BaseModel):
    """One reusable goal pattern: the parts of a goal except the child's own numbers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    area: Area
    skill: str = Field(min_length=2)
    title: str = Field(min_length=3)
    behavior: str = Field(min_length=3)
    condition: str = ""
    unit: str = ""
    example_baseline: str = ""
    example_target: str = ""
    consistency: str = ""
    tools: list[str] = Field(default_factory=list)
    collector: str = ""
    frequency: str = ""
    postsecondary: bool = False
    timeframe_text: str = ""
    note: str = ""

    @field_validator("tools")
    @classmethod
    def _tools(cls, value: list[str]) -> list[str]:
        return [t.strip() for t in value if t.strip()]

    @property
    def area_label(self) -> str:
        return AREA_LABELS[self.area]

    def search_text(self) -> str:
        return " ".join((self.title, self.skill, self.area_label, self.behavior, self.unit, *self.tools)).lower()


class GoalBankError(ValueError):
    """The goal bank file is missing or not valid."""


class GoalBank(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = 1
    patterns: list[GoalPattern]

    @field_validator("patterns")
    @classmethod
    def _unique(cls, value: list[GoalPattern]) -> list[GoalPattern]:
        seen: set[str] = set()
        for pattern in value:
            if pattern.id in seen:
                raise ValueError(f"the id “{pattern.id}” is used twice")
            seen.add(pattern.id)
        return value

    def get(self, pattern_id: str) -> GoalPattern | None:
        return next((p for p in self.patterns if p.id == pattern_id), None)

    def areas(self) -> list[Area]:
        return [a for a in Area if any(p.area == a for p in self.patterns)]

    def search(self, text: str = "", area: Area | None = None) -> list[GoalPattern]:
        """Patterns in ``area`` whose words contain every word of ``text``."""
        terms = text.lower().split()
        return [p for p in self.patterns
                if (area is None or p.area == area) and all(t in p.search_text() for t in terms)]


def load_bank(path: str | Path | None = None) -> GoalBank:
    """Read and validate the goal bank (the shipped one unless ``path`` is given)."""
    source = Path(path) if path else resource(BANK_FILE)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        return GoalBank.model_validate(data)
    except (OSError, json.JSONDecodeError) as error:
        raise GoalBankError(f"{source.name}: cannot be read ({error})") from None
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise GoalBankError(f"{source.name}: {where}: {first['msg']}") from None


@cache
def goal_bank() -> GoalBank:
    """The shipped goal bank, loaded once."""
    return load_bank()


_PRONOUN_WORDS = {
    Pronouns.HE: {"they": "he", "them": "him", "their": "his", "themself": "himself"},
    Pronouns.SHE: {"they": "she", "them": "her", "their": "her", "themself": "herself"},
    Pronouns.THEY: {"they": "they", "them": "them", "their": "their", "themself": "themself"},
}


def with_pronouns(text: str, pronouns: Pronouns = Pronouns.THEY) -> str:
    """Fill the bank's ``{they}``/``{them}``/``{their}``/``{themself}`` marks with the child's pronouns."""
    for key, word in _PRONOUN_WORDS[pronouns].items():
        text = text.replace("{" + key + "}", word)
    return text


def apply_pattern(goal: Goal, pattern: GoalPattern, pronouns: Pronouns = Pronouns.THEY) -> Goal:
    """Fill the builder from a pattern; the child's own numbers (baseline, target) stay as they were."""
    goal.area = pattern.area
    goal.behavior = with_pronouns(pattern.behavior, pronouns)
    goal.condition = with_pronouns(pattern.condition, pronouns)
    goal.postsecondary = pattern.postsecondary
    goal.bank_id = pattern.id
    if pattern.postsecondary:
        # A postsecondary goal happens after high school, not by a date in the IEP year.
        goal.timeframe_date = None
        goal.by_annual_review = False
        goal.timeframe_text = pattern.timeframe_text
    goal.criterion = Criterion(target_value=goal.criterion.target_value, unit=pattern.unit,
                               consistency=pattern.consistency)
    goal.baseline = Baseline(value=goal.baseline.value, unit=pattern.unit, date=goal.baseline.date,
                             source=goal.baseline.source)
    goal.measurement = Measurement(tool=pattern.tools[0] if pattern.tools else "", collector=pattern.collector,
                                   frequency=pattern.frequency)
    return goal
