"""The three founding letters, exported to Word and read back: text, styles and file properties."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter.core.model import Guardian, Sender, SenderRole
from planwriter.render.engine import MissingInformation, export, render_document

from .conftest import paragraphs, read_docx

DAY = dt.date(2026, 11, 2)

LETTERS = {
    "initial-evaluation": [
        "request a full and individual evaluation of my son, Alexander James Rivera",
        "Individuals with Disabilities Education Act",
        "prior written notice as required by 34 CFR 300.503",
        "procedural safeguards notice",
    ],
    "records": [
        "Family Educational Rights and Privacy Act (FERPA, 34 CFR Part 99)",
        "34 CFR 300.613",
        "the special education file",
        "no later than 45 calendar days after receiving this request, which I count as December 17, 2026",
    ],
    "iep-meeting": [
        "request a meeting of the IEP team for my son, Alexander James Rivera",
        "I am asking for this meeting because:",
        "prior written notice, as required by 34 CFR 300.503",
    ],
}


@pytest.mark.parametrize("template_id", sorted(LETTERS))
def test_each_letter_exports_with_the_standard_layout_and_its_own_elements(tmp_path, sample_case, template_id):
    from planwriter.render.engine import default_registry

    inputs = default_registry().get(template_id).meta.sample_inputs
    path = tmp_path / f"{template_id}.docx"
    export(sample_case, template_id, path, inputs, today=DAY)
    doc = read_docx(path)
    styled = paragraphs(doc)
    styles = [style for style, _ in styled]
    text = "\n".join(t for _, t in styled)

    # The frame: sender, date, recipient, subject with the child's identifiers, salutation, closing.
    assert styles[:3] == ["Sender", "Letter Date", "Delivery"]
    assert styled[0][1].startswith("Maria Rivera\n1428 Alder Street\nSpringfield, OR 97477")
    assert styled[1][1] == "November 2, 2026"
    assert "Recipient" in styles and "Subject" in styles and "Salutation" in styles
    subject = dict((s, t) for s, t in styled)["Subject"]
    assert "Student: Alexander James Rivera, date of birth March 14, 2017" in subject
    assert "School: Maple Grove Elementary School, grade 3" in subject
    assert "Student ID: 204817" in subject
    assert styles.index("Closing") > styles.index("Salutation")
    assert dict(styled)["Closing"] == "Sincerely,"
    assert dict(styled)["Signature"].startswith("Maria Rivera")
    assert any(s == "Letter Note" and t.startswith("cc: ") for s, t in styled)
    assert "List Bullet" in styles

    for phrase in LETTERS[template_id]:
        assert phrase in text, phrase
    for leftover in ("None", "{{", "{%", "[", "Missing("):
        assert leftover not in text

    props = doc.core_properties
    assert props.author == "Maria Rivera"
    assert props.language == "en-US"
    assert props.title.endswith("Alexander James Rivera")


def test_the_recipient_and_salutation_come_from_the_school_team(sample_case):
    document = render_document(sample_case, "records", today=DAY)
    recipient = next(b for b in document.blocks if getattr(b, "style", "") == "Recipient")
    assert recipient.text.split("\n")[:2] == ["Dr. Karen Whitfield", "Principal"]
    salutation = next(b for b in document.blocks if getattr(b, "style", "") == "Salutation")
    assert salutation.text == "Dear Dr. Whitfield:"
    assert document.recipient == "Dr. Karen Whitfield, Principal"


def test_an_advocate_signs_on_behalf_of_the_family(sample_case):
    sample_case.sender = Sender(role=SenderRole.ADVOCATE, name="Pat Kim", title="Special Education Advocate",
                                organization="Family Advocacy Partners",
                                address={"street": "9 Main St", "city": "Eugene", "state": "OR",
                                         "postal_code": "97401"})
    text = render_document(sample_case, "initial-evaluation", today=DAY).plain_text()
    assert "I represent Maria Rivera and Daniel Rivera, the parents of Alexander James Rivera" in text
    signature = ("Pat Kim\nSpecial Education Advocate\nFamily Advocacy Partners\n"
                 "On behalf of Maria Rivera and Daniel Rivera")
    assert signature in text


@pytest.mark.parametrize(("pronouns", "expected"), [
    ("he", "my son, Alexander James Rivera"),
    ("she", "my daughter, Alexander James Rivera"),
    ("they", "my child, Alexander James Rivera"),
])
def test_pronouns_follow_the_child(sample_case, pronouns, expected):
    sample_case.child.pronouns = pronouns
    text = render_document(sample_case, "initial-evaluation", today=DAY).plain_text()
    assert expected in text
    if pronouns == "they":
        assert "they may have a disability that affects their learning" in text


def test_missing_information_is_highlighted_in_the_preview_and_blocks_export(tmp_path, sample_case):
    sample_case.child.date_of_birth = None
    sample_case.sender = Sender()
    sample_case.guardians = [Guardian(name="Maria Rivera")]
    document = render_document(sample_case, "records", today=DAY)
    assert "the child's date of birth" in document.missing
    assert "the sender's mailing address" in document.missing
    flagged = [r.text for b in document.blocks for r in getattr(b, "runs", []) if r.missing]
    assert "[the child's date of birth]" in flagged
    with pytest.raises(MissingInformation, match=r"Before exporting, please add: .*the child.s date of birth"):
        export(sample_case, "records", tmp_path / "x.docx", today=DAY)
    assert not (tmp_path / "x.docx").exists()


def test_line_breaks_and_paragraphs_in_long_text_are_kept(tmp_path, sample_case):
    sample_case.concerns[0].description = "First line\nsecond line\n\nA new paragraph"
    path = tmp_path / "eval.docx"
    export(sample_case, "initial-evaluation", path, today=DAY)
    styled = paragraphs(read_docx(path))
    assert ("List Bullet", "Reading: First line\nsecond line") in styled
    assert ("List Continue", "A new paragraph") in styled


def test_a_required_input_left_empty_is_reported_by_its_label(sample_case):
    document = render_document(sample_case, "iep-meeting", {}, today=DAY)
    assert document.missing == ["why you want a meeting"]


def test_the_response_due_date_uses_the_state_rule_when_there_is_one(sample_case):
    federal = render_document(sample_case, "records", today=DAY)
    assert federal.response_due == dt.date(2026, 12, 17)
    assert "federal default" in federal.response_note
    sample_case.child.state = "CA"
    state = render_document(sample_case, "records", today=DAY)
    assert state.response_due == dt.date(2026, 11, 9)  # 5 business days after Monday, November 2
    assert "California rule" in state.response_note
    assert "within 5 business days" in state.plain_text()
