"""The word tools under the accommodation search: folding, stems, sentence patterns and the ranked index."""

from __future__ import annotations

import pytest

from planwriter.core.accommodation_words import Pattern, WordIndex, fold, root, sentences, stem, words


@pytest.mark.parametrize(("word", "expected"), [
    ("allergies", "allergy"), ("tests", "test"), ("glasses", "glass"), ("lunches", "lunch"),
    ("class", "class"), ("bus", "bus"), ("diabetes", "diabete"), ("its", "its"),
])
def test_stem_folds_plurals(word, expected):
    assert stem(word) == expected


def test_root_is_rougher_for_comparing_sentences():
    assert root("moved") == root("moves") == root("move")
    assert root("eating") == root("eat")


def test_words_fold_case_accents_and_split_on_hyphens_and_apostrophes():
    assert fold("Épilepsie") == "epilepsie"
    assert words("Time-and-one-half, EpiPens!") == ["time", "and", "one", "half", "epipen"]
    assert words("can't") == ["can", "t"]


def test_sentences_split_at_ends_and_line_breaks():
    assert sentences("One. Two!\nThree; four") == ["One.", "Two!", "Three;", "four"]


@pytest.mark.parametrize(("sentence", "hit"), [
    ("He panics on timed tests.", True), ("Timed tests make him panic.", True),
    ("He panics at recess.", False), ("She has a timed test.", False),
])
def test_a_pattern_needs_every_word_in_the_sentence_in_any_order(sentence, hit):
    pattern = Pattern.parse("panic* timed test*")
    assert pattern.matches(set(words(sentence))) is hit


def test_a_pattern_without_words_is_refused():
    with pytest.raises(ValueError, match="no words"):
        Pattern.parse("* -")


def index() -> WordIndex:
    return WordIndex(
        [[(1.0, "Wear a cap in bright rooms")], [(1.0, "Say what you see and that is all")],
         [(1.0, "Restroom pass at any time")], [(1.0, "Hats off"), (0.5, "sun")]],
        synonyms=[["hat", "cap"], ["bathroom", "restroom"]], stop_words=["the", "a"],
        conditions=[(["T1D"], ["diabetes"])], primary=[{"sensory"}, {"social"}, {"toileting"}, {"diabetes"}])


def test_the_index_matches_word_starts_never_inside_words():
    hits = [n for n, _ in index().search("hat")]
    assert 1 not in hits  # "that", "what"
    assert hits[0] == 3 and 0 in hits  # "Hats", then "cap"


def test_the_index_ranks_the_typed_word_above_a_synonym_and_finds_conditions():
    found = index().search("bathroom")
    assert [n for n, _ in found] == [2]
    assert [n for n, _ in index().search("T1D")] == [3]
    assert index().search("the") == []  # only a small word: searched as typed, found nowhere here
