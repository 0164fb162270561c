"""Data checks for resources/state_rules/<CODE>.json (one file per jurisdiction).

The format is described in docs/state-rules.md: each file names a jurisdiction, lists the state rules read in a
source (each with its citation and the address of the page it was read on) and lists the topics searched for
without finding a state rule (the federal default then applies).
"""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "state_rules"

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
TERRITORIES = {
    "AS": "American Samoa", "GU": "Guam", "MP": "Northern Mariana Islands", "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
}
REQUIRED_TOPICS = {"evaluation_request_response", "initial_evaluation", "eligibility_to_iep", "records_access"}
EXTRA_TOPICS = {"iep_meeting_request", "section_504_evaluation", "iee_response", "prior_written_notice"}
TOPICS = REQUIRED_TOPICS | EXTRA_TOPICS
MEASURES = {"answer_request", "evaluation_done", "eligibility_decided", "iep_meeting_held", "iep_in_place",
            "records_provided", "meeting_held"}
# What each topic may measure: a records rule cannot be worded as "finish the evaluation", and so on.
MEASURES_BY_TOPIC = {
    "evaluation_request_response": {"answer_request"},
    "initial_evaluation": {"evaluation_done", "eligibility_decided", "iep_meeting_held", "iep_in_place"},
    "eligibility_to_iep": {"iep_meeting_held", "iep_in_place"},
    "records_access": {"records_provided"},
    "iep_meeting_request": {"meeting_held", "answer_request"},
    "section_504_evaluation": {"answer_request", "evaluation_done", "eligibility_decided"},
    "iee_response": {"answer_request"},
    "prior_written_notice": {"answer_request"},
}
UNITS = {"calendar", "school", "business"}
STARTS_FROM = {"request", "referral", "consent", "eligibility", "receipt"}
FILE_KEYS = {"code", "name", "rules", "not_found", "checked_on"}
# Optional: for a topic in not_found, what was seen and why no rule is stored (e.g. a figure found only on
# unofficial pages), in our own words.
FILE_OPTIONAL = {"not_found_notes"}
RULE_REQUIRED = {"topic", "measures", "amount", "unit", "starts_from", "starts", "ends", "citation", "url",
                 "source_kind"}
# Who wrote the page the rule was read on: the rule text itself, the state education agency, a federally funded
# parent centre (PTI) or protection-and-advocacy organisation, or anyone else (district, practice, vendor, blog).
SOURCE_KINDS = {"rule_text", "state_agency", "parent_centre", "other"}
# Sites whose pages read as machine-written summaries: never a source, not even in a note.
UNTRUSTED_HOSTS = ("specialedstartguide.", "iepsays.", "ieppath.", "legalclarity.", "prepiep.", "experts123.")
RULE_OPTIONAL = {"excludes_breaks", "summer", "summer_due", "note"}
BREAK_KEYS = {"min_school_days", "citation", "url"}
URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")

FILES = sorted(RULES_DIR.glob("*.json"))


def _text(value) -> bool:
    return isinstance(value, str) and value.strip() == value and len(value) > 0


def test_every_state_and_dc_has_a_file():
    assert set(STATES) <= {p.stem for p in FILES}


def test_no_stray_files():
    assert {p.stem for p in FILES} <= set(STATES) | set(TERRITORIES)
    assert not [p for p in RULES_DIR.iterdir() if p.suffix != ".json"]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_file_matches_schema(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and FILE_KEYS <= set(data) <= FILE_KEYS | FILE_OPTIONAL
    code = data["code"]
    assert code == path.stem
    assert data["name"] == {**STATES, **TERRITORIES}[code]
    dt.date.fromisoformat(data["checked_on"])

    rules, not_found = data["rules"], data["not_found"]
    assert isinstance(rules, list) and isinstance(not_found, list)
    topics = [r["topic"] for r in rules]
    assert len(topics) == len(set(topics)), f"{code}: a topic appears twice in rules"
    assert len(not_found) == len(set(not_found)), f"{code}: a topic appears twice in not_found"
    assert set(not_found) <= TOPICS
    assert not set(topics) & set(not_found), f"{code}: a topic is both found and not found"
    assert set(topics) | set(not_found) >= REQUIRED_TOPICS, f"{code}: a required topic is missing"
    notes = data.get("not_found_notes", {})
    assert isinstance(notes, dict) and set(notes) <= set(not_found), f"{code}: a note for a topic not in not_found"
    assert all(_text(v) for v in notes.values()), f"{code}: not_found_notes"

    for rule in rules:
        where = f"{code} {rule.get('topic')}"
        assert RULE_REQUIRED <= set(rule) <= RULE_REQUIRED | RULE_OPTIONAL, where
        assert rule["topic"] in TOPICS, where
        assert rule["measures"] in MEASURES_BY_TOPIC[rule["topic"]], where
        assert rule["measures"] in MEASURES, where
        assert type(rule["amount"]) is int and 0 < rule["amount"] <= 180, where
        assert rule["unit"] in UNITS, where
        assert rule["starts_from"] in STARTS_FROM, where
        for key in ("starts", "ends", "citation"):
            assert _text(rule[key]), f"{where}: {key}"
        assert URL.match(rule["url"]), f"{where}: url"
        assert rule["source_kind"] in SOURCE_KINDS, f"{where}: source_kind"
        for key in ("note", "summer"):
            if key in rule:
                assert _text(rule[key]), f"{where}: {key}"
        if "excludes_breaks" in rule:
            brk = rule["excludes_breaks"]
            assert isinstance(brk, dict) and set(brk) == BREAK_KEYS, where
            assert type(brk["min_school_days"]) is int and brk["min_school_days"] >= 0, where
            assert _text(brk["citation"]) and URL.match(brk["url"]), where


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_no_untrusted_site_is_cited(path: Path):
    text = path.read_text(encoding="utf-8").lower()
    assert not [host for host in UNTRUSTED_HOSTS if host in text], path.stem


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_no_rule_rests_on_an_unofficial_page_alone(path: Path):
    """A figure seen only on a district, vendor or blog page is not stated as the state's rule.

    Such figures go to not_found (the federal default then applies) with a note in not_found_notes.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [r["topic"] for r in data["rules"] if r["source_kind"] == "other"] == [], path.stem
