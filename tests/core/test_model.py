"""The case model: plain-language validation and text normalisation."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from planwriter.core.model import Address, Case, Child, Guardian, Intervention, Pronouns, Sender
from planwriter.core.problems import problems_from_error


def _messages(error: ValidationError, model=Case) -> list[str]:
    return [p.message for p in problems_from_error(error, model)]


def test_a_future_date_of_birth_is_refused_in_plain_words():
    child = Child()
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        child.date_of_birth = tomorrow
    assert _messages(caught.value, Child) == ["The date of birth is in the future"]
    assert child.date_of_birth is None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"child": {"date_of_birth": "14/03/2017"}},
         "Child's date of birth: “14/03/2017” is not a date; write it as YYYY-MM-DD (for example 2026-09-14)"),
        ({"guardians": [{"email": "maria.example.org"}]},
         "This email address does not look complete (for example name@example.org)"),
        ({"guardians": [{"address": {"postal_code": "9747"}}]},
         "A ZIP code has 5 digits, or 5 + 4 digits (for example 97201-1234)"),
        ({"child": {"pronouns": "xe"}}, "Pronouns: “xe” is not one of the choices ('he', 'she' or 'they')"),
        ({"plan_status": "maybe"},
         "Plan status: “maybe” is not one of the choices ('none', 'evaluating', 'iep' or '504')"),
    ],
)
def test_validation_messages_read_like_sentences(data, expected):
    with pytest.raises(ValidationError) as caught:
        Case.model_validate(data)
    messages = _messages(caught.value)
    assert messages == [expected]
    assert not any("validation error" in m.lower() or "input_value" in m for m in messages)


def test_an_intervention_cannot_end_before_it_starts():
    with pytest.raises(ValidationError) as caught:
        Intervention(start=dt.date(2026, 5, 1), end=dt.date(2026, 4, 1))
    assert _messages(caught.value, Intervention) == ["The end date is before the start date"]


def test_single_line_fields_lose_line_breaks_and_control_characters():
    child = Child(legal_first_name="  Zoë\n O'Connor\x07 ")
    assert child.legal_first_name == "Zoë O'Connor"  # the bell became a space, spaces were squeezed


def test_long_text_keeps_lines_and_paragraphs_but_not_extra_blank_lines():
    guardian_note = Case(notes="First line\r\nsecond line\n\n\n\nNew paragraph\t end  ")
    assert guardian_note.notes == "First line\nsecond line\n\nNew paragraph     end"


def test_the_first_guardian_signs_when_no_sender_is_set():
    case = Case(guardians=[Guardian(name="Maria Rivera", email="maria@example.org")])
    sender = case.effective_sender()
    assert sender.name == "Maria Rivera"
    assert sender.email == "maria@example.org"


def test_an_explicit_sender_wins_over_the_guardians():
    case = Case(guardians=[Guardian(name="Maria Rivera")], sender=Sender(role="advocate", name="Pat Kim"))
    assert case.effective_sender().name == "Pat Kim"


def test_names_and_addresses_are_written_as_on_an_envelope():
    child = Child(legal_first_name="Alexander", legal_middle_name="James", legal_last_name="Rivera",
                  preferred_name="Alex", pronouns=Pronouns.HE)
    assert child.full_legal_name == "Alexander James Rivera"
    assert child.first_name == "Alex"
    address = Address(street="1428 Alder Street", city="Springfield", state="or", postal_code="97477")
    assert address.lines() == ["1428 Alder Street", "Springfield, OR 97477"]
