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
