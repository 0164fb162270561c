"""Fixtures: cases written the way families describe a child on a health 504 plan (diabetes, food allergy, asthma).

The concerns paraphrase what published model 504 plans for these conditions set out to address (the
American Diabetes Association's model plan, food-allergy and asthma plan outlines): lows during tests,
snacks and lunch timing, a reaction at a class party, an inhaler out of reach in PE.
"""

from __future__ import annotations

import pytest

from planwriter.core.model import (
    Area,
    Case,
    Child,
    Concern,
    Diagnosis,
    Example,
    Guardian,
    PlanStatus,
    Pronouns,
)


def _child(first: str, last: str, pronouns: Pronouns, grade: str) -> Child:
    return Child(legal_first_name=first, legal_last_name=last, pronouns=pronouns, grade=grade,
                 school="Cedar Park Elementary School", district="Cedar Park Unified School District",
                 state="CA")


def build_diabetes_case() -> Case:
    return Case(
        child=_child("Maya", "Lopez", Pronouns.SHE, "4"),
        guardians=[Guardian(name="Ana Lopez", phone="555-0142"), Guardian(name="Luis Lopez", phone="555-0177")],
        plan_status=PlanStatus.PLAN_504,
        diagnoses=[Diagnosis(name="T1D", diagnosed_by="Dr. Patel, pediatric endocrinology")],
        concerns=[
            Concern(area=Area.HEALTH, description=(
                "Maya has type 1 diabetes and uses an insulin pump and a CGM. Her blood sugar dropped low "
                "during a math test and she had to finish it while shaky."),
                examples=[Example(text="Lunch was moved to 12:45 on assembly days and she went low "
                                       "before eating.")]),
            Concern(area=Area.HEALTH, description=(
                "During a lockdown drill her meter and juice stayed in the classroom while the class "
                "sheltered in the gym.")),
        ],
    )


def build_allergy_case() -> Case:
    return Case(
        child=_child("Sam", "Okafor", Pronouns.HE, "2"),
        guardians=[Guardian(name="Grace Okafor", phone="555-0190")],
        plan_status=PlanStatus.PLAN_504,
        diagnoses=[Diagnosis(name="Peanut and tree nut allergy with anaphylaxis")],
        concerns=[Concern(area=Area.HEALTH, description=(
            "Sam had hives after a class party where cupcakes with nuts were served. The substitute did "
            "not know where his EpiPen was kept."))],
    )


def build_asthma_case() -> Case:
    return Case(
        child=_child("Lena", "Brooks", Pronouns.SHE, "6"),
        guardians=[Guardian(name="Kim Brooks", phone="555-0133")],
        plan_status=PlanStatus.PLAN_504,
        diagnoses=[Diagnosis(name="Moderate persistent asthma")],
        concerns=[Concern(area=Area.HEALTH, description=(
            "Lena starts wheezing in PE and at recess on cold days, and her inhaler is locked in the "
            "office. She missed 9 days last term with asthma flares and fell behind in science."))],
    )


@pytest.fixture
def diabetes_case() -> Case:
    return build_diabetes_case()


@pytest.fixture
def allergy_case() -> Case:
    return build_allergy_case()


@pytest.fixture
def asthma_case() -> Case:
    return build_asthma_case()
