"""Suggestions ranked from a case's concerns, present levels, diagnoses and categories, each with a reason."""

from __future__ import annotations

import pytest

from planwriter.core.accommodations import Need, catalogue
from planwriter.core.model import (
    Area,
    Case,
    CategoryEntry,
    CategoryStatus,
    Concern,
    Diagnosis,
    IdeaCategory,
    PlanStatus,
    PresentLevel,
)


def concern_case(*areas: Area) -> Case:
    return Case(concerns=[Concern(area=a, description="We see this every day. More details follow.")
                          for a in areas])


# For each profile: accommodations a family or advocate would expect near the top.
PROFILES = {
    Area.ATTENTION: {"S01", "S15", "B05", "T03", "O03"},  # seating, cue, breaks, checklist
    Area.READING: {"P01", "P03", "P04", "AT03", "T01"},  # read-aloud, text-to-speech, audiobooks, time
    Area.EMOTIONAL: {"T04", "SE02", "S12", "SE10", "B13"},  # breaks, safe adult, familiar room, pass
    Area.MOTOR: {"R01", "R02", "R03", "R16", "AT09"},  # scribe, dictation, keyboard, pencil grip
    Area.HEARING: {"AT01", "P18", "P19", "S09", "C05"},  # FM system, interpreter, captions
}
NEED_OF = {Area.ATTENTION: Need.ATTENTION, Area.READING: Need.READING, Area.EMOTIONAL: Need.ANXIETY,
           Area.MOTOR: Need.MOTOR, Area.HEARING: Need.HEARING}


@pytest.mark.parametrize("area", list(PROFILES))
def test_a_single_concern_puts_the_expected_supports_first(area):
    top = [s.accommodation.id for s in catalogue().suggest(concern_case(area), limit=12)]
    missing = PROFILES[area] - set(top)
    assert not missing, f"{area}: {missing} not in the top 12 {top}"


@pytest.mark.parametrize("area", list(PROFILES))
def test_every_suggestion_addresses_the_need_and_says_why(area):
    need = NEED_OF[area]
    suggestions = catalogue().suggest(concern_case(area), limit=None)
    assert suggestions
    assert all(need in s.accommodation.needs for s in suggestions)
    assert all(s.needs == [need] for s in suggestions)
    label = catalogue().need_labels[need]
    assert all(s.why.startswith(f"Helps with {label}") for s in suggestions)
    assert all("your concern about" in s.why for s in suggestions)
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)


def test_items_unrelated_to_the_case_are_not_suggested():
    ids = {s.accommodation.id for s in catalogue().suggest(concern_case(Area.HEARING), limit=None)}
    assert "P05" not in ids  # large print is for vision
    assert "H03" not in ids  # insulin in class is for health


def test_a_case_with_no_information_gets_no_suggestions():
    assert catalogue().suggest(Case()) == []


def test_two_concerns_favour_items_that_help_with_both():
    top = catalogue().suggest(concern_case(Area.READING, Area.WRITING), limit=3)
    for suggestion in top:
        assert {Need.READING, Need.WRITING} <= set(suggestion.accommodation.needs)
    assert ", and with " in top[0].why


def test_a_diagnosis_alone_points_to_its_needs():
    case = Case(diagnoses=[Diagnosis(name="Type 1 diabetes")])
    first = catalogue().suggest(case, limit=5)
    assert first and all(Need.HEALTH in s.accommodation.needs for s in first)
    assert "the diagnosis “Type 1 diabetes”" in first[0].why


@pytest.mark.parametrize(("name", "need"), [
    ("ADHD, combined presentation", Need.ATTENTION), ("Dyslexia", Need.READING),
    ("Generalized anxiety disorder", Need.ANXIETY), ("Autism spectrum disorder", Need.COMMUNICATION),
    ("Mild bilateral hearing loss", Need.HEARING), ("Cerebral palsy", Need.MOTOR),
])
def test_diagnosis_names_are_matched_by_whole_words(name, need):
    assert need in catalogue().needs_for_diagnosis(name)


def test_diagnosis_words_do_not_match_inside_other_words():
    # "add" (ADD) must not match "additional", "odd" must not match "oddly"
    assert catalogue().needs_for_diagnosis("Additional oddly named finding") == []


def test_a_found_category_counts_more_than_a_suspected_one():
    cat = catalogue()
    found = cat.need_profile(Case(categories=[CategoryEntry(category=IdeaCategory.VISUAL_IMPAIRMENT,
                                                            status=CategoryStatus.FOUND)]))
    suspected = cat.need_profile(Case(categories=[CategoryEntry(category=IdeaCategory.VISUAL_IMPAIRMENT)]))
    assert found.weights[Need.VISION] > suspected.weights[Need.VISION] > 0
    why = cat.suggest(Case(categories=[CategoryEntry(category=IdeaCategory.VISUAL_IMPAIRMENT)]))[0].why
    assert "suspected eligibility category visual impairment" in why


def test_present_levels_add_weight_and_supply_the_reason_text():
    case = concern_case(Area.MATH)
    case.present_levels.append(PresentLevel(area=Area.MATH, summary="Solves 3 of 20 two-digit sums. Slowly."))
    suggestion = catalogue().suggest(case, limit=1)[0]
    assert suggestion.reason == "Math: Solves 3 of 20 two-digit sums."
    assert "the present level in math" in suggestion.why


def test_chosen_items_are_not_suggested_again():
    cat = catalogue()
    case = concern_case(Area.READING)
    first = cat.suggest(case, limit=1)[0]
    case.accommodations.append(cat.choose(first.accommodation, case))
    assert first.accommodation.id not in {s.accommodation.id for s in cat.suggest(case, limit=None)}


def test_an_iep_only_item_is_not_suggested_for_a_504_plan():
    case = concern_case(Area.COMMUNICATION)
    with_iep = {s.accommodation.id for s in catalogue().suggest(case, limit=None)}
    case.plan_status = PlanStatus.PLAN_504
    with_504 = {s.accommodation.id for s in catalogue().suggest(case, limit=None)}
    assert "C07" in with_iep and "C07" not in with_504


def test_choosing_from_the_case_drafts_the_reason_from_the_case(sample_case):
    cat = catalogue()
    chosen = cat.choose(cat.accommodation("P04"), sample_case)
    assert chosen.reason.startswith("Reading: Reads grade 3 passages aloud at 42 words correct per minute")


def test_the_sample_case_is_suggested_reading_writing_and_attention_supports(sample_case):
    suggestions = catalogue().suggest(sample_case, limit=15)
    needs = {n for s in suggestions for n in s.needs}
    assert {Need.READING, Need.WRITING, Need.ATTENTION} <= needs
    chosen = {a.catalogue_id for a in sample_case.accommodations}
    assert not chosen & {s.accommodation.id for s in suggestions}


def test_condition_specific_items_are_suggested_only_for_their_own_condition():
    # Diabetes, anaphylaxis and asthma: nothing for cystic fibrosis, seizures, catheters, concussions or crutches.
    case = Case(diagnoses=[Diagnosis(name="Type 1 diabetes (T1D)"),
                           Diagnosis(name="Severe peanut and tree nut allergy (anaphylaxis)"),
                           Diagnosis(name="Asthma, exercise-induced")],
                concerns=[Concern(area=Area.HEALTH, description="She had an asthma attack at recess.")])
    shown = {s.accommodation.id for s in catalogue().suggest(case, limit=None)}
    assert {"H11", "H17", "H27"} <= shown  # inhaler and epinephrine, blood-sugar checks, auto-injectors
    assert not shown & {"H73", "H14", "H42", "E13", "E14", "H49", "H65", "H66", "H68"}
    # Each of those is still suggested for the condition it was written for.
    for name, item in (("cystic fibrosis", "H73"), ("epilepsy", "E14"), ("concussion", "H65"),
                       ("broken leg", "H68")):
        ids = {s.accommodation.id for s in catalogue().suggest(Case(diagnoses=[Diagnosis(name=name)]), limit=None)}
        assert item in ids, name
