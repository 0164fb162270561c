"""Letters page: pick by situation, the generated form, the live preview, export to Word and the log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt

from planwriter.core.model import Case, DeliveryMethod, Sender, SenderRole
from planwriter.gui.appcontext import AppContext
from planwriter.gui.pages.letters import PREVIEW_DELAY_MS, LettersPage
from planwriter.gui.widgets import CheckField, ChoiceField, DateField, LongTextField
from planwriter.render.engine import render_document
from planwriter.render.letter import LetterOptions
from planwriter.render.registry import GROUP_LABELS, Kind


@pytest.fixture
def context(data_dir):
    return AppContext(data_dir=data_dir)


@pytest.fixture
def page(qtbot, context, sample_case):
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    page.resize(1100, 760)
    page.show()
    return page


class Prompts:
    """Stands in for the modal dialogs: records what was asked and answers as told."""

    def __init__(self, monkeypatch, save_to: Path | None, open_it: bool = True) -> None:
        self.suggested: list[Path] = []
        self.opened: list[Path] = []
        self.messages: list[tuple[str, str]] = []
        self.save_to = save_to
        monkeypatch.setattr(LettersPage, "ask_save_path", lambda _page, suggested: self._save(suggested))
        monkeypatch.setattr(LettersPage, "confirm_open", lambda _page, _path: open_it)
        monkeypatch.setattr(LettersPage, "open_file", lambda _page, path: self.opened.append(path))
        monkeypatch.setattr(LettersPage, "show_message", lambda _page, t, x: self.messages.append((t, x)))

    def _save(self, suggested: Path) -> Path | None:
        self.suggested.append(suggested)
        return self.save_to


def _wait_preview(qtbot, page, text: str) -> None:
    qtbot.waitUntil(lambda: text in page.preview.toPlainText(), timeout=2000)


def test_letters_are_grouped_by_situation(page, context):
    groups = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert groups[0] == GROUP_LABELS[context.registry.get("initial-evaluation").meta.group]
    assert "Records and information" in groups
    listed = {item.data(0, Qt.ItemDataRole.UserRole) for item in page._template_items()}
    letters = {t.id for t in context.registry.all() if t.meta.kind == Kind.LETTER}
    assert listed == letters
    records = next(i for i in page._template_items() if i.data(0, Qt.ItemDataRole.UserRole) == "records")
    assert records.text(0) == context.registry.get("records").meta.situation
    assert records.parent().text(0) == "Records and information"


def test_select_template_shows_the_letter_and_says_when_it_does_not_exist(qtbot, page):
    assert page.select_template("records")
    assert page.title_label.text() == "Request to inspect and copy education records"
    _wait_preview(qtbot, page, "Request to inspect and receive copies of education records")
    assert not page.select_template("no-such-letter")
    assert page.template.id == "records"


def test_the_letters_inputs_become_a_form(qtbot, page):
    page.select_template("records")
    assert isinstance(page.input_field("meeting_date"), DateField)
    assert isinstance(page.input_field("record_format"), ChoiceField)
    assert isinstance(page.input_field("extra_records"), LongTextField)
    assert isinstance(page.input_field("ask_fee_waiver"), CheckField)
    assert page.input_field("record_format").combo.currentText().startswith("Electronic copies")
    assert page.input_field("ask_fee_waiver").box.isChecked()
    assert "the school must let you see the records" in page.input_field("meeting_date").help_label.text()


def test_an_input_that_is_not_a_date_is_refused_by_the_field(qtbot, page):
    page.select_template("records")
    field = page.input_field("meeting_date")
    qtbot.keyClicks(field.edit, "next Tuesday")
    assert "is not a date" in field.error()
    assert page.drafts["records"].inputs["meeting_date"] is None
    field.edit.clear()
    qtbot.keyClicks(field.edit, "2027-01-12")
    assert field.error() == ""
    assert page.drafts["records"].inputs["meeting_date"] == dt.date(2027, 1, 12)
    _wait_preview(qtbot, page, "January 12, 2027")


def test_the_preview_follows_typing_without_drawing_on_every_keystroke(qtbot, page):
    page.select_template("records")
    _wait_preview(qtbot, page, "Dear Dr. Whitfield")
    assert PREVIEW_DELAY_MS < 50
    before = page.render_count
    field = page.input_field("extra_records")
    text = "bus incident reports"
    qtbot.keyClicks(field.edit, text)
    _wait_preview(qtbot, page, text)
    assert page.render_count - before < len(text) / 2


def test_missing_information_is_highlighted_and_listed(qtbot, context):
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(Case())
    page.show()
    page.select_template("records")
    qtbot.waitUntil(lambda: page.missing_text().startswith("Still needed"))
    assert "the child's date of birth" in page.missing_text()
    assert "[the child's date of birth]" in page.preview.toPlainText()
    assert "background-color:#fff2a8" in page.preview.toHtml().replace(" ", "")


def test_the_recipient_defaults_to_the_letters_role_and_can_be_changed(qtbot, page, sample_case):
    page.select_template("records")
    assert page.recipient_edit.combo.currentText() == "Dr. Karen Whitfield — Principal"
    okafor = next(c for c in sample_case.contacts if c.name == "James Okafor")
    page.recipient_edit.combo.setCurrentIndex(page.recipient_edit._values.index(okafor.id))
    _wait_preview(qtbot, page, "Dear Mr. Okafor")


def test_before_you_send_shows_the_guidance_the_law_and_the_due_date(qtbot, page, context):
    page.select_template("records")
    _wait_preview(qtbot, page, "Dear Dr. Whitfield")
    text = page.guidance_view.toPlainText()
    meta = context.registry.get("records").meta
    assert "34 CFR 300.613" in text
    assert "keep proof" in text.lower()
    assert page.document.response_due is not None
    assert f"{page.document.response_due:%B} {page.document.response_due.day}" in text
    assert page.document.response_note in page.due_text()
    assert meta.guidance.next_steps[0][:40] in text


def test_export_writes_the_letter_logs_it_and_offers_to_open_it(qtbot, page, sample_case, monkeypatch, tmp_path,
                                                               context):
    target = tmp_path / "out" / "records.docx"
    target.parent.mkdir()
    prompts = Prompts(monkeypatch, target)
    page.select_template("records")
    qtbot.keyClicks(page.date_edit.edit, "2026-11-02")
    logged = []
    changed = []
    context.signals.log_changed.connect(lambda: logged.append(True))
    page.changed.connect(lambda: changed.append(True))
    before = len(sample_case.correspondence)

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)

    assert prompts.messages == []
    assert prompts.suggested[0].name == (
        "2026-11-02 Request to inspect and copy education records - Alex Rivera.docx"
    )
    assert prompts.opened == [target]
    document = docx.Document(str(target))
    paragraphs = document.paragraphs
    text = "\n".join(p.text for p in paragraphs)
    assert "Alexander James Rivera" in text
    subject = next(p for p in paragraphs if p.text.startswith("Re:"))
    assert subject.text.startswith("Re: Request to inspect and receive copies of education records")
    assert subject.style.name == "Subject"
    assert {"Sender", "Letter Date", "Salutation"} <= {p.style.name for p in paragraphs}

    assert len(sample_case.correspondence) == before + 1
    entry = sample_case.correspondence[-1]
    expected = render_document(sample_case, "records", options=LetterOptions(date=dt.date(2026, 11, 2)))
    assert entry.template_id == "records"
    assert entry.date == dt.date(2026, 11, 2)
    assert entry.title == "Request to inspect and copy education records"
    assert entry.recipient == "Dr. Karen Whitfield, Principal"
    assert entry.delivery_method is DeliveryMethod.EMAIL
    assert entry.response_due == expected.response_due
    assert entry.response_due is not None
    assert entry.response_rule == expected.response_note
    assert entry.file_name == "records.docx"
    assert logged == [True]
    assert changed


def test_export_says_what_is_missing_and_writes_nothing(qtbot, context, monkeypatch, tmp_path):
    prompts = Prompts(monkeypatch, tmp_path / "never.docx")
    case = Case()
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(case)
    page.show()
    page.select_template("records")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert prompts.suggested == []
    title, text = prompts.messages[0]
    assert title == "Some information is missing"
    assert "the child's date of birth" in text
    assert not (tmp_path / "never.docx").exists()
    assert case.correspondence == []


def test_cancelling_the_save_dialog_exports_nothing(qtbot, page, sample_case, monkeypatch):
    prompts = Prompts(monkeypatch, None)
    page.select_template("records")
    before = len(sample_case.correspondence)
    assert page.export() is None
    assert prompts.suggested and prompts.opened == []
    assert len(sample_case.correspondence) == before


def test_the_settings_sender_and_letterhead_are_used(qtbot, context, sample_case, monkeypatch, tmp_path):
    letterhead = tmp_path / "letterhead.docx"
    head = docx.Document()
    head.sections[0].header.paragraphs[0].text = "Blake Advocacy Services"
    head.save(str(letterhead))
    context.settings.letterhead = str(letterhead)
    context.settings.sender = Sender(role=SenderRole.ADVOCATE, name="Jordan Blake", title="Advocate",
                                     address=sample_case.sender.address)
    case = sample_case.model_copy(update={"sender": Sender(), "guardians": []}, deep=True)
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(case)
    page.show()
    page.select_template("records")
    _wait_preview(qtbot, page, "Jordan Blake")
    target = tmp_path / "letter.docx"
    Prompts(monkeypatch, target, open_it=False)
    assert page.export() == target
    written = docx.Document(str(target))
    assert "Blake Advocacy Services" in "\n".join(p.text for p in written.sections[0].first_page_header.paragraphs)
    assert "Jordan Blake" in "\n".join(p.text for p in written.paragraphs)


def test_a_change_elsewhere_in_the_case_redraws_the_preview(qtbot, page, sample_case, context):
    page.select_template("records")
    _wait_preview(qtbot, page, "Maple Grove Elementary School")
    sample_case.child.school = "Cedar Hill Elementary"
    context.signals.case_changed.emit()
    _wait_preview(qtbot, page, "Cedar Hill Elementary")


def test_required_questions_are_marked_and_listed_once_until_answered(qtbot, page):
    page.select_template("disagreement")
    field = page.input_field("proposal")
    assert field.label.text().endswith(" *")
    assert "required" in field.editor.accessibleName()
    qtbot.waitUntil(lambda: "what the school proposed" in page.missing_text())
    assert page.missing_text().count("what the school proposed") == 1
    assert "what the school proposed — fill it in under About this letter" in page.missing_text()
    qtbot.keyClicks(field.edit, "the draft IEP")
    qtbot.waitUntil(lambda: "what the school proposed" not in page.missing_text())
    _wait_preview(qtbot, page, "the draft IEP")


def test_the_save_dialog_starts_in_the_case_files_folder(qtbot, page, context, monkeypatch, tmp_path):
    prompts = Prompts(monkeypatch, None)
    context.case_path = tmp_path / "cases" / "alex.pwcase"
    page.select_template("records")
    page.export()
    assert prompts.suggested[0].parent == tmp_path / "cases"
    assert prompts.suggested[0].name.endswith("Request to inspect and copy education records - Alex Rivera.docx")


def test_opening_another_case_keeps_the_letter_but_forgets_the_old_choices(qtbot, page, sample_case):
    page.select_template("records")
    okafor = next(c for c in sample_case.contacts if c.name == "James Okafor")
    page.recipient_edit.combo.setCurrentIndex(page.recipient_edit._values.index(okafor.id))
    page.set_case(Case())
    assert page.template.id == "records"
    assert page.recipient_edit.combo.currentText() == "Principal (not on School & team yet)"
    qtbot.waitUntil(lambda: "the child's date of birth" in page.missing_text())


def test_a_letters_answers_are_kept_in_the_case_and_come_back_after_saving(qtbot, page, context, tmp_path):
    from planwriter.core import casefile

    changes: list[bool] = []
    page.changed.connect(lambda: changes.append(True))
    page.select_template("records")
    qtbot.keyClicks(page.input_field("meeting_date").edit, "2027-01-12")
    qtbot.keyClicks(page.input_field("extra_records").edit, "bus incident reports")
    assert changes, "typing an answer marks the case as changed"
    path = casefile.save(page.case, tmp_path / "alex.pwcase")

    reopened = LettersPage(context)
    qtbot.addWidget(reopened)
    reopened.set_case(casefile.load(path))
    reopened.show()
    reopened.select_template("records")
    assert reopened.input_field("meeting_date").edit.text() == "2027-01-12"
    assert "bus incident reports" in reopened.input_field("extra_records").edit.toPlainText()
    _wait_preview(qtbot, reopened, "January 12, 2027")


def test_the_app_and_the_command_line_write_the_same_letter_from_a_saved_case(
        qtbot, page, context, monkeypatch, tmp_path):
    from planwriter.cli import main as cli_main
    from planwriter.core import casefile

    page.select_template("records")
    qtbot.keyClicks(page.date_edit.edit, "2026-11-02")
    qtbot.keyClicks(page.input_field("extra_records").edit, "bus incident reports")
    qtbot.keyClicks(page.enclosures_edit.edit, "A copy of my signed release")
    okafor = next(c for c in page.case.contacts if c.name == "James Okafor")
    page.recipient_edit.combo.setCurrentIndex(page.recipient_edit._values.index(okafor.id))
    page.delivery_edit.combo.setCurrentIndex(page.delivery_edit._values.index(DeliveryMethod.CERTIFIED_MAIL))
    saved = casefile.save(page.case, tmp_path / "alex.pwcase")

    from_app = tmp_path / "app.docx"
    Prompts(monkeypatch, from_app, open_it=False)
    assert page.export() == from_app
    from_cli = tmp_path / "cli.docx"
    assert cli_main(["render", str(saved), "-t", "records", "--out", str(from_cli)]) == 0

    def text(path):
        return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]

    assert text(from_cli) == text(from_app)
    body = "\n".join(t for _, t in text(from_cli))
    assert "Dear Mr. Okafor" in body and "bus incident reports" in body
    assert "Enclosure: A copy of my signed release" in body
    assert "certified mail" in body


def test_a_letter_past_two_pages_is_flagged_before_export(qtbot, page, monkeypatch, tmp_path):
    asked: list[str] = []
    prompts = Prompts(monkeypatch, tmp_path / "long.docx")
    monkeypatch.setattr(LettersPage, "confirm_long", lambda _page, warning: asked.append(warning) or False)
    page.select_template("initial-evaluation")
    # A list has no summary: 120 areas to test keep the letter long even with its detail attached.
    page.case.letter_drafts["initial-evaluation"].inputs["areas_to_test"] = [
        f"area number {n}, including every skill the teacher has named in it" for n in range(120)]
    page.schedule_render()
    qtbot.waitUntil(lambda: "pages" in page.missing_text(), timeout=2000)
    assert page.result is not None and page.result.too_long
    assert page.export() is None  # the parent chose not to export the long letter
    assert asked and "pages" in asked[0]
    assert prompts.suggested == []


def test_a_letter_within_two_pages_has_no_length_warning(qtbot, page):
    page.select_template("records")
    _wait_preview(qtbot, page, "Dear Dr. Whitfield")
    assert page.length_warning() == ""


def test_the_page_shows_who_the_letter_goes_to_when_no_case_manager_is_on_file(qtbot, context, sample_case):
    from planwriter.core.model import SchoolRole

    sample_case.contacts = [c for c in sample_case.contacts if c.role != SchoolRole.CASE_MANAGER]
    director = sample_case.contacts_with_role(SchoolRole.SPECIAL_EDUCATION_DIRECTOR)[0]
    page = LettersPage(context)
    qtbot.addWidget(page)
    page.set_case(sample_case)
    page.show()
    page.select_template("progress-data")
    assert page.recipient_edit.combo.currentText().startswith(director.name)
    _wait_preview(qtbot, page, director.name)
    assert director.name in page.document.recipient
