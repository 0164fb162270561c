"""The word for the child follows who signs; the family's language is worded in the writer's voice."""

from __future__ import annotations

import pytest

from planwriter.core.model import Guardian, Pronouns
from planwriter.render.engine import render_document
from planwriter.render.letter import LetterOptions

from .conftest import LETTER_DATE

NOUNS = {
    "parent": {Pronouns.HE: "son", Pronouns.SHE: "daughter", Pronouns.THEY: "child"},
    "grandparent": {Pronouns.HE: "grandson", Pronouns.SHE: "granddaughter", Pronouns.THEY: "grandchild"},
}
RELATIONSHIPS = {
    "mother": "parent", "father": "parent", "parent": "parent", "Stepfather": "parent",
    "adoptive mother": "parent", "": "parent",
    "grandmother": "grandparent", "Grandfather": "grandparent",
    "guardian": "other", "aunt": "other", "foster parent": "other", "legal guardian": "other",
}


INPUTS = {"initial-evaluation": {"reason": "x"}, "iep-meeting": {"reasons": ["x"]}}


def _render(case, template_id, signer_ids=None):
    return render_document(case, template_id, INPUTS.get(template_id, {}),
                           LetterOptions(delivery=None, signer_ids=signer_ids), today=LETTER_DATE).plain_text()


@pytest.mark.parametrize("pronouns", list(Pronouns))
@pytest.mark.parametrize("relationship", list(RELATIONSHIPS))
def test_the_child_is_named_by_the_signers_relationship(relationship, pronouns, make_case):
    case = make_case("minimal")
    case.guardians[0].relationship = relationship
    case.child.pronouns = pronouns
    evaluation = _render(case, "initial-evaluation")
    records = _render(case, "records")
    kind = RELATIONSHIPS[relationship]
    if kind == "other":
        assert "evaluation of Sam Lee for special education" in evaluation
        assert "keeps about Sam." in records
        for nouns in NOUNS.values():
            for noun in nouns.values():
                assert f"my {noun}" not in evaluation + records
    else:
        noun = NOUNS[kind][pronouns]
        assert f"evaluation of my {noun}, Sam Lee, for special education" in evaluation
        assert f"keeps about my {noun}." in records


def test_two_grandparents_write_about_our_grandchild(make_case):
    case = make_case("minimal")
    case.guardians[0].relationship = "grandmother"
    case.guardians.append(Guardian(name="Ana Lee", relationship="grandfather", address=case.guardians[0].address))
    case.child.pronouns = Pronouns.HE
    ids = [g.id for g in case.guardians]
    text = _render(case, "records", ids)
    assert "We are the grandparents of Sam Lee." in text
    assert "keeps about our grandson." in text
    assert "our son" not in _render(case, "initial-evaluation", ids)


def test_a_grandmother_and_a_father_together_name_the_child(make_case):
    case = make_case("minimal")
    case.guardians[0].relationship = "grandmother"
    case.guardians.append(Guardian(name="Ana Lee", relationship="father", address=case.guardians[0].address))
    text = _render(case, "iep-meeting", [g.id for g in case.guardians])
    assert "team for Sam Lee, who is in" in text


def test_a_signer_who_prefers_spanish_says_i_and_others_are_named(make_case):
    case = make_case("minimal")
    case.guardians[0].preferred_language = "Spanish"
    text = _render(case, "iep-meeting")
    assert "I prefer to communicate in Spanish. Please provide a qualified interpreter" in text
    assert "Pat Lee prefers" not in text
    text = _render(case, "interpreter-translation")
    assert "I prefer to communicate in Spanish, and I am writing" in text
    case.guardians.append(Guardian(name="Ana Lee", relationship="father", address=case.guardians[0].address,
                                   preferred_language="Spanish"))
    both = [g.id for g in case.guardians]
    assert "We prefer to communicate in Spanish." in _render(case, "iep-meeting", both)
    # Ana does not sign: she is named, and so is the writer's own need.
    assert "Ana Lee and I prefer to communicate in Spanish." in _render(case, "iep-meeting",
                                                                        [case.guardians[0].id])
    case.guardians[0].preferred_language = ""
    assert "Ana Lee prefers to communicate in Spanish." in _render(case, "iep-meeting", [case.guardians[0].id])


def test_the_home_language_alone_offers_an_interpreter(make_case):
    case = make_case("minimal")
    case.child.home_language = "Vietnamese"
    text = _render(case, "iep-meeting")
    assert "My family speaks Vietnamese at home. Please offer the family a qualified interpreter" in text
    text = _render(case, "initial-evaluation")
    assert text.count("speaks Vietnamese at home") == 1
    assert "offer the family a qualified interpreter at every meeting about the evaluation" in text
    case.guardians[0].preferred_language = "English"
    assert "interpreter" not in _render(case, "iep-meeting")


def _letters():
    from planwriter.render.engine import default_registry

    return [t for t in default_registry().letters()]


@pytest.mark.parametrize("template", _letters(), ids=lambda t: t.id)
def test_two_parents_write_we_in_lower_case_within_a_sentence(template, make_case):
    import re

    from .test_signers import _variants

    case = make_case("two-parents-signing")
    for inputs in _variants(template):
        document = render_document(case, template.id, inputs, LetterOptions(delivery=None), today=LETTER_DATE)
        for block in document.blocks:
            text = getattr(block, "text", "")
            match = re.search(r"[^.!?:\s\"“(]\s+(?:We|Our)\b", text)
            assert match is None, f"{inputs}: …{text[max(0, match.start() - 60):match.end() + 20]}…"


def test_a_long_answer_moves_to_an_attachment_titled_for_the_school(make_case):
    from planwriter.render.engine import default_registry

    reason = "Alex has trouble reading and writing in class every day, and it is getting worse. " * 40
    document = render_document(make_case("full"), "initial-evaluation", {"reason": reason.strip()},
                               LetterOptions(delivery=None), today=LETTER_DATE)
    text = document.plain_text()
    assert "— Reasons for the evaluation request" in text
    assert "Why you are asking" not in text
    for template in default_registry().letters():
        for spec in template.meta.inputs:
            if spec.type.value == "long_text":
                words = set(spec.attachment.lower().split())
                assert spec.attachment and not words & {"you", "your"}, (template.id, spec.name)


@pytest.mark.parametrize(("typed", "stored"), [
    ("texas", "TX"), (" North Carolina ", "NC"), ("tx", "TX"), ("puerto rico", "PR"), ("", ""),
    ("Ontario", "Ontario"),  # a family living outside the US keeps what they typed
])
def test_an_address_state_is_stored_as_its_code_and_unknown_places_are_kept(typed, stored, make_case):
    from planwriter.core.model import Address

    assert Address(state=typed).state == stored
    case = make_case("minimal")
    case.guardians[0].address = Address(street="12 Birch Lane", city="Salem", postal_code="97301")
    case.guardians[0].address.state = typed  # as the form sets it
    assert case.guardians[0].address.state == stored
    if stored == "TX":
        case.guardians[0].address.city, case.guardians[0].address.postal_code = "Round Rock", "78664"
        assert "Round Rock, TX 78664" in _render(case, "records")
