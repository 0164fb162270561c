"""The shipped accommodation catalogue: size, uniqueness, coverage, specificity, and its filters."""

from __future__ import annotations

import json

import pytest

from planwriter.core.accommodations import (
    AccommodationCatalogue,
    CatalogueError,
    Category,
    Need,
    PlanFit,
    Setting,
    catalogue,
)
from planwriter.core.model import Area, ChosenAccommodation
from planwriter.core.paths import resource

#: Words that mark an accommodation as unspecific ("breaks as needed").
VAGUE = ("as needed", "when needed", "as appropriate", "when appropriate", "if necessary", "etc")
#: Bare labels a specific item must never be reduced to.
BARE = {"extended time", "preferential seating", "frequent breaks", "small group", "read aloud",
        "calculator", "graphic organizer", "scribe", "text to speech"}


@pytest.fixture(scope="module")
def cat() -> AccommodationCatalogue:
    return catalogue()


def test_it_holds_at_least_150_accommodations_and_keeps_modifications_apart(cat):
    assert len(cat.accommodations) >= 150
    assert len(cat.modifications) >= 6
    assert not {a.id for a in cat.accommodations} & {m.id for m in cat.modifications}
    assert all(m.id.startswith("M") for m in cat.modifications)


def test_no_id_or_text_appears_twice(cat):
    ids = [a.id for a in (*cat.accommodations, *cat.modifications)]
    texts = [a.text.casefold() for a in (*cat.accommodations, *cat.modifications)]
    assert len(ids) == len(set(ids))
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("category", list(Category))
def test_every_category_is_used_and_labelled(cat, category):
    assert cat.search(category=category)
    assert cat.category_labels[category]


@pytest.mark.parametrize("need", list(Need))
def test_every_need_is_addressed_by_several_items(cat, need):
    assert len(cat.search(need=need)) >= 5
    assert cat.need_labels[need]


@pytest.mark.parametrize("setting", list(Setting))
def test_every_setting_is_used(cat, setting):
    assert len(cat.search(setting=setting)) >= 10


def test_every_item_is_specific(cat):
    for item in cat.accommodations:
        text = item.text.casefold()
        assert len(item.text.split()) >= 8, item.id
        assert not any(f" {word}" in f" {text}" for word in VAGUE), item.id
        assert text.strip(" .") not in BARE, item.id


def test_the_reference_example_is_written_specifically(cat):
    hits = cat.search("time and one-half tests")
    assert hits[0].id == "T01"  # double time (T13) is a match of the same kind, ranked after it
    assert "10 minutes" in hits[0].text


def test_items_that_can_change_a_test_are_flagged(cat):
    flagged = {a.id for a in cat.accommodations if a.construct_warning}
    # read-aloud of test items, text-to-speech, calculator, scribe, spell-check, word bank
    assert {"P02", "P03", "R08", "R01", "R04", "P23"} <= flagged
    assert "T01" not in flagged  # extra time does not change what is measured


def test_the_difference_is_explained(cat):
    text = " ".join(cat.difference.paragraphs())
    assert "how" in cat.difference.accommodation and "what" in cat.difference.modification
    assert "counts as success" in text


@pytest.mark.parametrize("area", list(Area))
def test_every_area_of_concern_maps_to_known_needs(cat, area):
    needs = cat.needs_for_area(area)
    assert all(isinstance(n, Need) for n in needs)
    if area != Area.OTHER:
        assert needs


@pytest.mark.parametrize(("area", "need"), [
    (Area.READING, Need.READING), (Area.ATTENTION, Need.ATTENTION), (Area.EMOTIONAL, Need.ANXIETY),
    (Area.EXECUTIVE_FUNCTION, Need.EXECUTIVE_FUNCTION), (Area.HEARING, Need.HEARING),
    (Area.MOTOR, Need.MOTOR), (Area.SPELLING, Need.WRITING),
])
def test_areas_map_to_the_obvious_need(cat, area, need):
    assert need in cat.needs_for_area(area)


# --------------------------------------------------------------------------- filters


def test_filters_combine(cat):
    items = cat.search(category=Category.TIMING_SCHEDULING, need=Need.HEALTH, setting=Setting.STATE_ASSESSMENT)
    assert items
    for item in items:
        assert item.category == Category.TIMING_SCHEDULING
        assert Need.HEALTH in item.needs and Setting.STATE_ASSESSMENT in item.settings
    assert len(items) < len(cat.search(category=Category.TIMING_SCHEDULING))


def test_search_needs_every_word_in_any_order(cat):
    assert {a.id for a in cat.search("headphones noise")} == {"S06"}
    assert cat.search("noise headphones") == cat.search("headphones noise")
    assert cat.search("zzqx") == []


def test_search_also_finds_need_and_category_words(cat):
    assert all(Need.HEARING in a.needs or "hearing" in a.text.casefold() for a in cat.search("hearing"))
    assert cat.search("assistive technology") == cat.search(category=Category.ASSISTIVE_TECHNOLOGY)


def test_plan_filter_leaves_out_iep_only_items_for_a_504_plan(cat):
    iep_only = [a for a in cat.accommodations if a.plans == PlanFit.IEP]
    assert iep_only
    in_504 = {a.id for a in cat.search(plan="504")}
    assert not {a.id for a in iep_only} & in_504


@pytest.mark.parametrize(("word", "expected"), [
    ("reading", Need.READING), ("Processing speed", Need.PROCESSING_SPEED),
    ("processing-speed", Need.PROCESSING_SPEED), ("EF", Need.EXECUTIVE_FUNCTION),
    ("executive_function", Need.EXECUTIVE_FUNCTION), ("asthma", Need.BREATHING), ("T1D", Need.DIABETES),
    ("diabetes", Need.DIABETES), ("broken leg", Need.MOBILITY),
])
def test_needs_are_parsed_from_user_words(cat, word, expected):
    assert cat.parse_need(word) == expected


def test_an_unknown_word_names_the_choices(cat):
    with pytest.raises(ValueError, match="attention, reading"):
        cat.parse_need("spelling bee")
    with pytest.raises(ValueError, match="presentation"):
        cat.parse_category("nonsense")


def test_choosing_copies_text_category_and_settings(cat):
    chosen = cat.choose(cat.accommodation("T01"))
    assert isinstance(chosen, ChosenAccommodation)
    assert chosen.catalogue_id == "T01" and chosen.category == "timing_scheduling"
    assert chosen.settings == ["tests", "state_assessment"] and not chosen.is_modification
    modification = cat.choose(cat.get("M04"))
    assert modification.is_modification and modification.category == "modification"


# --------------------------------------------------------------------------- a broken file


def _write(tmp_path, mutate):
    raw = json.loads(resource("accommodations.json").read_text(encoding="utf-8"))
    mutate(raw)
    path = tmp_path / "accommodations.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda raw: raw["accommodations"].append(dict(raw["accommodations"][0])), "used twice"),
    (lambda raw: raw["accommodations"].append({**raw["accommodations"][0], "id": "P99"}), "repeats"),
    (lambda raw: raw["accommodations"][0].update(category="magic"), "category"),
    (lambda raw: raw["accommodations"][0].update(needs=["telepathy"]), "needs"),
    (lambda raw: raw["accommodations"][0].update(settings=[]), "settings"),
    (lambda raw: raw["area_needs"].pop("reading"), "area_needs"),
])
def test_a_broken_catalogue_is_refused_with_the_file_name(tmp_path, mutate, message):
    with pytest.raises(CatalogueError, match=message) as info:
        AccommodationCatalogue.load(_write(tmp_path, mutate))
    assert "accommodations.json" in str(info.value)
