"""Phrase coverage: each rubric component written the many ways real IEPs write it (REFERENCE §5.2-§5.8).

Every row puts one phrasing into a goal whose other parts are all present, so a row tests exactly one
component: a positive row must make the whole goal measurable and quote words from the goal; a negative
row must leave that component missing.
"""

from __future__ import annotations

import pytest

from planwriter.core.goals.checker import check_goal

# --------------------------------------------------------------------------- helpers


def _check(text: str, component: str):
    result = check_goal(text)
    return result, result.components[component]


def _assert_present(text: str, component: str) -> None:
    result, part = _check(text, component)
    assert part.present, (component, text, result.to_dict()["findings"])
    assert part.words and part.words.lower() in result.text.lower(), (part.words, text)
    assert result.measurable, (text, result.missing)


def _assert_missing(text: str, component: str) -> None:
    result, part = _check(text, component)
    assert not part.present, (component, part.words, text)
    assert not result.measurable


# --------------------------------------------------------------------------- timeframe

TIMEFRAMES = [
    "by June 2027", "by June 30, 2027", "by June 30th, 2027", "by May 30th 2027", "by June, 2027",
    "by Jun. 2027", "by June of 2027", "by the 30th of May, 2027", "by 30 May 2027", "by 5/30/27",
    "by 05/30/2027", "by 5-30-27", "by 5.30.27", "by 2027-05-30", "by 6/2027", "by 06/2027",
    "by the end of June 2027", "by the end of May", "by the spring of 2027", "by spring 2027",
    "by the end of the 2026-2027 school year", "by the end of the 2026–27 school year",
    "by the end of the 2026/2027 school year", "by the end of the school year", "by the end of school year 2026-27",
    "by the end of the current school year", "by the close of the 2026-27 school year",
    "by the end of the year", "by the end of the calendar year", "by the end of the academic year",
    "by the end of the IEP year", "by the end of the IEP period", "by the end of the IEP", "by the end of this IEP",
    "by the end of the current IEP", "by the end of the IEP term", "by the end of the IEP cycle",
    "by the expiration of this IEP", "by the IEP end date", "by the end date of this IEP",
    "by the next annual review", "by the annual IEP review", "by his next IEP review", "by annual review",
    "by the next IEP meeting", "by the annual IEP meeting", "by the time of the annual review",
    "before the next annual review", "prior to the annual review", "by the 2027 annual IEP review",
    "by the IEP anniversary date", "by the conclusion of this IEP",
    "no later than June 1, 2027", "on or before June 1, 2027", "by no later than June 1, 2027",
    "before June 2027",
    "within 12 months", "within twelve months", "within one year", "within 1 calendar year", "in one year",
    "in 1 academic year", "within 52 weeks", "in 36 instructional weeks", "within 36 instructional weeks",
    "within 36 weeks of instruction", "within the next 36 school weeks", "by the end of 36 instructional weeks",
    "after 36 weeks of instruction", "at the end of 36 weeks of instruction", "over the next 12 months",
    "by the end of the first semester", "by the end of semester 1", "by the end of the 1st semester",
    "by the end of 2nd quarter", "by the end of the second marking period", "by the 3rd grading period",
    "by the third grading period", "by the end of the third nine weeks", "by the end of the 2nd nine-week period",
    "by the fourth nine weeks", "by the end of trimester 2", "by the end of the second trimester",
    "by the end of quarter 3", "by the end of the third quarter", "during the third quarter",
    "by the end of the first grading period of the 2027-28 school year",
    "by the end of 3rd grade", "by the end of fourth grade", "by the end of grade 4", "by the end of kindergarten",
    "by the end of the kindergarten year", "by the end of extended school year",
    "at the end of the IEP period", "at the end of the school year", "at the end of the 2026-27 school year",
    "during the 2026-2027 school year", "throughout the 2026-27 IEP year", "over the course of the IEP",
    "by [date]", "by ___",
]
_TIME_FIRST = ("{t}, given a grade 3 passage, Alex will read aloud 90 words correct per minute on 2 consecutive "
               "weekly probes, as measured by DIBELS probes.")
_TIME_LAST = ("Given a grade 3 passage, Alex will read aloud 90 words correct per minute on 2 consecutive weekly "
              "probes {t}, as measured by DIBELS probes.")


@pytest.mark.parametrize("phrase", TIMEFRAMES)
@pytest.mark.parametrize("skeleton", [_TIME_FIRST, _TIME_LAST], ids=["first", "last"])
def test_timeframes_in_every_common_form(phrase, skeleton):
    text = skeleton.format(t=phrase[0].upper() + phrase[1:] if skeleton is _TIME_FIRST else phrase)
    _assert_present(text, "timeframe")


NOT_TIMEFRAMES = [
    "for 4 consecutive weeks", "over 3 consecutive days", "across 2 weeks", "for 10 minutes", "within 30 seconds",
    "each week", "weekly", "daily", "in 4 of 5 trials", "for 3 consecutive sessions", "over a 2-week period",
    "during the first 5 minutes of class", "within 3 minutes of arrival", "",
]


@pytest.mark.parametrize("phrase", NOT_TIMEFRAMES)
def test_mastery_windows_and_durations_are_not_timeframes(phrase):
    text = ("Given a grade 3 passage, Alex will read aloud 90 words correct per minute on 2 consecutive weekly "
            f"probes {phrase}, as measured by DIBELS probes.")
    _assert_missing(text.replace("  ", " ").replace(" ,", ","), "timeframe")
