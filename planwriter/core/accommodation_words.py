"""Words for the accommodation catalogue: tokens, a light stemmer, a ranked word index and sentence patterns.

Everything here works on whole words. A query word matches a catalogue word that is the same word
(after folding case, accents and plural endings) or that starts with it, never a piece inside another
word: "hat" finds "hats" but not "that". Synonym groups (data in ``resources/accommodations.json``)
let "EpiPen" find "epinephrine" and "restroom" find "bathroom".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")

#: How much a match counts, by how the word matched.
SCORE_EXACT = 3.0  # the word the user typed, whole
SCORE_PREFIX = 2.0  # a longer word starting with what the user typed
SCORE_SYNONYM = 2.4  # another word or phrase of the same synonym group
SCORE_CONDITION = 3.0  # an item for a need that a typed condition ("T1D", "dyslexia") brings
#: A match among the first words of a field says what the item is about: it counts a little more.
LEAD_WORDS = 4
LEAD_FACTOR = 1.25
#: Matches beyond the best one for a concept (another field, a synonym) add this share of their score.
EXTRA_SHARE = 0.2


def fold(text: str) -> str:
    """Lower case without accents: ``"Épilepsie"`` → ``"epilepsie"``."""
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light English stemmer for plurals and possessives (``allergies`` → ``allergy``)."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=8192)
def root(word: str) -> str:
    """A rougher stem for comparing sentences: ``moved``, ``moves`` → ``mov``; ``eating`` → ``eat``."""
    word = stem(word)
    for suffix in ("ing", "ed", "es", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """The folded, stemmed words of a text, in order (apostrophes and hyphens split words)."""
    known = _STEMS
    return [known.get(w) or _remember(w) for w in _WORD.findall(fold(text))]


#: Stems already worked out (the catalogue's vocabulary is a few thousand words).
_STEMS: dict[str, str] = {}


def _remember(word: str) -> str:
    result = _STEMS[word] = stem(word)
    return result


def sentences(text: str) -> list[str]:
    """A text cut at sentence ends and line breaks."""
    return [s for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]


# --------------------------------------------------------------------------- patterns in free text


@dataclass(frozen=True)
class Pattern:
    """Words that must all occur in one sentence, in any order; a word ending in ``*`` is a prefix.

    ``Pattern.parse("panic* timed test*")`` matches "She panics on timed tests".
    """

    whole: tuple[str, ...]
    prefixes: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Pattern:
        whole: list[str] = []
        prefixes: list[str] = []
        for raw in text.split():
            if raw.endswith("*"):
                prefixes.extend(_WORD.findall(fold(raw[:-1])))
            else:
                whole.extend(words(raw))
        if not whole and not prefixes:
            raise ValueError(f"the pattern “{text}” has no words")
        return cls(tuple(whole), tuple(prefixes))

    def matches(self, tokens: set[str]) -> bool:
        return all(w in tokens for w in self.whole) and all(
            any(t.startswith(p) for t in tokens) for p in self.prefixes)


# --------------------------------------------------------------------------- the word index


@dataclass
class _Concept:
    """One thing the user asked for: the typed words and every way of saying it."""

    typed: tuple[str, ...]
    terms: list[tuple[str, ...]] = field(default_factory=list)  # synonym terms, each a word sequence
    needs: tuple[str, ...] = ()  # needs a typed condition name brings


class WordIndex:
    """A ranked whole-word and prefix search over documents made of weighted fields.

    ``documents`` is a sequence of field lists; each field is ``(weight, text)``. ``primary`` gives,
    for each document, the needs it is mainly for (used when the user types a condition name).
    Building costs one pass over the text; a query looks words up in a sorted vocabulary, so it
    takes well under a millisecond for a few hundred documents.
    """

    def __init__(
        self,
        documents: Sequence[Sequence[tuple[float, str]]],
        *,
        synonyms: Iterable[Iterable[str]] = (),
        stop_words: Iterable[str] = (),
        conditions: Iterable[tuple[Iterable[str], Iterable[str]]] = (),
        primary: Sequence[Iterable[str]] = (),
    ) -> None:
        self._postings: dict[str, dict[int, float]] = {}
        self._fields: list[list[tuple[float, tuple[str, ...]]]] = []
        for number, fields in enumerate(documents):
            kept = []
            for weight, text in fields:
                tokens = tuple(words(text))
                kept.append((weight, tokens))
                for position, token in enumerate(tokens):
                    value = weight * LEAD_FACTOR if position < LEAD_WORDS else weight
                    best = self._postings.setdefault(token, {})
                    if best.get(number, 0.0) < value:
                        best[number] = value
            self._fields.append(kept)
        self._vocabulary = sorted(self._postings)
        self._stop = {stem(w) for w in (fold(s) for s in stop_words)}
        self._groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in synonyms:
            terms = [tuple(words(t)) for t in group]
            terms = [t for t in terms if t]
            for term in terms:
                self._groups[term] = terms
        self._conditions: dict[tuple[str, ...], tuple[str, ...]] = {}
        for names, needs in conditions:
            for name in names:
                key = tuple(words(name))
                if key:
                    self._conditions[key] = tuple(dict.fromkeys((*self._conditions.get(key, ()), *needs)))
        self._longest = max((len(k) for k in (*self._groups, *self._conditions)), default=1)
        self._primary = [frozenset(p) for p in primary]

    # ----------------------------------------------------------------- queries

    def concepts(self, query: str) -> list[_Concept]:
        """Split a query into concepts: the longest synonym or condition phrase at each place, else a word."""
        tokens = words(query)
        out: list[_Concept] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self._longest, len(tokens) - i), 0, -1):
                key = tuple(tokens[i:i + size])
                if key in self._groups or key in self._conditions:
                    out.append(_Concept(key, [t for t in self._groups.get(key, []) if t != key],
                                        self._conditions.get(key, ())))
                    i += size
                    break
            else:
                out.append(_Concept((tokens[i],)))
                i += 1
        meaningful = [c for c in out if not (len(c.typed) == 1 and c.typed[0] in self._stop)]
        return meaningful or out

    def search(self, query: str) -> list[tuple[int, float]]:
        """Documents matching every concept of the query, best first, as ``(number, score)``.

        When no document matches every concept, those matching the most concepts are returned.
        """
        concepts = self.concepts(query)
        if not concepts:
            return []
        per_concept = [self._concept_scores(c) for c in concepts]
        totals: dict[int, float] = {}
        counts: dict[int, int] = {}
        for scores in per_concept:
            for number, score in scores.items():
                totals[number] = totals.get(number, 0.0) + score
                counts[number] = counts.get(number, 0) + 1
        if not counts:
            return []
        wanted = max(counts.values())
        if wanted < len(concepts) and len(concepts) > 1 and wanted < 2:
            wanted = len(concepts)  # a single matching word out of several is too weak a match
        hits = [(n, totals[n]) for n, c in counts.items() if c >= wanted]
        hits.sort(key=lambda h: (-h[1], h[0]))
        return hits

    def _concept_scores(self, concept: _Concept) -> dict[int, float]:
        best: dict[int, float] = {}
        extra: dict[int, float] = {}

        def give(number: int, score: float) -> None:
            old = best.get(number, 0.0)
            if old < score:
                best[number] = score
                score = old
            extra[number] = extra.get(number, 0.0) + score

        typed = concept.typed
        if len(typed) == 1:
            word = typed[0]
            for number, weight in self._postings.get(word, {}).items():
                give(number, SCORE_EXACT * weight)
            if not word.isdigit():
                for token in self._with_prefix(word):
                    if token != word:
                        for number, weight in self._postings[token].items():
                            give(number, SCORE_PREFIX * weight)
        else:
            for number, weight in self._phrase(typed):
                give(number, SCORE_EXACT * weight)
        for term in concept.terms:
            for number, weight in self._phrase(term):
                give(number, SCORE_SYNONYM * weight)
        if concept.needs and self._primary:
            needs = set(concept.needs)
            for number, primary in enumerate(self._primary):
                if primary & needs:
                    give(number, SCORE_CONDITION)
        return {n: score + EXTRA_SHARE * extra[n] for n, score in best.items()}

    def _with_prefix(self, prefix: str) -> list[str]:
        start = bisect_left(self._vocabulary, prefix)
        out = []
        for token in self._vocabulary[start:]:
            if not token.startswith(prefix):
                break
            out.append(token)
        return out

    def _phrase(self, term: tuple[str, ...]) -> list[tuple[int, float]]:
        """Documents holding the words of ``term`` next to each other, with the best field weight."""
        if len(term) == 1:
            return list(self._postings.get(term[0], {}).items())
        first = self._postings.get(term[0])
        if not first:
            return []
        out = []
        size = len(term)
        for number in first:
            found = 0.0
            for weight, tokens in self._fields[number]:
                if weight * LEAD_FACTOR <= found:
                    continue
                for start in range(len(tokens) - size + 1):
                    if tokens[start:start + size] == term:
                        found = max(found, weight * LEAD_FACTOR if start < LEAD_WORDS else weight)
                        break
            if found:
                out.append((number, found))
        return out
