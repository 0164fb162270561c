"""Case variants for the letter tests: minimal, full, they/them, accents, two guardians, advocates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from planwriter.core import casefile
from planwriter.core.model import Address, Case, Child, Guardian, Pronouns, Sender, SenderRole
from planwriter.core.sample import sample_case, sample_path

LETTER_DATE = dt.date(2026, 11, 30)

_HOME = Address(street="12 Birch Lane", city="Salem", state="OR", postal_code="97301")


def minimal_case() -> Case:
    """Only what a parent must give: the child's name, birth date, school, grade, district, one guardian."""
    return Case(
        child=Child(
            legal_first_name="Sam",
            legal_last_name="Lee",
            date_of_birth=dt.date(2015, 5, 2),
            school="Oak Hill Middle School",
            grade="6",
            district="Salem-Keizer Public Schools",
        ),
        guardians=[Guardian(name="Pat Lee", address=_HOME)],
    )


def they_case() -> Case:
    case = sample_case()
    case.child.pronouns = Pronouns.THEY
    return case


def she_minimal_case() -> Case:
    case = minimal_case()
    case.child.pronouns = Pronouns.SHE
    case.child.grade = "K"
    return case


def accents_case() -> Case:
    case = minimal_case()
    case.child.legal_first_name = "Zoë"
    case.child.legal_last_name = "O'Connor-Nuñez"
    case.child.school = "St. Brigid's & Sacred Heart School"
    case.child.grade = "3rd"
    case.guardians[0].name = "Siobhán O'Connor-Nuñez"
    case.guardians[0].relationship = "mother"
    return case


def two_guardians_case() -> Case:
    case = minimal_case()
    case.guardians.append(Guardian(name="Chris Lee", relationship="father", address=_HOME))
    case.guardians[0].relationship = "mother"
    return case


def advocate_case() -> Case:
    case = sample_case()
    case.sender = Sender(
        role=SenderRole.ADVOCATE,
        name="Jordan Ellis",
        title="Special Education Advocate",
        organization="Bright Path Advocacy",
        address=Address(street="300 Main Street", street2="Suite 4", city="Eugene", state="OR",
                        postal_code="97401"),
        phone="(541) 555-0100",
        email="jordan@brightpath.example.org",
    )
    return case


def advocate_minimal_case() -> Case:
    case = minimal_case()
    case.child.pronouns = Pronouns.THEY
    case.sender = Sender(
        role=SenderRole.ADVOCATE, name="Jordan Ellis",
        address=Address(street="300 Main Street", city="Eugene", state="OR", postal_code="97401"),
    )
    return case


def two_parents_signing_case() -> Case:
    """Both guardians sign: "We are the parents …" and a signature for each."""
    case = two_guardians_case()
    for guardian in case.guardians:
        guardian.signs_letters = True
    return case


def advocate_one_parent_case() -> Case:
    """An advocate writing for one named parent (the other guardian does not sign)."""
    case = advocate_case()
    case.guardians[0].signs_letters = True
    return case


def iep_case() -> Case:
    """The IEP sample (Maya Thompson): both parents sign."""
    return casefile.load(sample_path("sample-case-iep.pwcase"))


def plan_504_case() -> Case:
    """The Section 504 sample (Noah Patel): an advocate writes for both parents."""
    return casefile.load(sample_path("sample-case-504.pwcase"))


def california_case() -> Case:
    case = sample_case()
    case.child.state = "CA"
    return case


CASES: dict[str, Callable[[], Case]] = {
    "minimal": minimal_case,
    "full": sample_case,
    "they": they_case,
    "she-kindergarten": she_minimal_case,
    "accents": accents_case,
    "two-guardians": two_guardians_case,
    "advocate": advocate_case,
    "advocate-minimal": advocate_minimal_case,
    "california": california_case,
    "two-parents-signing": two_parents_signing_case,
    "advocate-one-parent": advocate_one_parent_case,
    "iep": iep_case,
    "504-plan": plan_504_case,
}


@pytest.fixture
def make_case() -> Callable[[str], Case]:
    """Build a fresh case variant by name (see ``CASES``)."""
    return lambda name: CASES[name]()
