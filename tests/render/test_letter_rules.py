"""Letter rules (render/letters.py): defaults, typed answers, what is still needed, the log entry."""

from __future__ import annotations

import datetime as dt

import pytest

from planwriter.core.model import Case, Contact, DeliveryMethod, LetterDraft, SchoolRole
from planwriter.render import letters
from planwriter.render.engine import default_registry
from planwriter.render.registry import InputError


def _template(template_id: str):
    return default_registry().get(template_id)


def test_a_case_manager_letter_goes_to_the_director_when_no_case_manager_is_on_file(sample_case):
    template = _template("progress-data")
    assert template.meta.recipient_role == SchoolRole.CASE_MANAGER
    sample_case.contacts = [c for c in sample_case.contacts if c.role != SchoolRole.CASE_MANAGER]
    director = sample_case.contacts_with_role(SchoolRole.SPECIAL_EDUCATION_DIRECTOR)[0]
    assert letters.recipient_role(sample_case, template) == SchoolRole.SPECIAL_EDUCATION_DIRECTOR
    draft = letters.new_draft(sample_case, template)
    assert draft.recipient_id == director.id  # what the page shows is who the letter goes to
    result = letters.render_letter(sample_case, "progress-data", draft=draft, today=dt.date(2026, 11, 2))
    assert director.name in result.document.recipient


def test_with_nobody_on_file_the_draft_names_the_role_the_letter_goes_to():
    template = _template("progress-data")
    case = Case()
    assert letters.new_draft(case, template).recipient_id is None
    assert letters.recipient_role(case, template) == SchoolRole.SPECIAL_EDUCATION_DIRECTOR


def test_copies_never_include_the_recipient(sample_case):
    template = _template("disagreement")
    draft = letters.new_draft(sample_case, template)
    assert draft.recipient_id not in draft.cc_ids
    roles = {sample_case.contact(i).role for i in draft.cc_ids}
    assert roles <= set(template.meta.cc_roles)


def test_saved_answers_get_their_types_and_a_broken_one_goes_back_to_its_default(sample_case):
    template = _template("records")
    sample_case.letter_drafts["records"] = LetterDraft(inputs={"meeting_date": "2027-01-12", "kept": "x"})
    draft = letters.saved_draft(sample_case, template)
    assert draft.inputs["meeting_date"] == dt.date(2027, 1, 12)
    assert draft.inputs["kept"] == "x"  # an answer the template no longer asks for is kept in the case…
    assert "kept" not in letters.render_inputs(template, draft)  # …and never rendered
    draft.inputs["meeting_date"] = "not a date"
    letters.type_answers(template, draft)
    assert draft.inputs["meeting_date"] is None


def test_overrides_are_checked_strictly():
    template = _template("records")
    draft = LetterDraft()
    with pytest.raises(InputError, match="no input"):
        letters.render_inputs(template, draft, {"no_such_question": "x"})
    with pytest.raises(InputError, match="not a date"):
        letters.render_inputs(template, draft, {"meeting_date": "soon"})


def test_what_is_still_needed_is_keyed_by_field_and_says_where_to_fill_it():
    case = Case()
    result = letters.render_letter(case, "disagreement", today=dt.date(2026, 11, 2))
    by_field = {item.field: item for item in result.needed}
    assert by_field["child.date_of_birth"].area == letters.Area.CHILD
    assert by_field["input:proposal"].area == letters.Area.LETTER
    assert by_field["sender.address"].area == letters.Area.FAMILY
    assert "child.name" in by_field and "child.legal_last_name" not in by_field  # the name once
    assert len(by_field) == len(result.needed)


def test_sending_by_email_without_an_email_address_is_flagged(sample_case):
    principal = sample_case.contacts_with_role(SchoolRole.PRINCIPAL)[0]
    principal.email = ""
    draft = letters.new_draft(sample_case, _template("records"))
    result = letters.render_letter(sample_case, "records", draft=draft, today=dt.date(2026, 11, 2))
    email = [item for item in result.needed if item.field == "recipient.email"]
    assert email and principal.name in email[0].label and email[0].area == letters.Area.SCHOOL
    assert [item.label for item in result.needed].count(email[0].label) == 1
    assert sum("email address" in item.label for item in result.needed) == 1  # the head's flag is the same entry
    draft.delivery = DeliveryMethod.CERTIFIED_MAIL
    result = letters.render_letter(sample_case, "records", draft=draft, today=dt.date(2026, 11, 2))
    assert all(item.field != "recipient.email" for item in result.needed)


def test_the_log_entry_records_the_letter_as_rendered(sample_case):
    draft = letters.new_draft(sample_case, _template("records"))
    draft.date = dt.date(2026, 11, 2)
    result = letters.render_letter(sample_case, "records", draft=draft)
    entry = letters.log_entry(result, "letter.docx")
    assert (entry.date, entry.template_id, entry.file_name) == (dt.date(2026, 11, 2), "records", "letter.docx")
    assert entry.response_due == result.document.response_due is not None
    assert entry.recipient == result.document.recipient
    advice = letters.before_you_send(result.template, result.document)
    assert advice.due == entry.response_due and advice.guidance.legal_basis


def test_a_template_can_default_to_certified_mail(sample_case):
    records = _template("records")
    meta = records.meta.model_copy(update={"delivery": DeliveryMethod.CERTIFIED_MAIL})
    template = type(records)(meta, records.body, records.path)
    assert letters.new_draft(sample_case, template).delivery == DeliveryMethod.CERTIFIED_MAIL


def test_a_contact_chosen_then_removed_falls_back_to_the_default(sample_case):
    template = _template("records")
    gone = Contact(name="Someone Gone", role=SchoolRole.TEACHER)
    contact, role = letters.chosen_recipient(sample_case, template, gone.id)
    assert contact is not None and contact.role == role == SchoolRole.PRINCIPAL


def _saved(sample_case, tmp_path, **changes):
    from planwriter.core import casefile

    draft = letters.new_draft(sample_case, _template("records"))
    draft.inputs["extra_records"] = ["bus incident reports"]
    draft.enclosures = ["A copy of my signed release"]
    draft.date = DAY
    for name, value in changes.items():
        setattr(draft, name, value)
    sample_case.letter_drafts["records"] = draft
    return casefile.save(sample_case, tmp_path / "alex.pwcase", keep_backup=False)


DAY = dt.date(2026, 11, 2)


def test_the_command_line_renders_what_the_case_saved_for_the_letter(sample_case, tmp_path, capsys):
    from planwriter.cli import main

    okafor = next(c for c in sample_case.contacts if c.name == "James Okafor")
    path = _saved(sample_case, tmp_path, recipient_id=okafor.id, delivery=DeliveryMethod.CERTIFIED_MAIL)
    assert main(["render", str(path), "-t", "records"]) == 0
    text = capsys.readouterr().out
    assert "Dear Mr. Okafor" in text and "bus incident reports" in text
    assert "Enclosure: A copy of my signed release" in text
    assert "certified mail" in text and "November 2, 2026" in text
    # --set changes one answer; the others stay as saved
    assert main(["render", str(path), "-t", "records", "--set", "extra_records=report cards"]) == 0
    text = capsys.readouterr().out
    assert "report cards" in text and "bus incident reports" not in text
    assert "Enclosure: A copy of my signed release" in text


def test_the_command_line_refuses_an_email_letter_with_no_address(sample_case, tmp_path, capsys):
    from planwriter.cli import main

    principal = sample_case.contacts_with_role(SchoolRole.PRINCIPAL)[0]
    principal.email = ""
    path = _saved(sample_case, tmp_path)
    assert main(["render", str(path), "-t", "records", "--out", str(tmp_path / "r.docx")]) == 1
    assert "email address" in capsys.readouterr().err
    assert not (tmp_path / "r.docx").exists()


def test_with_a_letterhead_the_command_line_prints_the_sender_once(sample_case, tmp_path):
    import docx

    from planwriter.cli import main

    head = docx.Document()
    head.sections[0].header.paragraphs[0].text = "Maria Rivera · 1428 Alder Street"
    head.save(str(tmp_path / "head.docx"))
    path = _saved(sample_case, tmp_path)
    out = tmp_path / "r.docx"
    assert main(["render", str(path), "-t", "records", "--letterhead", str(tmp_path / "head.docx"),
                 "--out", str(out)]) == 0
    written = docx.Document(str(out))
    assert not [p for p in written.paragraphs if p.style.name == "Sender"]
    assert sum("1428 Alder Street" in p.text for p in written.paragraphs) == 0


def test_the_letters_own_choice_of_signer_is_used_by_every_path():
    """A draft that names one of two parents: the letter (page, CLI, batch all call render_letter)
    has that parent give consent and sign, not both."""
    from planwriter.core.sample import sample_cases

    case = sample_cases()[2]  # an advocate writing for two parents
    raj = next(g for g in case.guardians if g.name.startswith("Raj"))
    template = _template("evaluation-plan-response")
    draft = letters.new_draft(case, template)
    draft.inputs = dict(template.meta.sample_inputs)
    draft.signer_ids = [raj.id]
    text = letters.render_letter(case, template.id, draft=draft, today=dt.date(2026, 11, 30)).document.plain_text()
    assert "Raj Patel, the father of Noah, gives written consent" in text
    assert "Priya Patel" not in text
