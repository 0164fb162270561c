"""The accommodation catalogue: shipped data, search and filters, and suggestions ranked from a case."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from planwriter.core.model import (
    AREA_LABELS,
    CATEGORY_LABELS,
    Area,
    Case,
    CategoryStatus,
    ChosenAccommodation,
    IdeaCategory,
    PlanStatus,
)
from planwriter.core.paths import resource

log = logging.getLogger(__name__)

CATALOGUE_FILE = "accommodations.json"


class Category(StrEnum):
    PRESENTATION = "presentation"
    RESPONSE = "response"
    SETTING = "setting"
    TIMING_SCHEDULING = "timing_scheduling"
    BEHAVIORAL = "behavioral"
    ORGANIZATIONAL_EXECUTIVE = "organizational_executive"
    ASSISTIVE_TECHNOLOGY = "assistive_technology"
    HEALTH = "health"
    SOCIAL_EMOTIONAL = "social_emotional"
    SENSORY = "sensory"
    COMMUNICATION = "communication"


class Need(StrEnum):
    ATTENTION = "attention"
    READING = "reading"
    WRITING = "writing"
    MATH = "math"
    PROCESSING_SPEED = "processing_speed"
    ANXIETY = "anxiety"
    SENSORY = "sensory"
    MOTOR = "motor"
    HEARING = "hearing"
    VISION = "vision"
    HEALTH = "health"
    EXECUTIVE_FUNCTION = "executive_function"
    COMMUNICATION = "communication"
    BEHAVIOR = "behavior"
    SOCIAL = "social"


class Setting(StrEnum):
    CLASSROOM = "classroom"
    TESTS = "tests"
    HOMEWORK = "homework"
    STATE_ASSESSMENT = "state_assessment"


class PlanFit(StrEnum):
    IEP = "iep"
    PLAN_504 = "504"
    BOTH = "both"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Accommodation(_Data):
    """One catalogue entry: a specific support that changes *how*, not *what*, the child learns."""

    id: str = Field(pattern=r"^[A-Z]{1,2}\d{2}$")
    text: str = Field(min_length=20)
    category: Category
    needs: tuple[Need, ...] = Field(min_length=1)
    settings: tuple[Setting, ...] = Field(min_length=1)
    plans: PlanFit = PlanFit.BOTH
    #: Needs for which this is one of the first supports to consider; suggestions rank it higher.
    key_for: tuple[Need, ...] = ()
    #: Set where the support can change what a test measures (check the state manual there).
    construct_warning: str = ""
    explanation: str = ""

    @field_validator("needs", "settings")
    @classmethod
    def _no_repeats(cls, value: tuple[Any, ...]) -> tuple[Any, ...]:
        if len(set(value)) != len(value):
            raise ValueError("lists a value twice")
        return value

    @model_validator(mode="after")
    def _key_needs_are_needs(self) -> Accommodation:
        if not set(self.key_for) <= set(self.needs):
            raise ValueError(f"{self.id}: key_for names a need the item does not list in needs")
        return self

    def fits(self, plan: PlanStatus | PlanFit | str | None) -> bool:
        """Whether this support can go into a plan of that type (any plan when unknown)."""
        if plan in (PlanStatus.IEP, PlanFit.IEP, "iep"):
            return self.plans in (PlanFit.IEP, PlanFit.BOTH)
        if plan in (PlanStatus.PLAN_504, PlanFit.PLAN_504, "504"):
            return self.plans in (PlanFit.PLAN_504, PlanFit.BOTH)
        return True


class Modification(_Data):
    """A change to *what* the child is expected to learn or is tested on; never an accommodation."""

    id: str = Field(pattern=r"^M\d{2}$")
    text: str = Field(min_length=20)
    explanation: str = ""


class Labelled(_Data):
    id: str
    label: str
    description: str = ""


class Difference(_Data):
    """The reference's explanation of accommodation vs modification, in our own words."""

    accommodation: str
    modification: str
    quick_test: str
    depends_on_task: str

    def paragraphs(self) -> list[str]:
        return [self.accommodation, self.modification, self.quick_test, self.depends_on_task]


class DiagnosisKeywords(_Data):
    words: tuple[str, ...]
    needs: tuple[Need, ...]


class CatalogueData(_Data):
    """The shape of ``resources/accommodations.json``."""

    schema_version: int = 1
    difference: Difference
    categories: tuple[Labelled, ...]
    needs: tuple[Labelled, ...]
    settings: tuple[Labelled, ...]
    area_needs: dict[Area, tuple[Need, ...]]
    idea_category_needs: dict[IdeaCategory, tuple[Need, ...]]
    diagnosis_keywords: tuple[DiagnosisKeywords, ...]
    accommodations: tuple[Accommodation, ...]
    modifications: tuple[Modification, ...]

    @model_validator(mode="after")
    def _consistent(self) -> CatalogueData:
        for name, enum, entries in (("categories", Category, self.categories), ("needs", Need, self.needs),
                                    ("settings", Setting, self.settings)):
            ids = [e.id for e in entries]
            if sorted(ids) != sorted(m.value for m in enum):
                raise ValueError(f"{name} must label each of {', '.join(m.value for m in enum)} once")
        missing_areas = set(Area) - set(self.area_needs)
        if missing_areas:
            raise ValueError(f"area_needs lacks {', '.join(sorted(missing_areas))}")
        missing_categories = set(IdeaCategory) - set(self.idea_category_needs)
        if missing_categories:
            raise ValueError(f"idea_category_needs lacks {', '.join(sorted(missing_categories))}")
        seen_ids: set[str] = set()
        seen_texts: set[str] = set()
        for entry in (*self.accommodations, *self.modifications):
            if entry.id in seen_ids:
                raise ValueError(f"the id {entry.id} is used twice")
            key = _normal(entry.text)
            if key in seen_texts:
                raise ValueError(f"the text of {entry.id} repeats another entry")
            seen_ids.add(entry.id)
            seen_texts.add(key)
        return self


class CatalogueError(ValueError):
    """The catalogue file cannot be read or does not validate; names the file."""


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w ]+", " ", text.casefold()).split())


# --------------------------------------------------------------------------- suggestions


#: How much each kind of evidence in the case counts towards a need.
WEIGHT_CONCERN = 3.0
WEIGHT_PRESENT_LEVEL = 2.0
WEIGHT_DIAGNOSIS = 2.0
WEIGHT_CATEGORY_FOUND = 1.5
WEIGHT_CATEGORY_SUSPECTED = 1.0
#: An item's first need is what it is mainly for; later needs count for less.
POSITION_FACTORS = (1.0, 0.6, 0.4, 0.3, 0.25)
#: A first-choice support for a need (``key_for``) counts more than its position alone.
KEY_FACTOR = 1.3
#: Items that can change what a test measures are suggested a little lower.
WARNING_FACTOR = 0.85


@dataclass
class Evidence:
    """Why the case points at one need: where it comes from, in words a parent recognises."""

    need: Need
    weight: float
    source: str  # "concern", "present level", "diagnosis", "category"
    label: str  # e.g. "your concern about reading", "the diagnosis ADHD"
    detail: str = ""  # a short piece of the case (first sentence of a concern, a present level)


@dataclass
class NeedProfile:
    """The needs a case shows, each with its weight and the evidence behind it."""

    weights: dict[Need, float] = field(default_factory=dict)
    evidence: dict[Need, list[Evidence]] = field(default_factory=dict)

    def add(self, item: Evidence) -> None:
        self.weights[item.need] = self.weights.get(item.need, 0.0) + item.weight
        self.evidence.setdefault(item.need, []).append(item)

    def ranked(self) -> list[Need]:
        return sorted(self.weights, key=lambda n: -self.weights[n])

    def __bool__(self) -> bool:
        return bool(self.weights)


@dataclass
class Suggestion:
    accommodation: Accommodation
    score: float
    needs: list[Need]  # the case's needs this item addresses, strongest first
    why: str  # one line for the picker: why it is suggested
    reason: str  # a starting text for the document's "why" column


class AccommodationCatalogue:
    """The shipped catalogue, with lookups, search, filters and suggestions for a case."""

    def __init__(self, data: CatalogueData) -> None:
        self.data = data
        self.accommodations: tuple[Accommodation, ...] = data.accommodations
        self.modifications: tuple[Modification, ...] = data.modifications
        self._by_id: dict[str, Accommodation | Modification] = {
            a.id: a for a in (*data.accommodations, *data.modifications)
        }
        self.category_labels = {Category(c.id): c.label for c in data.categories}
        self.category_descriptions = {Category(c.id): c.description for c in data.categories}
        self.need_labels = {Need(n.id): n.label for n in data.needs}
        self.setting_labels = {Setting(s.id): s.label for s in data.settings}

    # ----------------------------------------------------------------- loading

    @classmethod
    def load(cls, path: str | Path | None = None) -> AccommodationCatalogue:
        path = Path(path) if path is not None else resource(CATALOGUE_FILE)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CatalogueError(f"{path.name}: cannot be read ({error})") from None
        try:
            data = CatalogueData.model_validate(raw)
        except ValueError as error:
            raise CatalogueError(f"{path.name}: {error}") from None
        log.debug("Loaded %d accommodations", len(data.accommodations))
        return cls(data)

    # ----------------------------------------------------------------- lookups

    def get(self, item_id: str) -> Accommodation | Modification | None:
        return self._by_id.get(item_id)

    def accommodation(self, item_id: str) -> Accommodation | None:
        item = self._by_id.get(item_id)
        return item if isinstance(item, Accommodation) else None

    @property
    def difference(self) -> Difference:
        return self.data.difference

    def category_label(self, category: str) -> str:
        try:
            return self.category_labels[Category(category)]
        except ValueError:
            return category.replace("_", " ").capitalize() if category else "Other"

    def settings_text(self, settings: list[str] | tuple[str, ...]) -> str:
        """``["classroom", "tests"]`` → ``"classroom, classroom tests"`` (in catalogue order)."""
        known = [s for s in Setting if s.value in settings]
        words = [self.setting_labels[s] for s in known]
        words += [s for s in settings if s not in {k.value for k in known}]
        return ", ".join(words)

    # ----------------------------------------------------------------- parsing user words

    def parse_need(self, text: str) -> Need:
        """A need from a user's word (``"reading"``, ``"processing-speed"``, ``"EF"``)."""
        return _parse(text, Need, self.need_labels, {"ef": Need.EXECUTIVE_FUNCTION,
                                                    "adhd": Need.ATTENTION,
                                                    "emotional": Need.ANXIETY,
                                                    "organization": Need.EXECUTIVE_FUNCTION})

    def parse_category(self, text: str) -> Category:
        return _parse(text, Category, self.category_labels, {"timing": Category.TIMING_SCHEDULING,
                                                            "behavior": Category.BEHAVIORAL,
                                                            "at": Category.ASSISTIVE_TECHNOLOGY,
                                                            "organization": Category.ORGANIZATIONAL_EXECUTIVE})

    def parse_setting(self, text: str) -> Setting:
        return _parse(text, Setting, self.setting_labels, {"class": Setting.CLASSROOM,
                                                          "test": Setting.TESTS,
                                                          "state": Setting.STATE_ASSESSMENT})

    # ----------------------------------------------------------------- search and filters

    def search(
        self,
        text: str = "",
        *,
        category: Category | str | None = None,
        need: Need | str | None = None,
        setting: Setting | str | None = None,
        plan: PlanStatus | PlanFit | str | None = None,
    ) -> list[Accommodation]:
        """Accommodations matching every given filter, in catalogue order.

        ``text`` matches words anywhere in the text, explanation, category or need labels, in
        any order ("extra time tests" finds "Time and one-half on tests…" only if every word occurs).
        """
        words = _normal(text).split()
        out = []
        for item in self.accommodations:
            if category and item.category != category:
                continue
            if need and need not in item.needs:
                continue
            if setting and setting not in item.settings:
                continue
            if plan and not item.fits(plan):
                continue
            if words:
                haystack = _normal(" ".join([
                    item.id, item.text, item.explanation, self.category_labels[item.category],
                    *(self.need_labels[n] for n in item.needs),
                ]))
                if not all(w in haystack for w in words):
                    continue
            out.append(item)
        return out

    def search_modifications(self, text: str = "") -> list[Modification]:
        words = _normal(text).split()
        return [m for m in self.modifications
                if all(w in _normal(f"{m.id} {m.text} {m.explanation}") for w in words)]

    # ----------------------------------------------------------------- the case's needs

    def needs_for_area(self, area: Area) -> tuple[Need, ...]:
        return self.data.area_needs.get(area, ())

    def needs_for_diagnosis(self, name: str) -> list[Need]:
        """Needs a diagnosis usually brings, found by whole words in its name."""
        words = f" {_normal(name)} "
        found: list[Need] = []
        for entry in self.data.diagnosis_keywords:
            if any(f" {_normal(w)} " in words for w in entry.words):
                found.extend(n for n in entry.needs if n not in found)
        return found

    def need_profile(self, case: Case) -> NeedProfile:
        """Weigh the case's concerns, present levels, diagnoses and IDEA categories into needs."""
        profile = NeedProfile()
        for concern in case.concerns:
            if not concern.description and not concern.examples:
                continue
            area_label = AREA_LABELS[concern.area]
            weight = WEIGHT_CONCERN + 0.25 * min(len(concern.examples), 4)
            for need in self.needs_for_area(concern.area):
                profile.add(Evidence(need, weight, "concern", f"your concern about {area_label}",
                                     _first_sentence(concern.description)))
        for level in case.present_levels:
            if not (level.summary or level.baseline_value):
                continue
            area_label = AREA_LABELS[level.area]
            for need in self.needs_for_area(level.area):
                profile.add(Evidence(need, WEIGHT_PRESENT_LEVEL, "present level",
                                     f"the present level in {area_label}",
                                     _first_sentence(level.summary)))
        for diagnosis in case.diagnoses:
            if not diagnosis.name:
                continue
            for need in self.needs_for_diagnosis(diagnosis.name):
                profile.add(Evidence(need, WEIGHT_DIAGNOSIS, "diagnosis",
                                     f"the diagnosis “{diagnosis.name}”", diagnosis.name))
        for entry in case.categories:
            found = entry.status == CategoryStatus.FOUND
            weight = WEIGHT_CATEGORY_FOUND if found else WEIGHT_CATEGORY_SUSPECTED
            word = "eligibility category" if found else "suspected eligibility category"
            label = CATEGORY_LABELS[entry.category]
            for need in self.data.idea_category_needs.get(entry.category, ()):
                profile.add(Evidence(need, weight, "category", f"the {word} {label}", label))
        return profile

    def suggest(
        self,
        case: Case,
        *,
        limit: int | None = 30,
        profile: NeedProfile | None = None,
    ) -> list[Suggestion]:
        """Accommodations ranked by how well they fit the case, each saying why.

        Items already chosen for the child, and items that do not fit the child's current plan
        type, are left out.
        """
        profile = profile if profile is not None else self.need_profile(case)
        if not profile:
            return []
        chosen = {a.catalogue_id for a in case.accommodations if a.catalogue_id}
        plan = case.plan_status if case.plan_status in (PlanStatus.IEP, PlanStatus.PLAN_504) else None
        scored: list[tuple[float, int, Suggestion]] = []
        for order, item in enumerate(self.accommodations):
            if item.id in chosen or not item.fits(plan):
                continue
            score = 0.0
            matched: list[tuple[float, Need]] = []
            for position, need in enumerate(item.needs):
                weight = profile.weights.get(need, 0.0)
                if weight:
                    factor = POSITION_FACTORS[min(position, len(POSITION_FACTORS) - 1)]
                    if need in item.key_for:
                        factor = KEY_FACTOR
                    score += weight * factor
                    matched.append((weight * factor, need))
            if not matched:
                continue
            if item.construct_warning:
                # Supports that can change what a test measures need more thought: list them lower.
                score *= WARNING_FACTOR
            needs = [n for _, n in sorted(matched, key=lambda m: -m[0])]
            suggestion = Suggestion(item, round(score, 3), needs,
                                    self._why(needs, profile), self.reason_for(needs, profile, case))
            scored.append((-score, order, suggestion))
        scored.sort(key=lambda s: (s[0], s[1]))
        result = [s for _, _, s in scored]
        return result[:limit] if limit else result

    def _why(self, needs: list[Need], profile: NeedProfile) -> str:
        """One line: "Helps with reading (your concern about reading; the diagnosis …)"."""
        parts = []
        for rank, need in enumerate(needs[:2]):
            sources: list[str] = []
            for ev in sorted(profile.evidence.get(need, []), key=lambda e: -e.weight):
                if ev.label not in sources:
                    sources.append(ev.label)
            parts.append(f"{self.need_labels[need]} ({'; '.join(sources[: 2 - rank])})")
        return "Helps with " + " and ".join(parts)

    def reason_for(self, needs: list[Need], profile: NeedProfile, case: Case) -> str:
        """A first draft of the document's "why" text, from the case's own words; the family edits it."""
        sentences = []
        for need in needs[:2]:
            evidence = sorted(profile.evidence.get(need, []),
                              key=lambda e: (e.source != "present level", e.source != "concern", -e.weight))
            detail = next((e.detail for e in evidence if e.detail and e.source in ("present level", "concern")),
                          "")
            if not detail:
                detail = next((f"Diagnosis: {e.detail}" for e in evidence if e.source == "diagnosis"), "")
            label = self.need_labels[need]
            sentences.append(f"{label[:1].upper()}{label[1:]}: {detail}" if detail
                             else f"Supports {label}.")
        return " ".join(s if s.endswith((".", "!", "?", "”", '"')) else s + "." for s in sentences)

    # ----------------------------------------------------------------- choosing

    def choose(self, item: Accommodation | Modification, case: Case | None = None,
               reason: str = "") -> ChosenAccommodation:
        """A :class:`ChosenAccommodation` for the child's list, copied from a catalogue entry."""
        if isinstance(item, Modification):
            return ChosenAccommodation(catalogue_id=item.id, text=item.text, category="modification",
                                       reason=reason, is_modification=True)
        if not reason and case is not None:
            profile = self.need_profile(case)
            matched = [n for n in item.needs if n in profile.weights]
            if matched:
                reason = self.reason_for(sorted(matched, key=lambda n: -profile.weights[n]), profile, case)
        return ChosenAccommodation(catalogue_id=item.id, text=item.text, category=item.category.value,
                                   reason=reason, settings=[s.value for s in item.settings])

    # ----------------------------------------------------------------- documents

    def document_groups(self, chosen: list[ChosenAccommodation]) -> dict[str, Any]:
        """The child's list arranged for a document: accommodations by category, modifications apart.

        Returns plain data (templates see it as ``accommodation_groups``)::

            {"groups": [{"category", "label", "description", "items": [row, …]}, …],
             "modifications": [row, …], "warnings": [row, …], "count": int,
             "difference": {"accommodation", "modification", "quick_test", "depends_on_task"}}

        where each row has ``text``, ``details``, ``where``, ``why`` (empty strings when unknown)
        and ``warning`` (set only where the item can change what a test measures and is used on tests).
        """
        groups: dict[str, dict[str, Any]] = {}
        modifications: list[dict[str, Any]] = []
        warnings: list[dict[str, Any]] = []
        for entry in chosen:
            if not entry.text:
                continue
            item = self.get(entry.catalogue_id) if entry.catalogue_id else None
            is_mod = entry.is_modification or isinstance(item, Modification)
            settings = list(entry.settings) or (list(item.settings) if isinstance(item, Accommodation) else [])
            why = entry.reason
            if not why and isinstance(item, Accommodation):
                why = "Supports " + _join([self.need_labels[n] for n in item.needs[:2]]) + "."
            row = {
                "id": entry.id,
                "catalogue_id": entry.catalogue_id,
                "text": entry.text,
                "details": entry.details,
                "where": self.settings_text(settings),
                "why": why,
                "warning": item.construct_warning if isinstance(item, Accommodation) else "",
            }
            if is_mod:
                modifications.append(row)
                continue
            if not {"tests", "state_assessment"} & set(settings):
                row["warning"] = ""  # the warning is about tests; this one is not used on tests
            if row["warning"]:
                warnings.append(row)
            key = entry.category if entry.category in {c.value for c in Category} else "other"
            if key not in groups:
                groups[key] = {
                    "category": key,
                    "label": self.category_label(key) if key != "other" else "Other",
                    "description": self.category_descriptions.get(Category(key), "")
                    if key != "other" else "",
                    "items": [],
                }
            groups[key]["items"].append(row)
        order = [c.value for c in Category] + ["other"]
        return {
            "groups": [groups[k] for k in order if k in groups],
            "modifications": modifications,
            "warnings": warnings,
            "count": sum(len(g["items"]) for g in groups.values()),
            "difference": self.difference.model_dump(),
        }


def _parse(text: str, enum: type[StrEnum], labels: dict[Any, str], aliases: dict[str, Any]) -> Any:
    key = _normal(text).replace(" ", "_")
    for member in enum:
        if key == member.value or key == _normal(labels[member]).replace(" ", "_"):
            return member
    if key in aliases:
        return aliases[key]
    known = ", ".join(m.value for m in enum)
    raise ValueError(f"“{text}” is not one of: {known}")


def _first_sentence(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)
    sentence = text[: match.start()] if match else text
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rsplit(" ", 1)[0] + "…"
    return sentence


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


@cache
def catalogue() -> AccommodationCatalogue:
    """The shipped catalogue (loaded and validated once per process)."""
    return AccommodationCatalogue.load()


def accommodation_groups(case: Case) -> dict[str, Any]:
    """The hook for documents: the case's chosen accommodations grouped for a table or a list.

    Letters that attach the list (504 request, parent concerns) get the same data as the
    "Requested accommodations" document through the template context key ``accommodation_groups``.
    """
    return catalogue().document_groups(case.accommodations)


__all__ = [
    "Accommodation",
    "AccommodationCatalogue",
    "CatalogueError",
    "Category",
    "Modification",
    "Need",
    "PlanFit",
    "Setting",
    "Suggestion",
    "accommodation_groups",
    "catalogue",
]
