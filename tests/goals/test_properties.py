"""Any text a user pastes: the checker never fails, and the review document quotes it verbatim."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from planwriter.core.goals.checker import COMPONENTS, check_goal
from planwriter.core.model import Case
from planwriter.render.engine import render_document

# Printable text on one line, as the paste box and the list input keep it.
LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co"), blacklist_characters="\ufffe\uffff"),
    min_size=1, max_size=80,
).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_the_checker_accepts_any_text(text):
    result = check_goal(text).to_dict()
    assert set(result["missing"]) <= set(COMPONENTS)
    assert isinstance(result["measurable"], bool)


@settings(max_examples=40, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=3))
def test_the_review_quotes_every_goal_verbatim(goals):
    document = render_document(Case(), "goal-review", {"school_goals": goals}, today=dt.date(2026, 12, 1))
    text = document.plain_text()
    for goal in goals:
        assert goal in text
