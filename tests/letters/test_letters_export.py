"""Every letter, for several kinds of case, exported to Word and read back with python-docx."""

from __future__ import annotations

import re

import docx
import pytest

from planwriter.core.model import DeliveryMethod, PlanStatus, SchoolRole
from planwriter.render.engine import default_registry, export, render_document
from planwriter.render.environment import long_date
from planwriter.render.letter import LetterOptions

from .conftest import CASES, LETTER_DATE

LETTERS = [t.id for t in default_registry().letters()]

#: For each letter: the sentence that makes the request, and a citation the body must carry.
REQUIRED = {
    "initial-evaluation": ("full and individual evaluation", "34 CFR 300.503"),
    "section-504-evaluation": ("evaluate", "34 CFR 104.36"),
    "reevaluation": ("to request a reevaluation", "34 CFR 300.303"),
    "independent-evaluation": ("independent educational evaluation (IEE) at public expense", "34 CFR 300.502"),
    "behavior-assessment": ("to request a functional behavioral assessment (FBA)", "34 CFR 300.503"),
    "assistive-technology-evaluation": ("to request an assistive technology evaluation", "34 CFR 300.105"),
    "records": ("access to all education records", "34 CFR 300.613"),
    "progress-data": ("to request the data used to measure", "34 CFR 300.320(a)(3)"),
    "prior-written-notice": ("to request prior written notice", "34 CFR 300.503"),
    "iep-meeting": ("a meeting of", "34 CFR 300.503"),
    "draft-iep": ("to ask for copies of the documents the team will discuss", "34 CFR 300.613"),
    "parent-concerns": ("attached to the IEP", "34 CFR 300.503"),
    "meeting-follow-up": ("share the same understanding", "34 CFR 300.503"),
    "transition-planning": ("planning for", "34 CFR 300.320(b)"),
    "extended-school-year": ("extended school year (ESY) services", "34 CFR 300.106"),
    "disagreement": ("prior written notice under 34 CFR 300.503", "34 CFR 300.503"),
    "mediation": ("to request mediation", "34 CFR 300.506"),
    "due-process-complaint": ("filing this due process complaint", "34 CFR 300.508"),
    "state-complaint": ("filing this complaint", "34 CFR 300.153"),
    "private-placement-notice": ("written notice under 34 CFR 300.148(d)", "34 CFR 300.148(d)"),
    "evaluation-plan-response": ("in response to the district's proposed evaluation plan", "34 CFR 300.300(a)"),
    "evaluation-report-request": ("before the meeting where eligibility will be decided", "34 CFR 300.306(a)(1)"),
    "manifestation-determination": ("more than 10 school days", "34 CFR 30"),
    "records-amendment": ("to amend", "34 CFR 300.618"),
    "interpreter-translation": ("qualified", "34 CFR 300.322(e)"),
    "services-not-delivered": ("not receiving services", "34 CFR 300.323(c)(2)"),
    "bullying-report": ("is being bullied and harassed", "investigate"),
    "meeting-notice-response": ("Thank you for the notice of the meeting", "34 CFR 300.613(a)"),
    "section-504-meeting": ("Section 504 team", "34 CFR 104.36"),
    "section-504-plan-not-followed": ("is not being carried out", "34 CFR 104.33"),
    "section-504-hearing": ("impartial hearing", "34 CFR 104.36"),
    "ocr-complaint": ("complaint of discrimination on the basis of disability", "Section 504"),
    "advocate-authorization": ("consent to", "34 CFR 99.30"),
}

FRAME_STYLES = ["Sender", "Letter Date", "Delivery", "Recipient", "Subject", "Salutation"]
BODY_STYLES = {"Normal", "List Bullet", "List Bullet 2", "List Number", "List Continue", "Heading 1", "Heading 2"}
FOOT_STYLES = {"Closing", "Signature", "Letter Note"}

#: Grammar slips that a pronoun or count mix-up would produce.
SLIPS = re.compile(
    r"\b(?:they (?:is|has|was|needs|struggles|knows)|(?:he|she) (?:are|have|were|need|know)\b"
    r"|these (?:concern|request|behavior|task)\b|this (?:concerns|requests|behaviors|tasks)\b)"
    r"|  | ,| \.|\.\.|,,|\bNone\b|\{\{|\{%|\[|\]",
)


def test_every_letter_has_required_phrases():
    assert set(REQUIRED) == set(LETTERS)


@pytest.mark.parametrize("variant", list(CASES))
@pytest.mark.parametrize("template_id", LETTERS)
def test_letter_exports_complete_for_each_kind_of_case(template_id, variant, make_case, tmp_path):
    case = make_case(variant)
    template = default_registry().get(template_id)
    path = tmp_path / "letter.docx"
    # A family with no school contacts on file has no email address to send to: it mails the letter.
    options = None if case.contacts else LetterOptions(delivery=DeliveryMethod.MAIL)
    expected = []
    if template_id == "due-process-complaint" and not case.contacts_with_role(SchoolRole.SUPERINTENDENT):
        expected.append("the superintendent's name")
    if template_id == "initial-evaluation" and not case.concerns:
        expected.append("why you are asking for the evaluation")  # never a request with no reason
    if template_id == "section-504-evaluation" and not case.diagnoses:
        expected.append("your child's condition (the impairment)")  # diagnoses in the case are used
    if template_id == "interpreter-translation" and not any(
        g.preferred_language and "english" not in g.preferred_language.lower() for g in case.guardians
    ):
        expected.append("the language the family needs")
    if expected:
        document = render_document(case, template_id, template.meta.sample_inputs, options, today=LETTER_DATE)
        assert document.missing == expected
        return
    document = export(case, template_id, path, template.meta.sample_inputs, options, today=LETTER_DATE)
    assert document.missing == []

    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]
    text = "\n".join(t for _, t in paragraphs)
    body = "\n".join(t for s, t in paragraphs if s in BODY_STYLES)

    assert case.child.full_legal_name in text
    assert long_date(case.child.date_of_birth) in text
    request, citation = REQUIRED[template_id]
    if case.plan_status == PlanStatus.PLAN_504 and citation in ("34 CFR 300.503", "34 CFR 300.303") \
            and citation not in body:
        # Where a letter turns to the Section 504 rules (review procedure, reevaluation), not IDEA's.
        citation = "34 CFR 104.3"
    assert request in body
    assert citation in body
    match = SLIPS.search(text)
    assert match is None, f"{match.group(0)!r} in …{text[max(0, match.start() - 60):match.end() + 40]}…"

    styles = [s for s, _ in paragraphs]
    attachment = next((n for n, (s, t) in enumerate(paragraphs) if s == "Heading 1" and t.startswith("Attachment ")),
                      None)
    if attachment is not None:
        # An attachment after the letter (the concerns with their examples): check the letter itself,
        # up to the paragraph that carries the page break before it.
        styles = styles[: attachment - 1]
    assert styles[: len(FRAME_STYLES)] == FRAME_STYLES
    assert set(styles[len(FRAME_STYLES):]) <= BODY_STYLES | FOOT_STYLES
    assert "Closing" in styles and "Signature" in styles
    assert styles.index("Closing") > max(i for i, s in enumerate(styles) if s in BODY_STYLES)


@pytest.mark.parametrize("template_id", [t for t in LETTERS if t != "advocate-authorization"])
def test_advocate_letters_speak_for_the_family(template_id, make_case):
    case = make_case("advocate")
    template = default_registry().get(template_id)
    text = render_document(case, template_id, template.meta.sample_inputs, today=LETTER_DATE).plain_text()
    assert "Jordan Ellis" in text
    assert "On behalf of Maria Rivera and Daniel Rivera" in text  # the signature block
    assert "I am the mother" not in text and "my son" not in text


@pytest.mark.parametrize("template_id", LETTERS)
def test_they_them_letters_never_use_he_or_she_for_the_child(template_id, make_case):
    case = make_case("they")
    template = default_registry().get(template_id)
    document = render_document(case, template_id, template.meta.sample_inputs, today=LETTER_DATE)
    body = "\n".join(b.text for b in document.blocks if getattr(b, "style", "") == "Normal")
    for value in _user_texts(template.meta.sample_inputs, case):  # the parent's own words may say "he"
        body = body.replace(value, "")
    assert not re.search(r"\b(?:he|him|his|she|her)\b", body, re.IGNORECASE), body


def _user_texts(inputs, case):
    values = []
    for value in inputs.values():
        values.extend(value if isinstance(value, list) else [value])
    values += [c.description for c in case.concerns] + [i.result for i in case.interventions]
    return sorted((v for v in values if isinstance(v, str) and v), key=len, reverse=True)


@pytest.mark.parametrize("template_id", LETTERS)
def test_minimal_letters_have_no_empty_sections(template_id, make_case):
    case = make_case("minimal")
    template = default_registry().get(template_id)
    text = render_document(case, template_id, template.meta.sample_inputs, today=LETTER_DATE).plain_text()
    body = text.split("\n\nDear ", 1)[1].split(":\n\n", 1)[1]
    assert not re.search(r":\n\n(?:Sincerely|Thank you)", body), "a list introduced with nothing under it"
    assert "Sam" in body


@pytest.mark.parametrize(("grade", "words"), [("K", "in kindergarten"), ("3rd", "in 3rd grade"),
                                               ("11", "in grade 11"), ("Pre-K", "in pre-kindergarten")])
def test_grade_reads_naturally(grade, words, make_case):
    case = make_case("minimal")
    case.child.grade = grade
    template = default_registry().get("initial-evaluation")
    text = render_document(case, "initial-evaluation", template.meta.sample_inputs,
                           today=LETTER_DATE).plain_text()
    assert f"Sam is {words} at Oak Hill Middle School" in text


def test_names_with_apostrophes_and_accents_come_through_verbatim(make_case, tmp_path):
    case = make_case("accents")
    path = tmp_path / "letter.docx"
    template = default_registry().get("initial-evaluation")
    inputs = {**template.meta.sample_inputs, "reason": "Zoë's teacher says she cannot keep up in reading."}
    export(case, "initial-evaluation", path, inputs, LetterOptions(delivery=DeliveryMethod.HAND), today=LETTER_DATE)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Zoë O'Connor-Nuñez" in text
    assert "St. Brigid's & Sacred Heart School" in text
    assert "Siobhán O'Connor-Nuñez" in text


@pytest.mark.parametrize(("count", "phrase"), [(1, "This is the concern that leads"),
                                                (3, "These are the concerns that lead")])
def test_one_or_several_concerns_read_correctly(count, phrase, sample_case):
    del sample_case.concerns[count:]
    template = default_registry().get("initial-evaluation")
    text = render_document(sample_case, "initial-evaluation", template.meta.sample_inputs,
                           today=LETTER_DATE).plain_text()
    assert phrase in text


def test_two_guardians_are_named_as_parents_in_an_advocate_letter(make_case):
    case = make_case("two-guardians")
    case.sender.role = case.sender.role.ADVOCATE
    case.sender.name = "Jordan Ellis"
    case.sender.address = case.guardians[0].address
    text = render_document(case, "records", {}, today=LETTER_DATE).plain_text()
    assert "I represent Pat Lee and Chris Lee, the parents of Sam Lee;" in text


@pytest.mark.parametrize("decision", ["disagree", "refuse", "partial", "revoke"])
def test_disagreement_letter_reads_right_for_each_decision(decision, sample_case):
    template = default_registry().get("disagreement")
    inputs = {**template.meta.sample_inputs, "decision": decision}
    document = render_document(sample_case, "disagreement", inputs, today=LETTER_DATE)
    text = document.plain_text()
    assert document.missing == []
    expected = {
        "disagree": "I disagree with parts of this proposal",
        "refuse": "I do not consent to this proposal",
        "partial": "I consent to some parts of this proposal",
        "revoke": "I am revoking consent",
    }[decision]
    assert expected in text
    assert ("I agree to these parts" in text) == (decision != "revoke")


def test_a_required_input_left_empty_is_a_placeholder_not_a_blank(sample_case):
    document = render_document(sample_case, "mediation", {}, today=LETTER_DATE)
    assert "what the disagreement is about" in document.missing


def test_a_state_complaint_without_a_state_contact_is_not_addressed_to_the_district(sample_case):
    template = default_registry().get("state-complaint")
    document = render_document(sample_case, "state-complaint", template.meta.sample_inputs, today=LETTER_DATE)
    recipient = next(b for b in document.blocks if getattr(b, "style", "") == "Recipient")
    assert recipient.text == "Oregon Department of Education"
    assert "Dear Sir or Madam:" in document.plain_text()
    inputs = {**template.meta.sample_inputs, "state_agency_name": ""}
    document = render_document(sample_case, "state-complaint", inputs, today=LETTER_DATE)
    recipient = next(b for b in document.blocks if getattr(b, "style", "") == "Recipient")
    assert recipient.text == "State Department of Education"
    assert "Dear State Department of Education" not in document.plain_text()


@pytest.mark.parametrize("template_id", LETTERS)
def test_required_inputs_left_empty_block_the_export(template_id, sample_case):
    template = default_registry().get(template_id)
    required = [i for i in template.meta.inputs if i.required]
    if not required:
        return
    empty = {i.name: [] if i.type.value == "list" else "" for i in required}
    document = render_document(sample_case, template_id, {**template.meta.sample_inputs, **empty},
                               today=LETTER_DATE)
    assert {i.label.lower() for i in required} <= set(document.missing)


@pytest.mark.parametrize(("age", "words", "transfer"), [
    (9, "let the team start earlier (34 CFR 300.320(b)). Alex is 9, and starting early", False),
    (16, "begin, or strengthen, planning", False),
    (17, "begin, or strengthen, planning", True),
])
def test_transition_letter_fits_the_students_age(age, words, transfer, sample_case):
    import datetime as dt

    today = dt.date.today()
    sample_case.child.date_of_birth = today - dt.timedelta(days=round(365.25 * age) + 40)
    text = render_document(sample_case, "transition-planning", {}, today=LETTER_DATE).plain_text()
    assert words in text
    assert "34 CFR 300.320(b)" in text
    assert ("age of majority (34 CFR 300.320(c))" in text) == transfer


SINGULAR_SLIPS = re.compile(
    r"\b(?:[Tt]hese|following|each of the) (?:changes|times|people|goals|items|problems|violations|tasks|"
    r"behaviors|concerns|requests|reasons|parts)\b|The (?:problems|violations)\b"
)


@pytest.mark.parametrize("template_id", LETTERS)
def test_one_item_lists_read_in_the_singular(template_id, sample_case):
    template = default_registry().get(template_id)
    inputs = {name: value[:1] if isinstance(value, list) else value
              for name, value in template.meta.sample_inputs.items()}
    for spec in template.meta.inputs:
        if spec.type.value == "list" and spec.name not in inputs and spec.example:
            inputs[spec.name] = [spec.example]
    del sample_case.concerns[1:]
    del sample_case.interventions[1:]
    text = render_document(sample_case, template_id, inputs, today=LETTER_DATE).plain_text()
    match = SINGULAR_SLIPS.search(text)
    assert match is None, text[max(0, match.start() - 80):match.end() + 40]


@pytest.mark.parametrize("template_id", ["due-process-complaint", "state-complaint"])
def test_complaints_give_the_childs_address_never_the_advocates(template_id, make_case):
    template = default_registry().get(template_id)
    case = make_case("advocate-minimal")
    text = render_document(case, template_id, template.meta.sample_inputs, today=LETTER_DATE).plain_text()
    assert "Address: 12 Birch Lane, Salem, OR 97301" in text
    case.guardians = []
    document = render_document(case, template_id, template.meta.sample_inputs, today=LETTER_DATE)
    expected = ["the child's home address"]
    if template_id == "due-process-complaint":  # no superintendent on file in this case either
        expected = ["the superintendent's name", *expected]
    assert sorted(document.missing) == sorted(expected)
    assert "300 Main Street;" not in document.plain_text()
