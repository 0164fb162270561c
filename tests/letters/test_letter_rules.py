"""Smaller rules: the due process complaint's copy, delivery and addressee; email needs an address;
an evaluation request needs a reason; a Section 504 family gets Section 504 words."""

from __future__ import annotations

from planwriter.core.model import Contact, DeliveryMethod, SchoolRole
from planwriter.render.engine import default_registry, render_document
from planwriter.render.letter import LetterOptions

from .conftest import LETTER_DATE


def _render(case, template_id, inputs=None, options=None):
    template = default_registry().get(template_id)
    chosen = template.meta.sample_inputs if inputs is None else inputs
    return render_document(case, template_id, chosen, options, today=LETTER_DATE)


def test_a_due_process_complaint_copies_the_state_goes_by_certified_mail_and_names_the_superintendent(make_case):
    document = _render(make_case("full"), "due-process-complaint")
    text = document.plain_text()
    assert "Sent by certified mail, return receipt requested" in text
    assert "cc: James Okafor, Director of Student Services; State Department of Education" in text
    assert "Dear Dr. Brooks:" in text
    case = make_case("full")
    case.contacts = [c for c in case.contacts if c.role != SchoolRole.SUPERINTENDENT]
    document = _render(case, "due-process-complaint")
    assert "the superintendent's name" in document.missing
    assert "[the superintendent's name]" in document.plain_text()


def test_a_state_agency_on_file_is_copied_once(make_case):
    case = make_case("full")
    case.contacts.append(Contact(name="Dispute Resolution Office", role=SchoolRole.STATE_AGENCY,
                                 email="disputes@state.example.org"))
    text = _render(case, "due-process-complaint").plain_text()
    cc = text.split("cc: ", 1)[1]
    assert cc.count("State Department of Education") == 1
    assert "Dispute Resolution Office, State Department of Education" in cc


def test_sent_by_email_to_someone_without_an_email_address_is_missing_information(make_case):
    case = make_case("full")
    for contact in case.contacts:
        contact.email = ""
    document = _render(case, "records")
    assert any(m.startswith("an email address for Dr. Karen Whitfield") for m in document.missing)
    document = _render(case, "records", options=LetterOptions(delivery=DeliveryMethod.HAND))
    assert document.missing == []


def test_an_evaluation_request_without_concerns_asks_for_the_reason(make_case):
    case = make_case("minimal")
    document = _render(case, "initial-evaluation", options=LetterOptions(delivery=DeliveryMethod.MAIL))
    assert document.missing == ["why you are asking for the evaluation"]
    document = _render(case, "initial-evaluation", {"reason": "Sam cannot read the science textbook."},
                       LetterOptions(delivery=DeliveryMethod.MAIL))
    assert document.missing == []
    assert "Sam cannot read the science textbook." in document.plain_text()


def test_an_ocr_complaint_past_180_days_asks_for_a_waiver(make_case):
    template = default_registry().get("ocr-complaint")
    late = {**template.meta.sample_inputs, "last_date": "2026-03-02"}
    assert "waive the time limit" in _render(make_case("full"), "ocr-complaint", late).plain_text()
    assert "waive" not in _render(make_case("full"), "ocr-complaint").plain_text()


def test_a_manifestation_review_for_a_504_student_asks_for_the_504_evaluation(make_case):
    text = _render(make_case("504-plan"), "manifestation-determination").plain_text()
    assert "34 CFR 104.35(a)" in text and "Section 504 team" in text
    text = _render(make_case("iep"), "manifestation-determination").plain_text()
    assert "manifestation determination review under 34 CFR 300.530(e)" in text
