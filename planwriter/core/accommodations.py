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

from planwriter.core.accommodation_words import Pattern, WordIndex, root, sentences, words
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
    EMERGENCY = "emergency"
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
    # Health needs, finer than "health", so a diabetes plan is not offered asthma items first.
    DIABETES = "diabetes"
    ALLERGY = "allergy"
    BREATHING = "breathing"
    SEIZURES = "seizures"
    TOILETING = "toileting"
    EATING = "eating"
    ABSENCES = "absences"
    FATIGUE = "fatigue"
    PAIN = "pain"
    MOBILITY = "mobility"
    INFECTION = "infection"
    CRISIS = "crisis"


#: Needs that are about the body's care at school; items for them form a plan's health section.
HEALTH_NEEDS = frozenset({Need.HEALTH, Need.DIABETES, Need.ALLERGY, Need.BREATHING, Need.SEIZURES,
                          Need.TOILETING, Need.EATING, Need.ABSENCES, Need.FATIGUE, Need.PAIN,
                          Need.MOBILITY, Need.INFECTION, Need.CRISIS})


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
    #: Only for these conditions (names from the conditions table): an item written for one condition
    #: ("kept apart from other students with cystic fibrosis") is suggested only when the case names it.
    conditions: tuple[str, ...] = ()

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


class Condition(_Data):
    """A diagnosis or condition as families write it (with its abbreviations) and the needs it brings.

    ``words`` are matched as whole words, in any case, except words written in capitals in the
    table: those match only when the family writes them in capitals too, so "ADD" and "ALL"
    (a leukemia) count but "add" and "all" do not.
    """

    name: str
    words: tuple[str, ...] = Field(min_length=1)
    needs: tuple[Need, ...] = Field(min_length=1)
    #: Accommodations to put first for this condition (optional).
    items: tuple[str, ...] = ()


class ConcernPhrase(_Data):
    """Something families write in a concern ("panics on timed tests") and the needs and items it points to.

    Each pattern is a few words that must all occur in one sentence, in any order; a word ending in
    ``*`` matches any word starting with it (see :class:`~planwriter.core.accommodation_words.Pattern`).
    """

    name: str
    patterns: tuple[str, ...] = Field(min_length=1)
    needs: tuple[Need, ...] = Field(min_length=1)
    items: tuple[str, ...] = ()

    @field_validator("patterns")
    @classmethod
    def _patterns_parse(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for text in value:
            Pattern.parse(text)
        return value


class CatalogueData(_Data):
    """The shape of ``resources/accommodations.json``."""

    schema_version: int = 1
    difference: Difference
    categories: tuple[Labelled, ...]
    needs: tuple[Labelled, ...]
    settings: tuple[Labelled, ...]
    area_needs: dict[Area, tuple[Need, ...]]
    idea_category_needs: dict[IdeaCategory, tuple[Need, ...]]
    conditions: tuple[Condition, ...]
    concern_phrases: tuple[ConcernPhrase, ...] = ()
    #: Words left out of searches ("the", "and") unless nothing else is typed.
    stop_words: tuple[str, ...] = ()
    #: Groups of words that mean the same thing in a search ("bathroom", "restroom", "toilet").
    synonyms: tuple[tuple[str, ...], ...] = ()
    #: Words too common in the catalogue to tie a family's sentence to an item ("student", "school").
    generic_words: tuple[str, ...] = ()
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
        used = {n for a in self.accommodations for n in a.needs}
        unused = [n.value for n in Need if n not in used]
        if unused:
            raise ValueError(f"no accommodation addresses the need {', '.join(unused)}")
        condition_names = {c.name for c in self.conditions}
        for item in self.accommodations:
            unknown = [c for c in item.conditions if c not in condition_names]
            if unknown:
                raise ValueError(f"{item.id} is only for conditions not in the table: {', '.join(unknown)}")
        for entry in (*self.conditions, *self.concern_phrases):
            unknown = [i for i in entry.items if i not in seen_ids]
            if unknown:
                raise ValueError(f"“{entry.name}” names unknown items {', '.join(unknown)}")
        seen_terms: dict[str, int] = {}
        for number, group in enumerate(self.synonyms):
            if len(group) < 2:
                raise ValueError(f"the synonym group {list(group)} needs at least two words")
            for term in group:
                key = " ".join(words(term))
                if not key:
                    raise ValueError(f"the synonym “{term}” has no words")
                if seen_terms.get(key, number) != number:
                    raise ValueError(f"the synonym “{term}” is in two groups")
                seen_terms[key] = number
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
#: A condition named inside a concern or present level ("she has T1D"), and a phrase found there.
WEIGHT_CONDITION_IN_TEXT = 2.5
WEIGHT_PHRASE = 2.5
#: An item a phrase or condition points to directly ("panics on timed tests" → time and one-half).
WEIGHT_POINTED_ITEM = 5.0
#: A condition's later needs count for less than its first (diabetes: blood sugar, then eating).
CONDITION_NEED_FACTORS = (1.0, 0.7, 0.5, 0.4, 0.3, 0.25)
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
    source: str  # "concern", "present level", "diagnosis", "category", "phrase"
    label: str  # e.g. "your concern about reading", "the diagnosis “ADHD”"
    detail: str = ""  # a short piece of the case (first sentence of a concern, a present level)


@dataclass
class Pointer:
    """A phrase or condition in the case that points at one accommodation directly."""

    item_id: str
    weight: float
    label: str
    detail: str = ""


@dataclass
class NeedProfile:
    """The needs a case shows, each with its weight and the evidence behind it."""

    weights: dict[Need, float] = field(default_factory=dict)
    evidence: dict[Need, list[Evidence]] = field(default_factory=dict)
    pointers: dict[str, list[Pointer]] = field(default_factory=dict)
    #: The names of the conditions the case names (diagnoses, or written in a concern or present level).
    conditions: set[str] = field(default_factory=set)

    def add(self, item: Evidence) -> None:
        self.weights[item.need] = self.weights.get(item.need, 0.0) + item.weight
        self.evidence.setdefault(item.need, []).append(item)

    def point(self, pointer: Pointer) -> None:
        known = self.pointers.setdefault(pointer.item_id, [])
        if all(p.label != pointer.label for p in known):
            known.append(pointer)

    def ranked(self) -> list[Need]:
        return sorted(self.weights, key=lambda n: -self.weights[n])

    def __bool__(self) -> bool:
        return bool(self.weights) or bool(self.pointers)


@dataclass
class Suggestion:
    accommodation: Accommodation
    score: float
    needs: list[Need]  # the case's needs this item addresses, strongest first
    why: str  # one line for the picker: why it is suggested, each source named once
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
        self._word_index: WordIndex | None = None  # built on the first search (about 30 ms)
        self._modification_word_index: WordIndex | None = None
        # Conditions as word sequences, for whole-word matching in diagnoses and free text.
        self._condition_words = [
            (condition, [(tuple(words(w)), w) for w in condition.words]) for condition in data.conditions
        ]
        self._phrases = [(phrase, [Pattern.parse(p) for p in phrase.patterns]) for phrase in data.concern_phrases]
        self._generic = {w for text in (*data.stop_words, *data.generic_words) for w in words(text)}
        self._item_words: dict[str, set[str]] = {}  # filled on first use (reasons only)

    @property
    def _index(self) -> WordIndex:
        if self._word_index is None:
            data = self.data
            self._word_index = WordIndex(
                [[(1.0, f"{a.id} {a.text}"), (0.6, a.explanation), (0.5, self.category_labels[a.category]),
                  (0.4, " ".join(self.need_labels[n] for n in a.needs))] for a in data.accommodations],
                synonyms=data.synonyms,
                stop_words=data.stop_words,
                conditions=[(c.words, [n for n in c.needs if n != Need.HEALTH][:1]) for c in data.conditions],
                primary=[{a.needs[0].value, *(k.value for k in a.key_for)} for a in data.accommodations],
            )
        return self._word_index

    @property
    def _modification_index(self) -> WordIndex:
        if self._modification_word_index is None:
            self._modification_word_index = WordIndex(
                [[(1.0, f"{m.id} {m.text}"), (0.6, m.explanation)] for m in self.data.modifications],
                synonyms=self.data.synonyms, stop_words=self.data.stop_words)
        return self._modification_word_index

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
        """A need from a user's word (``"reading"``, ``"processing-speed"``, ``"EF"``) or a condition.

        A condition from the conditions table gives its first need: ``"asthma"`` → breathing,
        ``"T1D"`` → diabetes. Raises ``ValueError`` naming the needs when nothing fits.
        """
        try:
            return _parse(text, Need, self.need_labels, {"ef": Need.EXECUTIVE_FUNCTION,
                                                        "adhd": Need.ATTENTION,
                                                        "emotional": Need.ANXIETY,
                                                        "organization": Need.EXECUTIVE_FUNCTION})
        except ValueError:
            conditions = self.conditions_in(text)
            if len(conditions) == 1:
                return conditions[0].needs[0]
            raise

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
        """Accommodations matching every given filter; with ``text``, best match first.

        ``text`` is matched word by word against the item's text, explanation, category and need
        labels: each word must match a whole word or the start of one ("allerg" finds "allergy",
        "hat" does not find "that"), or a word of the same synonym group ("EpiPen" finds
        "epinephrine", "restroom" finds "bathroom"); a condition name ("T1D", "dyslexia") also finds
        the items for the need it brings. Small words such as "the" are ignored. Without ``text`` the
        items come in catalogue order.
        """
        if text.strip():
            ranked = [self.accommodations[n] for n, _score in self._index.search(text)]
        else:
            ranked = list(self.accommodations)
        return [item for item in ranked
                if (not category or item.category == category)
                and (not need or need in item.needs)
                and (not setting or setting in item.settings)
                and (not plan or item.fits(plan))]

    def search_modifications(self, text: str = "") -> list[Modification]:
        if not text.strip():
            return list(self.modifications)
        return [self.modifications[n] for n, _score in self._modification_index.search(text)]

    # ----------------------------------------------------------------- the case's needs

    def needs_for_area(self, area: Area) -> tuple[Need, ...]:
        return self.data.area_needs.get(area, ())

    def conditions_in(self, text: str) -> list[Condition]:
        """Conditions named in a text, found by whole words ("T1D", "type 1 diabetes", "migraines").

        Words the table writes in capitals ("ADD", "ALL") count only when written in capitals.
        """
        tokens = words(text)
        if not tokens:
            return []
        capitals = set(re.findall(r"\b[A-Z][A-Z0-9]+\b", text))
        present = set(tokens)
        found: list[Condition] = []
        for condition, sequences in self._condition_words:
            for sequence, written in sequences:
                size = len(sequence)
                if not size or sequence[0] not in present or (written.isupper() and written not in capitals):
                    continue
                if size == 1 or any(tuple(tokens[i:i + size]) == sequence
                                    for i in range(len(tokens) - size + 1)):
                    found.append(condition)
                    break
        return found

    def needs_for_diagnosis(self, name: str) -> list[Need]:
        """Needs a diagnosis usually brings, found by whole words in its name."""
        found: list[Need] = []
        for condition in self.conditions_in(name):
            found.extend(n for n in condition.needs if n not in found)
        return found

    def phrases_in(self, text: str) -> list[tuple[ConcernPhrase, str]]:
        """Phrases of the table found in a text, each with the sentence it was found in."""
        found: list[tuple[ConcernPhrase, str]] = []
        pieces = sentences(text)
        token_sets = [set(words(piece)) for piece in pieces]
        for phrase, patterns in self._phrases:
            for sentence, tokens in zip(pieces, token_sets, strict=False):
                if any(p.matches(tokens) for p in patterns):
                    found.append((phrase, _first_sentence(sentence)))
                    break
        return found

    def _add_condition(self, profile: NeedProfile, condition: Condition, weight: float, source: str,
                       label: str, detail: str) -> None:
        profile.conditions.add(condition.name)
        for position, need in enumerate(condition.needs):
            factor = CONDITION_NEED_FACTORS[min(position, len(CONDITION_NEED_FACTORS) - 1)]
            profile.add(Evidence(need, weight * factor, source, label, detail))
        for rank, item_id in enumerate(condition.items):
            # A diagnosis name alone ("T1D") is no reason sentence; a sentence the family wrote is.
            profile.point(Pointer(item_id, _pointer_weight(rank), label, "" if source == "diagnosis" else detail))

    def _add_free_text(self, profile: NeedProfile, text: str, label: str, source: str) -> None:
        """Conditions and phrases inside something the family wrote."""
        for condition in self.conditions_in(text):
            detail = next((_first_sentence(s) for s in sentences(text) if condition in self.conditions_in(s)), "")
            self._add_condition(profile, condition, WEIGHT_CONDITION_IN_TEXT, source, label, detail)
        for phrase, sentence in self.phrases_in(text):
            phrase_label = f"what you wrote about {phrase.name}"
            for position, need in enumerate(phrase.needs):
                factor = CONDITION_NEED_FACTORS[min(position, len(CONDITION_NEED_FACTORS) - 1)]
                profile.add(Evidence(need, WEIGHT_PHRASE * factor, "phrase", phrase_label, sentence))
            for rank, item_id in enumerate(phrase.items):
                profile.point(Pointer(item_id, _pointer_weight(rank), phrase_label, sentence))

    def need_profile(self, case: Case) -> NeedProfile:
        """Weigh the case's concerns, present levels, diagnoses and IDEA categories into needs.

        Besides the area of each concern, the words the family wrote count: a condition named in
        a concern ("she has T1D") and phrases from the catalogue's table ("panics on timed tests").
        """
        profile = NeedProfile()
        for concern in case.concerns:
            if not concern.description and not concern.examples:
                continue
            area_label = AREA_LABELS[concern.area]
            weight = WEIGHT_CONCERN + 0.25 * min(len(concern.examples), 4)
            label = f"your concern about {area_label}"
            for need in self.needs_for_area(concern.area):
                profile.add(Evidence(need, weight, "concern", label, _first_sentence(concern.description)))
            text = "\n".join([concern.description, *(e.text for e in concern.examples)])
            self._add_free_text(profile, text, label, "concern")
        for level in case.present_levels:
            if not (level.summary or level.baseline_value):
                continue
            area_label = AREA_LABELS[level.area]
            label = f"the present level in {area_label}"
            for need in self.needs_for_area(level.area):
                profile.add(Evidence(need, WEIGHT_PRESENT_LEVEL, "present level", label,
                                     _first_sentence(level.summary)))
            self._add_free_text(profile, level.summary, label, "present level")
        for diagnosis in case.diagnoses:
            if not diagnosis.name:
                continue
            for condition in self.conditions_in(diagnosis.name):
                label = f"the diagnosis “{diagnosis.name}”"
                if len(_normal(diagnosis.name)) <= 6 and _normal(condition.name) != _normal(diagnosis.name):
                    label += f" ({condition.name})"  # spell out an abbreviation such as T1D
                self._add_condition(profile, condition, WEIGHT_DIAGNOSIS, "diagnosis", label, diagnosis.name)
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
        type, are left out; so are items written for a condition the case does not name (their
        ``conditions``), and items whose main need is a particular health need (seizures, mobility …)
        when the case shares only the general need for medical care at school with them.
        """
        profile = profile if profile is not None else self.need_profile(case)
        if not profile:
            return []
        chosen = {a.catalogue_id for a in case.accommodations if a.catalogue_id}
        plan = case.plan_status if case.plan_status in (PlanStatus.IEP, PlanStatus.PLAN_504) else None
        scored: list[tuple[float, int, Accommodation, list[Need], list[Pointer]]] = []
        strongest = max(profile.weights.values(), default=0.0)
        for order, item in enumerate(self.accommodations):
            if item.id in chosen or not item.fits(plan):
                continue
            pointers = profile.pointers.get(item.id, [])
            if item.conditions and not pointers and not profile.conditions.intersection(item.conditions):
                continue  # written for a condition the case does not name
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
            if not pointers and item.needs[0] != Need.HEALTH and {n for _, n in matched} == {Need.HEALTH}:
                # Only "medical care at school" in common: an item for another health need (seizures,
                # catheterisation, crutches) does not fit a child without that need.
                continue
            if pointers:
                # What the family wrote names this item directly: rank it with the first supports for
                # the case's strongest need, so a second concern ("panics on timed tests") is not buried
                # under a long health list.
                first = max(p.weight for p in pointers)
                score += max(first, strongest * KEY_FACTOR) + (first - WEIGHT_POINTED_ITEM)
            if not matched and not pointers:
                continue
            if item.construct_warning:
                # Supports that can change what a test measures need more thought: list them lower.
                score *= WARNING_FACTOR
            needs = [n for _, n in sorted(matched, key=lambda m: -m[0])]
            scored.append((-score, order, item, needs, pointers))
        scored.sort(key=lambda s: (s[0], s[1]))
        # Reasons quote the case, which takes a moment: write them only for the suggestions shown.
        return [Suggestion(item, round(-negative, 3), needs, self._why(needs, profile, pointers),
                           self.reason_for(needs, profile, case, pointers, item))
                for negative, _order, item, needs, pointers in (scored[:limit] if limit else scored)]

    def _why(self, needs: list[Need], profile: NeedProfile, pointers: list[Pointer] | None = None) -> str:
        """One line naming each source once: "Helps with reading and math (your concern about …; …)"."""
        sources: dict[str, float] = {}
        for pointer in pointers or []:
            sources[pointer.label] = sources.get(pointer.label, 0.0) + pointer.weight + 10.0
        for need in needs[:2]:
            for ev in profile.evidence.get(need, []):
                sources[ev.label] = sources.get(ev.label, 0.0) + ev.weight
        named = sorted(sources, key=lambda label: -sources[label])[:3]
        if needs:
            head = "Helps with " + ", and with ".join(self.need_labels[n] for n in needs[:2])
        else:
            head = "Suggested"
        return f"{head} ({'; '.join(named)})" if named else head

    def reason_for(self, needs: list[Need], profile: NeedProfile, case: Case,
                   pointers: list[Pointer] | None = None, item: Accommodation | None = None) -> str:
        """A first draft of the document's "why" text, from the case's own words; the family edits it.

        With ``item``, the sentence of the case that shares the most words with the item is quoted
        ("Lunch was moved to 12:45 …" for a set lunch time), so each row of a health plan gives
        its own reason. Otherwise each piece of the case is quoted once: needs that rest on the
        same sentence share it ("Blood sugar (diabetes) and medical care at school: …").
        """
        if item is not None and needs:
            sentence = self._closest_sentence(case, item)
            if sentence:
                label = _join([self.need_labels[n] for n in needs[:1]])
                text = f"{label[:1].upper()}{label[1:]}: {sentence}"
                return text if text.endswith((".", "!", "?", "”", '"', "…")) else text + "."
        details: dict[str, list[str]] = {}
        for pointer in pointers or []:
            if pointer.detail:
                details.setdefault(pointer.detail, [])
        for need in needs[:2]:
            evidence = sorted(profile.evidence.get(need, []),
                              key=lambda e: (e.source != "present level", e.source not in ("concern", "phrase"),
                                             -e.weight))
            detail = next((e.detail for e in evidence
                           if e.detail and e.source in ("present level", "concern", "phrase")), "")
            if not detail:
                detail = next((f"Diagnosis: {e.detail}" for e in evidence if e.source == "diagnosis"), "")
            details.setdefault(detail, []).append(self.need_labels[need])
        sentences = []
        for detail, labels in details.items():
            if not labels and not detail:
                continue
            label = _join(labels)
            if detail and label:
                sentences.append(f"{label[:1].upper()}{label[1:]}: {detail}")
            elif detail:
                sentences.append(detail)
            else:
                sentences.append(f"Supports {label}.")
            if len(sentences) == 2:
                break
        return " ".join(s if s.endswith((".", "!", "?", "”", '"', "…")) else s + "." for s in sentences)

    def _closest_sentence(self, case: Case, item: Accommodation) -> str:
        """The family's sentence (concerns, examples, present levels) most about this item, or ""."""
        wanted = self._item_words.get(item.id)
        if wanted is None:
            wanted = {root(w) for w in words(item.text) if len(w) > 2 and w not in self._generic}
            self._item_words[item.id] = wanted
        best, best_score = "", 1.5
        texts = [(0.0, c.description) for c in case.concerns]
        texts += [(0.0, e.text) for c in case.concerns for e in c.examples]
        texts += [(0.5, level.summary) for level in case.present_levels]
        for bonus, text in texts:
            for sentence in sentences(text):
                shared = wanted & {root(w) for w in words(sentence)}
                score = len(shared) + (bonus if shared else 0.0)
                if score > best_score:
                    best, best_score = _first_sentence(sentence, 200), score
        return best

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
            pointers = profile.pointers.get(item.id, [])
            if matched or pointers:
                reason = self.reason_for(sorted(matched, key=lambda n: -profile.weights[n]), profile, case,
                                         pointers, item)
        return ChosenAccommodation(catalogue_id=item.id, text=item.text, category=item.category.value,
                                   reason=reason, settings=[s.value for s in item.settings])

    # ----------------------------------------------------------------- documents

    def document_groups(self, chosen: list[ChosenAccommodation]) -> dict[str, Any]:
        """The child's list arranged for a document: accommodations by category, modifications apart.

        Returns plain data (templates see it as ``accommodation_groups``)::

            {"groups": [{"category", "label", "description", "items": [row, …]}, …],
             "modifications": [row, …], "warnings": [row, …], "count": int,
             "health_items": int, "health_first": bool,
             "difference": {"accommodation", "modification", "quick_test", "depends_on_task"}}

        ``health_items`` counts the rows under "Health and medical" and "Emergencies and staff
        training"; when they are at least half the list (a health plan, such as a diabetes 504
        plan), those two groups come first (``health_first``), the way such plans are written.

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
        count = sum(len(g["items"]) for g in groups.values())
        health_keys = (Category.HEALTH.value, Category.EMERGENCY.value)
        health_items = sum(len(groups[k]["items"]) for k in health_keys if k in groups)
        health_first = bool(health_items) and health_items * 2 >= count
        if health_first:
            order = [*health_keys, *(k for k in order if k not in health_keys)]
        return {
            "groups": [groups[k] for k in order if k in groups],
            "modifications": modifications,
            "warnings": warnings,
            "count": count,
            "health_items": health_items,
            "health_first": health_first,
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


def _pointer_weight(rank: int) -> float:
    """The table lists the items a phrase points to best first: the first two get a little more."""
    return WEIGHT_POINTED_ITEM + max(0.0, 1.0 - 0.5 * rank)


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
    "HEALTH_NEEDS",
    "Accommodation",
    "AccommodationCatalogue",
    "CatalogueError",
    "Category",
    "ConcernPhrase",
    "Condition",
    "Modification",
    "Need",
    "PlanFit",
    "Setting",
    "Suggestion",
    "accommodation_groups",
    "catalogue",
]
