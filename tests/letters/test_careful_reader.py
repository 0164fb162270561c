"""What a careful second reader fixed in the letters, kept fixed: recipients, IEP wording, lists, advocates."""

from __future__ import annotations

import re

import pytest

from planwriter.core.model import Contact, PlanStatus, Pronouns, SchoolRole
from planwriter.render.engine import default_registry, render_document

from .conftest import CASES, LETTER_DATE

LETTERS = [t.id for t in default_registry().letters()]
CASE_MANAGER_LETTERS = [t.id for t in default_registry().letters()
                        if t.meta.recipient_role == SchoolRole.CASE_MANAGER]


def _text(case, template_id, inputs=None):
    template = default_registry().get(template_id)
    chosen = template.meta.sample_inputs if inputs is None else inputs
    return render_document(case, template_id, chosen, today=LETTER_DATE)


def _recipient(document):
    return next(b for b in document.blocks if getattr(b, "style", "") == "Recipient").text


# --------------------------------------------------------------------------- who receives it


def test_the_case_manager_letters_are_the_ones_we_think():
    assert {"iep-meeting", "parent-concerns", "progress-data", "draft-iep"} <= set(CASE_MANAGER_LETTERS)


@pytest.mark.parametrize("template_id", CASE_MANAGER_LETTERS)
def test_without_a_case_manager_on_file_the_letter_goes_to_the_special_education_director(template_id, make_case):
    case = make_case("full")
    assert not case.contacts_with_role(SchoolRole.CASE_MANAGER)
    document = _text(case, template_id)
    assert _recipient(document).splitlines()[:2] == ["James Okafor", "Director of Student Services"]
    text = document.plain_text()
    assert "Dear Mr. Okafor:" in text
    assert "Case Manager" not in text
    assert not re.search(r"^cc:.*James Okafor", text, re.M), "the recipient is not also copied"


@pytest.mark.parametrize("template_id", CASE_MANAGER_LETTERS)
def test_with_no_school_contacts_at_all_the_letter_is_addressed_to_the_director_by_title(template_id, make_case):
    text = _text(make_case("minimal"), template_id).plain_text()
    assert "Dear Director of Special Education:" in text
    assert "Case Manager" not in text


@pytest.mark.parametrize("template_id", CASE_MANAGER_LETTERS)
def test_a_case_manager_on_file_still_receives_the_letter(template_id, make_case):
    case = make_case("full")
    case.contacts.append(Contact(name="Dana Wu", role=SchoolRole.CASE_MANAGER, salutation="Ms. Wu"))
    document = _text(case, template_id)
    assert _recipient(document).splitlines()[0] == "Dana Wu"
    assert "Dear Ms. Wu:" in document.plain_text()


# --------------------------------------------------------------------------- a child with or without an IEP

IEP_ONLY_PHRASES = ("progress toward each goal", "data for each goal", "since the last IEP",
                    "review and revise his IEP", "review and revise their IEP")


@pytest.mark.parametrize("variant", ["full", "minimal", "they"])
@pytest.mark.parametrize("template_id", ["iep-meeting", "draft-iep"])
def test_a_child_without_an_iep_is_not_said_to_have_iep_goals(template_id, variant, make_case):
    case = make_case(variant)
    case.plan_status = PlanStatus.NONE
    text = _text(case, template_id).plain_text()
    found = [phrase for phrase in IEP_ONLY_PHRASES if phrase in text]
    assert found == []


@pytest.mark.parametrize(("template_id", "phrase"), [
    ("iep-meeting", "progress toward each goal"),
    ("iep-meeting", "to review and revise his IEP"),
    ("draft-iep", "since the last IEP"),
])
def test_a_child_with_an_iep_gets_the_iep_wording(template_id, phrase, make_case):
    case = make_case("full")
    case.plan_status = PlanStatus.IEP
    assert phrase in _text(case, template_id).plain_text()


# --------------------------------------------------------------------------- lists the family types


def test_meeting_times_are_separate_items_each_starting_with_a_capital(make_case):
    inputs = {"reasons": ["his reading has stalled"],
              "proposed_times": ["Tuesday or Thursday after 3:15 pm", "any weekday morning"],
              "attendees": ["the school psychologist", "Ms. Torres"]}
    text = _text(make_case("full"), "iep-meeting", inputs).plain_text()
    assert {"His reading has stalled", "Tuesday or Thursday after 3:15 pm", "Any weekday morning",
            "The school psychologist", "Ms. Torres"} <= set(text.splitlines())
    assert not re.search(r"\bor [Aa]ny\b", text.replace("Tuesday or Thursday", ""))


@pytest.mark.parametrize("template_id", LETTERS)
def test_typed_list_items_read_as_part_of_the_sentence_when_joined(template_id, make_case):
    template = default_registry().get(template_id)
    inputs = dict(template.meta.sample_inputs)
    for spec in template.meta.inputs:
        if spec.type.value == "list" and spec.name in inputs:
            inputs[spec.name] = [*inputs[spec.name], "Any weekday morning"]
    text = _text(make_case("full"), template_id, inputs).plain_text()
    assert not re.search(r"\b(?:or|and),? Any weekday|, Any weekday", text)


def test_joined_items_keep_names_and_abbreviations_as_typed(make_case):
    inputs = {"interests": ["Lego robotics", "Drawing", "NASA history"],
              "agencies": ["Vocational Rehabilitation", "The Oregon Commission for the Blind"]}
    text = _text(make_case("full"), "transition-planning", inputs).plain_text()
    assert "include Lego robotics, drawing, and NASA history." in text
    assert "invite Vocational Rehabilitation and the Oregon Commission for the Blind\n" in text


# --------------------------------------------------------------------------- advocates and the family's voice


#: Documents the parents themselves sign, in their own words, whoever the case's sender is.
PARENTS_OWN = {"advocate-authorization"}


@pytest.mark.parametrize("template_id", [t for t in LETTERS if t not in PARENTS_OWN])
def test_an_advocate_never_speaks_as_the_family(template_id, make_case):
    template = default_registry().get(template_id)
    text = render_document(make_case("advocate"), template_id, template.meta.sample_inputs,
                           today=LETTER_DATE).plain_text()
    # Body text written by planwriter (sample inputs are the family's own words and may say "we").
    for phrase in ("our family", "What we have tried", "I am the mother", "my son", "where I can get help"):
        assert phrase not in text, phrase


def test_assistive_technology_training_names_the_child_not_an_ambiguous_them(make_case):
    case = make_case("they")
    text = _text(case, "assistive-technology-evaluation").plain_text()
    assert "recommend training for Alex, their teachers and our family" in text


# --------------------------------------------------------------------------- legal content


def test_prior_written_notice_asks_for_the_procedural_safeguards_statement(make_case):
    text = _text(make_case("full"), "prior-written-notice").plain_text()
    assert "the protection of the procedural safeguards, how to get a copy of them" in text


def test_independent_evaluation_says_the_results_will_be_shared_and_considered(make_case):
    text = _text(make_case("full"), "independent-evaluation").plain_text()
    assert "(34 CFR 300.502(c))" in text
    assert "(dated October 30, 2026, by Dr. Helen Brooks" in text


@pytest.mark.parametrize(("template_id", "enclosed"), [
    ("due-process-complaint", "I have also filled in the state's model form for due process complaints"),
    ("state-complaint", "I have also filled in the state's model complaint form"),
])
def test_complaints_can_say_the_states_form_is_enclosed(template_id, enclosed, make_case):
    template = default_registry().get(template_id)
    without = _text(make_case("full"), template_id).plain_text()
    assert "Many states ask" in without and enclosed not in without
    inputs = {**template.meta.sample_inputs, "state_form_enclosed": True}
    text = _text(make_case("full"), template_id, inputs).plain_text()
    assert enclosed in text
    assert "Many states ask" not in text
    paragraph = next(line for line in text.splitlines() if enclosed in line)
    assert paragraph.endswith("enclosed."), "the next paragraph is not run into it"


@pytest.mark.parametrize("template_id", ["due-process-complaint", "state-complaint"])
def test_complaint_guidance_is_accurate_about_state_forms(template_id):
    guidance = default_registry().get(template_id).meta.guidance
    text = " ".join(guidance.next_steps)
    assert "34 CFR 300.509" in text  # a state may not insist on its model form
    assert "parentcenterhub.org" in text and "attorney" in text


# --------------------------------------------------------------------------- small slips anywhere

SLIPS = re.compile(r"\.\.(?!\.)|  |\s[,.;:](?!\d)|\b(\w+) \1\b|\b(?:they|They) (?:is|was|has|does)\b|"
                   r"\b(?:he|she|He|She) (?:are|were|have|do)\b|\ba (?=[aeio]\w)|; by\b")


def _variants():
    extra = {}

    def iep(name):
        case = CASES[name]()
        case.plan_status = PlanStatus.IEP
        return case

    def plan_504_she_texas():
        case = CASES["minimal"]()
        case.plan_status = PlanStatus.PLAN_504
        case.child.pronouns = Pronouns.SHE
        case.child.state = "TX"
        return case

    extra["iep-they"] = lambda: iep("they")
    extra["504-she-texas"] = plan_504_she_texas
    return {**CASES, **extra}


VARIANTS = _variants()


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_no_letter_has_doubled_words_stray_punctuation_or_pronoun_slips(variant):
    problems = []
    for template_id in LETTERS:
        text = _text(VARIANTS[variant](), template_id).plain_text()
        for match in SLIPS.finditer(text):
            problems.append(f"{template_id}: …{text[max(0, match.start() - 30):match.end() + 30]}…")
    assert problems == []


@pytest.mark.parametrize(("status", "stay_put"), [(PlanStatus.IEP, True), (PlanStatus.PLAN_504, False),
                                                  (PlanStatus.NONE, False)])
def test_stay_put_is_claimed_only_for_a_child_with_an_iep(status, stay_put, make_case):
    case = make_case("full")
    case.plan_status = status
    assert ("34 CFR 300.518" in _text(case, "due-process-complaint").plain_text()) == stay_put


def test_a_state_deadline_close_to_the_asked_date_is_not_given_as_two_dates(make_case):
    text = _text(make_case("california"), "initial-evaluation").plain_text()
    assert "ending on or about December 15, 2026, and I look forward to your written response within that time." in text
    assert "December 14, 2026" not in text
    text = _text(make_case("california"), "progress-data").plain_text()
    assert text.count("December 7, 2026") == 1
    assert "Cal. Educ. Code § 56504" in text


@pytest.mark.parametrize("variant", ["full", "minimal", "advocate"])
def test_the_follow_up_letter_does_not_assume_its_reader_sat_in_the_meeting(variant, make_case):
    # With no case manager on file it goes to the director, who may not have been there.
    text = _text(make_case(variant), "meeting-follow-up").plain_text()
    assert "meeting with me" not in text
    assert "Thank you for your time at " in text


@pytest.mark.parametrize(("requests", "expected"), [
    (["A copy of the meeting notes"], "I would also ask for a copy of the meeting notes."),
    (["a copy of the notes", "the final IEP"], "I would also ask for:\n\nA copy of the notes\n\nThe final IEP"),
])
def test_follow_up_requests_read_as_a_sentence_or_a_list(requests, expected, make_case):
    template = default_registry().get("meeting-follow-up")
    text = _text(make_case("full"), "meeting-follow-up", {**template.meta.sample_inputs, "requests": requests})
    assert expected in text.plain_text()


@pytest.mark.parametrize("template_id", ["meeting-follow-up", "records", "iep-meeting"])
def test_the_signature_never_stands_alone_on_a_page(template_id, make_case, tmp_path):
    import docx

    from planwriter.render.engine import export

    template = default_registry().get(template_id)
    path = tmp_path / "letter.docx"
    export(make_case("full"), template_id, path, template.meta.sample_inputs, today=LETTER_DATE)
    paragraphs = docx.Document(str(path)).paragraphs
    closing = next(i for i, p in enumerate(paragraphs) if p.text == "Sincerely,")
    assert paragraphs[closing - 1].paragraph_format.keep_with_next is True
    assert paragraphs[closing - 1].text.strip()


@pytest.mark.parametrize("template_id", CASE_MANAGER_LETTERS)
def test_before_you_send_explains_where_a_case_manager_letter_goes_without_one(template_id):
    assert "director of special education" in default_registry().get(template_id).meta.guidance.send_to


def test_disagreement_guidance_does_not_promise_that_refusing_consent_freezes_the_plan():
    steps = " ".join(default_registry().get("disagreement").meta.guidance.next_steps)
    assert "generally continues" not in steps
    assert "34 CFR 300.518" in steps


def test_a_child_who_already_has_a_504_plan_is_asked_about_updating_it(make_case):
    case = make_case("minimal")
    case.plan_status = PlanStatus.PLAN_504
    text = _text(case, "section-504-evaluation").plain_text()
    assert "to update their Section 504 plan" in text
    assert "no longer eligible" in text
    assert "if they are found eligible" not in text
