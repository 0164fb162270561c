"""US jurisdictions with IDEA Part B programs: USPS codes, names, and reading what a person typed."""

from __future__ import annotations

import re

#: USPS code → name, for the 50 states, the District of Columbia and the territories that run
#: IDEA Part B programs (Puerto Rico, Guam, the U.S. Virgin Islands, American Samoa and the
#: Northern Mariana Islands). Names are used in sentences ("California rule", not "CA rule").
STATE_NAMES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}

#: The 50 states and DC: every one of them must have a rule or an explicit federal default.
STATES_AND_DC: tuple[str, ...] = tuple(code for code in STATE_NAMES if code not in {"PR", "GU", "VI", "AS", "MP"})


def _key(text: str) -> str:
    """Lower case, letters only, single spaces: "  north   CAROLINA." → "north carolina"."""
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[^a-z]+", " ", text)
    return " ".join(text.split())


_OTHER_NAMES = {
    "washington dc": "DC",
    "washington d c": "DC",
    "d c": "DC",
    "the district of columbia": "DC",
    "virgin islands": "VI",
    "us virgin islands": "VI",
    "u s virgin islands": "VI",
    "united states virgin islands": "VI",
    "northern mariana islands": "MP",
    "commonwealth of the northern mariana islands": "MP",
    "cnmi": "MP",
    "commonwealth of puerto rico": "PR",
    "guam": "GU",
}

_BY_NAME: dict[str, str] = {_key(name): code for code, name in STATE_NAMES.items()}
_BY_NAME.update(_OTHER_NAMES)


class UnknownState(ValueError):
    """The text names no US state, DC or territory; ``str()`` is a sentence for a parent."""


def state_code(text: str | None) -> str:
    """The USPS code for what a person typed: "Texas", " ca ", "north carolina" → "TX", "CA", "NC".

    Empty text gives "". Raises :class:`UnknownState` for anything else.
    """
    if text is None:
        return ""
    raw = str(text).strip()
    if not raw:
        return ""
    key = _key(raw)
    if len(key.replace(" ", "")) == 2 and key.replace(" ", "").upper() in STATE_NAMES:
        return key.replace(" ", "").upper()
    if key in _BY_NAME:
        return _BY_NAME[key]
    raise UnknownState(
        f"“{raw}” is not a US state, DC or territory; choose one from the list or type its "
        "two-letter code (for example TX) or its name (for example Texas)"
    )


def state_name(code: str | None) -> str:
    """``CA`` → ``California``; anything unknown is returned as given."""
    if not code:
        return ""
    return STATE_NAMES.get(code.upper(), code)
