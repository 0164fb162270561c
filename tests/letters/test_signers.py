"""Who signs: one or more parents, or an advocate for named parents; consent is only ever the parents'."""

from __future__ import annotations

import re

import pytest

from planwriter.core.model import PlanStatus
from planwriter.core.sample import SAMPLE_NAMES, sample_cases
from planwriter.render.engine import default_registry, render_document
from planwriter.render.letter import LetterOptions

from .conftest import LETTER_DATE

LETTERS = [t.id for t in default_registry().letters()]

#: Words only a parent may say about their own decision, with the advocate or "the family" as subject.
NOT_A_PARENT = re.compile(
    r"\b(?:I|The family|the family|On the family's behalf, I)\s+(?:do not |does not |hereby )?"
    r"(?:consent(?:s)?\b|give(?:s)? (?:my |our |written )?consent|refuse(?:s)? consent|"
    r"(?:am|is) revoking|revoke(?:s)? consent)"
    r"|\b(?:my|the family's|the advocate's) (?:written )?consent to\b"
    r"|Please accept this letter as (?:my|the family's) written consent"
)


def _variants(template):
    """The sample inputs, and one set per value of each choice input (refuse, revoke, partial …)."""
    yield dict(template.meta.sample_inputs)
    for spec in template.meta.inputs:
        if spec.type.value == "choice":
            for choice in spec.choices:
                yield {**template.meta.sample_inputs, spec.name: choice.value}


def _body(document):
    styles = {"Normal", "List Bullet", "List Number", "List Bullet 2", "List Continue", "Heading 2"}
    return "\n".join(b.text for b in document.blocks if getattr(b, "style", "") in styles)


@pytest.mark.parametrize("variant", ["advocate", "advocate-minimal", "advocate-one-parent", "504-plan"])
@pytest.mark.parametrize("template_id", [t for t in LETTERS if t != "advocate-authorization"])
def test_no_letter_words_consent_refusal_or_revocation_for_anyone_but_a_parent(template_id, variant, make_case):
    """In an advocate's letter (the parents' own authorization aside, which they alone sign)."""
    case = make_case(variant)
    names = "|".join(re.escape(g.name) for g in case.guardians if g.name)
    parent_decides = re.compile(
        rf"(?:{names})(?:, the \w+ of \w+,)? (?:consents?|do(?:es)? not consent|(?:is|are) revoking|"
        rf"gives? written consent|agrees? to|rejects?)\b"
    )
    template = default_registry().get(template_id)
    for inputs in _variants(template):
        document = render_document(case, template_id, inputs, today=LETTER_DATE)
        body = _body(document)
        for value in inputs.values():  # the family's own typed words are theirs, not planwriter's
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str) and text:
                    body = body.replace(text, "")
        match = NOT_A_PARENT.search(body)
        assert match is None, f"{inputs}: …{body[max(0, match.start() - 80):match.end() + 40]}…"
        if parent_decides.search(body) and document.missing == []:
            text = document.plain_text()
            assert "Signed by the" in text or "Date: ____" in text, "the parents sign what they decide"


@pytest.mark.parametrize("template_id", LETTERS)
def test_two_parents_who_both_sign_write_as_we_and_sign_twice(template_id, make_case):
    case = make_case("two-parents-signing")
    template = default_registry().get(template_id)
    document = render_document(case, template_id, template.meta.sample_inputs,
                               LetterOptions(delivery=None), today=LETTER_DATE)
    signatures = [b.text for b in document.blocks if getattr(b, "style", "") == "Signature"]
    assert len(signatures) == 2
    assert "Pat Lee" in signatures[0] and "Chris Lee" in signatures[1]
    body = _body(document)
    assert re.search(r"\bWe (?:are|have|would|ask|request|agree|consent|give|will)\b|\bWe, Pat Lee", body)
    # "I" only in the family's own typed words, and in the reply-by sentence (parts/reply_by.j2).
    for value in template.meta.sample_inputs.values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and text:
                body = body.replace(text, "")
    body = body.replace("I would appreciate a written answer", "")
    assert not re.search(r"\bI\b", body), body


def test_one_guardian_signs_by_default_and_a_letter_may_choose_its_signers(make_case):
    case = make_case("two-guardians")
    text = render_document(case, "records", {}, LetterOptions(delivery=None), today=LETTER_DATE).plain_text()
    assert "I am the mother of Sam Lee." in text
    both = [g.id for g in case.guardians]
    text = render_document(case, "records", {}, LetterOptions(delivery=None, signer_ids=both),
                           today=LETTER_DATE).plain_text()
    assert "We are the parents of Sam Lee." in text


def test_an_advocate_for_one_parent_names_that_parent_and_the_parent_signs_the_consent(make_case):
    case = make_case("advocate-one-parent")
    template = default_registry().get("behavior-assessment")
    text = render_document(case, "behavior-assessment", template.meta.sample_inputs, today=LETTER_DATE).plain_text()
    assert "I represent Maria Rivera, the mother of Alexander James Rivera;" in text
    assert "Maria Rivera, the mother of Alex, gives written consent to the functional behavioral assessment" in text
    assert "On behalf of Maria Rivera\n" in text
    assert "Signed by the mother, whose decision this letter states:" in text
    assert "Maria Rivera, mother\nDate:" in text
    assert "Daniel Rivera" not in text


def test_an_advocate_with_no_parent_named_cannot_export_a_consent(make_case):
    case = make_case("advocate-minimal")
    case.guardians = []
    document = render_document(case, "disagreement", {**default_registry().get("disagreement").meta.sample_inputs,
                                                      "decision": "revoke"}, today=LETTER_DATE)
    assert "the parent's name" in document.missing


def test_prior_written_notice_and_reports_go_to_the_parents_as_well_as_the_advocate(make_case):
    template = default_registry().get("disagreement")
    text = render_document(make_case("advocate"), "disagreement", template.meta.sample_inputs,
                           today=LETTER_DATE).plain_text()
    assert "Please send the parents and me prior written notice" in text
    assert "Enclosure: Authorization to share information with an advocate, signed by the parents" in text


def test_the_authorization_is_signed_by_the_parents_alone_and_says_what_ferpa_asks(make_case):
    template = default_registry().get("advocate-authorization")
    document = render_document(make_case("advocate"), "advocate-authorization", {}, today=LETTER_DATE)
    text = document.plain_text()
    assert document.missing == []
    assert text.startswith("Maria Rivera and Daniel Rivera\n1428 Alder Street")  # from the parents
    assert "We, Maria Rivera and Daniel Rivera, are the parents" in text
    for part in ("Records that may be shared:", "Purpose:", "Shared with: Jordan Ellis, Bright Path Advocacy"):
        assert part in text  # 34 CFR 99.30(b): which records, why, and to whom
    assert text.count("Date: ____") == 2
    assert "Jordan Ellis\nSpecial Education Advocate" not in text  # the advocate does not sign it
    assert "Enclosure:" not in text
    assert template.meta.legal_basis[0].cite.startswith("FERPA, 34 CFR 99.30")


# --------------------------------------------------------------------------- plan types and samples


@pytest.mark.parametrize(("plan", "recipient", "phrase"), [
    (PlanStatus.PLAN_504, "Linda Chen", "Section 504 team"),
    (PlanStatus.IEP, "James Okafor", "IEP team"),
    (PlanStatus.NONE, "James Okafor", "IEP team"),
])
def test_the_meeting_letter_follows_the_plan_type(plan, recipient, phrase, make_case):
    case = make_case("full")
    case.plan_status = plan
    template = default_registry().get("iep-meeting")
    document = render_document(case, "iep-meeting", template.meta.sample_inputs, today=LETTER_DATE)
    recipient_block = next(b for b in document.blocks if getattr(b, "style", "") == "Recipient").text
    assert recipient_block.startswith(recipient)
    assert phrase in document.plain_text()
    assert ("34 CFR 104.36" in document.plain_text()) == (plan == PlanStatus.PLAN_504)
    subject = "Re: Request for a Section 504 team meeting" if plan == PlanStatus.PLAN_504 else \
        "Re: Request for an IEP team meeting"
    assert subject in document.plain_text()
    assert document.subject == subject.removeprefix("Re: ")


def test_the_504_evaluation_uses_the_diagnoses_in_the_case(make_case):
    document = render_document(make_case("full"), "section-504-evaluation",
                               {"life_activities": ["learning"]}, today=LETTER_DATE)
    assert "Alex has ADHD, combined presentation and reading profile consistent with dyslexia" in document.plain_text()
    assert document.missing == []


def test_the_familys_language_shows_in_evaluation_and_meeting_letters(make_case):
    case = make_case("full")  # Daniel Rivera prefers Spanish; the family speaks English and Spanish
    for template_id in ("initial-evaluation", "reevaluation", "iep-meeting", "evaluation-plan-response",
                        "meeting-notice-response", "section-504-meeting", "interpreter-translation"):
        template = default_registry().get(template_id)
        text = render_document(case, template_id, template.meta.sample_inputs, today=LETTER_DATE).plain_text()
        assert "Spanish" in text, template_id
    minimal = make_case("minimal")
    text = render_document(minimal, "iep-meeting", {"reasons": ["x"]}, today=LETTER_DATE).plain_text()
    assert "interpreter" not in text


def test_each_sample_has_a_plan_status_that_fits_its_letters():
    cases = dict(zip(SAMPLE_NAMES, sample_cases(), strict=True))
    alex, maya, noah = cases.values()
    assert alex.plan_status == PlanStatus.EVALUATING and maya.plan_status == PlanStatus.IEP
    assert noah.plan_status == PlanStatus.PLAN_504
    iep_only = {"progress-data", "services-not-delivered", "draft-iep", "manifestation-determination"}
    only_504 = {"section-504-meeting", "section-504-plan-not-followed", "section-504-hearing", "ocr-complaint"}
    assert not iep_only & set(alex.letter_drafts) and not only_504 & set(alex.letter_drafts)
    assert not only_504 & set(maya.letter_drafts) and not iep_only & set(noah.letter_drafts)
    for case in cases.values():
        for template_id, draft in case.letter_drafts.items():
            assert draft.date is not None and draft.date <= LETTER_DATE, template_id
            options = LetterOptions(date=draft.date, delivery=draft.delivery)
            document = render_document(case, template_id, draft.inputs, options, today=draft.date)
            assert document.missing == [], (case.child.first_name, template_id, document.missing)
